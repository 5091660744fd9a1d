"""The local store: one SQLite file (genba.db) with a field-level change log."""

from sync.store.store import Store, StoreError, Writer

__all__ = ["Store", "StoreError", "Writer"]
