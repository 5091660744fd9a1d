"""Import one daily-report file into the store: read once, parse, apply the re-import rules."""

from __future__ import annotations

import datetime as dt
import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from importers.cards.linking import link_in
from importers.cards.merge import resolve_company
from importers.deals import refresh_deals
from importers.issues import ImportFailed, Issue
from importers.knowledge.mvp import team_departments
from importers.knowledge.notes import sync_insight_notes
from importers.layout.synonyms import Synonyms, load_synonyms
from importers.messages import issue, msg, resolve
from importers.parse import parse_report
from importers.photos.apply import relink_photos_in
from importers.profiles import Profile, ProfileError, profile_for, profiles_in
from importers.reading import FileBytes, read_file
from importers.reimport import changed_fields, load_old_rows, plan_reimport
from sync.store import Store, Writer
from sync.store.ids import natural_id, new_id

REPORT_SUFFIXES = {".xlsx", ".xlsm", ".xls", ".csv", ".ods"}
DEAL_FIELDS = {"amount_jpy", "probability", "deal_title", "company_id", "rep", "occurred_on"}


def _has_deal_fields(fields: dict) -> bool:
    return any(fields.get(f) is not None for f in ("amount_jpy", "probability", "deal_title"))


@dataclass
class FileOutcome:
    path: Path
    status: str  # 'imported' | 'unchanged' | 'moved' | 'duplicate' | 'failed'
    source_id: str | None = None
    added: int = 0
    updated: int = 0
    deleted: int = 0
    issues: list[Issue] = field(default_factory=list)

    @property
    def failed(self) -> bool:
        return self.status == "failed"


class ReportImporter:
    """Imports daily reports into one store, with the rep's settings and profiles."""

    def __init__(
        self,
        store: Store,
        *,
        rep: str | None = None,
        synonyms: Synonyms | None = None,
        profiles: list[Profile] | None = None,
        ranks: dict[str, int] | None = None,
        lang: str | None = None,
    ):
        """``lang``: the language of the problem messages ('ja' | 'en'); None means GENBA_LANG,
        else the data dir's ``language`` setting, else Japanese."""
        self.store = store
        self.rep = rep
        self.lang = resolve(lang, store.data_dir)
        extra = store.data_dir / "header_synonyms.toml"
        self.synonyms = synonyms or load_synonyms(extra if extra.is_file() else None)
        self.ranks = ranks
        self._profiles = profiles

    def profiles(self) -> list[Profile]:
        if self._profiles is None:
            self._profiles = profiles_in(self.store.data_dir / "profiles", lang=self.lang)
        return self._profiles

    def import_file(
        self, path: Path, *, force: bool = False, profile: Profile | None = None
    ) -> FileOutcome:
        path = Path(os.path.normpath(Path(path).absolute()))
        existing = self._source_by_path(path)
        try:
            fb = read_file(path, lang=self.lang)
        except ImportFailed as failed:
            return self._record_failure(path, existing, None, failed.issue)
        if existing and existing["sha256"] == fb.sha256 and not force:
            if existing["status"] == "missing":  # the file came back as it was
                with self.store.write() as w:
                    w.conn.execute(
                        "UPDATE sources SET status = 'ok', mtime = ? WHERE id = ?",
                        (fb.mtime, existing["id"]),
                    )
            return FileOutcome(path, "unchanged", existing["id"])
        if existing is None and not force:
            moved = self._adopt_moved(path, fb)
            if moved is not None:
                return moved
        try:
            profile = profile or profile_for(path.name, self.profiles())
            parsed = parse_report(
                fb.data,
                path.name,
                synonyms=self.synonyms,
                default_rep=self.rep,
                profile=profile,
                file_date=dt.date.fromtimestamp(fb.mtime),
                ranks=self.ranks,
                lang=self.lang,
                reps=frozenset(team_departments(self.store.data_dir)),
                profiles=self.profiles(),  # no name matched: perhaps the heading row does
            )
            profile = parsed.profile
        except ImportFailed as failed:
            return self._record_failure(path, existing, fb, failed.issue)
        except ProfileError as exc:
            return self._record_failure(path, existing, fb, Issue("error", "bad_profile", str(exc)))
        except RecursionError:
            return self._record_failure(
                path, existing, fb, issue("error", "unreadable.nested", self.lang)
            )
        with self.store.write() as w:
            source_id = self._save_source(w, path, existing, fb, parsed.issues, profile)
            outcome = self._apply(w, source_id, path, parsed.records)
            self._save_issues(w, source_id, parsed.issues)
            if outcome.added or outcome.updated:
                # 面談者 -> contacts, and memo photos of those days -> their activities
                link_in(w, source_id=source_id)
                relink_photos_in(w)
        outcome.issues = parsed.issues
        return outcome

    def mark_missing(self, path: Path) -> bool:
        """The file was deleted: its source becomes 'missing'; its activities stay."""
        existing = self._source_by_path(Path(os.path.normpath(Path(path).absolute())))
        if existing is None or existing["status"] == "missing":
            return False
        with self.store.write() as w:
            w.conn.execute("UPDATE sources SET status = 'missing' WHERE id = ?", (existing["id"],))
        return True

    # -- internals -----------------------------------------------------------------------------
    def _source_by_path(self, path: Path):
        rows = self.store.query("SELECT * FROM sources WHERE path = ?", (str(path),))
        return rows[0] if rows else None

    def _adopt_moved(self, path: Path, fb: FileBytes) -> FileOutcome | None:
        """A renamed or moved file with the same content continues its old source (rule 6)."""
        for src in self.store.query(
            "SELECT * FROM sources WHERE sha256 = ? AND kind = 'report'", (fb.sha256,)
        ):
            if Path(src["path"]).exists():
                # A copy still standing beside the original: same content, nothing new to add.
                with self.store.write() as w:
                    sid = new_id()
                    w.conn.execute(
                        "INSERT INTO sources (id, path, kind, sha256, size, mtime, status, "
                        "imported_at, message) VALUES (?, ?, 'copy', ?, ?, ?, 'ok', ?, ?)",
                        (
                            sid,
                            str(path),
                            fb.sha256,
                            fb.size,
                            fb.mtime,
                            _now(),
                            msg("duplicate_of", self.lang, path=src["path"]),
                        ),
                    )
                return FileOutcome(path, "duplicate", sid)
            with self.store.write() as w:
                w.conn.execute(
                    "UPDATE sources SET path = ?, mtime = ?, status = CASE WHEN status = 'missing' "
                    "THEN 'ok' ELSE status END WHERE id = ?",
                    (str(path), fb.mtime, src["id"]),
                )
            return FileOutcome(path, "moved", src["id"])
        return None

    def _record_failure(self, path, existing, fb: FileBytes | None, issue: Issue) -> FileOutcome:
        """One error row for the file; everything already imported from it stays as it was."""
        with self.store.write() as w:
            if existing is None:
                sid = new_id()
                w.conn.execute(
                    "INSERT INTO sources (id, path, kind, sha256, size, mtime, status, imported_at, "
                    "message) VALUES (?, ?, 'report', ?, ?, ?, 'error', ?, ?)",
                    (
                        sid,
                        str(path),
                        fb.sha256 if fb else None,
                        fb.size if fb else None,
                        fb.mtime if fb else None,
                        _now(),
                        issue.message,
                    ),
                )
            else:
                sid = existing["id"]
                # Keep the old hash: when the rep repairs the file, it imports again.
                w.conn.execute(
                    "UPDATE sources SET status = 'error', imported_at = ?, message = ? WHERE id = ?",
                    (_now(), issue.message, sid),
                )
            self._save_issues(w, sid, [issue])
        return FileOutcome(path, "failed", sid, issues=[issue])

    def _save_source(self, w: Writer, path, existing, fb: FileBytes, issues, profile) -> str:
        status = "warning" if any(i.severity != "info" for i in issues) else "ok"
        values = (
            str(path),
            fb.sha256,
            fb.size,
            fb.mtime,
            status,
            _now(),
            profile.name if profile else None,
        )
        if existing is None:
            sid = new_id()
            w.conn.execute(
                "INSERT INTO sources (path, sha256, size, mtime, status, imported_at, profile, id, "
                "kind) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'report')",
                (*values, sid),
            )
            return sid
        w.conn.execute(
            "UPDATE sources SET path = ?, sha256 = ?, size = ?, mtime = ?, status = ?, "
            "imported_at = ?, profile = ?, message = NULL WHERE id = ?",
            (*values, existing["id"]),
        )
        return existing["id"]

    def _apply(self, w: Writer, source_id: str, path: Path, records) -> FileOutcome:
        outcome = FileOutcome(path, "imported", source_id)
        redirect = self._ensure_companies(w, records)
        # Deals derive from amounts, probabilities and deal titles: only customers whose rows
        # changed one of those need their deals recomputed.
        touched_companies: set[str] = set()
        for rec in records:
            cid = natural_id("companies", rec.company.normalized) if rec.company else None
            rec.fields["company_id"] = redirect.get(cid, cid)
            rec.fields["source_id"] = source_id
        old = load_old_rows(w.conn, source_id)
        plan = plan_reimport(old, records)
        ids: dict[int, str] = {}
        by_record = {id(r): i for i, r in enumerate(records)}
        for old_row, rec in plan.unchanged:
            ids[by_record[id(rec)]] = old_row.activity_id
            diff = changed_fields(old_row.fields, rec.fields)
            if diff:  # e.g. the row moved down (source_ref) under an inserted row
                w.update("activities", old_row.activity_id, diff)
        for old_row, rec, diff in plan.updated:
            ids[by_record[id(rec)]] = old_row.activity_id
            if diff and w.update("activities", old_row.activity_id, diff):
                outcome.updated += 1
            if diff.keys() & DEAL_FIELDS:
                touched_companies.update(
                    (old_row.fields.get("company_id"), rec.fields["company_id"])
                )
        new_ids = w.insert_many("activities", [r.fields for r in plan.inserted])
        for rec, aid in zip(plan.inserted, new_ids, strict=True):
            ids[by_record[id(rec)]] = aid
        outcome.added = len(new_ids)
        touched_companies.update(
            r.fields["company_id"] for r in plan.inserted if _has_deal_fields(r.fields)
        )
        for old_row in plan.deleted:
            if w.delete("activities", old_row.activity_id):
                outcome.deleted += 1
            if _has_deal_fields(old_row.fields):
                touched_companies.add(old_row.fields.get("company_id"))
        w.conn.execute("DELETE FROM source_rows WHERE source_id = ?", (source_id,))
        w.conn.executemany(
            "INSERT INTO source_rows (source_id, position, sheet, fingerprint, activity_id, fields) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (
                (
                    source_id,
                    i,
                    r.sheet,
                    r.fingerprint,
                    ids[i],
                    json.dumps(r.fields, ensure_ascii=False),
                )
                for i, r in enumerate(records)
            ),
        )
        if outcome.added or outcome.updated or outcome.deleted:
            refresh_deals(w, {c for c in touched_companies if c})
        # 所感/気づき cells become knowledge notes linked to their customer and activity.
        sync_insight_notes(w, [*ids.values(), *(r.activity_id for r in plan.deleted)])
        return outcome

    def _ensure_companies(self, w: Writer, records) -> dict[str, str]:
        """Create missing companies; map each natural id to the company rows should point at
        (a company merged away in the app redirects to the one it was merged into)."""
        wanted: dict[str, object] = {}
        for rec in records:
            if rec.company:
                wanted.setdefault(natural_id("companies", rec.company.normalized), rec.company)
        if not wanted:
            return {}
        known = {
            r[0]: r[1]
            for r in w.conn.execute(
                "SELECT id, deleted FROM companies WHERE id IN (SELECT value FROM json_each(?))",
                (json.dumps(list(wanted)),),
            )
        }
        w.insert_many(
            "companies",
            [
                {"id": cid, "name": c.display, "name_normalized": c.normalized}
                for cid, c in wanted.items()
                if cid not in known
            ],
        )
        redirect = {cid: cid for cid in wanted}
        for cid, deleted in known.items():
            if deleted:
                redirect[cid] = resolve_company(w.conn, cid) or cid
        return redirect

    def _save_issues(self, w: Writer, source_id: str, issues: list[Issue]) -> None:
        w.conn.execute("DELETE FROM import_issues WHERE source_id = ?", (source_id,))
        now = _now()
        w.conn.executemany(
            "INSERT INTO import_issues (id, source_id, location, severity, code, message, created_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            [(new_id(), source_id, i.location, i.severity, i.code, i.message, now) for i in issues],
        )


def iter_report_files(paths: list[Path]):
    """Files given directly, and report files found recursively in folders (temp files skipped)."""
    for p in paths:
        if p.is_dir():
            for child in sorted(p.rglob("*")):
                if (
                    child.is_file()
                    and child.suffix.lower() in REPORT_SUFFIXES
                    and not is_temp_name(child.name)
                ):
                    yield child
        else:
            yield p


def is_temp_name(name: str) -> bool:
    """Excel's owner files (~$Book.xlsx), temp saves, hidden files and OS litter."""
    lower = name.lower()
    return (
        name.startswith(("~$", ".", "~"))
        or lower.endswith((".tmp", ".temp", ".crdownload", ".part"))
        or lower in ("desktop.ini", "thumbs.db", ".ds_store")
        or "." not in name
    )


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
