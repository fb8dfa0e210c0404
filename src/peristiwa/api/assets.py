"""The dashboard's files, read and compressed once, served with validators and cache lifetimes.

Why not Starlette's ``StaticFiles`` behind the gzip middleware: that reads and compresses every file on
every request (Leaflet alone is 147 KB, compressed in a worker thread because it is over 128 KB), which
is CPU a loaded machine does not have while the page is loading. The ~320 KB of assets are read and
gzipped (level 9) when the app starts; a request is a dictionary lookup.

Why versioned URLs: ``index.html`` is served with ``/static/<file>?v=<hash of the file>``, and a request
carrying the current hash may be cached for a year (``immutable``): a returning browser loads the
libraries from its cache, and an upgraded peristiwa changes the hash, so nobody keeps a stale script.
A request without the hash (or an old one) gets ``no-cache`` and revalidates with ``ETag``
(``304 Not Modified``). ``index.html`` itself is always revalidated.
"""

from __future__ import annotations

import gzip
import hashlib
import mimetypes
from dataclasses import dataclass
from pathlib import Path

from starlette.requests import Request
from starlette.responses import Response

__all__ = ["Asset", "Assets", "etag_matches", "serve"]

#: media types worth compressing (the others, images, are already compressed or tiny)
_COMPRESSIBLE = ("text/", "application/javascript", "application/json", "image/svg+xml")
_IMMUTABLE = "public, max-age=31536000, immutable"
_REVALIDATE = "no-cache"


@dataclass(frozen=True)
class Asset:
    """One file: its bytes, their gzip form (when smaller), media type and version hash."""

    body: bytes
    gzipped: bytes | None
    media_type: str
    version: str

    @property
    def etag(self) -> str:
        """A weak validator: the same for the plain and the gzip body, which decode to the same bytes."""
        return f'W/"{self.version}"'


def etag_matches(if_none_match: str | None, etag: str) -> bool:
    """Whether an ``If-None-Match`` header names ``etag`` (weak comparison, as RFC 9110 asks for GET)."""
    if not if_none_match:
        return False
    wanted = etag.removeprefix("W/")
    return any(tag.strip() == "*" or tag.strip().removeprefix("W/") == wanted for tag in if_none_match.split(","))


def _media_type(path: Path) -> str:
    if path.suffix == ".js":
        return "application/javascript; charset=utf-8"
    guessed = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    return guessed + ("; charset=utf-8" if guessed.startswith("text/") or guessed == "application/json" else "")


class Assets:
    """Every file under ``root``, keyed by its path relative to ``root`` (``vendor/leaflet.js``)."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.files: dict[str, Asset] = {}
        for path in sorted(p for p in root.rglob("*") if p.is_file()):
            body = path.read_bytes()
            media_type = _media_type(path)
            packed = gzip.compress(body, compresslevel=9, mtime=0) if media_type.startswith(_COMPRESSIBLE) else None
            self.files[path.relative_to(root).as_posix()] = Asset(
                body=body, gzipped=packed if packed is not None and len(packed) < len(body) else None,
                media_type=media_type, version=hashlib.sha256(body).hexdigest()[:16],
            )

    def url(self, name: str) -> str:
        """The versioned URL of asset ``name`` (``/static/app.js?v=…``)."""
        return f"/static/{name}?v={self.files[name].version}"

    def page(self, name: str, prefix: str = "/static/") -> Asset:
        """Asset ``name`` (an HTML page) with every quoted ``"/static/<file>"`` replaced by its versioned URL."""
        text = self.files[name].body.decode("utf-8")
        for other in self.files:
            text = text.replace(f'"{prefix}{other}"', f'"{self.url(other)}"')
        body = text.encode("utf-8")
        return Asset(body=body, gzipped=gzip.compress(body, compresslevel=9, mtime=0),
                     media_type="text/html; charset=utf-8", version=hashlib.sha256(body).hexdigest()[:16])

    def get(self, name: str) -> Asset | None:
        """The asset at ``name``, or None."""
        return self.files.get(name)


def serve(asset: Asset, request: Request, *, immutable: bool = False) -> Response:
    """``asset`` as an answer to ``request``: 304 when the client holds this version, gzip when accepted."""
    headers = {"ETag": asset.etag, "Cache-Control": _IMMUTABLE if immutable else _REVALIDATE,
               "Vary": "Accept-Encoding"}
    if etag_matches(request.headers.get("if-none-match"), asset.etag):
        return Response(status_code=304, headers=headers)
    body = asset.body
    if asset.gzipped is not None and "gzip" in request.headers.get("accept-encoding", ""):
        body = asset.gzipped
        headers["Content-Encoding"] = "gzip"
    if request.method == "HEAD":
        headers["Content-Length"] = str(len(body))
        return Response(status_code=200, headers=headers, media_type=asset.media_type)
    return Response(body, headers=headers, media_type=asset.media_type)
