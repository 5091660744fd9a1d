"""Row ids: UUIDv7 for new rows, UUIDv5 of a natural key where one exists so replicas converge."""

from __future__ import annotations

import os
import time
import uuid
from functools import lru_cache

# A fixed namespace for Genba's natural keys (never change it: ids on every laptop derive from it).
GENBA_NAMESPACE = uuid.UUID("6f1d3c2a-0b6e-5d7c-9a41-3f2e8b7c1d00")

_VERSION_7 = 7 << 76
_VARIANT = 0x8000 << 48
_last_ms = 0


def new_id() -> str:
    """A UUIDv7 (RFC 9562): 48 bits of Unix milliseconds, then 74 random bits. Ids made in the
    same millisecond take the next one, so this process's ids always sort in creation order (the
    rule of the uuid6 package this replaces: importing it cost every process 20 ms, and each id
    a UUID object)."""
    global _last_ms
    ms = time.time_ns() // 1_000_000
    if ms <= _last_ms:
        ms = _last_ms + 1
    _last_ms = ms
    rand = int.from_bytes(os.urandom(10)) >> 4  # 76 random bits; the variant takes two of them
    n = (ms & 0xFFFF_FFFF_FFFF) << 80 | _VERSION_7 | (rand & ~(0xC000 << 48)) | _VARIANT
    h = f"{n:032x}"
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


@lru_cache(maxsize=65536)
def natural_id(entity: str, key: str) -> str:
    """The same entity and normalised key give the same id on every laptop."""
    return str(uuid.uuid5(GENBA_NAMESPACE, f"{entity}:{key}"))
