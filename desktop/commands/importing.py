"""`genba import PATH...`: import files and folders of any kind, with a closing summary."""

from __future__ import annotations

import sys
from pathlib import Path

from importers.ingest import Importer
from importers.messages import cli_language, msg
from importers.outcome import Outcome
from importers.profiles import ProfileError, load_profile
from importers.routing import files_in


def run_import(
    store,
    settings,
    paths: list[str],
    *,
    rep: str | None,
    profile_path: str | None,
    force: bool,
    out=print,
) -> int:
    lang = cli_language(settings)
    profile = None
    if profile_path:
        try:
            profile = load_profile(Path(profile_path), lang=lang)
        except ProfileError as exc:
            out(msg("cli.error", lang, detail=exc))
            return 2
    importer = Importer(
        store, rep=rep or settings.user_name, ranks=settings.ranks or None, lang=lang
    )
    missing = [p for p in paths if not Path(p).exists()]
    for p in missing:
        out(msg("cli.no_such_path", lang, path=p))
    # A file inside the rep's card or photo folder is read as that kind.
    roles = {
        "cards": list(getattr(settings, "card_folders", ()) or ()),
        "photos": list(getattr(settings, "photo_folders", ()) or ()),
    }
    files = list(files_in([Path(p) for p in paths if Path(p).exists()], roles))
    outcomes: list[Outcome] = []
    # A bar for several files on a terminal; tqdm (and the multiprocessing it loads, ~0.07 s)
    # only then.
    if len(files) > 1 and sys.stderr.isatty():
        from tqdm import tqdm

        bar = tqdm(files, unit="file", file=sys.stderr, leave=False)
    else:
        bar = _NoBar(files)
    for path, kind in bar:
        bar.set_postfix_str(path.name[-30:], refresh=False)
        # A file named directly that no kind claims is read as a report, whose reader says
        # what the file is instead (a web page, plain text ...).
        kind = kind or "reports"
        outcome = importer.import_source(
            path, kind, force=force, profile=profile if kind == "reports" else None
        )
        outcomes.append(outcome)
        line = describe(outcome, lang)
        bar.write(line) if not bar.disable else out(line)
    bar.close()
    out(summary(outcomes, lang))
    return 1 if missing or any(o.failed for o in outcomes) else 0


class _NoBar:
    """What the loop uses of a tqdm bar, when none is shown."""

    disable = True

    def __init__(self, files):
        self._files = files

    def __iter__(self):
        return iter(self._files)

    def set_postfix_str(self, *_args, **_kwargs) -> None:
        pass

    def close(self) -> None:
        pass


def describe(o: Outcome, lang: str | None = None) -> str:
    name = o.path.name
    if o.failed:
        return msg("cli.failed", lang, name=name, message=o.issues[0].message)
    if o.status.quiet:
        return msg(f"cli.{o.status}", lang, name=name)
    if o.kind == "voice" and not o.changed and o.to_check:  # waiting for a speech model
        return msg("cli.waiting", lang, name=name, message=o.issues[0].message)
    warn = o.to_check
    key = {
        "cards": "cli.imported.cards",
        "photos": "cli.imported.photos",
        "mail": "cli.imported.mail",
        "voice": "cli.imported.voice",
    }.get(o.kind, "cli.imported")
    return msg(
        key + (".to_check" if warn else ""),
        lang,
        name=name,
        added=o.added,
        updated=o.updated,
        deleted=o.deleted,
        warnings=warn,
    )


def summary(outcomes: list[Outcome], lang: str | None = None) -> str:
    failed = sum(o.failed for o in outcomes)
    unchanged = sum(o.status.quiet for o in outcomes)
    imported = len(outcomes) - failed - unchanged
    issues = sum(o.to_check for o in outcomes)
    reports = [o for o in outcomes if o.kind == "reports"]
    text = msg(
        "cli.summary",
        lang,
        files=len(outcomes),
        imported=imported,
        unchanged=unchanged,
        failed=failed,
        added=sum(o.added for o in reports),
        updated=sum(o.updated for o in reports),
        deleted=sum(o.deleted for o in reports),
        issues=issues,
    )
    cards = [o for o in outcomes if o.kind == "cards"]
    if cards:
        text += msg(
            "cli.summary.contacts",
            lang,
            added=sum(o.added for o in cards),
            updated=sum(o.updated + o.merged for o in cards),
        )
    photos = sum(1 for o in outcomes if o.kind == "photos" and o.status == "imported")
    if photos:
        text += msg("cli.summary.photos", lang, photos=photos)
    if issues or failed:
        text += msg("cli.summary.see_problems", lang)
    return text
