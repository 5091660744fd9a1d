"""Views' re-read after an import, with the real main window open over 100,000 activities:
milliseconds and rows re-read, when the views are told which rows changed (now) and when they
are told "everything" (what every import did before: the old behaviour, reproduced by emitting
``Changes.all()``).

One run: a copy of a store of N activities (five customers, bench/app_data.py); the real app
(GenbaApp, as `genba` builds it) with its window on Qt's offscreen platform (unless
QT_QPA_PLATFORM says otherwise), 1280×800; Today, Customers, one customer's page (サンプル精工)
and Activities opened, Activities left showing, as a rep looking at their visits. A first small
drop derives every customer's reading once (the import does that once per database), then:

- after: a 20-row 日報 of one customer (サンプル精工) dropped on the window: the app's own path
  (the import process writes; the outcome's rows reach the views as a Changes);
- before: ``Changes.all()`` emitted on the same window, and Today refreshed though hidden:
  every started view re-reads as each import made it do before.

Timed from the moment the views are told until every background read is done and the visible
table has painted (its page reads are part of the re-read). Rows re-read: what the two list
models' queries returned (ids and rows); plus how many times the customer page and Today re-read.

    python bench/view_reread_bench.py [--rows 100000] [--runs 5]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("GENBA_NO_KEYRING", "1")
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from common import median, print_header


def _wait(app, until, timeout_s: float = 120.0) -> None:
    from PySide6.QtCore import QEventLoop

    deadline = time.monotonic() + timeout_s
    while not until():
        if time.monotonic() > deadline:
            raise TimeoutError("the app did not settle")
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)


def _settle(app, genba) -> None:
    """Every background read done and delivered, and the visible table painted (page reads)."""
    _wait(app, genba.ctx.tasks.idle)
    genba.window.views["activities"].view.viewport().repaint()  # reads the pages it shows
    _wait(app, genba.ctx.tasks.idle)


def _drop(app, genba, path: Path) -> None:
    done: list = []
    genba.window.import_finished.connect(done.append)
    genba.window.import_dropped([path])
    _wait(app, lambda: bool(done))


def _everything(genba, changes) -> None:
    """The old behaviour: every started view re-reads, and Today did even while hidden (it now
    waits until it is shown again)."""
    genba.ctx.changed(changes)
    genba.window.views["today"].refresh()


def _counters(genba) -> dict:
    v = genba.window.views
    return {
        "rows": v["activities"].model.rows_read + v["customers"].model.rows_read,
        "page": v["customers"].page.loads,
        "today": v["today"].refreshes,
        "reloads": v["activities"].model.reloads + v["customers"].model.reloads,
    }


def one_run(app, template: Path, tmp: Path, run: int) -> dict:
    from desktop.app.application import GenbaApp
    from desktop.app.data.changes import Changes
    from tests.helpers.workbooks import table_workbook

    data_dir = tmp / f"run-{run}"
    shutil.copytree(template, data_dir)
    genba = GenbaApp(data_dir, tray=False)
    window, views = genba.window, genba.window.views
    genba.show_window()
    window.resize(1280, 800)
    for name in ("today", "customers", "activities"):
        window.show_view(name)
        _settle(app, genba)
    cid = genba.ctx.store.query("SELECT id FROM companies WHERE name = '株式会社サンプル精工'")[0][
        0
    ]
    window.open_customer(cid)
    _wait(app, lambda: views["customers"].page.detail is not None)
    window.show_view("activities")
    _settle(app, genba)
    first = [[dt.date(2019, 4, 1), "見本化成(株)", "石井主任", "初回訪問", "", None, None]]
    _drop(app, genba, table_workbook(tmp / f"warm-{run}.xlsx", {"4月": first}))
    _settle(app, genba)

    told: list[float] = []
    changed = genba.ctx.changed

    def timed(changes):  # when the views are told, whoever tells them
        told.append(time.perf_counter())
        changed(changes)

    genba.ctx.changed = timed
    rows = [
        [dt.date(2025, 4, 1) + dt.timedelta(days=i), "株式会社サンプル精工", "青木課長",
         f"治具の改善提案 {i}", "見積提示", "30万円", "20%"]
        for i in range(20)
    ]  # fmt: skip
    book = table_workbook(tmp / f"2025年度_営業日報_山本_{run}.xlsx", {"4月": rows})
    result = {}
    for label, act in (
        ("after", lambda: _drop(app, genba, book)),
        ("before", lambda: _everything(genba, Changes.all())),
    ):
        start = _counters(genba)
        told.clear()
        act()
        _settle(app, genba)
        end = _counters(genba)
        result[label] = {
            "ms": (time.perf_counter() - told[0]) * 1000,
            **{k: end[k] - start[k] for k in end},
        }
    result["shown"] = views["activities"].model.rowCount()
    genba.dispose()
    shutil.rmtree(data_dir, ignore_errors=True)
    return result


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rows", type=int, default=100_000)
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()

    from app_data import build
    from PySide6.QtWidgets import QApplication

    from desktop.app.main import create_qapp

    print_header(
        f"Views' re-read after a 20-row import, main window over {args.rows:,} activities "
        f"(QT_QPA_PLATFORM={os.environ['QT_QPA_PLATFORM']}), median of {args.runs} runs"
    )
    app = QApplication.instance() or QApplication(sys.argv[:1])
    create_qapp(None)
    with tempfile.TemporaryDirectory(prefix="genba-reread-") as tmp:
        template = Path(tmp) / "template"
        build(template, args.rows)
        runs = []
        for run in range(args.runs):
            runs.append(one_run(app, template, Path(tmp), run))
            r = runs[-1]
            print(
                f"  run {run + 1}: after {r['after']['ms']:.0f} ms / {r['after']['rows']:,} rows, "
                f"before {r['before']['ms']:.0f} ms / {r['before']['rows']:,} rows "
                f"({r['shown']:,} shown)",
                flush=True,
            )
    for label, what in (
        ("before", "told everything (the old behaviour)"),
        ("after", "told which rows (now)"),
    ):
        ms = median([r[label]["ms"] for r in runs])
        rows = median([r[label]["rows"] for r in runs])
        r = runs[0][label]
        print(
            f"{label}: {what}: {ms:.0f} ms, {rows:,.0f} rows re-read by the lists "
            f"(full re-reads {r['reloads']}, customer page {r['page']}, Today {r['today']})"
        )
    print("load average after:", ", ".join(f"{x:.2f}" for x in os.getloadavg()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
