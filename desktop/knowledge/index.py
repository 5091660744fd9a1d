"""The full-text index over notes, activities and memo photos.

Its tables and triggers come from the store's migration ``0012_knowledge_index``
(sync/store/schema.py); this module fills them:

* ``knowledge_docs``: one row per indexed note/activity/photo — its FTS rowid, kind, id, and the
  normalised text and customer name it was indexed with (needed to delete its old tokens from the
  contentless FTS table, and for snippets).
* ``knowledge_fts``: FTS5, contentless, ``unicode61`` over pre-segmented text
  (see :mod:`desktop.knowledge.segment`); columns bi, uni (the text) and cbi, cuni (the customer).
* ``knowledge_dirty``: rows to re-index. Plain-SQL triggers on notes, activities, attachments and
  companies queue every insert and every relevant update here — whoever writes (an import, the
  app, a sync pull, a power user's SQLite tool) — and :func:`refresh` indexes the queue before
  each search.

The content is a cache of the rows: ``meta[knowledge_index_version]`` says how it was made, and a
refresh that finds another version (a new segmenter, new indexed text, a store just migrated)
empties it and indexes every row again.
"""

from __future__ import annotations

import sqlite3

from desktop.knowledge.segment import SEGMENTER_VERSION, segment
from importers.extras import extras_text
from importers.insights.categories import normalize_text
from sync.store import Store, Writer
from sync.store.schema import KNOWLEDGE_INDEX_VERSION_KEY

META_KEY = KNOWLEDGE_INDEX_VERSION_KEY
CHUNK = 500

# The text an activity is found by (the triggers queue a change of any of these, and of
# extras, company_id and deleted: sync.store.schema.KNOWLEDGE_ACTIVITY_FIELDS). Its insight
# (所感) is not here: it is a note of its own (importers.insights.notes), so it is found once, as
# knowledge.
ACTIVITY_TEXT = ("summary", "purpose", "result", "next_action", "contact_name", "deal_title")
# Bumped when what a row is indexed with changes: every index is then rebuilt once.
INDEXED_WITH = "extras"

# The customer of a photo (attachments row ``a``): the one it is on, or its activity's.
PHOTO_COMPANY = (
    "CASE a.entity WHEN 'companies' THEN a.entity_id WHEN 'activities' THEN "
    "(SELECT company_id FROM activities WHERE id = a.entity_id) END"
)


def _version() -> str:
    return f"{SEGMENTER_VERSION}:{INDEXED_WITH}"


def _ready(conn: sqlite3.Connection) -> bool:
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (META_KEY,)).fetchone()
    return bool(row) and row[0] == _version()


def ensure_in(w: Writer) -> bool:
    """Inside the caller's write transaction: when the index was made another way (or never),
    empty it and queue every note, activity and photo for indexing; True when it did so."""
    if _ready(w.conn):
        return False
    w.conn.execute("DELETE FROM knowledge_docs")
    w.conn.execute("INSERT INTO knowledge_fts (knowledge_fts) VALUES ('delete-all')")
    w.conn.execute("DELETE FROM knowledge_dirty")
    w.conn.execute(
        "INSERT INTO knowledge_dirty (kind, ref_id) SELECT 'note', id FROM notes WHERE deleted = 0"
    )
    w.conn.execute(
        "INSERT INTO knowledge_dirty (kind, ref_id) "
        "SELECT 'activity', id FROM activities WHERE deleted = 0"
    )
    w.conn.execute(
        "INSERT INTO knowledge_dirty (kind, ref_id) "
        "SELECT 'photo', id FROM attachments WHERE deleted = 0 AND ocr_text IS NOT NULL"
    )
    w.set_meta(META_KEY, _version())
    return True


def pending(store: Store) -> bool:
    """Whether the index is not built at this version or has rows queued (a cheap check)."""
    if not _ready_store(store):
        return True
    return bool(store.query("SELECT EXISTS (SELECT 1 FROM knowledge_dirty)")[0][0])


def _ready_store(store: Store) -> bool:
    return store.get_meta(META_KEY) == _version()


def built(store: Store) -> bool:
    """Whether the index was built at the current version (a read: searching needs it)."""
    return _ready_store(store)


def refresh(store: Store) -> int:
    """Bring the index up to date (build it on first use); returns how many rows were indexed."""
    if not pending(store):
        return 0
    with store.write() as w:
        ensure_in(w)
        return refresh_in(w)


def rebuild(store: Store) -> int:
    """Empty and rebuild the whole index (`genba search --rebuild`)."""
    with store.write() as w:
        w.conn.execute("DELETE FROM meta WHERE key = ?", (META_KEY,))
        ensure_in(w)
        return refresh_in(w)


def _fts_delete(conn: sqlite3.Connection, rowid: int, text: str, company: str) -> None:
    bi, uni = segment(text)
    cbi, cuni = segment(company)
    conn.execute(
        "INSERT INTO knowledge_fts (knowledge_fts, rowid, bi, uni, cbi, cuni) "
        "VALUES ('delete', ?, ?, ?, ?, ?)",
        (rowid, bi, uni, cbi, cuni),
    )


def _fts_insert(conn: sqlite3.Connection, rowid: int, text: str, company: str) -> None:
    bi, uni = segment(text)
    cbi, cuni = segment(company)
    conn.execute(
        "INSERT INTO knowledge_fts (rowid, bi, uni, cbi, cuni) VALUES (?, ?, ?, ?, ?)",
        (rowid, bi, uni, cbi, cuni),
    )


def _current(conn: sqlite3.Connection, kind: str, ids: list[str]) -> dict[str, tuple[str, str]]:
    """id -> (normalised text, normalised customer name) of the live rows among ids."""
    marks = ",".join("?" * len(ids))
    if kind == "note":
        rows = conn.execute(
            f"""SELECT n.id, n.body AS text, c.name AS company FROM notes n
                LEFT JOIN companies c ON c.id = n.company_id
                WHERE n.id IN ({marks}) AND n.deleted = 0""",
            ids,
        ).fetchall()
        return {r[0]: (normalize_text(r[1]), normalize_text(r[2])) for r in rows}
    if kind == "photo":
        rows = conn.execute(
            f"""SELECT a.id, a.ocr_text, c.name FROM attachments a
                LEFT JOIN companies c ON c.id = {PHOTO_COMPANY}
                WHERE a.id IN ({marks}) AND a.deleted = 0 AND a.ocr_text IS NOT NULL""",
            ids,
        ).fetchall()
        return {r[0]: (normalize_text(r[1]), normalize_text(r[2])) for r in rows}
    cols = ", ".join(f"a.{f}" for f in ACTIVITY_TEXT)
    rows = conn.execute(
        f"""SELECT a.id, c.name, {cols}, a.extras FROM activities a
            LEFT JOIN companies c ON c.id = a.company_id
            WHERE a.id IN ({marks}) AND a.deleted = 0""",
        ids,
    ).fetchall()
    return {
        r[0]: (
            normalize_text("\n".join(v for v in (*r[2:-1], extras_text(r[-1])) if v)),
            normalize_text(r[1]),
        )
        for r in rows
    }


def refresh_in(w: Writer) -> int:
    """Index every queued row inside the caller's write transaction."""
    conn = w.conn
    done = 0
    queued = conn.execute("SELECT kind, ref_id FROM knowledge_dirty").fetchall()
    for kind in ("note", "activity", "photo"):
        ids = [r[1] for r in queued if r[0] == kind]
        for start in range(0, len(ids), CHUNK):
            chunk = ids[start : start + CHUNK]
            now = _current(conn, kind, chunk)
            marks = ",".join("?" * len(chunk))
            old = {
                r[1]: (r[0], r[2], r[3])
                for r in conn.execute(
                    f"SELECT rowid, ref_id, text, company FROM knowledge_docs "
                    f"WHERE kind = ? AND ref_id IN ({marks})",
                    (kind, *chunk),
                )
            }
            for ref_id in chunk:
                new = now.get(ref_id)
                prev = old.get(ref_id)
                if prev and new and (prev[1], prev[2]) == new:
                    continue
                if prev:
                    _fts_delete(conn, prev[0], prev[1], prev[2])
                if new and (new[0] or new[1]):
                    if prev:
                        rowid = prev[0]
                        conn.execute(
                            "UPDATE knowledge_docs SET text = ?, company = ? WHERE rowid = ?",
                            (new[0], new[1], rowid),
                        )
                    else:
                        rowid = conn.execute(
                            "INSERT INTO knowledge_docs (kind, ref_id, text, company) "
                            "VALUES (?, ?, ?, ?)",
                            (kind, ref_id, new[0], new[1]),
                        ).lastrowid
                    _fts_insert(conn, rowid, new[0], new[1])
                elif prev:
                    conn.execute("DELETE FROM knowledge_docs WHERE rowid = ?", (prev[0],))
                done += 1
    conn.execute("DELETE FROM knowledge_dirty")
    return done
