"""One watchdog observer per watched folder: native events for local disks, polling for network
drives and OneDrive; a supervisor restarts observers that died and re-watches folders that return."""

from __future__ import annotations

import logging
import os
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import PurePath

from watchdog.events import (
    DirCreatedEvent,
    DirDeletedEvent,
    DirMovedEvent,
    FileClosedEvent,
    FileCreatedEvent,
    FileDeletedEvent,
    FileModifiedEvent,
    FileMovedEvent,
    FileSystemEvent,
    FileSystemEventHandler,
)
from watchdog.observers import Observer
from watchdog.observers.api import BaseObserver
from watchdog.observers.polling import PollingObserver

log = logging.getLogger("genba.watch")

# Opened / closed-without-writing events are left out: our own reads would trigger them.
EVENT_FILTER = [
    FileCreatedEvent,
    FileModifiedEvent,
    FileMovedEvent,
    FileDeletedEvent,
    FileClosedEvent,
    DirCreatedEvent,
    DirMovedEvent,
    DirDeletedEvent,
]
NETWORK_FS_TYPES = frozenset(
    {"nfs", "nfs4", "cifs", "smb", "smb2", "smb3", "smbfs", "sshfs", "9p", "afs", "davfs", "ncpfs"}
)
_DRIVE_REMOTE = 4


@dataclass(frozen=True)
class WatchFolder:
    kind: str  # 'reports' | 'cards' | 'photos'
    path: str  # absolute, normalised

    @classmethod
    def of(cls, kind: str, path: str | os.PathLike[str]) -> WatchFolder:
        return cls(kind, os.path.normpath(os.path.abspath(os.path.expanduser(os.fspath(path)))))


def polling_reason(
    path: str | os.PathLike[str], *, force: bool = False, mounts_file: str = "/proc/mounts"
) -> str | None:
    """Why this folder needs the polling observer (None: native events work there)."""
    if force:
        return "polling forced by the settings"
    text = os.fspath(path)
    if text.startswith(("\\\\", "//")):
        return "network share"
    if any("onedrive" in part.lower() for part in PurePath(text).parts):
        return "OneDrive folder"
    if sys.platform == "win32":
        drive = os.path.splitdrive(os.path.abspath(text))[0]
        if drive:
            import ctypes

            if ctypes.windll.kernel32.GetDriveTypeW(drive + "\\") == _DRIVE_REMOTE:
                return "network drive"
    elif sys.platform.startswith("linux"):
        fstype = mount_type(text, mounts_file)
        if fstype and (
            fstype in NETWORK_FS_TYPES or fstype == "fuse" or fstype.startswith("fuse.")
        ):
            return f"{fstype} mount"
    return None


def mount_type(path: str, mounts_file: str = "/proc/mounts") -> str | None:
    """The file-system type of the mount holding ``path`` (Linux), from /proc/mounts."""
    try:
        with open(mounts_file, encoding="utf-8", errors="replace") as fh:
            lines = fh.read().splitlines()
    except OSError:
        return None
    target = os.path.realpath(path)
    best, best_type = "", None
    for line in lines:
        fields = line.split()
        if len(fields) < 3:
            continue
        point = _unescape_mount(fields[1])
        inside = target == point or target.startswith(point.rstrip("/") + "/")
        if inside and len(point) >= len(best):
            best, best_type = point, fields[2]
    return best_type


def _unescape_mount(field: str) -> str:
    # /proc/mounts writes space, tab, newline and backslash as octal escapes (\040 ...)
    if "\\" not in field:
        return field
    return field.encode("latin-1", "backslashreplace").decode("unicode_escape")


def _dir_identity(path: str) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    if not os.path.isdir(path):
        return None
    return st.st_dev, st.st_ino


class _Forward(FileSystemEventHandler):
    def __init__(self, folder: WatchFolder, sink: Callable[[WatchFolder, FileSystemEvent], None]):
        self.folder = folder
        self.sink = sink

    def dispatch(self, event: FileSystemEvent) -> None:
        try:
            self.sink(self.folder, event)
        except Exception:  # an observer thread must never die of our bug
            log.exception("handling %r failed", event)


class FolderWatch:
    """The observer of one folder. ``check()`` (re)starts or stops it to match the disk."""

    def __init__(
        self,
        folder: WatchFolder,
        sink: Callable[[WatchFolder, FileSystemEvent], None],
        *,
        polling: str | None,
        poll_interval: float = 1.0,
    ):
        self.folder = folder
        self.polling = polling  # the reason, or None for native events
        self.poll_interval = poll_interval
        self.state = "new"  # new | watching | missing | failed
        self._sink = sink
        self._observer: BaseObserver | None = None
        self._identity: tuple[int, int] | None = None

    def alive(self) -> bool:
        obs = self._observer
        return obs is not None and obs.is_alive() and all(e.is_alive() for e in obs.emitters)

    def check(self) -> tuple[str, str] | None:
        """Bring the observer in line with the folder; returns a transition to report, if any:
        ('missing'|'back'|'started'|'restarted'|'failed', detail)."""
        ident = _dir_identity(self.folder.path)
        if ident is None:
            if self.state == "missing":
                return None
            self.stop()
            self.state = "missing"
            return "missing", "folder not found (unplugged or moved?); watching for it to return"
        if self.state == "watching" and ident == self._identity and self.alive():
            return None
        before = self.state
        self.stop()
        try:
            self._start(ident)
        except OSError as exc:
            self.state = "failed"
            return None if before == "failed" else ("failed", f"cannot watch: {exc}")
        self.state = "watching"
        if before == "missing":
            return "back", "folder is back; watching again"
        if before in ("new", "failed"):
            return "started", self.polling or "native events"
        return "restarted", "the observer had stopped; restarted"

    def _start(self, ident: tuple[int, int]) -> None:
        try:
            obs = self._make_observer(self.polling is not None)
        except OSError as exc:
            if self.polling is not None:
                raise
            # e.g. the inotify watch limit: polling still works, only slower.
            log.warning("native events unavailable for %s (%s); polling", self.folder.path, exc)
            self.polling = f"native events unavailable ({exc.strerror or exc})"
            obs = self._make_observer(True)
        self._observer = obs
        self._identity = ident

    def _make_observer(self, polling: bool) -> BaseObserver:
        obs: BaseObserver = PollingObserver(timeout=self.poll_interval) if polling else Observer()
        obs.schedule(
            _Forward(self.folder, self._sink),
            self.folder.path,
            recursive=True,
            event_filter=EVENT_FILTER,
        )
        try:
            obs.start()
        except BaseException:
            _stop_observer(obs, 1.0)
            raise
        return obs

    def stop(self, timeout: float = 2.0) -> None:
        obs, self._observer = self._observer, None
        if obs is not None:
            _stop_observer(obs, timeout)


def _stop_observer(obs: BaseObserver, timeout: float) -> None:
    try:
        obs.stop()
        if obs.is_alive():
            obs.join(timeout)
    except Exception:  # a dead network drive may make stopping fail; the thread is a daemon
        log.debug("stopping an observer failed", exc_info=True)


class Supervisor(threading.Thread):
    """Every ``interval`` seconds: restart dead observers, report vanished and returning folders."""

    def __init__(
        self,
        watches: list[FolderWatch],
        report: Callable[[FolderWatch, str, str], None],
        *,
        interval: float = 1.0,
    ):
        super().__init__(name="genba-watch-supervisor", daemon=True)
        self.watches = watches
        self.report = report
        self.interval = interval
        self._halt = threading.Event()

    def check_all(self) -> None:
        for fw in self.watches:
            if self._halt.is_set():
                return
            try:
                change = fw.check()
            except Exception:
                log.exception("supervising %s failed", fw.folder.path)
                continue
            if change is not None:
                self.report(fw, *change)

    def run(self) -> None:
        while not self._halt.wait(self.interval):
            self.check_all()

    def stop(self) -> None:
        self._halt.set()
