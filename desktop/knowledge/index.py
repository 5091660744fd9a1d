"""The full-text index over notes and activities (local tables, created lazily; no migration).

* ``knowledge_docs``: one row per indexed note/activity — its FTS rowid, kind, id, and the
  normalised text and customer name it was indexed with (needed to delete its old tokens from the
  contentless FTS table, and for snippets).
* ``knowledge_fts``: FTS5, contentless, ``unicode61`` over pre-segmented text
  (see :mod:`desktop.knowledge.segment`); columns bi, uni (the text) and cbi, cuni (the customer).
* ``knowledge_dirty``: rows to re-index. Plain-SQL triggers on notes, activities and companies
  queue every insert and every relevant update here — whoever writes (an import, the app, a sync
  pull, a power user's SQLite tool) — and :func:`refresh` indexes the queue before each search.
"""

from __future__ import annotations

import sqlite3

from desktop.knowledge.segment import SEGMENTER_VERSION, segment
from importers.extras import extras_text
from importers.insights.categories import normalize_text
from sync.store import Store, Writer

META_KEY = "knowledge_index_version"
CHUNK = 500

NOTE_FIELDS = ("body", "company_id", "deleted")
ACTIVITY_FIELDS = (
    "summary",
    "purpose",
    "result",
    "next_action",
    "contact_name",
    "deal_title",
    "extras",
    "company_id",
    "deleted",
)
# The text an activity is found by. Its insight (所感) is not here: it is a note of its own
# (importers.insights.notes), so it is found once, as knowledge.
ACTIVITY_TEXT = ("summary", "purpose", "result", "next_action", "contact_name", "deal_title")
# Bumped when what an activity is indexed with changes: every index is then rebuilt once.
INDEXED_WITH = "extras"

# The customer of a photo (attachments row ``a``): the one it is on, or its activity's.
PHOTO_COMPANY = (
    "CASE a.entity WHEN 'companies' THEN a.entity_id WHEN 'activities' THEN "
    "(SELECT company_id FROM activities WHERE id = a.entity_id) END"
)

DDL = [
    """CREATE TABLE IF NOT EXISTS knowledge_docs (
      rowid INTEGER PRIMARY KEY,
      kind TEXT NOT NULL,
      ref_id TEXT NOT NULL,
      text TEXT NOT NULL,
      company TEXT NOT NULL
    )""",
    "CREATE UNIQUE INDEX IF NOT EXISTS knowledge_docs_ref ON knowledge_docs(kind, ref_id)",
    """CREATE VIRTUAL TABLE IF NOT EXISTS knowledge_fts USING fts5(
      bi, uni, cbi, cuni, content='', tokenize='unicode61 remove_diacritics 0'
    )""",
    """CREATE TABLE IF NOT EXISTS knowledge_dirty (
      kind TEXT NOT NULL, ref_id TEXT NOT NULL, PRIMARY KEY (kind, ref_id)
    ) WITHOUT ROWID""",
    """CREATE TRIGGER IF NOT EXISTS knowledge_notes_ins AFTER INSERT ON notes BEGIN
      INSERT OR IGNORE INTO knowledge_dirty (kind, ref_id) VALUES ('note', new.id);
    END""",
    f"""CREATE TRIGGER IF NOT EXISTS knowledge_notes_upd
    AFTER UPDATE OF {", ".join(NOTE_FIELDS)} ON notes BEGIN
      INSERT OR IGNORE INTO knowledge_dirty (kind, ref_id) VALUES ('note', new.id);
    END""",
    """CREATE TRIGGER IF NOT EXISTS knowledge_activities_ins AFTER INSERT ON activities BEGIN
      INSERT OR IGNORE INTO knowledge_dirty (kind, ref_id) VALUES ('activity', new.id);
    END""",
    f"""CREATE TRIGGER IF NOT EXISTS knowledge_activities_upd
    AFTER UPDATE OF {", ".join(ACTIVITY_FIELDS)} ON activities BEGIN
      INSERT OR IGNORE INTO knowledge_dirty (kind, ref_id) VALUES ('activity', new.id);
    END""",
    # memo photos are found by the printed text read on them (importers.photos.memo_text)
    """CREATE TRIGGER IF NOT EXISTS knowledge_photos_ins AFTER INSERT ON attachments
    WHEN new.ocr_text IS NOT NULL BEGIN
      INSERT OR IGNORE INTO knowledge_dirty (kind, ref_id) VALUES ('photo', new.id);
    END""",
    """CREATE TRIGGER IF NOT EXISTS knowledge_photos_upd
    AFTER UPDATE OF ocr_text, entity, entity_id, deleted ON attachments BEGIN
      INSERT OR IGNORE INTO knowledge_dirty (kind, ref_id) VALUES ('photo', new.id);
    END""",
    """CREATE TRIGGER IF NOT EXISTS knowledge_companies_upd AFTER UPDATE OF name ON companies BEGIN
      INSERT OR IGNORE INTO knowledge_dirty (kind, ref_id)
        SELECT 'note', id FROM notes WHERE company_id = new.id;
      INSERT OR IGNORE INTO knowledge_dirty (kind, ref_id)
        SELECT 'activity', id FROM activities WHERE company_id = new.id;
    END""",
]
DROP = [
    "DROP TRIGGER IF EXISTS knowledge_notes_ins",
    "DROP TRIGGER IF EXISTS knowledge_notes_upd",
    "DROP TRIGGER IF EXISTS knowledge_activities_ins",
    "DROP TRIGGER IF EXISTS knowledge_activities_upd",
    "DROP TRIGGER IF EXISTS knowledge_companies_upd",
    "DROP TRIGGER IF EXISTS knowledge_photos_ins",
    "DROP TRIGGER IF EXISTS knowledge_photos_upd",
    "DROP TABLE IF EXISTS knowledge_fts",
    "DROP TABLE IF EXISTS knowledge_docs",
    "DROP TABLE IF EXISTS knowledge_dirty",
]


def _version() -> str:
    return f"{SEGMENTER_VERSION}:{len(DDL)}:{INDEXED_WITH}"


def _ready(conn: sqlite3.Connection) -> bool:
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (META_KEY,)).fetchone()
    return bool(row) and row[0] == _version()


def ensure_in(w: Writer) -> bool:
    """Create the index inside the caller's write transaction; True when it was (re)built now,
    in which case every note and activity is queued for indexing."""
    if _ready(w.conn):
        return False
    for sql in DROP:
        w.conn.execute(sql)
    for sql in DDL:
        w.conn.execute(sql)
    w.conn.execute(
        "INSERT OR IGNORE INTO knowledge_dirty (kind, ref_id) "
        "SELECT 'note', id FROM notes WHERE deleted = 0"
    )
    w.conn.execute(
        "INSERT OR IGNORE INTO knowledge_dirty (kind, ref_id) "
        "SELECT 'activity', id FROM activities WHERE deleted = 0"
    )
    w.conn.execute(
        "INSERT OR IGNORE INTO knowledge_dirty (kind, ref_id) "
        "SELECT 'photo', id FROM attachments WHERE deleted = 0 AND ocr_text IS NOT NULL"
    )
    w.set_meta(META_KEY, _version())
    return True


def pending(store: Store) -> bool:
    """Whether the index is missing or has rows queued for indexing (a cheap check)."""
    try:
        if not _ready_store(store):
            return True
        return bool(store.query("SELECT EXISTS (SELECT 1 FROM knowledge_dirty)")[0][0])
    except sqlite3.OperationalError:
        return True


def _ready_store(store: Store) -> bool:
    return store.get_meta(META_KEY) == _version()


def built(store: Store) -> bool:
    """Whether the index exists at the current version (a read: searching needs it)."""
    try:
        return _ready_store(store)
    except sqlite3.OperationalError:
        return False


def refresh(store: Store) -> int:
    """Bring the index up to date (create it on first use); returns how many rows were indexed."""
    if not pending(store):
        return 0
    with store.write() as w:
        ensure_in(w)
        return refresh_in(w)


def rebuild(store: Store) -> int:
    """Drop and rebuild the whole index (`genba search --rebuild`)."""
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
