"""Request size limits, enforced before the body reaches a route (pure ASGI middleware)."""

from __future__ import annotations

import json


class BodySizeLimit:
    """Refuse a request whose body is larger than its limit with 413 (by header, then by count)."""

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
        for name, value in scope.get("headers", ()):
            if name == b"content-length":
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
        sent = False

        async def replay():
            nonlocal sent
            if not sent:
                sent = True
                return {"type": "http.request", "body": data, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)


async def _too_large(send, limit: int) -> None:
    body = json.dumps(
        {
            "error": {
                "code": "request_too_large",
                "message": f"The request body is larger than {limit} bytes.",
            }
        }
    ).encode()
    await send(
        {
            "type": "http.response.start",
            "status": 413,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})
