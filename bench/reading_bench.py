"""Reading (よみ) accuracy on company and person names, Genba's analyser against the alternatives.

    python bench/reading_bench.py [--table tests/normalize/readings_table.tsv]

Prints, for Genba's reading (janome + IPADIC, importers.normalize.readings) and for every other
candidate analyser that is installed (SudachiPy + sudachidict_core, fugashi + unidic-lite,
pykakasi): how many company names (legal form left out) and person names read exactly as
expected, the load time and the median time per name. Goal: ≥ 95 % on company names.
The candidates are not Genba dependencies; `pip install sudachipy sudachidict_core fugashi
unidic-lite pykakasi` to compare them (docs/readings.md has the figures and the choice).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from importers.normalize.readings import (  # noqa: E402
    company_reading,
    person_reading,
    strip_legal_form,
    to_hiragana,
)


def load_table(path: Path) -> list[tuple[str, str, str]]:
    rows = []
    for line in path.read_text("utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            kind, name, reading = line.split("\t")
            rows.append((kind, name, reading))
    return rows


def _sudachi():
    from sudachipy import Dictionary, SplitMode

    tok = Dictionary(dict="core").create(SplitMode.C)
    return lambda s: "".join(m.reading_form() for m in tok.tokenize(s))


def _fugashi():
    import fugashi

    tagger = fugashi.Tagger()
    return lambda s: "".join(getattr(w.feature, "kana", None) or w.surface for w in tagger(s))


def _pykakasi():
    import pykakasi

    kks = pykakasi.kakasi()
    return lambda s: "".join(x["hira"] for x in kks.convert(s))


CANDIDATES = {
    "sudachipy + sudachidict_core": _sudachi,
    "fugashi + unidic-lite": _fugashi,
    "pykakasi": _pykakasi,
}


def as_reader(read):
    """A whole-string analyser -> (company, person) readers with Genba's rules around it."""

    def company(name: str) -> str:
        return to_hiragana(read(strip_legal_form(name).replace(" ", "")))

    def person(name: str) -> str:
        return " ".join(to_hiragana(read(p)) for p in name.split())

    return company, person


def measure(label: str, company, person, rows, load_s: float) -> None:
    by_kind: dict[str, list[bool]] = {"company": [], "person": []}
    times = []
    wrong = []
    for kind, name, expected in rows:
        t0 = time.perf_counter()
        got = company(name) if kind == "company" else person(name)
        times.append(time.perf_counter() - t0)
        by_kind[kind].append(got == expected)
        if got != expected:
            wrong.append(f"{name} -> {got} (expected {expected})")
    c, p = by_kind["company"], by_kind["person"]
    print(
        f"{label:32s} companies {sum(c)}/{len(c)} ({100 * sum(c) / len(c):.1f} %)  "
        f"people {sum(p)}/{len(p)} ({100 * sum(p) / len(p):.1f} %)  "
        f"load {load_s:.2f} s  median {1e3 * statistics.median(times):.2f} ms/name"
    )
    for w in wrong:
        print(f"{'':34s}{w}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--table", type=Path, default=ROOT / "tests/normalize/readings_table.tsv")
    args = parser.parse_args()
    rows = load_table(args.table)
    print(f"{len(rows)} names from {args.table.relative_to(ROOT)}; load average {os.getloadavg()}")
    t0 = time.perf_counter()
    company_reading("山田製作所")  # loads janome's dictionary
    load = time.perf_counter() - t0
    measure(
        "Genba (janome + IPADIC)",
        lambda n: company_reading(n) or "",
        lambda n: person_reading(n) or "",
        rows,
        load,
    )
    for label, make in CANDIDATES.items():
        try:
            t0 = time.perf_counter()
            read = make()
            read("山田製作所")
            load = time.perf_counter() - t0
        except ImportError:
            print(f"{label:32s} not installed")
            continue
        measure(label, *as_reader(read), rows, load)
    return 0


if __name__ == "__main__":
    sys.exit(main())
