"""Request size limits, enforced before the body reaches a route (pure ASGI middleware), and
gzip-encoded request bodies (``Content-Encoding: gzip``), decoded within the same limit."""

from __future__ import annotations

import json
import zlib


class BodySizeLimit:
    """Refuse a request whose body is larger than its limit with 413 (by header, then by count).

    A gzip-encoded body is decoded here, and its decoded size counts against the same limit (no
    zip bombs); the route sees the plain body. Other content encodings are refused (415).
    """

    def __init__(self, app, default_limit: int, prefix_limits: dict[str, int] | None = None):
        self.app = app
        self.default_limit = default_limit
        self.prefix_limits = prefix_limits or {}

    def _limit(self, path: str) -> int:
        for prefix, limit in self.prefix_limits.items():
            if path.startswith(prefix):
                return limit
        return self.default_limit

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self._limit(scope.get("path", ""))
        encoding = b""
        for name, value in scope.get("headers", ()):
            if name == b"content-encoding":
                encoding = value.strip().lower()
            elif name == b"content-length":
                try:
                    too_big = int(value) > limit
                except ValueError:
                    too_big = False
                if too_big:
                    await _too_large(send, limit)
                    return
        # Read the whole body (bounded) and replay it: FastAPI buffers bodies anyway.
        chunks, size = [], 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            body = message.get("body", b"")
            size += len(body)
            if size > limit:
                await _too_large(send, limit)
                return
            chunks.append(body)
            if not message.get("more_body", False):
                break
        data = b"".join(chunks)
        if encoding and encoding != b"identity":
            if encoding != b"gzip":
                await _error(send, 415, "unsupported_encoding", "Only gzip request bodies.")
                return
            data, complete = _gunzip(data, limit)
            if len(data) > limit:
                await _too_large(send, limit)
                return
            if not complete:
                await _error(send, 400, "bad_encoding", "The gzip request body is corrupt.")
                return
            headers = [
                (k, v)
                for k, v in scope.get("headers", ())
                if k not in (b"content-encoding", b"content-length")
            ]
            headers.append((b"content-length", str(len(data)).encode()))
            scope = {**scope, "headers": headers}
        sent = False

        async def replay():
            nonlocal sent
            if not sent:
                sent = True
                return {"type": "http.request", "body": data, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)


def _gunzip(data: bytes, limit: int) -> tuple[bytes, bool]:
    """Every member of a gzip stream (a body may be several concatenated members, as `cat a.gz
    b.gz` makes), decoded up to ``limit + 1`` bytes in all; (data, whether it was complete)."""
    out, size = [], 0
    rest = data
    while rest:
        decoder = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)
        try:
            part = decoder.decompress(rest, limit + 1 - size)
        except zlib.error:
            return b"".join(out), False
        out.append(part)
        size += len(part)
        if size > limit:
            return b"".join(out), True
        if not decoder.eof:
            return b"".join(out), False
        rest = decoder.unused_data
    return b"".join(out), True


async def _too_large(send, limit: int) -> None:
    await _error(send, 413, "request_too_large", f"The request body is larger than {limit} bytes.")


async def _error(send, status: int, code: str, message: str) -> None:
    body = json.dumps({"error": {"code": code, "message": message}}).encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})
