"""Applying a daily report in bounded steps (importers.staging): stage, publish, complete.

``apply_in_steps`` is what ``ReportReader`` does with a parsed file: the re-import rules
(importers.reimport) are worked out outside any transaction; the new rows are staged hidden in
chunks with the file's new ``source_rows``, and so are the new values and tombstones of the
rows the file already had (``import_values``); one short transaction publishes them all, set-based,
with the new customers and the ``sources`` row;
then deals, 面談者 -> contacts, memo photos of those days, 所感 notes and the customers' readings
follow in chunks (``complete``, also what recovers a run whose process died after publishing).
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable

from importers import staging
from importers.cards.linking import link_in
from importers.cards.merge import resolve_company
from importers.cards.readings import new_company_reading
from importers.deals import refresh_deals
from importers.ingest import Job, _backfill_readings_once
from importers.insights.notes import sync_insight_notes
from importers.outcome import Outcome
from importers.parse_worker import WorkerParse
from importers.photos.apply import relink_photos_in
from importers.reimport import (
    OWN_FIELDS,
    changed_fields,
    decode_and_encode,
    load_old_rows,
    plan_reimport,
    source_text,
)
from sync.store import Store, Writer
from sync.store.ids import new_id

# Up to this many rows, a file's new customers' readings are derived while its rows are written
# (janome's dictionary then shares memory with them: a 20,000-row file peaks at about 200 MB;
# at 200,000 rows it would pass the 300 MB goal, so there they follow the rows instead).
READ_AHEAD_ROWS = 50_000
# Visits per transaction of the steps derived after the publish (所感 notes, deals, contacts):
# they write a row or two per visit where staging writes several per field, so four times
# staging's chunk holds the lock for less time than one staging chunk (bench/edit_wait_bench.py).
DERIVE_ROWS = 4 * staging.CHUNK_ROWS
DEAL_FIELDS = {"amount_jpy", "probability", "deal_title", "company_id", "rep", "occurred_on"}


def has_deal_fields(fields: dict) -> bool:
    return any(fields.get(f) is not None for f in ("amount_jpy", "probability", "deal_title"))


def apply_in_steps(store: Store, job: Job, save_source) -> dict[str, set[str]]:
    """Stage the new rows in chunks, publish the file in one short transaction, then
    complete what derives from it in chunks. ``save_source(w)`` saves its sources row.
    Returns the ids of the rows written, by entity."""
    with store.checkpoints_aside():  # the commits of its many chunks never wait for the disk
        return _apply_in_steps(store, job, save_source)


def _apply_in_steps(store: Store, job: Job, save_source) -> dict[str, set[str]]:
    worker = job.parsed.payload if isinstance(job.parsed.payload, WorkerParse) else None
    if worker is not None and job.existing is None:
        # a new file: its rows are written as they are read
        return apply_streamed(store, job, save_source, worker)
    sid, outcome = job.source_id, job.outcome
    conn = store.reader()
    try:
        old = load_old_rows(conn, sid)  # (while a worker reads the file)
        if worker is not None:  # the rows it had are matched against all of its rows
            try:
                job.parsed.payload = (worker.drain(), worker.companies)
            finally:
                worker.close()
            job.parsed.issues, job.parsed.profile = worker.issues, worker.profile
        records, wanted = job.parsed.payload
        known = _known_companies(conn, wanted)
        redirect = {cid: cid for cid in wanted}
        for cid, deleted in known.items():
            if deleted:  # merged away in the app: rows go to the one it was merged into
                redirect[cid] = resolve_company(conn, cid) or cid
    finally:
        conn.close()
    for rec in records:
        rec.company_id = redirect.get(rec.company_key, rec.company_key)
        rec.source_id = sid
    plan = plan_reimport(old, records)
    del old
    # what the file changed in rows it already had, worked out before taking the lock
    moved = [
        (o.activity_id, d) for o, r in plan.unchanged if (d := changed_fields(o.fields, r.fields))
    ]
    ids: list[str | None] = [None] * len(records)  # activity id by position in the file
    for old_row, rec in plan.unchanged:
        ids[rec.position] = old_row.activity_id
    for old_row, rec, _diff in plan.updated:
        ids[rec.position] = old_row.activity_id
    for rec in plan.inserted:
        ids[rec.position] = new_id()  # UUIDv7: staged rows sit together
    # The readings of the customers this file names for the first time are worked out on a
    # thread while the rows are written (SQLite lets go of the GIL while it writes); a large
    # file derives them after its rows are gone instead, the dictionary being large.
    early = (
        _ReadingsAhead({cid: c for cid, c in wanted.items() if cid not in known})
        if len(records) <= READ_AHEAD_ROWS
        else None
    )
    run = staging.begin(store, sid, job.existing, job.source_kind)
    touched: dict[str, set[str]] = {}
    try:
        noted = [o.activity_id for o, *_rest in (*plan.unchanged, *plan.updated)]
        new = {r.position for r in plan.inserted}
        for chunk in _chunks(records, staging.CHUNK_ROWS):
            # one pass, each row decoded once: the new ones staged, every one in source_rows
            staged, lines = [], []
            for r in chunk:
                fields, encoded = decode_and_encode(r)  # a fresh dict per row
                aid = ids[r.position]
                lines.append((r.position, r.sheet, r.fingerprint, aid, encoded))
                if r.position in new:
                    fields["id"] = aid
                    staged.append(fields)
                    if fields.get("insight"):  # only a new row with a 所感 can have a note
                        noted.append(aid)
            with store.write(bulk=True) as w:
                if staged:
                    staging.stage(w, run, staged)
                staging.write_rows(w, run, lines)
                _merge(touched, w.touched)
        del new
        # The parsed rows are written: let them go before what follows needs memory (the
        # reading dictionary, the derived steps).
        outcome.added = len(plan.inserted)
        deal_rows = {r.company_id for r in plan.inserted if r.deal}
        plan.inserted, plan.unchanged = [], []
        job.parsed.payload = records = None
        moved = move_cell_references(store, moved, touched)  # before the publish: it stays short
        companies = companies_with_deal_changes(plan, deal_rows)
        rewritten = stage_changes(store, run, plan, moved, outcome)
        with store.write(bulk=True) as w:
            created = publish(w, run, wanted)
            save_source(w)
            _merge(touched, w.touched)
        _merge(touched, {"activities": rewritten})
    except BaseException:
        staging.discard(store, run.id)
        raise
    noted.extend(r.activity_id for r in plan.deleted)
    relink = bool(outcome.added or outcome.updated)
    linked = set(redirect.values()) if relink else set()
    del plan, ids, moved

    def readings() -> None:
        ready = early.result() if early is not None else {}
        derive_readings(store, {cid: wanted[cid] for cid in created}, touched, ready)

    deals = companies if outcome.changed else set()
    complete(store, sid, noted, deals, linked, touched, then=readings)
    staging.finish(store, run.id, sid, run.old_base)
    return touched


def apply_streamed(store: Store, job: Job, save_source, worker: WorkerParse):
    """``apply_in_steps`` for a file Genba has never imported, read by a worker process: each
    batch of rows is staged as it comes (every row is new, nothing to match), the publish and
    the derived steps follow once the last one has come."""
    sid, outcome = job.source_id, job.outcome
    run = staging.begin(store, sid, None, job.source_kind)
    touched: dict[str, set[str]] = {}
    redirect: dict[str, str] = {}  # company key -> the company its rows go to
    noted: list[str] = []
    deal_rows: set[str] = set()
    try:
        for batch in worker.batches():
            _redirect_new_keys(store, batch, redirect)
            aids = [new_id() for _ in batch]  # UUIDv7, in the file's order
            for r in batch:
                r.company_id, r.source_id = redirect.get(r.company_key, r.company_key), sid
                if r.deal and r.company_id:
                    deal_rows.add(r.company_id)
            columns = _by_field(batch)  # written by column: no dict per row
            columns["company_id"] = [r.company_id for r in batch]
            columns["source_id"] = (sid,) * len(batch)
            lines = [
                (r.position, r.sheet, r.fingerprint, aid, source_text(r))
                for r, aid in zip(batch, aids, strict=True)
            ]
            insights = columns.get("insight", ())
            noted.extend(a for a, text in zip(aids, insights, strict=False) if text)
            with store.write(bulk=True) as w:
                staging.stage_columns(w, run, aids, columns)
                staging.write_rows(w, run, lines)
                _merge(touched, w.touched)
            outcome.added += len(batch)
        job.parsed.issues, job.parsed.profile = worker.issues, worker.profile
        wanted = worker.companies
        with store.write(bulk=True) as w:
            created = publish(w, run, wanted)
            save_source(w)
            _merge(touched, w.touched)
    except BaseException:
        worker.close()
        staging.discard(store, run.id)
        raise

    def readings() -> None:
        ready = worker.readings()
        derive_readings(store, {cid: wanted[cid] for cid in created}, touched, ready)

    changed = bool(outcome.added)
    linked = set(redirect.values()) if changed else set()
    deals = deal_rows if changed else set()
    complete(store, sid, noted, deals, linked, touched, then=readings)
    staging.finish(store, run.id, sid, run.old_base)
    return touched


def _by_field(batch) -> dict[str, list | tuple]:
    """The parsed rows' values, field by field (every row of a report holds the same fields;
    a batch that does not is read through each row's dict)."""
    if all(r.names == OWN_FIELDS for r in batch):
        by_field = zip(*(r.values() for r in batch), strict=True)
        return dict(zip(OWN_FIELDS, by_field, strict=True))
    rows = [dict(zip(r.names, r.values(), strict=True)) for r in batch]
    names = dict.fromkeys(n for r in batch for n in r.names)
    return {n: [row.get(n) for row in rows] for n in names}


def _redirect_new_keys(store: Store, batch, redirect: dict[str, str]) -> None:
    """Where the rows of the customers first named in this batch go: to the customer itself,
    or, merged away in the app, to the one it was merged into."""
    new = {r.company_key for r in batch if r.company_key and r.company_key not in redirect}
    if not new:
        return
    conn = store.reader()
    try:
        for cid in new:
            redirect[cid] = cid
        for cid, deleted in _known_companies(conn, new).items():
            if deleted:
                redirect[cid] = resolve_company(conn, cid) or cid
    finally:
        conn.close()


def derive_readings(
    store: Store, companies: dict, touched: dict[str, set[str]], ready: dict | None = None
) -> None:
    """よみ for 50音順 of the customers this file created (janome, outside any transaction,
    once the parsed rows are gone: the dictionary is large). ``ready``: readings already
    worked out (``_ReadingsAhead``), by company id."""
    ready = ready or {}
    readings = [
        (cid, ready[cid] if cid in ready else new_company_reading(c.display))
        for cid, c in companies.items()
    ]
    for chunk in _chunks([r for r in readings if r[1]], staging.CHUNK_ROWS):
        with store.write(bulk=True) as w:
            for cid, reading in chunk:
                row = w.get("companies", cid)
                if row is not None and not row["name_kana"]:  # nobody named it meanwhile
                    w.update("companies", cid, reading)
            _merge(touched, w.touched)


class _ReadingsAhead(threading.Thread):
    """The derived readings of these companies, on a thread of their own."""

    def __init__(self, companies: dict):
        super().__init__(name="genba-readings", daemon=True)
        self._companies = companies
        self._out: dict = {}
        self._error: BaseException | None = None
        self.start()

    def run(self) -> None:
        try:
            for cid, c in self._companies.items():
                self._out[cid] = new_company_reading(c.display)
        except BaseException as exc:  # raised again where the readings are used
            self._error = exc

    def result(self) -> dict:
        self.join()
        if self._error is not None:
            raise self._error
        return self._out


def companies_with_deal_changes(plan, deal_rows: set[str]) -> set[str]:
    """Deals derive from amounts, probabilities and deal titles: only customers whose rows
    changed one of those need their deals recomputed."""
    companies = set(deal_rows)
    for old_row, rec, diff in plan.updated:
        if diff.keys() & DEAL_FIELDS:
            companies.update((old_row.fields.get("company_id"), rec.company_id))
    for old_row in plan.deleted:
        if has_deal_fields(old_row.fields):
            companies.add(old_row.fields.get("company_id"))
    return {c for c in companies if c}


def stage_changes(store: Store, run, plan, moved: list, outcome: Outcome) -> set[str]:
    """The new values of the rows the file already had, staged in bounded transactions
    (importers.staging.stage_values) for the publish to swap in: the fields derived anew
    (``moved``), what the rep changed in the file, and the tombstones of rows gone from it.
    Counts the rows really updated and deleted; returns the ids of every row given a value."""
    rewritten = _stage_values(store, run, moved)
    updated = _stage_values(store, run, [(o.activity_id, d) for o, _r, d in plan.updated if d])
    deleted = _stage_values(store, run, [(o.activity_id, {"deleted": 1}) for o in plan.deleted])
    outcome.updated += len(updated)
    outcome.deleted += len(deleted)
    return rewritten | updated | deleted


def _stage_values(store: Store, run, diffs: list) -> set[str]:
    changed: set[str] = set()
    for chunk in _chunks(diffs, staging.CHUNK_ROWS):
        with store.write(bulk=True) as w:
            changed.update(staging.stage_values(w, run, chunk))
    return changed


def publish(w: Writer, run, wanted) -> list[str]:
    """The one short transaction that shows the file: its new customers, its staged rows and
    the staged values of the rows it had. Returns the ids of the customers it created."""
    known = _known_companies(w.conn, wanted)  # a sync may have brought some meanwhile
    created = w.insert_many(
        "companies",
        [
            {"id": cid, "name": c.display, "name_normalized": c.normalized}
            for cid, c in wanted.items()
            if cid not in known
        ],
    )
    staging.publish(w, run)
    return created


def complete(
    store: Store,
    source_id: str,
    activity_ids: list[str] | None = None,
    deal_companies: set[str] | None = None,
    link_companies: set[str] | None = None,
    touched: dict[str, set[str]] | None = None,
    then: Callable[[], None] | None = None,
) -> None:
    """What derives from a published file, in bounded transactions: 所感 -> knowledge notes,
    the deals of ``deal_companies``, 面談者 -> contacts at ``link_companies`` and memo photos
    of those days. ``activity_ids`` None: all of the file's (recovering a run whose process
    died after publishing). ``then``: run before the last step (the new customers' readings,
    worked out meanwhile on another core: the once-per-database backfill must find them)."""
    touched = touched if touched is not None else {}
    if activity_ids is None:
        rows = store.query(
            "SELECT id, company_id FROM activities WHERE source_id = ?", (source_id,)
        )
        activity_ids = [r[0] for r in rows]
        deal_companies = link_companies = {r[1] for r in rows if r[1]}
    for chunk in _chunks(activity_ids, DERIVE_ROWS):
        with store.write(bulk=True) as w:
            # 所感/気づき cells become knowledge notes linked to their customer and activity.
            sync_insight_notes(w, chunk)
            _merge(touched, w.touched)
    sizes = _visits_per_company(store, source_id)
    for chunk in _by_visits(deal_companies or (), sizes):
        with store.write(bulk=True) as w:
            refresh_deals(w, set(chunk))
            _merge(touched, w.touched)
    for chunk in _by_visits(link_companies or (), sizes):
        with store.write(bulk=True) as w:
            link_in(w, chunk, source_id=source_id)
            _merge(touched, w.touched)
    if then is not None:
        then()
    with store.write(bulk=True) as w:
        if link_companies:
            relink_photos_in(w)
        _backfill_readings_once(w)
        _merge(touched, w.touched)


def _visits_per_company(store, source_id: str) -> dict[str, int]:
    rows = store.query(
        "SELECT company_id, count(*) FROM activities WHERE source_id = ? GROUP BY company_id",
        (source_id,),
    )
    return {r[0]: r[1] for r in rows}


def _by_visits(companies, sizes: dict[str, int]):
    """Customers in groups of about DERIVE_ROWS of the file's visits (their deals and links are
    recomputed over those visits, one transaction per group)."""
    group, total = [], 0
    for cid in sorted(c for c in companies if c):
        group.append(cid)
        total += sizes.get(cid, 1)
        if total >= DERIVE_ROWS:
            yield group
            group, total = [], 0
    if group:
        yield group


def _chunks(items, size: int):
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _merge(into: dict[str, set[str]], more: dict[str, set[str]]) -> None:
    for entity, ids in more.items():
        into.setdefault(entity, set()).update(ids)


def _known_companies(conn, wanted) -> dict[str, int]:
    """id -> deleted of the wanted companies the store already has."""
    if not wanted:
        return {}
    return {
        r[0]: r[1]
        for r in conn.execute(
            "SELECT id, deleted FROM companies WHERE id IN (SELECT value FROM json_each(?))",
            (json.dumps(list(wanted)),),
        )
    }


# Where a row stands in its file (its cell reference) is not what the rep wrote in it: a row
# inserted at the top moves every row below it, and a re-import of a 200,000-row workbook would
# update 200,000 references inside the one publish transaction (tens of seconds, every edit in
# the app waiting behind it: `python bench/edit_wait_bench.py --reimport-shift 10`). They are
# written before the publish instead, in chunks, each its own short transaction: the rows'
# contents still change only at the publish (a rep never sees half a file), their references
# already point where the rows stand in the file on disk, and their changes wait in the outbox
# with the rest of the run.
POSITION_FIELDS = frozenset({"source_ref"})


def move_cell_references(store: Store, moved: list, touched: dict[str, set[str]]) -> list:
    """Write the cell references of ``moved`` ((activity id, changed fields) of rows the file
    still has) in bounded transactions; returns what is left for the publish: the other fields
    that changed (derived ones, e.g. a date read with another year), rows without any dropped."""
    left, refs = [], []
    for activity_id, diff in moved:
        if position := {k: v for k, v in diff.items() if k in POSITION_FIELDS}:
            refs.append((activity_id, position))
        if rest := {k: v for k, v in diff.items() if k not in POSITION_FIELDS}:
            left.append((activity_id, rest))
    for chunk in _chunks(refs, staging.CHUNK_ROWS):
        with store.write(bulk=True) as w:
            for activity_id, position in chunk:
                w.update("activities", activity_id, position)
            _merge(touched, w.touched)
    return left
