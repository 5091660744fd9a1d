"""Sync benchmark: push/pull throughput, concurrent small syncs, a new laptop joining.

Runs a real `genba-server serve` (uvicorn) in a subprocess on loopback, for the embedded SQLite
database and for PostgreSQL (a throwaway cluster started from /usr/lib/postgresql/15/bin, as the
tests do), and drives it with the real client (``sync_once`` over real Stores).

    python bench/sync_bench.py                                   # full sizes
    python bench/sync_bench.py --changes 20000 --clients 10 --join 50000 --backends sqlite
"""

from __future__ import annotations

import argparse
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from common import machine_line, print_header  # noqa: E402

from sync.client import push as push_module  # noqa: E402 (the module that gzips push bodies)
from sync.client import sync_once  # noqa: E402
from sync.hlc import encode  # noqa: E402
from sync.store import Store  # noqa: E402

PG_BIN = Path(os.environ.get("GENBA_PG_BIN", "/usr/lib/postgresql/15/bin"))
CONTACT_FIELDS = (
    "full_name",
    "full_name_kana",
    "name_normalized",
    "title",
    "department",
    "email",
    "phone",
    "mobile",
    "address",
    "url",
)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _as_postgres(cmd: str) -> list[str]:
    return ["su", "postgres", "-c", cmd] if os.geteuid() == 0 else ["sh", "-c", cmd]


class Postgres:
    def __init__(self):
        self.base = Path(tempfile.mkdtemp(prefix="genba-bench-pg-"))
        self.data = self.base / "data"
        self.data.mkdir()
        if os.geteuid() == 0:
            shutil.chown(self.base, "postgres", "postgres")
            shutil.chown(self.data, "postgres", "postgres")
        self.port = free_port()

    def __enter__(self) -> str:
        subprocess.run(
            _as_postgres(
                f"{PG_BIN / 'initdb'} -D {self.data} -A trust -U postgres -E UTF8 >/dev/null"
            ),
            check=True,
        )
        opts = f"-p {self.port} -k {self.data} -c listen_addresses=127.0.0.1 -c max_connections=300"
        subprocess.run(
            _as_postgres(
                f"{PG_BIN / 'pg_ctl'} -D {self.data} -o '{opts}' -l {self.data}/log -w start"
            ),
            check=True,
            stdout=subprocess.DEVNULL,
        )
        import psycopg

        with psycopg.connect(
            f"postgresql://postgres@127.0.0.1:{self.port}/postgres", autocommit=True
        ) as conn:
            conn.execute("CREATE DATABASE genba")
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/genba"

    def __exit__(self, *exc):
        subprocess.run(
            _as_postgres(f"{PG_BIN / 'pg_ctl'} -D {self.data} -m fast -w stop"),
            stdout=subprocess.DEVNULL,
            check=False,
        )
        shutil.rmtree(self.base, ignore_errors=True)


class Server:
    def __init__(self, work: Path, database_url: str | None):
        self.work = work
        self.global_args = (
            ["--database-url", database_url] if database_url else ["--data-dir", str(work / "srv")]
        )
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"

    def cli(self, *args: str) -> str:
        out = subprocess.run(
            [sys.executable, "-m", "sync.server.cli", *self.global_args, *args],
            check=True,
            capture_output=True,
            text=True,
            cwd=ROOT,
        )
        return out.stdout

    def token(self, team: str, name: str) -> str:
        return self.cli("add-user", "--team", team, "--name", name, "--role", "rep").split()[-1]

    def __enter__(self) -> Server:
        self.proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "sync.server.cli",
                *self.global_args,
                "serve",
                "--port",
                str(self.port),
                "--log-level",
                "warning",
            ],
            cwd=ROOT,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if httpx.get(self.url + "/readyz", timeout=1).status_code == 200:
                    return self
            except httpx.TransportError:
                pass
            time.sleep(0.2)
        raise RuntimeError("server did not start")

    def __exit__(self, *exc):
        self.proc.terminate()
        self.proc.wait(20)


def fill_store(store: Store, n_changes: int) -> None:
    rows = n_changes // len(CONTACT_FIELDS)
    with store.write() as w:
        w.insert_many(
            "contacts",
            [{**{f: f"{f}-{i}" for f in CONTACT_FIELDS}, "needs_review": 0} for i in range(rows)],
        )


def push_pull(server: Server, work: Path, n: int) -> dict:
    token = server.token("bench", "pusher")
    a = Store(work / "a")
    fill_store(a, n)
    pending = a.pending_count()
    sizes = []  # (JSON bytes, gzipped bytes) of each push body: what the laptop saves on the wire
    compress = push_module.gzip.compress

    def measured(data, *args, **kwargs):
        out = compress(data, *args, **kwargs)
        sizes.append((len(data), len(out)))
        return out

    push_module.gzip.compress = measured
    try:
        t = time.perf_counter()
        r = sync_once(a, server.url, token, pull=False)
        push_s = time.perf_counter() - t
    finally:
        push_module.gzip.compress = compress
    assert r.pushed == pending, (r.pushed, pending)
    b = Store(work / "b")
    t = time.perf_counter()
    r = sync_once(b, server.url, token, push=False)
    pull_s = time.perf_counter() - t
    assert r.pulled == pending
    a.close()
    b.close()
    return {
        "changes": pending,
        "push_per_s": pending / push_s,
        "pull_per_s": pending / pull_s,
        "push_s": push_s,
        "pull_s": pull_s,
        "json_mb": sum(x for x, _ in sizes) / 1e6,
        "gzip_mb": sum(y for _, y in sizes) / 1e6,
    }


def concurrent(server: Server, work: Path, clients: int, rounds: int, batch: int) -> dict:
    token = server.token("bench-concurrent", "many")
    latencies: list[float] = []
    lock = threading.Lock()
    errors: list[BaseException] = []
    start = threading.Barrier(clients)

    def one(k: int) -> None:
        try:
            store = Store(work / f"c{k}")
            start.wait()
            for r in range(rounds):
                with store.write() as w:
                    w.insert_many("companies", [{"name": f"c{k}-{r}-{i}"} for i in range(batch)])
                t = time.perf_counter()
                sync_once(store, server.url, token, timeout=120)
                with lock:
                    latencies.append(time.perf_counter() - t)
            store.close()
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=one, args=(k,)) for k in range(clients)]
    t = time.perf_counter()
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    wall = time.perf_counter() - t
    if errors:
        raise errors[0]
    q = statistics.quantiles(latencies, n=100)
    return {"syncs": len(latencies), "p50_ms": q[49] * 1000, "p99_ms": q[98] * 1000, "wall_s": wall}


def join(server: Server, work: Path, n: int) -> dict:
    token = server.token("bench-join", "joiner")
    # Fill the team directly through the push API (fast path, not what we measure).
    now = time.time_ns() // 1_000_000 - 10_000
    with httpx.Client(
        base_url=server.url, timeout=300, headers={"Authorization": f"Bearer {token}"}
    ) as http:
        per = 5000
        for start in range(0, n, per):
            changes = []
            for i in range(start, min(n, start + per)):
                row, f = divmod(i, len(CONTACT_FIELDS))
                changes.append(
                    {
                        "change_id": f"seed/{i}",
                        "entity": "contacts",
                        "row_id": f"row-{row}",
                        "field": CONTACT_FIELDS[f],
                        "value": f"v{i}",
                        "hlc": encode(now, i % 99999),
                        "site": "seed",
                    }
                )
            http.post("/v1/push", json={"changes": changes}).raise_for_status()
    store = Store(work / "joiner")
    bar = None
    try:
        from tqdm import tqdm

        bar = tqdm(total=n, unit=" values", desc="new laptop", file=sys.stderr)
    except ImportError:
        pass

    def progress(phase, done, total):
        if bar is not None:
            bar.n = done
            bar.refresh()

    t = time.perf_counter()
    r = sync_once(store, server.url, token, progress=progress, push=False, page_size=10000)
    s = time.perf_counter() - t
    if bar is not None:
        bar.close()
    assert r.pulled == n, r.pulled
    store.close()
    return {"values": n, "seconds": s, "per_s": n / s}


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("--changes", type=int, default=200_000)
    p.add_argument("--clients", type=int, default=100)
    p.add_argument("--rounds", type=int, default=5)
    p.add_argument("--batch", type=int, default=10, help="rows per small sync (x1 field)")
    p.add_argument("--join", type=int, default=1_000_000)
    p.add_argument("--backends", default="sqlite,postgresql")
    args = p.parse_args()
    print_header("sync bench")
    for backend in args.backends.split(","):
        work = Path(tempfile.mkdtemp(prefix=f"genba-bench-{backend}-"))
        pg = Postgres() if backend == "postgresql" else None
        try:
            url = pg.__enter__() if pg else None
            with Server(work, url) as server:
                print(f"== {backend} ==", flush=True)
                r = push_pull(server, work, args.changes)
                print(
                    f"push {r['changes']:,} field changes: {r['push_s']:.1f} s = "
                    f"{r['push_per_s']:,.0f}/s; pull: {r['pull_s']:.1f} s = "
                    f"{r['pull_per_s']:,.0f}/s",
                    flush=True,
                )
                if r["gzip_mb"]:
                    print(
                        f"push bodies: {r['json_mb']:.1f} MB of JSON sent as {r['gzip_mb']:.1f} MB "
                        f"gzipped ({r['json_mb'] / r['gzip_mb']:.0f}x smaller)",
                        flush=True,
                    )
                if args.clients:
                    r = concurrent(server, work, args.clients, args.rounds, args.batch)
                    print(
                        f"{args.clients} concurrent clients, {r['syncs']} syncs of {args.batch} "
                        f"changes: p50 {r['p50_ms']:.0f} ms, p99 {r['p99_ms']:.0f} ms "
                        f"(wall {r['wall_s']:.1f} s)",
                        flush=True,
                    )
                if args.join:
                    r = join(server, work, args.join)
                    print(
                        f"new laptop joining, {r['values']:,} field values: {r['seconds']:.1f} s"
                        f" ({r['per_s']:,.0f}/s)",
                        flush=True,
                    )
        finally:
            if pg:
                pg.__exit__(None, None, None)
            shutil.rmtree(work, ignore_errors=True)
    print(machine_line())
    return 0


if __name__ == "__main__":
    sys.exit(main())
