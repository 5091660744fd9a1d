"""Tables (SQLAlchemy Core), engines and migrations of the server database.

One database holds every team; every table is keyed by ``team_id`` first, so a team is one
partition: a row belongs to the team that wrote it, and no request can reach another team's. Migrations are Alembic scripts inside this package, run programmatically
(``genba-server migrate``, and ``serve`` before it starts); no alembic.ini is needed.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Engine,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    create_engine,
    event,
)

metadata = MetaData()

teams = Table(
    "teams",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("name", String, nullable=False, unique=True),
    # The per-team sequence: taken under this row's lock, it is also every puller's cursor.
    Column("last_seq", BigInteger, nullable=False, server_default="0"),
    # The greatest clock the team has accepted: a client re-stamping after clock skew starts above it.
    Column("max_hlc", String, nullable=True),
)

users = Table(
    "users",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("team_id", Integer, ForeignKey("teams.id"), nullable=False),
    Column("name", String, nullable=False),
    Column("role", String, nullable=False),
    Column("token_hash", String, nullable=False, unique=True),
    Column("revoked", Boolean, nullable=False, server_default="0"),
    Column("created_at", String, nullable=False),
    UniqueConstraint("team_id", "name", name="users_team_name"),
)


def _change(*extra) -> tuple:
    """The columns of a pushed change, as logged (``changes``) and as held (``held_changes``);
    ``extra`` (what only one of the two has) goes after the id, in the order the migrations made."""
    return (
        Column("team_id", Integer, primary_key=True),
        Column("change_id", String, primary_key=True),
        *extra,
        Column("entity", String, nullable=False),
        Column("row_id", String, nullable=False),
        Column("field", String, nullable=False),
        Column("value", Text),
        Column("hlc", String, nullable=False),
        Column("site", String, nullable=False),
        Column("user_id", Integer, nullable=False),
        Column("received_at", String, nullable=False),
    )


changes = Table(
    "changes",
    metadata,
    *_change(Column("seq", BigInteger, nullable=False)),
    Index("changes_team_seq", "team_id", "seq"),
)

winners = Table(
    "winners",
    metadata,
    Column("team_id", Integer, primary_key=True),
    Column("entity", String, primary_key=True),
    Column("row_id", String, primary_key=True),
    Column("field", String, primary_key=True),
    Column("value", Text),
    Column("hlc", String, nullable=False),
    Column("site", String, nullable=False),
    Column("seq", BigInteger, nullable=False),
    Index("winners_team_seq", "team_id", "seq"),
)

blobs = Table(
    "blobs",
    metadata,
    Column("team_id", Integer, primary_key=True),
    Column("sha256", String, primary_key=True),
    Column("size", BigInteger, nullable=False),
    Column("data", LargeBinary, nullable=False),
    Column("created_at", String, nullable=False),
)

# Who owns each replica id (the first user who pushed it; others are refused) and the last
# change the server holds from it: a laptop whose database is behind that is a copy or a restore.
replicas = Table(
    "replicas",
    metadata,
    Column("replica_id", String, primary_key=True),
    Column("user_id", Integer, nullable=False),
    Column("team_id", Integer, nullable=False),
    Column("last_seq", BigInteger, nullable=False, server_default="0"),
    Column("last_hlc", String, nullable=True),
    Column("created_at", String, nullable=False),
)

# server_id and epoch (a restored server gets a new epoch: clients re-push and re-pull).
server_info = Table(
    "server_info",
    metadata,
    Column("key", String, primary_key=True),
    Column("value", String, nullable=False),
)

# Attachment changes whose note the team has not seen (sync.server.orphan_attachments): kept
# here, acknowledged but not served, until the note's own rows arrive.
held_changes = Table(
    "held_changes",
    metadata,
    *_change(Column("note_id", String, nullable=False)),
    Index("held_changes_note", "team_id", "note_id"),
    Index("held_changes_row", "team_id", "row_id"),
)

MIGRATIONS_DIR = Path(__file__).with_name("migrations")


def make_engine(url: str, *, pool_size: int = 10) -> Engine:
    """An engine; for SQLite: WAL, a busy timeout and BEGIN IMMEDIATE for write transactions.

    On SQLite every transaction begins with ``BEGIN IMMEDIATE`` (the database write lock, which is
    what makes the per-team counter a lock there too) unless the connection was given the
    execution option ``sqlite_readonly=True``; read-only transactions use a deferred ``BEGIN``.
    """
    if url.startswith("sqlite"):
        path = url.split("///", 1)[-1]
        if path and path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(
            url,
            connect_args={"timeout": 30, "check_same_thread": False},
            pool_size=pool_size,
            max_overflow=20,
        )

        @event.listens_for(engine, "connect")
        def _on_connect(dbapi_conn, _record):
            dbapi_conn.isolation_level = None  # we emit BEGIN ourselves
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA journal_mode = WAL")
            cur.execute("PRAGMA busy_timeout = 30000")
            cur.execute("PRAGMA synchronous = NORMAL")
            cur.execute("PRAGMA foreign_keys = ON")
            cur.close()

        @event.listens_for(engine, "begin")
        def _on_begin(conn):
            if conn.get_execution_options().get("sqlite_readonly"):
                conn.exec_driver_sql("BEGIN")
            else:
                conn.exec_driver_sql("BEGIN IMMEDIATE")

        return engine
    return create_engine(url, pool_size=pool_size, max_overflow=20, pool_pre_ping=True)


def alembic_config(engine_or_url: Engine | str):
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    if isinstance(engine_or_url, str):
        cfg.set_main_option("sqlalchemy.url", engine_or_url.replace("%", "%%"))
    else:
        cfg.attributes["engine"] = engine_or_url
    return cfg


def migrate(engine: Engine) -> str | None:
    """Upgrade the database to the newest schema; return the revision it is at."""
    from alembic import command

    command.upgrade(alembic_config(engine), "head")
    return current_revision(engine)


def head_revision() -> str | None:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config("sqlite://")).get_current_head()


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect().execution_options(sqlite_readonly=True) as conn:
        return MigrationContext.configure(conn).get_current_revision()
