"""On a real PostgreSQL: migrations, concurrent pushers with a puller (no change is ever skipped
by a cursor), and the push/pull/auth basics. The convergence state machine runs on PostgreSQL in
test_convergence.py."""

from __future__ import annotations

import threading
import time

from sqlalchemy import text

from sync.hlc import encode
from sync.server import service
from sync.server.db import current_revision, head_revision, make_engine, migrate
from sync.server.users import add_user, authenticate
from tests.sync.conftest import make_server


def _concurrent_pushers_with_a_puller(
    url: str, pushers: int = 4, batches: int = 25, size: int = 40
) -> None:
    engine = make_engine(url, pool_size=pushers + 2)
    migrate(engine)
    token = add_user(engine, "A", "rep", "rep")
    with engine.connect() as conn:
        user = authenticate(conn, token)
    expected: set[tuple[str, str]] = set()
    lock = threading.Lock()
    done = threading.Event()
    errors: list[BaseException] = []

    def pusher(p: int) -> None:
        try:
            for b in range(batches):
                items = []
                for k in range(size):
                    row = f"p{p}-b{b}-k{k}"
                    items.append(
                        {
                            "change_id": f"{row}/c",
                            "entity": "companies",
                            "row_id": row,
                            "field": "name",
                            "value": row,
                            "hlc": encode(service.now_ms(), k),
                            "site": f"site{p}",
                        }
                    )
                service.push(engine, user, items, max_skew_ms=300_000)
                with lock:
                    expected.update(("companies", i["row_id"]) for i in items)
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    seen: set[tuple[str, str]] = set()
    import json

    def puller() -> None:
        cursor = 0
        try:
            while True:
                finished = done.is_set()
                page = json.loads(service.pull(engine, user.team_id, cursor, 17))
                for c in page["changes"]:
                    assert c["seq"] > cursor
                    seen.add((c["entity"], c["row_id"]))
                cursor = page["next"]
                if finished and not page["has_more"]:
                    return
                if not page["changes"]:
                    time.sleep(0.001)
        except BaseException as exc:  # pragma: no cover
            errors.append(exc)

    threads = [threading.Thread(target=pusher, args=(p,)) for p in range(pushers)]
    reader = threading.Thread(target=puller)
    reader.start()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    done.set()
    reader.join(60)
    assert not errors, errors
    assert len(expected) == pushers * batches * size
    assert seen == expected  # the cursor never skipped a change that committed late
    engine.dispose()


def test_concurrent_pushers_with_a_puller_postgresql(pg_url):
    _concurrent_pushers_with_a_puller(pg_url)


def test_concurrent_pushers_with_a_puller_sqlite(tmp_path):
    _concurrent_pushers_with_a_puller(f"sqlite:///{tmp_path / 'server.db'}", batches=10)


def test_postgresql_migrations_and_basics(pg_url, make_store):
    from sync.client import sync_once

    engine = make_engine(pg_url)
    assert current_revision(engine) is None
    migrate(engine)
    migrate(engine)  # idempotent
    assert current_revision(engine) == head_revision()
    with engine.connect() as conn:
        tables = {
            r[0]
            for r in conn.execute(
                text("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
            )
        }
    assert {"teams", "users", "changes", "winners", "blobs"} <= tables
    engine.dispose()

    server = make_server(pg_url)
    assert server.client.get("/readyz").status_code == 200
    a, b = server.add_user("A"), server.add_user("B")
    x, y, z = make_store(), make_store(), make_store()
    with x.write() as w:
        cid = w.insert("companies", {"name": "デンソー", "name_kana": "デンソー"})
    sync_once(x, server.url, a, client=server.client)
    sync_once(y, server.url, a, client=server.client)
    sync_once(z, server.url, b, client=server.client)
    assert y.query("SELECT name FROM companies WHERE id = ?", (cid,))[0][0] == "デンソー"
    assert z.query("SELECT count(*) FROM companies")[0][0] == 0  # another team sees nothing
    with z.write() as w:
        w.insert("companies", {"id": cid, "name": "乗っ取り"})
    report = sync_once(z, server.url, b, client=server.client)
    # Team B's copy of the same row id is B's own: A's value is untouched and never seen by B.
    assert report.rejected == 0
    assert server.winners("A")[("companies", cid, "name")][0] == "デンソー"
    assert server.winners("B")[("companies", cid, "name")][0] == "乗っ取り"
    server.engine.dispose()
