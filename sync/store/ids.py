"""Row ids: UUIDv7 for new rows, UUIDv5 of a natural key where one exists so replicas converge."""

from __future__ import annotations

import uuid
from functools import lru_cache

import uuid6

# A fixed namespace for Genba's natural keys (never change it: ids on every laptop derive from it).
GENBA_NAMESPACE = uuid.UUID("6f1d3c2a-0b6e-5d7c-9a41-3f2e8b7c1d00")


def new_id() -> str:
    return str(uuid6.uuid7())


@lru_cache(maxsize=65536)
def natural_id(entity: str, key: str) -> str:
    """The same entity and normalised key give the same id on every laptop."""
    return str(uuid.uuid5(GENBA_NAMESPACE, f"{entity}:{key}"))
