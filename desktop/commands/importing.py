"""`genba import PATH...`: import daily-report files and folders, with a closing summary."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from importers.messages import msg, normalize_language
from importers.pipeline import FileOutcome, ReportImporter, iter_report_files
from importers.profiles import ProfileError, load_profile


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
    # GENBA_LANG, else the effective `language` setting, else Japanese
    lang = (
        normalize_language(os.environ.get("GENBA_LANG"))
        or normalize_language(getattr(settings, "language", None))
        or "ja"
    )
    profile = None
    if profile_path:
        try:
            profile = load_profile(Path(profile_path), lang=lang)
        except ProfileError as exc:
            out(msg("cli.error", lang, detail=exc))
            return 2
    importer = ReportImporter(
        store, rep=rep or settings.user_name, ranks=settings.ranks or None, lang=lang
    )
    missing = [p for p in paths if not Path(p).exists()]
    for p in missing:
        out(msg("cli.no_such_path", lang, path=p))
    files = list(iter_report_files([Path(p) for p in paths if Path(p).exists()]))
    outcomes: list[FileOutcome] = []
    from tqdm import tqdm

    bar = tqdm(
        files, unit="file", disable=None if len(files) > 1 else True, file=sys.stderr, leave=False
    )
    for path in bar:
        bar.set_postfix_str(path.name[-30:], refresh=False)
        outcome = importer.import_file(path, force=force, profile=profile)
        outcomes.append(outcome)
        line = describe(outcome, lang)
        bar.write(line) if not bar.disable else out(line)
    bar.close()
    out(summary(outcomes, lang))
    return 1 if missing or any(o.failed for o in outcomes) else 0


def describe(o: FileOutcome, lang: str | None = None) -> str:
    name = o.path.name
    if o.status == "failed":
        return msg("cli.failed", lang, name=name, message=o.issues[0].message)
    if o.status in ("unchanged", "moved", "duplicate"):
        return msg(f"cli.{o.status}", lang, name=name)
    warn = sum(1 for i in o.issues if i.severity != "info")
    return msg(
        "cli.imported.to_check" if warn else "cli.imported",
        lang,
        name=name,
        added=o.added,
        updated=o.updated,
        deleted=o.deleted,
        warnings=warn,
    )


def summary(outcomes: list[FileOutcome], lang: str | None = None) -> str:
    failed = sum(o.failed for o in outcomes)
    unchanged = sum(o.status in ("unchanged", "moved", "duplicate") for o in outcomes)
    imported = len(outcomes) - failed - unchanged
    issues = sum(1 for o in outcomes for i in o.issues if i.severity != "info")
    text = msg(
        "cli.summary",
        lang,
        files=len(outcomes),
        imported=imported,
        unchanged=unchanged,
        failed=failed,
        added=sum(o.added for o in outcomes),
        updated=sum(o.updated for o in outcomes),
        deleted=sum(o.deleted for o in outcomes),
        issues=issues,
    )
    if issues or failed:
        text += msg("cli.summary.see_problems", lang)
    return text
