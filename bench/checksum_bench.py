"""Per-team checksum benchmark: what comparing a caught-up laptop with the server costs.

Fills a team with ``--rows`` companies (3 field values each) on an SQLite server, pulls them
into a fresh laptop, then times (median of ``--repeat``) the server's checksum over the team's
winners (``sync.server.service._checksum``) and the laptop's over its store
(``sync.client.verify.local_checksum``), next to the time of the whole pull.

    python bench/checksum_bench.py --rows 17000
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from common import print_header  # noqa: E402

from sync.client import sync_once  # noqa: E402
from sync.client.verify import local_checksum  # noqa: E402
from sync.server import service  # noqa: E402
from sync.store import Store  # noqa: E402
from tests.sync.conftest import make_server  # noqa: E402


def _median_s(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("--rows", type=int, default=17_000)
    p.add_argument("--repeat", type=int, default=5)
    args = p.parse_args()
    print_header("checksum bench")
    work = Path(tempfile.mkdtemp(prefix="genba-checksum-bench-"))
    srv = make_server(f"sqlite:///{(work / 'server.db').as_posix()}")
    token = srv.add_user("A", "bench")
    a = Store(work / "a")
    with a.write() as w:
        w.insert_many(
            "companies",
            [
                {"name": f"株式会社{i}", "name_kana": "カブシキ", "name_normalized": str(i)}
                for i in range(args.rows)
            ],
        )
    sync_once(a, srv.url, token, client=srv.client)
    b = Store(work / "b")
    t = time.perf_counter()
    report = sync_once(b, srv.url, token, client=srv.client)
    pull_s = time.perf_counter() - t
    assert report.checksum == "ok", report.checksum
    with srv.engine.connect() as conn:
        server_s = _median_s(lambda: service._checksum(conn, 1), args.repeat)
    laptop_s = _median_s(lambda: local_checksum(b), args.repeat)
    print(
        f"{report.pulled:,} field values: whole pull (in-process server) {pull_s:.2f} s; "
        f"checksum on the server {server_s:.3f} s, on the laptop {laptop_s:.3f} s "
        f"(medians of {args.repeat}); load average {os.getloadavg()[0]:.1f}"
    )
    a.close()
    b.close()
    srv.engine.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
