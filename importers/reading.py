"""Reading a rep's file once, into memory, without ever writing to or locking it."""

from __future__ import annotations

import hashlib
import os
import time
from dataclasses import dataclass
from pathlib import Path

from importers.messages import fail

MAX_FILE_BYTES = 100 * 1024 * 1024
# Excel holds a workbook open exclusively while it saves; a few short waits usually suffice.
RETRY_DELAYS = (0.1, 0.25, 0.5, 1.0, 2.0)


@dataclass(frozen=True)
class FileBytes:
    path: Path
    data: bytes
    sha256: str
    size: int
    mtime: float


def read_file(
    path: Path, *, max_bytes: int = MAX_FILE_BYTES, delays=RETRY_DELAYS, lang: str | None = None
) -> FileBytes:
    """Read the whole file, retrying with backoff while another program holds it."""
    for attempt in range(len(delays) + 1):
        try:
            stat = path.stat()
            if stat.st_size > max_bytes:
                raise fail(
                    "too_large",
                    lang,
                    size_mb=f"{stat.st_size / 1024 / 1024:.0f}",
                    max_mb=max_bytes // 1024 // 1024,
                )
            with open(path, "rb") as fh:
                # Read what the file holds (not a max-size buffer); a file still growing past
                # its stat size is read on, up to the cap.
                data = fh.read(stat.st_size + 1)
                if len(data) > stat.st_size:
                    data += fh.read(max_bytes + 1 - len(data))
                if len(data) > max_bytes:
                    raise fail("too_large.grew", lang, max_mb=max_bytes // 1024 // 1024)
            break
        except PermissionError:
            if attempt == len(delays):
                raise fail("locked", lang) from None
            time.sleep(delays[attempt])
        except FileNotFoundError:
            raise fail("missing", lang) from None
        except IsADirectoryError:
            raise fail("not_a_file", lang) from None
        except OSError as exc:
            raise fail("unreadable", lang, reason=exc.strerror or exc) from None
    return FileBytes(
        path=path,
        data=data,
        sha256=hashlib.sha256(data).hexdigest(),
        size=len(data),
        mtime=stat.st_mtime,
    )


def file_identity(path: Path) -> tuple[int, float] | None:
    """(size, mtime) or None when the file is gone: cheap change detection before reading."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_size, st.st_mtime
