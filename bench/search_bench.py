"""Search speed over 100,000 notes (goal: under 50 ms a query), and the team workbook.

    python bench/search_bench.py [--notes 100000] [--activities 0] [--runs 20] [--workbook]

Builds a store with N realistic Japanese/English notes (plus optional activities), builds the
full-text index, then times `importers.knowledge.search.search` (limit 50: what the app and
`genba search` show) for one-, two- and three-plus-character Japanese words and English words:
median, p95 and max over the runs, and the number of hits. With --workbook it also times the
team workbook for the activities (and reports peak memory of this process).
"""

from __future__ import annotations

import argparse
import random
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from importers.knowledge import index
from importers.knowledge.search import search
from sync.store import Store

PHRASES = [
    "青木課長は価格より納期を重視される。",
    "決裁は工場長なので次回は同席をお願いする。",
    "出荷検査の抜けで不良流出、クレーム対応に追われた。",
    "ダブルチェックを対策として導入した。",
    "見積提出が遅れて失注。反省点は初動の遅さ。",
    "A社が2割安い見積を出している模様。",
    "値引きではなく保守費込みの提案が受注の決め手になった。",
    "朝一の訪問は避けるのがコツ。",
    "試作品の評価結果を共有し、量産時期を確認。",
    "段取り替えの時間短縮に関心が高い。",
    "材料の値上げで単価改定の相談を受けた。",
    "納入は裏口から、守衛所で名刺が必要。",
    "品質保証部の森さんが同席。",
    "設備の定期点検の時期を確認する。",
    "The buyer cares about lead time more than price.",
    "Competitor offered a discount of ten percent.",
    "治具の改善提案をした。",
    "新製品のカタログを渡した。",
    "来月の展示会に招待した。",
    "図面の改訂版を受領。",
]
QUERIES = {
    "ja 1 char": ["納", "値", "森"],
    "ja 2 chars": ["納期", "価格", "品質", "決裁"],
    "ja 3+ chars": ["納期遅延", "クレーム対応", "受注の決め手", "守衛所"],
    "English": ["lead time", "discount", "competitor"],
    "mixed": ["A社", "納期 lead"],
}


def build(store: Store, n_notes: int, n_activities: int, seed: int = 7) -> None:
    rnd = random.Random(seed)
    companies = [f"株式会社テスト工業{i:03d}" for i in range(500)]
    with store.write() as w:
        w.insert_many(
            "companies",
            [
                {"id": f"c{i}", "name": name, "name_normalized": name}
                for i, name in enumerate(companies)
            ],
        )
        rows = []
        for i in range(n_notes):
            body = "".join(rnd.sample(PHRASES, rnd.randint(1, 4)))
            if i % 50 == 0:
                body += "納期遅延のお詫びと再発防止策を説明。"
            rows.append(
                {
                    "company_id": f"c{i % 500}",
                    "body": body,
                    "author": f"rep{i % 20}",
                    "visibility": "team",
                    "category": "tip",
                    "created_at": f"2025-{i % 12 + 1:02d}-{i % 28 + 1:02d}T09:00:00+00:00",
                }
            )
        w.insert_many("notes", rows)
        acts = []
        for i in range(n_activities):
            acts.append(
                {
                    "company_id": f"c{i % 500}",
                    "occurred_on": f"2025-{i % 12 + 1:02d}-{i % 28 + 1:02d}",
                    "rep": f"rep{i % 20}",
                    "summary": rnd.choice(PHRASES),
                    "amount_jpy": (i % 50 + 1) * 100_000,
                    "probability": (i % 10) * 10,
                    "next_action": "見積提出",
                }
            )
        w.insert_many("activities", acts)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--notes", type=int, default=100_000)
    ap.add_argument("--activities", type=int, default=0)
    ap.add_argument("--runs", type=int, default=20)
    ap.add_argument("--workbook", action="store_true")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "data")
        t = time.perf_counter()
        build(store, args.notes, args.activities)
        print(
            f"store: {args.notes:,} notes, {args.activities:,} activities "
            f"({time.perf_counter() - t:.1f} s to write)"
        )
        t = time.perf_counter()
        indexed = index.refresh(store)
        print(f"index build: {indexed:,} rows in {time.perf_counter() - t:.1f} s")
        size = (Path(tmp) / "data" / "genba.db").stat().st_size
        print(f"genba.db size: {size / 1e6:.0f} MB")
        print()
        print(
            f"{'query kind':<12} {'query':<14} {'hits':>5} {'median ms':>10} {'p95 ms':>8} {'max ms':>8}"
        )
        worst = 0.0
        for kind, queries in QUERIES.items():
            for q in queries:
                times = []
                for _ in range(args.runs):
                    t = time.perf_counter()
                    hits = search(store, q)
                    times.append((time.perf_counter() - t) * 1000)
                times.sort()
                p95 = times[min(len(times) - 1, int(len(times) * 0.95))]
                worst = max(worst, p95)
                print(
                    f"{kind:<12} {q:<14} {len(hits):>5} {statistics.median(times):>10.1f} "
                    f"{p95:>8.1f} {times[-1]:>8.1f}"
                )
        print(f"\nworst p95: {worst:.1f} ms (goal < 50 ms)")
        # incremental: one edited note, then a search
        nid = store.query("SELECT id FROM notes LIMIT 1")[0][0]
        with store.write() as w:
            w.update("notes", nid, {"body": "段取り替えは火曜の午後が良い"})
        t = time.perf_counter()
        search(store, "段取")
        print(
            f"search right after an edit (re-indexes it): {(time.perf_counter() - t) * 1000:.1f} ms"
        )
        if args.workbook:
            from importers.export.team_workbook import write_team_workbook

            t = time.perf_counter()
            res = write_team_workbook(store, Path(tmp) / "team.xlsx")
            print(
                f"team workbook: {res.rows:,} activities in {time.perf_counter() - t:.1f} s, "
                f"{res.path_written.stat().st_size / 1e6:.1f} MB"
            )
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"peak memory (max RSS of this process): {peak:.0f} MB")
        store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
