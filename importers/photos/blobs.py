"""Content-addressed blob store: data_dir/blobs/ab/abcdef... (sha256), written atomically."""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path


def blob_path(data_dir: Path, sha: str) -> Path:
    return Path(data_dir) / "blobs" / sha[:2] / sha


def store_blob(data_dir: Path, data: bytes) -> str:
    """Save ``data`` under its sha256 and return the hex digest. Idempotent: storing the same bytes
    again leaves the existing file alone. A crash mid-write leaves at most a stray temp file,
    never a truncated blob (temp file in the same folder, fsync, os.replace)."""
    sha = hashlib.sha256(data).hexdigest()
    dest = blob_path(data_dir, sha)
    if dest.is_file() and dest.stat().st_size == len(data):
        return sha
    dest.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=dest.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, dest)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    return sha
