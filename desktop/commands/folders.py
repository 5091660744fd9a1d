"""`genba folders add|remove|list`: the folders `genba watch` watches when given none."""

from __future__ import annotations

import os
from pathlib import Path

from desktop.commands.watching import how_watched
from importers.messages import msg
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
    settings,
    data_dir,
    action: str,
    kind: str | None,
    path: str | None,
    out=print,
    lang: str | None = None,
) -> int:
    """add / remove / list watched folders in settings.toml. 0 ok, 1 refused, 2 bad usage.
    Said in ``lang`` (Japanese by default)."""
    kind = _ALIASES.get(kind, kind) if kind else None
    if kind is not None and kind not in KINDS:
        out(msg("cli.folders.unknown_kind", lang, kind=kind))
        return 2
    if action == "list":
        return _list(settings, kind, out, lang)
    if action not in ("add", "remove"):
        out(msg("cli.folders.unknown_action", lang, action=action))
        return 2
    if kind is None or not path:
        out(msg("cli.folders.usage", lang, action=action))
        return 2
    folders: list[str] = getattr(settings, KINDS[kind])
    full = _absolute(path)
    named = msg(f"cli.watch.kind.{kind}", lang)
    if action == "add":
        if not os.path.exists(full):
            out(msg("cli.folders.no_such", lang, path=full))
            return 1
        if not os.path.isdir(full):
            out(msg("cli.folders.is_file", lang, path=full))
            return 1
        if any(_same(full, f) for f in folders):
            out(msg("cli.folders.already", lang, path=full, kind=named))
            return 0
        refused = _save(settings, data_dir, kind, [*folders, full], out)
        if refused:
            return refused
        reason = polling_reason(full, force=settings.force_polling)
        how = how_watched(reason or "native events", lang)
        out(msg("cli.folders.added", lang, kind=named, path=full, how=how))
        return 0
    keep = [f for f in folders if not (_same(full, f) or f == path)]
    if len(keep) == len(folders):
        out(msg("cli.folders.not_one", lang, path=full, kind=named))
        return 1
    refused = _save(settings, data_dir, kind, keep, out)
    if refused:
        return refused
    out(msg("cli.folders.removed", lang, kind=named, path=full))
    return 0


def _list(settings, kind: str | None, out, lang: str | None) -> int:
    rows = [
        (k, f) for k, attr in KINDS.items() if kind in (None, k) for f in getattr(settings, attr)
    ]
    if not rows:
        out(msg("cli.folders.none", lang))
        return 0
    width = max(len(k) for k, _f in rows)
    for k, f in rows:
        state = msg("cli.folders.exists" if os.path.isdir(f) else "cli.folders.not_found", lang)
        how = how_watched(polling_reason(f, force=settings.force_polling) or "native events", lang)
        out(msg("cli.folders.line", lang, kind=f"{k:<{width}}", path=f, state=state, how=how))
    return 0


def _save(settings, data_dir, kind: str, folders: list[str], out) -> int:
    """Write the new list to the rep's own settings.toml only (never the machine's or IT's
    values); refused when the administrator has locked it. 0 when saved."""
    from importers.managed_settings import ManagedConfig

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
