"""``ETag`` validators on the API's read answers, so a browser revalidates instead of asking again, and a
cache of the aggregate answers (statistics, map cells, overview), so a server computes each only once.

Why this is safe without running the query: an answer depends only on the request (path and query
string), the store's contents and this server's code. A read-only server holds DuckDB's shared lock, so
the store cannot change while it runs; with ``--allow-ingest`` every ingestion that stored something
rebuilds the event index, which bumps :attr:`~peristiwa.api.db.Database.generation`. The tag is a hash of
the request, the generation and a token drawn when the app starts (a restarted or upgraded server never
matches an old tag). A request whose ``If-None-Match`` holds the current tag gets ``304 Not Modified``
before any query runs; every 200 carries the tag and ``Cache-Control: no-cache`` (use it, revalidate
first). ``/api/health`` (it echoes live counts) and non-GET requests are left alone.

The same reasoning lets :class:`AnswerCache` keep encoded answers of the aggregate endpoints by request
and index generation: they scan every matching event (10-40 ms at 10k-100k events even on an idle
machine), and a dashboard asks for the same few views again and again (every first load of the default
view, reloads, shared links, back and forth on the map). Event pages are cheap and endless, so they are
not kept.
"""

from __future__ import annotations

import hashlib
import secrets
import threading
from collections import OrderedDict
from collections.abc import Callable

from starlette.datastructures import Headers, MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .assets import etag_matches

__all__ = ["AnswerCache", "ApiValidators"]

_SKIP = frozenset({"/api/health"})


class ApiValidators:
    """ASGI middleware: ``ETag`` on 200 answers to ``GET /api/...``, ``304`` when the client has it."""

    def __init__(self, app: ASGIApp, generation: Callable[[], int], prefix: str = "/api/") -> None:
        self.app = app
        self.generation = generation
        self.prefix = prefix
        self.token = secrets.token_hex(6)

    def etag(self, scope: Scope) -> str:
        """The validator of this request's answer under the current index generation."""
        digest = hashlib.blake2b(digest_size=12)
        for part in (self.token, str(self.generation()), scope["path"]):
            digest.update(part.encode("utf-8"))
            digest.update(b"\x00")
        digest.update(scope.get("query_string", b""))
        return f'W/"{digest.hexdigest()}"'

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path = scope.get("path", "") if scope["type"] == "http" else ""
        if scope["type"] != "http" or scope["method"] not in ("GET", "HEAD") or not path.startswith(self.prefix) \
                or path in _SKIP:
            await self.app(scope, receive, send)
            return
        tag = self.etag(scope)
        if etag_matches(Headers(scope=scope).get("if-none-match"), tag):
            await send({"type": "http.response.start", "status": 304,
                        "headers": [(b"etag", tag.encode()), (b"cache-control", b"no-cache")]})
            await send({"type": "http.response.body", "body": b""})
            return

        async def tagged(message: Message) -> None:
            if message["type"] == "http.response.start" and message["status"] == 200:
                headers = MutableHeaders(scope=message)
                headers["ETag"] = tag
                headers.setdefault("Cache-Control", "no-cache")
            await send(message)

        await self.app(scope, receive, tagged)


class AnswerCache:
    """Encoded answers by ``(index generation, path, query string)``, least recently used dropped first
    once they hold more than ``max_bytes``; entries of older generations are never asked for again and
    age out."""

    def __init__(self, max_bytes: int = 64 << 20) -> None:
        self.max_bytes = max_bytes
        self.size = 0
        self.hits = 0
        self.misses = 0
        self._entries: OrderedDict[tuple[int, str, str], bytes] = OrderedDict()
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._entries)

    def get(self, key: tuple[int, str, str], compute: Callable[[], bytes]) -> bytes:
        """The answer stored under ``key``, else ``compute()`` stored (when it fits) and returned."""
        with self._lock:
            found = self._entries.get(key)
            if found is not None:
                self._entries.move_to_end(key)
                self.hits += 1
                return found
            self.misses += 1
        body = compute()  # outside the lock: two first requests for one key may both compute it
        if len(body) > self.max_bytes // 4:
            return body
        with self._lock:
            if key not in self._entries:
                self._entries[key] = body
                self.size += len(body)
            while self.size > self.max_bytes and self._entries:
                _, old = self._entries.popitem(last=False)
                self.size -= len(old)
        return body
