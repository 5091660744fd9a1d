"""Is the server's clock the wrong one? Laptops send their clock with each hello.

One laptop far from the server's time has a wrong PC clock (it is told so, and stamps with the
server's time meanwhile). When the latest readings of at least ``QUORUM`` different laptops all
put the server off the same way by more than half the skew limit, the server is the one that is
wrong: the hello says so, and the laptops tell the rep to call the admin instead.
"""

from __future__ import annotations

import threading
import time

QUORUM = 3
KEEP_SECONDS = 3600


class ClockWatch:
    def __init__(self, max_skew_ms: int):
        self.threshold = max(max_skew_ms // 2, 1000)
        self._seen: dict[str, tuple[float, int]] = {}  # replica -> (when, laptop - server ms)
        self._lock = threading.Lock()

    def observe(self, replica: str | None, client_ms: int | None, server_ms: int) -> bool:
        now = time.monotonic()
        with self._lock:
            if replica and client_ms:
                self._seen[replica] = (now, client_ms - server_ms)
                if len(self._seen) > 1000:
                    oldest = min(self._seen, key=lambda k: self._seen[k][0])
                    del self._seen[oldest]
            recent = [d for t, d in self._seen.values() if now - t < KEEP_SECONDS]
        if len(recent) < QUORUM:
            return False
        return all(d > self.threshold for d in recent) or all(d < -self.threshold for d in recent)
