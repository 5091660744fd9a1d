"""DDL of the local store, one named migration per step.

Synced tables carry no UNIQUE constraint but the primary key and no enforced cross-table foreign
keys: two offline replicas may both create a row, and duplicates are merged in the app, reversibly.
"""

from __future__ import annotations

from sync.schema_contract import INTEGER_FIELDS, SYNCED_FIELDS
from sync.store.change_log import INSERT_ROW

# Synced fields that came after 0001, each with the migration that adds its column: the first
# migration keeps its first shape so a new data dir and an upgraded one end with the same columns.
ADDED_LATER: dict[tuple[str, str], str] = {
    # where each reading came from (card, derived, manual): a derived reading never replaces one
    # a card or a rep gave (importers.cards.readings)
    ("companies", "name_kana_source"): "0005_reading_source",
    ("contacts", "full_name_kana_source"): "0005_reading_source",
    ("activities", "extras"): "0006_activity_extras",
    ("activities", "kind"): "0007_mail_and_memo_text",
    ("activities", "direction"): "0007_mail_and_memo_text",
    ("activities", "thread_id"): "0007_mail_and_memo_text",
    ("attachments", "ocr_text"): "0007_mail_and_memo_text",
    ("activities", "followup_state"): "0008_followups_and_dismissed_problems",
    ("activities", "followup_date"): "0008_followups_and_dismissed_problems",
    # the romanised name a card gives beside the Japanese one (issue #13)
    ("contacts", "full_name_latin"): "0009_contact_latin_name",
}


def _column(field: str) -> str:
    return f"{field} {'INTEGER' if field in INTEGER_FIELDS else 'TEXT'}"


def _added(migration: str) -> list[str]:
    return [
        f"ALTER TABLE {e} ADD COLUMN {_column(f)}"
        for (e, f), m in ADDED_LATER.items()
        if m == migration
    ]


def _synced_table(entity: str) -> str:
    cols = ["id TEXT PRIMARY KEY"]
    for field in SYNCED_FIELDS[entity]:
        if (entity, field) in ADDED_LATER:
            continue
        if field == "deleted":
            cols.append("deleted INTEGER NOT NULL DEFAULT 0")
        elif field == "needs_review":
            cols.append("needs_review INTEGER NOT NULL DEFAULT 0")
        else:
            cols.append(_column(field))
    return f"CREATE TABLE {entity} (\n  " + ",\n  ".join(cols) + "\n)"


INITIAL = [
    *(_synced_table(e) for e in SYNCED_FIELDS),
    "CREATE INDEX companies_name_normalized ON companies(name_normalized)",
    "CREATE INDEX contacts_company ON contacts(company_id)",
    "CREATE INDEX contacts_name_normalized ON contacts(name_normalized)",
    "CREATE INDEX activities_occurred_on ON activities(occurred_on)",
    "CREATE INDEX activities_company ON activities(company_id)",
    "CREATE INDEX activities_source ON activities(source_id)",
    "CREATE INDEX deals_company ON deals(company_id)",
    "CREATE INDEX notes_company ON notes(company_id)",
    "CREATE INDEX attachments_entity ON attachments(entity, entity_id)",
    """CREATE TABLE sources (
      id TEXT PRIMARY KEY,
      path TEXT NOT NULL,
      kind TEXT,
      sha256 TEXT,
      size INTEGER,
      mtime REAL,
      status TEXT NOT NULL DEFAULT 'ok' CHECK (status IN ('ok','warning','error','missing')),
      imported_at TEXT,
      profile TEXT,
      message TEXT
    )""",
    "CREATE INDEX sources_path ON sources(path)",
    "CREATE INDEX sources_sha256 ON sources(sha256)",
    """CREATE TABLE import_issues (
      id TEXT PRIMARY KEY,
      source_id TEXT NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
      location TEXT,
      severity TEXT NOT NULL CHECK (severity IN ('info','warning','error')),
      code TEXT NOT NULL,
      message TEXT NOT NULL,
      created_at TEXT
    )""",
    "CREATE INDEX import_issues_source ON import_issues(source_id)",
    # What each file said last time, row by row: re-import diffs the file against this, not the
    # store, so an edit made in the app survives re-importing an unchanged row (design rule 5).
    """CREATE TABLE source_rows (
      source_id TEXT NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
      position INTEGER NOT NULL,
      sheet TEXT,
      fingerprint TEXT NOT NULL,
      activity_id TEXT NOT NULL,
      fields TEXT NOT NULL,
      PRIMARY KEY (source_id, position)
    ) WITHOUT ROWID""",
    # The local change log: one row per changed field; acked once the server has it. change_id is
    # "<site>.<seq>", computed by SQLite: unique across laptops, nothing to build or store per row.
    # value has no declared type so SQLite keeps each value's own type (text, integer, NULL).
    """CREATE TABLE changes (
      seq INTEGER PRIMARY KEY,
      change_id TEXT GENERATED ALWAYS AS (site || '.' || seq) VIRTUAL,
      entity TEXT NOT NULL,
      row_id TEXT NOT NULL,
      field TEXT NOT NULL,
      value,
      hlc TEXT NOT NULL,
      site TEXT NOT NULL,
      acked INTEGER NOT NULL DEFAULT 0
    )""",
    "CREATE INDEX changes_outbox ON changes(seq) WHERE acked = 0",
    # The clock of each field's current value when it was last set by an update or a pulled
    # change. A field set when its row was inserted locally takes the row's insert clock from
    # row_clocks instead: one clock row per insert rather than one per field keeps imports fast.
    """CREATE TABLE field_clocks (
      entity TEXT NOT NULL,
      row_id TEXT NOT NULL,
      field TEXT NOT NULL,
      hlc TEXT NOT NULL,
      site TEXT NOT NULL,
      PRIMARY KEY (entity, row_id, field)
    ) WITHOUT ROWID""",
    """CREATE TABLE row_clocks (
      entity TEXT NOT NULL,
      row_id TEXT NOT NULL,
      hlc TEXT NOT NULL,
      site TEXT NOT NULL,
      PRIMARY KEY (entity, row_id)
    ) WITHOUT ROWID""",
    "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)",
]

# Local bookkeeping of the card importer (what each card file said last time), of automatic
# 面談者 -> contact links, and of reversible merges. IF NOT EXISTS: early builds created them lazily.
CARDS = [
    """CREATE TABLE IF NOT EXISTS card_rows (
      source_id TEXT NOT NULL,
      contact_id TEXT NOT NULL,
      ref TEXT,
      exchanged_on TEXT,
      fields TEXT NOT NULL,
      PRIMARY KEY (source_id, contact_id)
    ) WITHOUT ROWID""",
    """CREATE TABLE IF NOT EXISTS contact_links (
      activity_id TEXT PRIMARY KEY,
      contact_id TEXT NOT NULL,
      contact_name TEXT,
      contact_title TEXT
    )""",
    """CREATE TABLE IF NOT EXISTS merges (
      id TEXT PRIMARY KEY,
      entity TEXT NOT NULL,
      keep_id TEXT NOT NULL,
      other_id TEXT NOT NULL,
      moved TEXT NOT NULL,
      filled TEXT NOT NULL,
      created_at TEXT NOT NULL,
      undone_at TEXT
    )""",
]

# Local bookkeeping of the knowledge base: which activity's 所感 cell each insight note came from
# (and whether the rep pinned its category), and the team workbooks whose 上司コメント were read.
# IF NOT EXISTS: builds before this migration created them lazily.
KNOWLEDGE = [
    """CREATE TABLE IF NOT EXISTS knowledge_note_sources (
      note_id TEXT PRIMARY KEY,
      activity_id TEXT NOT NULL,
      insight TEXT,
      suggested TEXT,
      pinned INTEGER NOT NULL DEFAULT 0
    ) WITHOUT ROWID""",
    """CREATE TABLE IF NOT EXISTS knowledge_workbook_files (
      path TEXT PRIMARY KEY, mtime REAL, size INTEGER
    ) WITHOUT ROWID""",
]

MIGRATIONS: list[tuple[str, list[str]]] = [
    ("0001_initial", INITIAL),
    ("0002_card_bookkeeping", CARDS),
    (
        "0003_knowledge_indexes",
        [
            "CREATE INDEX IF NOT EXISTS notes_activity ON notes(activity_id)",
            "CREATE INDEX IF NOT EXISTS reactions_note ON reactions(note_id, kind)",
        ],
    ),
    ("0004_knowledge_bookkeeping", KNOWLEDGE),
    ("0005_reading_source", _added("0005_reading_source")),
    # What a rep wrote in a column Genba could not place stays on the activity (issue #12).
    ("0006_activity_extras", _added("0006_activity_extras")),
    (
        "0007_mail_and_memo_text",
        [
            *_added("0007_mail_and_memo_text"),
            "CREATE INDEX activities_thread ON activities(thread_id)",
            "CREATE INDEX activities_source_ref ON activities(source_ref)",
        ],
    ),
    (
        # Today can be cleared: a follow-up done, snoozed or dismissed (synced fields); an
        # import problem the rep has dealt with (local, like the problems themselves).
        "0008_followups_and_dismissed_problems",
        [
            *_added("0008_followups_and_dismissed_problems"),
            "ALTER TABLE import_issues ADD COLUMN dismissed_at TEXT",
        ],
    ),
]

# Sync bookkeeping (issue 14). ``changes.acked`` now says where a change stands: 0 waiting for the
# server, 1 acknowledged, 2 refused by the server (kept, listed in sync_rejections, never
# resent), 3 local only (a private note's history, or a draft superseded when it was shared).
SYNC_BOOKKEEPING = [
    """CREATE TABLE IF NOT EXISTS sync_rejections (
      seq INTEGER PRIMARY KEY,
      change_id TEXT NOT NULL,
      entity TEXT NOT NULL,
      row_id TEXT NOT NULL,
      field TEXT NOT NULL,
      code TEXT NOT NULL,
      message TEXT NOT NULL,
      rejected_at TEXT NOT NULL
    )""",
    # Pulled values this laptop did not apply: 'unknown_field' ones (a newer teammate's field) are
    # applied after an upgrade that knows the field; 'invalid_value' ones are shown as a problem.
    """CREATE TABLE IF NOT EXISTS sync_held (
      id INTEGER PRIMARY KEY,
      reason TEXT NOT NULL,
      entity TEXT NOT NULL,
      row_id TEXT NOT NULL,
      field TEXT NOT NULL,
      value TEXT,
      hlc TEXT NOT NULL,
      site TEXT NOT NULL,
      message TEXT NOT NULL,
      received_at TEXT NOT NULL
    )""",
    "CREATE INDEX IF NOT EXISTS sync_held_reason ON sync_held(reason)",
    # Unsent changes of notes that are private now were held back by a filter before: they are
    # local history, never to be sent (sharing the note later sends its state afresh).
    """UPDATE changes SET acked = 3 WHERE acked = 0 AND entity = 'notes'
       AND row_id IN (SELECT id FROM notes WHERE visibility = 'private')""",
]

MIGRATIONS.append(("sync_rejections_and_held_values", SYNC_BOOKKEEPING))
# A card's romanised name (vCard 4.0 ALTID, a CSV 'English name' column) beside the Japanese one.
MIGRATIONS.append(("0009_contact_latin_name", _added("0009_contact_latin_name")))

# An import problem is kept as its catalogue key and parameters (JSON) besides the text said at
# import time, so it is shown in the language the rep reads it in (resources.messages.shown).
# Rows from before keep their text; local bookkeeping, not synced.
MIGRATIONS.append(
    (
        "0010_issue_params",
        [
            "ALTER TABLE import_issues ADD COLUMN message_key TEXT",
            "ALTER TABLE import_issues ADD COLUMN params TEXT",
        ],
    )
)

# Bounded import transactions (issue 15; importers.staging): a large file is written in chunks,
# each its own short transaction. Its new activities are staged hidden (deleted = 1, listed in
# import_staged) and its source_rows are written as a new generation (positions from rows_base);
# one short publish shows them all at once. The change log holds back every change at or after
# an open run's first_seq, so sync never pushes half a file.
IMPORT_RUNS = [
    """CREATE TABLE IF NOT EXISTS import_runs (
      id TEXT PRIMARY KEY,
      source_id TEXT NOT NULL,
      first_seq INTEGER NOT NULL,
      rows_base INTEGER NOT NULL,
      created_source INTEGER NOT NULL,
      phase TEXT NOT NULL CHECK (phase IN ('staging', 'completing')),
      pid INTEGER,
      pid_started REAL,
      started_at TEXT
    )""",
    """CREATE TABLE IF NOT EXISTS import_staged (
      run_id TEXT NOT NULL,
      row_id TEXT NOT NULL,
      PRIMARY KEY (run_id, row_id)
    ) WITHOUT ROWID""",
    "ALTER TABLE sources ADD COLUMN rows_base INTEGER NOT NULL DEFAULT 0",
]

MIGRATIONS.append(("0011_import_runs", IMPORT_RUNS))

# The full-text index of notes, activities and memo photos (desktop.knowledge.index): its content
# is derived (rebuilt whenever the segmenter or what is indexed changes) but its tables are the
# store's like any other. Builds before this migration created them on the first search, in
# whatever shape that build had: they are dropped here, made in one shape, and the index's
# version is forgotten so its next refresh indexes everything again.
# Triggers queue every insert and every update of an indexed field, whoever writes (an import,
# the app, a sync pull, a SQLite tool); the index reads the queue (knowledge_dirty) before a search.
KNOWLEDGE_NOTE_FIELDS = ("body", "company_id", "deleted")
KNOWLEDGE_ACTIVITY_FIELDS = (
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
KNOWLEDGE_INDEX_VERSION_KEY = "knowledge_index_version"
KNOWLEDGE_INDEX_TRIGGERS = (
    "knowledge_notes_ins",
    "knowledge_notes_upd",
    "knowledge_activities_ins",
    "knowledge_activities_upd",
    "knowledge_photos_ins",
    "knowledge_photos_upd",
    "knowledge_companies_upd",
)


def _queue(kind: str, ref: str = "new.id") -> str:
    return f"INSERT OR IGNORE INTO knowledge_dirty (kind, ref_id) VALUES ('{kind}', {ref});"


KNOWLEDGE_INDEX = [
    *(f"DROP TRIGGER IF EXISTS {name}" for name in KNOWLEDGE_INDEX_TRIGGERS),
    "DROP TABLE IF EXISTS knowledge_fts",
    "DROP TABLE IF EXISTS knowledge_docs",
    "DROP TABLE IF EXISTS knowledge_dirty",
    # one row per indexed note/activity/photo: its FTS rowid, and the normalised text and customer
    # name it was indexed with (the contentless FTS table needs them to delete its old tokens)
    """CREATE TABLE knowledge_docs (
      rowid INTEGER PRIMARY KEY,
      kind TEXT NOT NULL,
      ref_id TEXT NOT NULL,
      text TEXT NOT NULL,
      company TEXT NOT NULL
    )""",
    "CREATE UNIQUE INDEX knowledge_docs_ref ON knowledge_docs(kind, ref_id)",
    # contentless, unicode61 over text segmented by Genba (desktop.knowledge.segment): the text's
    # bigrams and single characters, and the customer's
    """CREATE VIRTUAL TABLE knowledge_fts USING fts5(
      bi, uni, cbi, cuni, content='', tokenize='unicode61 remove_diacritics 0'
    )""",
    """CREATE TABLE knowledge_dirty (
      kind TEXT NOT NULL, ref_id TEXT NOT NULL, PRIMARY KEY (kind, ref_id)
    ) WITHOUT ROWID""",
    f"CREATE TRIGGER knowledge_notes_ins AFTER INSERT ON notes BEGIN {_queue('note')} END",
    f"""CREATE TRIGGER knowledge_notes_upd AFTER UPDATE OF {", ".join(KNOWLEDGE_NOTE_FIELDS)}
    ON notes BEGIN {_queue("note")} END""",
    f"""CREATE TRIGGER knowledge_activities_ins AFTER INSERT ON activities BEGIN
    {_queue("activity")} END""",
    f"""CREATE TRIGGER knowledge_activities_upd
    AFTER UPDATE OF {", ".join(KNOWLEDGE_ACTIVITY_FIELDS)} ON activities BEGIN
    {_queue("activity")} END""",
    # memo photos are found by the printed text read on them (importers.photos.memo_text)
    f"""CREATE TRIGGER knowledge_photos_ins AFTER INSERT ON attachments
    WHEN new.ocr_text IS NOT NULL BEGIN {_queue("photo")} END""",
    f"""CREATE TRIGGER knowledge_photos_upd
    AFTER UPDATE OF ocr_text, entity, entity_id, deleted ON attachments BEGIN
    {_queue("photo")} END""",
    """CREATE TRIGGER knowledge_companies_upd AFTER UPDATE OF name ON companies BEGIN
      INSERT OR IGNORE INTO knowledge_dirty (kind, ref_id)
        SELECT 'note', id FROM notes WHERE company_id = new.id;
      INSERT OR IGNORE INTO knowledge_dirty (kind, ref_id)
        SELECT 'activity', id FROM activities WHERE company_id = new.id;
    END""",
    f"DELETE FROM meta WHERE key = '{KNOWLEDGE_INDEX_VERSION_KEY}'",
]

MIGRATIONS.append(("0012_knowledge_index", KNOWLEDGE_INDEX))

# The new values an unpublished import gives rows the store already has (importers.staging):
# a re-import that rewrites the content of 200,000 rows stages them here in bounded chunks, each
# change logged as it is staged (and held back with the run), and its publish swaps them in with
# one set-based UPDATE per field instead of 200,000 row updates inside the one transaction that
# every edit in the app waits behind. value has no declared type, as in changes.
IMPORT_VALUES = [
    """CREATE TABLE IF NOT EXISTS import_values (
      run_id TEXT NOT NULL,
      field TEXT NOT NULL,
      row_id TEXT NOT NULL,
      value,
      hlc TEXT NOT NULL,
      seq INTEGER NOT NULL,
      PRIMARY KEY (run_id, field, row_id)
    ) WITHOUT ROWID""",
]

MIGRATIONS.append(("0013_import_values", IMPORT_VALUES))

# The change log stored compactly (sync.store.change_log): an import's inserted row is one log
# row, not twenty. The table keeps its rows (each an ordinary field change, span 1) and its
# indexes under its new name; ``changes`` becomes the view of field changes every reader queried.
COMPACT_CHANGE_LOG = [
    "ALTER TABLE changes RENAME TO change_log",
    "ALTER TABLE change_log ADD COLUMN span INTEGER NOT NULL DEFAULT 1",
    "ALTER TABLE change_log ADD COLUMN layout INTEGER",
    # the fields (a JSON array) an insert row's values are in: the table's when it was written
    "CREATE TABLE change_layouts (id INTEGER PRIMARY KEY, fields TEXT NOT NULL UNIQUE)",
    f"""CREATE VIEW changes AS
      SELECT seq, change_id, entity, row_id, field, value, hlc, site, acked
        FROM change_log WHERE field <> '{INSERT_ROW}'
      UNION ALL
      SELECT seq, site || '.' || seq, entity, row_id, field, value, hlc, site, acked FROM (
        SELECT c.seq - 1 + row_number() OVER (PARTITION BY c.seq ORDER BY j.key) AS seq,
               c.entity, c.row_id, l.fields ->> j.key AS field, j.value AS value, c.hlc, c.site,
               c.acked
          FROM change_log c JOIN change_layouts l ON l.id = c.layout JOIN json_each(c.value) j
         WHERE c.field = '{INSERT_ROW}' AND j.type <> 'null')""",
]

MIGRATIONS.append(("0014_compact_change_log", COMPACT_CHANGE_LOG))
