"""Daily reports: the reader ``importers.ingest`` uses for the 'reports' kind.

``parse`` reads the workbook's bytes into activity records (outside any write transaction);
``apply`` applies the re-import rules (importers.reimport) inside the import's one transaction:
only what the file changed since its last import is written, then deals, 面談者 -> contacts,
memo photos of those days and 所感 notes follow.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from importers.cards.linking import link_in
from importers.cards.merge import resolve_company
from importers.cards.readings import new_company_reading
from importers.deals import refresh_deals
from importers.ingest import Importer, Job, Parsed, Reader
from importers.issues import ImportFailed
from importers.knowledge.mvp import team_departments
from importers.knowledge.notes import sync_insight_notes
from importers.layout.synonyms import Synonyms, load_synonyms
from importers.outcome import Outcome
from importers.parse import parse_report
from importers.photos.apply import relink_photos_in
from importers.profiles import Profile, ProfileError, profile_for, profiles_in
from importers.reading import FileBytes
from importers.reimport import changed_fields, load_old_rows, plan_reimport
from sync.store import Writer
from sync.store.ids import natural_id

DEAL_FIELDS = {"amount_jpy", "probability", "deal_title", "company_id", "rep", "occurred_on"}


def _has_deal_fields(fields: dict) -> bool:
    return any(fields.get(f) is not None for f in ("amount_jpy", "probability", "deal_title"))


class ReportReader(Reader):
    """Reads daily reports with the rep's header synonyms, profiles, name and rank table.

    Built once per Importer; synonyms and profiles are read again when their files change (the
    mapping wizard saves a profile while the import process keeps running)."""

    def __init__(self, importer: Importer):
        super().__init__(importer)
        opts = importer.options
        self.rep: str | None = opts.get("rep")
        self.ranks: dict[str, int] | None = opts.get("ranks")
        self._given_synonyms: Synonyms | None = opts.get("synonyms")
        self._given_profiles: list[Profile] | None = opts.get("profiles")
        self._synonyms: tuple[tuple, Synonyms] | None = None
        self._profiles: tuple[tuple, list[Profile]] | None = None

    @property
    def synonyms(self) -> Synonyms:
        if self._given_synonyms is not None:
            return self._given_synonyms
        extra = self.store.data_dir / "header_synonyms.toml"
        stamp = _stamp([extra])
        if self._synonyms is None or self._synonyms[0] != stamp:
            self._synonyms = (stamp, load_synonyms(extra if extra.is_file() else None))
        return self._synonyms[1]

    def profiles(self) -> list[Profile]:
        if self._given_profiles is not None:
            return self._given_profiles
        folder = self.store.data_dir / "profiles"
        stamp = _stamp(sorted(folder.glob("*.toml")) if folder.is_dir() else [])
        if self._profiles is None or self._profiles[0] != stamp:
            self._profiles = (stamp, profiles_in(folder, lang=self.lang))
        return self._profiles[1]

    def parse(self, path: Path, fb: FileBytes, *, profile: Profile | None = None) -> Parsed:
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
        except ProfileError as exc:
            raise ImportFailed("bad_profile", str(exc)) from None
        return Parsed(parsed.records, parsed.issues, profile=profile.name if profile else None)

    def apply(self, w: Writer, job: Job) -> None:
        self._apply(w, job.source_id, job.outcome, job.parsed.payload)
        if job.outcome.added or job.outcome.updated:
            # 面談者 -> contacts, and memo photos of those days -> their activities
            link_in(w, source_id=job.source_id)
            relink_photos_in(w)

    def _apply(self, w: Writer, source_id: str, outcome: Outcome, records) -> None:
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
                {
                    "id": cid,
                    "name": c.display,
                    "name_normalized": c.normalized,
                    **new_company_reading(c.display),  # よみ for 50音順 (importers.cards.readings)
                }
                for cid, c in wanted.items()
                if cid not in known
            ],
        )
        redirect = {cid: cid for cid in wanted}
        for cid, deleted in known.items():
            if deleted:
                redirect[cid] = resolve_company(w.conn, cid) or cid
        return redirect


class ReportImporter(Importer):
    """An Importer whose ``import_file`` reads daily reports (``import_source`` reads any kind).

    ``lang``: the language of the problem messages ('ja' | 'en'); None means GENBA_LANG, else
    the data dir's ``language`` setting, else Japanese."""

    @property
    def synonyms(self) -> Synonyms:
        return self.reader("reports").synonyms

    def profiles(self) -> list[Profile]:
        return self.reader("reports").profiles()

    def import_file(
        self, path: Path, *, force: bool = False, profile: Profile | None = None
    ) -> Outcome:
        return self.import_source(path, "reports", force=force, profile=profile)


def _stamp(paths: list[Path]) -> tuple:
    """What changes when any of these files is saved, added or removed."""
    out = []
    for p in paths:
        try:
            st = p.stat()
        except OSError:
            continue
        out.append((p.name, st.st_mtime_ns, st.st_size))
    return tuple(out)
