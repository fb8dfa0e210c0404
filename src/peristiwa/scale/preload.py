"""Dask worker preload: a local worker starts loading the pipeline as soon as its process starts.

Why: building the pipeline on a worker (the stages from the config; with spawned workers also importing
them) takes 0.2-0.8 s. Done by the first task, it comes after the cluster is up and the first partition
has arrived; on a corpus of a few thousand documents that time, on every worker, is a noticeable part of
a 25-second run. Started here, in a thread of the worker process, it overlaps the worker's registration
with the scheduler and the driver's planning. (The language-pack resources that the first document pulls
in, about 0.3 s, still load with the first document, as in a single process.)

:func:`peristiwa.scale.runner.dask_client` names this module as the workers' ``preload`` and passes
the config to the worker processes in the environment variable :data:`CONFIG_ENV` (the nanny's
``env``). Without it (a remote cluster, another client) nothing happens here and the first task loads
the pipeline itself. A failure here is only logged: the task then builds the pipeline and raises its own
error, which the driver retries and reports.
"""

from __future__ import annotations

import logging
import os
import threading
from typing import Any

__all__ = ["CONFIG_ENV", "dask_setup", "warm"]

#: Environment variable carrying the run's config (``Config.to_dict()`` as JSON) to local workers.
CONFIG_ENV = "PERISTIWA_PRELOAD_CONFIG"

log = logging.getLogger(__name__)


def warm(config_json: str) -> None:
    """Build (and cache) the pipeline of ``config_json`` in this process."""
    from .worker import cached_pipeline

    try:
        cached_pipeline(config_json)
    except Exception:  # the first task builds it again and reports the error
        log.exception("peristiwa: loading the pipeline ahead of the first task failed")


def dask_setup(worker: Any) -> None:
    """Dask's preload hook, called as the worker starts: load the pipeline in a background thread."""
    config_json = os.environ.get(CONFIG_ENV)
    if config_json:
        threading.Thread(target=warm, args=(config_json,), name="peristiwa-preload", daemon=True).start()
