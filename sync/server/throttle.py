"""Failed tokens are counted per client address: past the limit within a minute, that address
is told to wait (429 with Retry-After) whatever token it sends, so guessing tokens is slow."""

from __future__ import annotations

import threading
import time
from collections import deque

WINDOW_SECONDS = 60.0


class FailedTokens:
    def __init__(self, limit: int):
        self.limit = limit
        self._seen: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def _recent(self, address: str, now: float) -> deque[float]:
        q = self._seen.setdefault(address, deque())
        while q and now - q[0] > WINDOW_SECONDS:
            q.popleft()
        return q

    def wait_seconds(self, address: str) -> int:
        """0 when the address may try, else the seconds until it may."""
        now = time.monotonic()
        with self._lock:
            q = self._recent(address, now)
            if len(q) < self.limit:
                return 0
            return max(1, int(WINDOW_SECONDS - (now - q[0])) + 1)

    def failed(self, address: str) -> None:
        now = time.monotonic()
        with self._lock:
            self._recent(address, now).append(now)
            if len(self._seen) > 10_000:  # forget idle addresses
                for key in [k for k, v in self._seen.items() if not v][:5000]:
                    del self._seen[key]
