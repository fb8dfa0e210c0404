"""Run the app with uvicorn (what ``peristiwa serve`` calls).

Why a function of its own: the CLI stays a thin argument parser, and scripts or tests can start a real
server on a port with the same settings.
"""

from __future__ import annotations

from .app import create_app
from .settings import ApiSettings

__all__ = ["serve"]


def serve(settings: ApiSettings, host: str = "127.0.0.1", port: int = 8000, *, log_level: str = "info") -> None:
    """Serve the API and dashboard until interrupted (Ctrl-C)."""
    import uvicorn

    uvicorn.run(create_app(settings), host=host, port=port, log_level=log_level)
