"""`genba folders add|remove|list`: the folders `genba watch` watches when given none."""

from __future__ import annotations

import os
from pathlib import Path

from importers.watch.observer import polling_reason

KINDS = {
    "reports": "report_folders",
    "cards": "card_folders",
    "photos": "photo_folders",
    "mail": "mail_folders",
    "voice": "voice_folders",
}
_ALIASES = {
    "report": "reports",
    "card": "cards",
    "photo": "photos",
    "mails": "mail",
    "voices": "voice",
}


def run_folders(
    settings, data_dir, action: str, kind: str | None, path: str | None, out=print
) -> int:
    """add / remove / list watched folders in settings.toml. 0 ok, 1 refused, 2 bad usage."""
    kind = _ALIASES.get(kind, kind) if kind else None
    if kind is not None and kind not in KINDS:
        out(
            f"error: unknown folder kind {kind!r} (use --reports, --cards, --photos, --mail or --voice)"
        )
        return 2
    if action == "list":
        return _list(settings, kind, out)
    if action not in ("add", "remove"):
        out(f"error: unknown action {action!r} (add, remove or list)")
        return 2
    if kind is None or not path:
        out(
            f"usage: genba folders {action} --reports DIR | --cards DIR | --photos DIR | --mail DIR | --voice DIR"
        )
        return 2
    folders: list[str] = getattr(settings, KINDS[kind])
    full = _absolute(path)
    if action == "add":
        if not os.path.exists(full):
            out(f"error: {full}: no such folder. Check the path (is the drive connected?).")
            return 1
        if not os.path.isdir(full):
            out(f"error: {full} is a file; give the folder that holds your files.")
            return 1
        if any(_same(full, f) for f in folders):
            out(f"{full} is already a {kind} folder.")
            return 0
        refused = _save(settings, data_dir, kind, [*folders, full], out)
        if refused:
            return refused
        reason = polling_reason(full, force=settings.force_polling)
        how = f"polled every second ({reason})" if reason else "native file events"
        out(f"Added {kind} folder {full} ({how}). `genba watch` will watch it.")
        return 0
    keep = [f for f in folders if not (_same(full, f) or f == path)]
    if len(keep) == len(folders):
        out(f"error: {full} is not a {kind} folder. `genba folders list` shows them.")
        return 1
    refused = _save(settings, data_dir, kind, keep, out)
    if refused:
        return refused
    out(f"Removed {kind} folder {full}. Files already imported from it stay in Genba.")
    return 0


def _list(settings, kind: str | None, out) -> int:
    rows = [
        (k, f) for k, attr in KINDS.items() if kind in (None, k) for f in getattr(settings, attr)
    ]
    if not rows:
        out(
            "No folders yet. Add one: genba folders add --reports DIR (or --cards, --photos, --mail, --voice)"
        )
        return 0
    width = max(len(k) for k, _f in rows)
    for k, f in rows:
        state = "exists" if os.path.isdir(f) else "NOT FOUND"
        reason = polling_reason(f, force=settings.force_polling)
        how = f"polling: {reason}" if reason else "native events"
        out(f"{k:<{width}}  {f}  ({state}, {how})")
    return 0


def _save(settings, data_dir, kind: str, folders: list[str], out) -> int:
    """Write the new list to the rep's own settings.toml only (never the machine's or IT's
    values); refused when the administrator has locked it. 0 when saved."""
    from importers.managed_config import ManagedConfig

    attr = KINDS[kind]
    try:
        ManagedConfig(Path(data_dir)).set_user_value(attr, folders)
    except (PermissionError, ValueError) as exc:
        out(f"error: {exc}")
        return 1
    setattr(settings, attr, folders)
    return 0


def _absolute(path: str) -> str:
    # abspath, not resolve(): resolve() turns a mapped drive (Z:\) into its UNC path on Windows.
    return os.path.normpath(os.path.abspath(os.path.expanduser(path)))


def _same(a: str, b: str) -> bool:
    return os.path.normcase(_absolute(a)) == os.path.normcase(_absolute(b))
