"""`genba import PATH...`: import daily-report files and folders, with a closing summary."""

from __future__ import annotations

import sys
from pathlib import Path

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
    profile = None
    if profile_path:
        try:
            profile = load_profile(Path(profile_path))
        except ProfileError as exc:
            out(f"error: {exc}")
            return 2
    importer = ReportImporter(store, rep=rep or settings.user_name, ranks=settings.ranks or None)
    missing = [p for p in paths if not Path(p).exists()]
    for p in missing:
        out(f"error: {p}: no such file or folder")
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
        bar.write(describe(outcome)) if not bar.disable else out(describe(outcome))
    bar.close()
    out(summary(outcomes))
    return 1 if missing or any(o.failed for o in outcomes) else 0


def describe(o: FileOutcome) -> str:
    name = o.path.name
    if o.status == "failed":
        return f"✗ {name}: {o.issues[0].message}"
    if o.status == "unchanged":
        return f"= {name}: unchanged"
    if o.status == "moved":
        return f"→ {name}: same content as an earlier file (moved or renamed); nothing to add"
    if o.status == "duplicate":
        return f"= {name}: a copy of a file already imported; nothing to add"
    warn = sum(1 for i in o.issues if i.severity != "info")
    tail = f", {warn} to check" if warn else ""
    return f"✓ {name}: +{o.added} ~{o.updated} -{o.deleted}{tail}"


def summary(outcomes: list[FileOutcome]) -> str:
    failed = sum(o.failed for o in outcomes)
    unchanged = sum(o.status in ("unchanged", "moved", "duplicate") for o in outcomes)
    imported = len(outcomes) - failed - unchanged
    issues = sum(1 for o in outcomes for i in o.issues if i.severity != "info")
    text = (
        f"{len(outcomes)} file(s): {imported} imported, {unchanged} unchanged, {failed} failed · "
        f"activities: {sum(o.added for o in outcomes)} added, "
        f"{sum(o.updated for o in outcomes)} updated, {sum(o.deleted for o in outcomes)} deleted · "
        f"{issues} issue(s)"
    )
    if issues or failed:
        text += " — see `genba problems`"
    return text
