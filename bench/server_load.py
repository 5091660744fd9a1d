"""Server load test: how many reps one `genba-server` holds.

Starts a real `genba-server serve` (uvicorn, ``--workers N``) on 127.0.0.1 in a subprocess, for the
embedded SQLite database and for PostgreSQL (a throwaway cluster from Debian's binaries, started as
in the tests), and drives it from SEPARATE client processes (multiprocessing, asyncio + httpx in
each), never threads of the bench process.

The model: a rep syncs every ``--interval`` seconds (300 s: the app's default), and a sync is what
the real client does: ``GET /v1/version``, ``POST /v1/push`` of ``--batch`` field changes (new rows:
a day's edits), then ``GET /v1/pull`` pages from the rep's cursor, asking for the team's checksum
on the last page as the real client does (the background client: once an hour, ``--verify-every``). N reps syncing every I seconds
are an open-loop arrival rate of N / I syncs per second; each level runs that rate for
``--duration`` seconds, with syncs going to the reps round-robin, so between two syncs of one rep
every teammate pushed once: a pull returns what a real rep pulls in steady state (about
team size x batch values; teams are pre-filled with that much). Latency is measured from the
scheduled start (no coordinated omission). Reps are grouped in teams of ``--team-size``.

The ramp stops at the first level that misses the target (p99 >= 1 s, errors > 1 %, or the server
keeping up with < 95 % of the offered rate).

    python bench/server_load.py              # both databases, under ~5 minutes
    python bench/server_load.py --quick      # about a minute
    python bench/server_load.py --backends sqlite --levels 1000,5000 --duration 10 --workers 2
"""

from __future__ import annotations

import argparse
import asyncio
import gzip
import json
import multiprocessing as mp
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import machine_line, print_header  # noqa: E402
from sync_bench import Postgres, free_port  # noqa: E402  (the tests' way to start PostgreSQL)

from sync.client.push import GZIP_MIN_BYTES  # noqa: E402
from sync.client.session import PROTOCOL_HEADER, PROTOCOL_VERSION  # noqa: E402
from sync.hlc import encode  # noqa: E402

FIELDS = ("summary", "purpose", "result", "next_action", "contact_name")  # activities fields
TARGET_P99_S = 1.0
_TAIL = re.compile(rb'"next":(\d+),"has_more":(true|false)')


# -- the server --------------------------------------------------------------------------------


class Server:
    def __init__(self, work: Path, database_url: str | None, workers: int):
        self.global_args = (
            ["--database-url", database_url] if database_url else ["--data-dir", str(work / "srv")]
        )
        self.database_url = database_url or f"sqlite:///{(work / 'srv' / 'server.db').as_posix()}"
        self.workers = workers
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"

    def cli(self, *args: str) -> None:
        subprocess.run(
            [sys.executable, "-m", "sync.server.cli", *self.global_args, *args],
            check=True,
            capture_output=True,
            cwd=ROOT,
        )

    def start(self) -> None:
        self.proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "sync.server.cli",
                *self.global_args,
                "serve",
                "--port",
                str(self.port),
                "--workers",
                str(self.workers),
                "--log-level",
                "warning",
                "--no-migrate",
            ],
            cwd=ROOT,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if httpx.get(self.url + "/readyz", timeout=1).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            time.sleep(0.2)
        raise RuntimeError("server did not start")

    def cpu_seconds(self) -> float:
        import psutil

        try:
            proc = psutil.Process(self.proc.pid)
            total = 0.0
            for p in [proc, *proc.children(recursive=True)]:
                t = p.cpu_times()
                total += t.user + t.system
            return total
        except psutil.Error:
            return 0.0

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(20)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(5)


def provision(database_url: str, reps: int, team_size: int, batch: int) -> list[str]:
    """Teams of reps with tokens, each team pre-filled with one sync interval's worth of values
    (team_size x batch), written straight into the database (setup, not what we measure)."""
    from sqlalchemy import insert

    from sync.server.db import make_engine, teams, users
    from sync.server.users import hash_token, new_token

    engine = make_engine(database_url)
    n_teams = -(-reps // team_size)
    seed = team_size * batch
    hlc = encode(time.time_ns() // 1_000_000 - 3_600_000, 0)
    now = time.strftime("%Y-%m-%dT%H:%M:%S+00:00", time.gmtime())
    tokens = [new_token() for _ in range(reps)]
    with engine.begin() as conn:
        conn.execute(
            insert(teams),
            [{"name": f"load-{t}", "last_seq": seed, "max_hlc": hlc} for t in range(n_teams)],
        )
        ids = dict(conn.exec_driver_sql("SELECT name, id FROM teams").all())
        conn.execute(
            insert(users),
            [
                {
                    "team_id": ids[f"load-{r // team_size}"],
                    "name": f"rep-{r}",
                    "role": "rep",
                    "token_hash": hash_token(tokens[r]),
                    "revoked": False,
                    "created_at": now,
                }
                for r in range(reps)
            ],
        )
        if engine.dialect.name == "postgresql":
            series = f"generate_series(1, {seed}) AS g(n)"
            with_ = ""
        else:
            with_ = (
                f"WITH RECURSIVE g(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM g WHERE n < {seed}) "
            )
            series = "g"
        field = "CASE g.n - 5 * (g.n / 5) " + " ".join(
            f"WHEN {i} THEN '{f}'" for i, f in enumerate(FIELDS)
        )
        conn.exec_driver_sql(
            f"{with_}INSERT INTO winners (team_id, entity, row_id, field, value, hlc, site, seq) "
            f"SELECT t.id, 'activities', 'seed-' || t.id || '-' || (g.n / 5), {field} END, "
            f"'\"前回までの商談メモ\"', '{hlc}', 'seed', g.n FROM teams t, {series} "
            "WHERE substr(t.name, 1, 5) = 'load-'"
        )
    engine.dispose()
    return tokens


# -- the reps (client processes) ---------------------------------------------------------------


def _client_process(args: dict, out) -> None:
    try:
        out.put(asyncio.run(_drive(**args)))
    except BaseException as exc:  # report, never hang the parent
        out.put({"fatal": repr(exc)})


async def _drive(
    url: str,
    proc: int,
    procs: int,
    tokens: list[str],
    reps: int,
    rate: float,
    t0: float,
    duration: float,
    batch: int,
    team_size: int,
    level: int,
    verify_ratio: int = 1,
) -> dict:
    latencies: list[float] = []
    errors: dict[str, int] = {}
    cursors: dict[int, int] = {}
    pulled = 0
    limits = httpx.Limits(max_connections=256, max_keepalive_connections=256)
    proto = {PROTOCOL_HEADER: str(PROTOCOL_VERSION)}

    async def one(client: httpx.AsyncClient, k: int, scheduled: float) -> None:
        nonlocal pulled
        rep = k % reps
        auth = {**proto, "Authorization": f"Bearer {tokens[rep]}"}
        try:
            (await client.get("/v1/version", headers=proto)).raise_for_status()
            wall = time.time_ns() // 1_000_000
            changes = [
                {
                    "change_id": f"L{level}.{k}.{i}",
                    "entity": "activities",
                    "row_id": f"r{rep}-L{level}-{k}-{i // len(FIELDS)}",
                    "field": FIELDS[i % len(FIELDS)],
                    "value": f"{FIELDS[i % len(FIELDS)]} {k} 訪問、見積提出。次回は来週火曜。",
                    "hlc": encode(wall, i),
                    "site": f"site-{rep}",
                }
                for i in range(batch)
            ]
            body = json.dumps({"changes": changes}, ensure_ascii=False).encode()
            headers = {**auth, "Content-Type": "application/json"}
            if len(body) > GZIP_MIN_BYTES:  # as the real client does
                body = gzip.compress(body, compresslevel=1, mtime=0)
                headers["Content-Encoding"] = "gzip"
            resp = await client.post("/v1/push", content=body, headers=headers)
            resp.raise_for_status()
            last_seq = resp.json()["last_seq"]
            # One sync in verify_ratio compares the team's checksum (the background client's
            # hourly comparison; every sync with --verify-every 0, as `genba sync`).
            verify = "true" if k % verify_ratio == 0 else "false"
            # First sync of this rep in the run: start one interval back (steady state).
            cursor = cursors.get(rep, max(0, last_seq - team_size * batch))
            while True:
                resp = await client.get(
                    "/v1/pull",
                    # As the real client: the team's checksum on the last page.
                    params={"after": cursor, "limit": 5000, "checksum": verify},
                    headers=auth,
                )
                resp.raise_for_status()
                m = _TAIL.search(resp.content[-600:])  # the tail: cursor, identity, checksum
                pulled += resp.content.count(b'"seq":')
                cursor = int(m.group(1))
                if m.group(2) == b"false":
                    break
            cursors[rep] = cursor
            latencies.append(time.time() - scheduled)
        except Exception as exc:
            name = type(exc).__name__
            if isinstance(exc, httpx.HTTPStatusError):
                name = f"HTTP {exc.response.status_code}"
            errors[name] = errors.get(name, 0) + 1

    cpu0 = resource.getrusage(resource.RUSAGE_SELF)
    async with httpx.AsyncClient(base_url=url, timeout=30, limits=limits) as client:
        tasks = []
        k = proc
        end = t0 + duration
        while True:
            scheduled = t0 + k / rate
            if scheduled >= end:
                break
            delay = scheduled - time.time()
            if delay > 0:
                await asyncio.sleep(delay)
            tasks.append(asyncio.create_task(one(client, k, scheduled)))
            k += procs
        # Stragglers get a bounded grace period; whatever is still running then is an error.
        _done, pending = await asyncio.wait(tasks, timeout=30) if tasks else (set(), set())
        for t in pending:
            t.cancel()
        if pending:
            errors["unfinished"] = errors.get("unfinished", 0) + len(pending)
    cpu1 = resource.getrusage(resource.RUSAGE_SELF)
    cpu = (cpu1.ru_utime - cpu0.ru_utime) + (cpu1.ru_stime - cpu0.ru_stime)
    return {"latencies": latencies, "errors": errors, "cpu": cpu, "pulled": pulled}


def run_level(server: Server, tokens: list[str], reps: int, args, level: int) -> dict:
    rate = reps / args.interval
    ctx = mp.get_context("fork" if sys.platform.startswith("linux") else "spawn")
    out = ctx.Queue()
    t0 = time.time() + 1.0  # every process starts on the same schedule
    procs = []
    for p in range(args.procs):
        kw = dict(
            url=server.url,
            proc=p,
            procs=args.procs,
            tokens=tokens,
            reps=reps,
            rate=rate,
            t0=t0,
            duration=args.duration,
            batch=args.batch,
            team_size=args.team_size,
            level=level,
            verify_ratio=max(1, round(args.verify_every / args.interval))
            if args.verify_every > 0
            else 1,
        )
        proc = ctx.Process(target=_client_process, args=(kw, out))
        proc.start()
        procs.append(proc)
    cpu0 = server.cpu_seconds()
    results = [out.get(timeout=args.duration + 120) for _ in procs]
    server_cpu = server.cpu_seconds() - cpu0
    wall = time.time() - t0
    for proc in procs:
        proc.join(10)
    fatal = [r["fatal"] for r in results if "fatal" in r]
    if fatal:
        raise RuntimeError(f"a client process failed: {fatal[0]}")
    lat = sorted(x for r in results for x in r["latencies"])
    errors: dict[str, int] = {}
    for r in results:
        for name, n in r["errors"].items():
            errors[name] = errors.get(name, 0) + n
    offered = int(rate * args.duration)
    n_err = sum(errors.values())
    q = statistics.quantiles(lat, n=100, method="inclusive") if len(lat) >= 2 else [0.0] * 99
    return {
        "reps": reps,
        "offered_per_s": rate,
        "syncs": len(lat),
        "syncs_per_s": len(lat) / args.duration,
        "p50_ms": q[49] * 1000 if lat else float("nan"),
        "p99_ms": q[98] * 1000 if lat else float("nan"),
        "max_ms": lat[-1] * 1000 if lat else float("nan"),
        "errors": n_err,
        "error_kinds": errors,
        "offered": offered,
        "values_per_pull": sum(r["pulled"] for r in results) / max(1, len(lat)),
        "server_cpu_pct": 100 * server_cpu / max(wall, 1e-9),
        "client_cpu_pct": 100 * sum(r["cpu"] for r in results) / max(wall, 1e-9),
    }


def ok(r: dict) -> bool:
    return (
        r["p99_ms"] < TARGET_P99_S * 1000
        and r["errors"] <= 0.01 * max(1, r["offered"])
        and r["syncs"] >= 0.95 * r["offered"]
    )


def run_backend(backend: str, args) -> list[dict]:
    work = Path(tempfile.mkdtemp(prefix=f"genba-load-{backend}-"))
    pg = Postgres() if backend == "postgresql" else None
    rows: list[dict] = []
    try:
        url = pg.__enter__() if pg else None
        server = Server(work, url, args.workers)
        server.cli("migrate")
        max_reps = max(args.levels)
        max_reps += (-max_reps) % args.procs
        t = time.perf_counter()
        tokens = provision(server.database_url, max_reps, args.team_size, args.batch)
        print(
            f"== {backend}: {args.workers} worker(s), {os.cpu_count()} CPU(s); {max_reps:,} reps "
            f"in teams of {args.team_size} provisioned in {time.perf_counter() - t:.0f} s ==",
            flush=True,
        )
        server.start()
        try:
            for level, reps in enumerate(args.levels):
                reps += (-reps) % args.procs  # round-robin needs reps % procs == 0
                r = run_level(server, tokens, reps, args, level)
                rows.append(r)
                kinds = ", ".join(f"{k} {v}" for k, v in r["error_kinds"].items())
                print(
                    f"{r['reps']:>7,} reps: offered {r['offered_per_s']:6.1f} syncs/s, done "
                    f"{r['syncs_per_s']:6.1f}/s ({r['syncs']} syncs), p50 {r['p50_ms']:6.0f} ms, "
                    f"p99 {r['p99_ms']:6.0f} ms, max {r['max_ms']:6.0f} ms, errors "
                    f"{r['errors']}{f' ({kinds})' if kinds else ''}; ~{r['values_per_pull']:.0f} "
                    f"values/pull; CPU server {r['server_cpu_pct']:.0f} %, "
                    f"load generator {r['client_cpu_pct']:.0f} %; load average "
                    f"{os.getloadavg()[0]:.2f}",
                    flush=True,
                )
                if not ok(r):
                    break
        finally:
            server.stop()
    finally:
        if pg:
            pg.__exit__(None, None, None)
        shutil.rmtree(work, ignore_errors=True)
    held = [r["reps"] for r in rows if ok(r)]
    db = "SQLite" if backend == "sqlite" else "PostgreSQL"
    if held:
        print(
            f"=> one server ({os.cpu_count()} cores, {db}, {args.workers} worker(s)) holds about "
            f"{max(held):,} reps syncing every {args.interval / 60:g} minutes at p99 < "
            f"{TARGET_P99_S:g} s (the highest level that passed"
            f"{'' if len(held) < len(rows) else '; the ramp did not reach a failing level'})",
            flush=True,
        )
    else:
        print(f"=> {db}: even the first level missed p99 < {TARGET_P99_S:g} s", flush=True)
    return rows


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("--backends", default="sqlite,postgresql")
    p.add_argument("--levels", default=None, help="reps per level, e.g. 1000,3000,10000")
    p.add_argument("--interval", type=float, default=300.0, help="seconds between a rep's syncs")
    p.add_argument("--batch", type=int, default=20, help="field changes a rep pushes per sync")
    p.add_argument("--team-size", type=int, default=20)
    p.add_argument("--duration", type=float, default=None, help="seconds per level")
    p.add_argument("--procs", type=int, default=2, help="client processes")
    p.add_argument(
        "--workers",
        type=int,
        default=None,
        help="server worker processes (default: 1 for SQLite, whose writes are serial anyway and "
        "contend across processes; the CPU count for PostgreSQL)",
    )
    p.add_argument(
        "--verify-every",
        type=float,
        default=3600.0,
        help="seconds between a rep's checksum comparisons (the background client's; 0: every "
        "sync, as `genba sync`)",
    )
    p.add_argument("--quick", action="store_true", help="about a minute in all")
    args = p.parse_args()
    print_header("server load bench")
    if args.levels is None:
        args.levels = "3000,15000,25000" if args.quick else "3000,10000,20000,25000,30000,40000"
    args.levels = [int(x) for x in args.levels.split(",")]
    if args.duration is None:
        args.duration = 6.0 if args.quick else 12.0
    started = time.perf_counter()
    workers = args.workers
    for backend in args.backends.split(","):
        cores = max(1, min(os.cpu_count() or 1, 4))
        args.workers = workers or (1 if backend == "sqlite" else cores)
        run_backend(backend, args)
    print(f"(total {time.perf_counter() - started:.0f} s)")
    print(machine_line())
    return 0


if __name__ == "__main__":
    sys.exit(main())
