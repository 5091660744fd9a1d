"""Daily reports: the reader ``importers.ingest`` uses for the 'reports' kind.

``parse`` reads the workbook's bytes into compact activity rows (outside any write transaction);
``apply_in_steps`` applies the re-import rules (importers.reimport) in bounded transactions
(importers.report_steps): only what the file changed since its last import is written, then
deals, 面談者 -> contacts, memo photos of those days and 所感 notes follow.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from importers import parse_worker, report_steps
from importers.ingest import Importer, Job, Parsed, Reader
from importers.insights.mvp import team_departments
from importers.issues import ImportFailed
from importers.layout.synonyms import Synonyms, load_synonyms
from importers.outcome import Outcome
from importers.parse import parse_report
from importers.profiles import Profile, ProfileError, profile_for, profiles_in
from importers.reading import FileBytes
from importers.records import StoredRow
from importers.report_steps import has_deal_fields
from sync.store.ids import natural_id


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
        self.worker_min_bytes: int = opts.get("worker_min_bytes", parse_worker.WORKER_MIN_BYTES)

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
            options = dict(
                synonyms=self.synonyms,
                default_rep=self.rep,
                profile=profile,
                file_date=dt.date.fromtimestamp(fb.mtime),
                ranks=self.ranks,
                lang=self.lang,
                reps=frozenset(team_departments(self.store.data_dir)),
                profiles=self.profiles(),  # no name matched: perhaps the heading row does
            )
            if len(fb.data) >= self.worker_min_bytes and parse_worker.enabled():
                # read on the second core while the rows are written (importers.parse_worker):
                # the issues and the profile are known once every row has come
                known = frozenset(r[0] for r in self.store.query("SELECT id FROM companies"))
                worker = parse_worker.start(fb.data, path.name, known=known, **options)
                return Parsed(worker)
            compact = Compact()
            parsed = parse_report(fb.data, path.name, keep=compact, **options)
            profile = parsed.profile
        except ProfileError as exc:
            raise ImportFailed("bad_profile", str(exc)) from None
        payload = (parsed.records, compact.companies)
        return Parsed(payload, parsed.issues, profile=profile.name if profile else None)

    # Applied in bounded steps (importers.report_steps): ingest calls ``apply_in_steps``.
    stages = True

    def apply_in_steps(self, job: Job, save_source) -> dict[str, set[str]]:
        return report_steps.apply_in_steps(self.store, job, save_source)


class Compact:
    """What the importer keeps of each parsed record (``StoredRow``), and the companies the
    rows name (natural id -> CompanyName)."""

    def __init__(self):
        self.companies: dict[str, object] = {}
        self.count = 0

    def __call__(self, rec) -> StoredRow:
        cid = natural_id("companies", rec.company.normalized) if rec.company else None
        if cid:
            self.companies.setdefault(cid, rec.company)
        self.count += 1
        return StoredRow(rec, cid, has_deal_fields(rec.fields), self.count - 1)


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
