"""Reading a rep's file once, into memory, without ever writing to or locking it."""

from __future__ import annotations

import hashlib
import os
import time
from dataclasses import dataclass
from pathlib import Path

from importers.issues import ImportFailed

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


def read_file(path: Path, *, max_bytes: int = MAX_FILE_BYTES, delays=RETRY_DELAYS) -> FileBytes:
    """Read the whole file, retrying with backoff while another program holds it."""
    for attempt in range(len(delays) + 1):
        try:
            stat = path.stat()
            if stat.st_size > max_bytes:
                raise ImportFailed(
                    "too_large",
                    f"The file is {stat.st_size / 1024 / 1024:.0f} MB; Genba reads files up to "
                    f"{max_bytes // 1024 // 1024} MB. Split it (for example one workbook per year).",
                )
            with open(path, "rb") as fh:
                # Read what the file holds (not a max-size buffer); a file still growing past
                # its stat size is read on, up to the cap.
                data = fh.read(stat.st_size + 1)
                if len(data) > stat.st_size:
                    data += fh.read(max_bytes + 1 - len(data))
                if len(data) > max_bytes:
                    raise ImportFailed(
                        "too_large",
                        f"The file grew past {max_bytes // 1024 // 1024} MB while being read; "
                        "Genba reads files up to that size.",
                    )
            break
        except PermissionError:
            if attempt == len(delays):
                raise ImportFailed(
                    "locked",
                    "Another program is holding the file (is it still being saved?). "
                    "Genba will try again; close the file in Excel if this stays.",
                ) from None
            time.sleep(delays[attempt])
        except FileNotFoundError:
            raise ImportFailed("missing", "The file is no longer there.") from None
        except IsADirectoryError:
            raise ImportFailed("not_a_file", "This is a folder, not a file.") from None
        except OSError as exc:
            raise ImportFailed(
                "unreadable", f"The file cannot be read ({exc.strerror or exc})."
            ) from None
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
