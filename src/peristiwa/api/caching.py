"""``ETag`` validators on the API's read answers, so a browser revalidates instead of asking again.

Why this is safe without running the query: an answer depends only on the request (path and query
string), the store's contents and this server's code. A read-only server holds DuckDB's shared lock, so
the store cannot change while it runs; with ``--allow-ingest`` every ingestion that stored something
rebuilds the event index, which bumps :attr:`~peristiwa.api.db.Database.generation`. The tag is a hash of
the request, the generation and a token drawn when the app starts (a restarted or upgraded server never
matches an old tag). A request whose ``If-None-Match`` holds the current tag gets ``304 Not Modified``
before any query runs; every 200 carries the tag and ``Cache-Control: no-cache`` (use it, revalidate
first). ``/api/health`` (it echoes live counts) and non-GET requests are left alone.
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Callable

from starlette.datastructures import Headers, MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .assets import etag_matches

__all__ = ["ApiValidators"]

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
