"""The packaged app (installer.spec's onedir): its size and the frozen `genba --self-test`.

    python bench/frozen_bench.py [--onedir dist/genba] [--runs 3]

Without --onedir it builds one with PyInstaller from installer.spec into a temporary folder
(minutes). Prints the onedir's size and the voice component's (dist/genba-voice, the separate
onedir installer.spec builds beside it: --voice-onedir, by default the folder beside --onedir)
and, with --voice-model FOLDER, --runs whole `genba-voice` processes on a 9 s memo of Open JTalk speech
(model load included: the app starts one per memo), then --runs whole `genba --self-test` processes of the frozen
executable on the demo workbooks (warm file cache: a first, uncounted run reads the files): spawn
to first paint and to Today loaded (the app prints the instants), its memory, and how long its
import and sync processes take to start. Then --runs whole frozen `genba import` processes of a
one-visit report with a new kanji customer (株式会社山田製作所) into a new data folder: the import
that loads janome (from _internal/shared.zip, or janome.zip in builds before 2026-12-02) to
derive the よみ, printed with the reading stored. To compare two builds, run it on each (same
half hour, alternately). Medians and the max over runs.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import ROOT, machine_line, print_header, run_measured, spread


def build(work: Path) -> Path:
    proc = subprocess.run(
        [
            *(sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN"),
            *("--distpath", str(work / "dist"), "--workpath", str(work / "build")),
            "installer.spec",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    if proc.returncode != 0:
        raise SystemExit(proc.stdout[-3000:] + proc.stderr[-3000:])
    return work / "dist" / "genba"


def size_mb(folder: Path) -> float:
    """Bytes on disk as `du` counts them (Qt's library symlinks not twice), in MB (2**20)."""
    files = (f for f in folder.rglob("*") if f.is_file() and not f.is_symlink())
    return sum(f.lstat().st_size for f in files) / 2**20


def voice_line(voice: Path) -> None:
    """The voice component IT installs beside the app, and its largest libraries."""
    if not (voice / "genba-voice").is_file() and not (voice / "genba-voice.exe").is_file():
        print(f"no voice component at {voice}")
        return
    print(f"voice onedir (genba-voice) size: {size_mb(voice):.1f} MB")
    internal = voice / "_internal"
    tops = {}
    for f in internal.rglob("*"):
        if f.is_file() and not f.is_symlink():
            top = f.relative_to(internal).parts[0].split(".")[0].split("-")[0]
            tops[top] = tops.get(top, 0) + f.lstat().st_size
    biggest = sorted(tops.items(), key=lambda t: -t[1])[:6]
    print("  largest: " + ", ".join(f"{name} {b / 2**20:.1f} MB" for name, b in biggest))


def voice_runs(voice: Path, model: Path, work: Path, runs: int) -> None:
    """Whole `genba-voice` processes, as the frozen import process starts them, one per memo."""
    import json

    sys.path.insert(0, str(ROOT))
    from tests.voice.speech import speech, write_wav

    text = "本日は山田製作所の田村課長を訪問しました。新しいシャフトの見積を来週金曜日までに提出します。"
    samples, rate = speech(text)
    wav = write_wav(work / "memo.wav", samples, rate)
    exe = str(voice / "genba-voice")
    walls, peaks, heard = [], [], ""
    for i in range(runs + 1):
        wall, peak, out = run_measured([exe, str(wav), "--model", str(model)])
        lines = [json.loads(x) for x in out.splitlines() if x.startswith("{")]
        if not lines or "transcript" not in lines[-1]:
            raise SystemExit(f"genba-voice did not transcribe:\n{out}")
        heard = lines[-1]["transcript"]["text"]
        if i:
            walls.append(wall)
            peaks.append(peak)
    print(f"frozen `genba-voice` on {len(samples) / rate:.1f} s of speech, model {model.name}:")
    print(f"  whole process {spread(walls, ' s')}, peak memory {spread(peaks, ' MB', '.0f')}")
    print(f"  heard: {heard}")


PATTERNS = {
    "paint_at": r"first paint at \(epoch s\): ([\d.]+)",
    "usable_at": r"usable at \(epoch s\): ([\d.]+)",
    "rss_start": r"RSS\) at start: (\d+) MB",
    "rss_all": r"every view: (\d+) MB",
    "import_ms": r"import process: ready in (\d+) ms",
    "sync_ms": r"sync process: ready in (\d+) ms",
}


def children_cpu() -> float:
    """User + system CPU seconds of this process's finished children so far."""
    import resource

    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def shared_zip_line(onedir: Path) -> None:
    """The zip both executables import from, and what it holds."""
    import zipfile

    for name in ("shared.zip", "janome.zip"):
        zipped = onedir / "_internal" / name
        if zipped.is_file():
            break
    else:
        print("no shared zip in this build (no kanji readings)")
        return
    with zipfile.ZipFile(zipped) as z:
        parts = [i for i in z.infolist() if i.filename.startswith("janome/")]
        others = {i.filename.split("/")[0] for i in z.infolist()} - {"janome"}
    janome_mb = sum(i.compress_size for i in parts) / 2**20
    print(
        f"{name}: {zipped.stat().st_size / 2**20:.1f} MB (janome {janome_mb:.1f} MB, "
        f"{len(others)} other libraries {zipped.stat().st_size / 2**20 - janome_mb:.1f} MB)"
    )


def reading_import(onedir: Path, work: Path, runs: int) -> None:
    """Whole frozen `genba import` processes that derive a kanji customer's reading."""
    import datetime as dt
    import sqlite3

    import openpyxl

    shared_zip_line(onedir)
    report = work / "営業日報_2025.xlsx"
    wb = openpyxl.Workbook()
    wb.active.append(["日付", "訪問先", "内容"])
    wb.active.append([dt.date(2025, 4, 2), "株式会社山田製作所", "治具の提案"])
    wb.save(report)
    # A cache folder of its own (XDG, as on Linux): the first run unpacks janome's dictionary
    # files into it (importers/normalize/janome_files.py), the others map them.
    os.environ["XDG_CACHE_HOME"] = str(work / "cache")
    walls, peaks, cpus, reading = [], [], [], None
    for i in range(runs + 1):
        data = work / f"reading{i}"
        before = children_cpu()
        wall, peak, out = run_measured(
            [str(onedir / "genba"), "--data-dir", str(data), "import", str(report)]
        )
        cpu = children_cpu() - before
        if "失敗 0" not in out:
            raise SystemExit(f"the frozen import failed:\n{out}")
        with sqlite3.connect(data / "genba.db") as db:
            reading = db.execute("SELECT name_kana, name_kana_source FROM companies").fetchone()
        if i == 0:
            print(
                f"first import (unpacks the dictionary, if any): {wall:.2f} s, peak {peak:.0f} MB"
            )
            continue
        walls.append(wall)
        peaks.append(peak)
        cpus.append(cpu)
    print(
        "frozen `genba import` of one visit to a new customer 株式会社山田製作所, new data folder:"
    )
    print(f"  whole process {spread(walls, ' s')}, peak memory {spread(peaks, ' MB', '.0f')}")
    # CPU time moves far less with the machine's load than the wall time: compare builds by it
    print(f"  CPU time (user + system) {spread(cpus, ' s')}")
    print(f"  reading stored: {reading[0] or '(none)'} ({reading[1] or 'no source'})")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--onedir", type=Path, help="an onedir already built (else: build one)")
    ap.add_argument("--voice-onedir", type=Path, help="the voice component (else: beside it)")
    ap.add_argument("--voice-model", type=Path, help="a Whisper model folder for genba-voice")
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    print_header("frozen app bench")
    work = Path(tempfile.mkdtemp(prefix="genba-frozen-bench-"))
    # the frozen app's cache folder (janome's unpacked dictionary) in the work folder, not ~/.cache
    os.environ["XDG_CACHE_HOME"] = str(work / "cache-demo")
    try:
        onedir = args.onedir
        if onedir is None:
            t = time.perf_counter()
            onedir = build(work)
            print(f"built the onedir from installer.spec in {time.perf_counter() - t:.0f} s")
        print(f"onedir size: {size_mb(onedir):.1f} MB")
        for exe in ("genba", "genbaw"):
            print(f"  {exe}: {(onedir / exe).stat().st_size / 2**20:.1f} MB")
        voice = args.voice_onedir or onedir.parent / "genba-voice"
        voice_line(voice)
        if args.voice_model:
            voice_runs(voice, args.voice_model, work, args.runs)
        exe = str(onedir / "genba")
        data = work / "data"
        run_measured([exe, "--data-dir", str(data), "import", str(ROOT / "resources/demo/reports")])
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        found: dict[str, list[float]] = {}
        for i in range(args.runs + 1):
            spawned = time.time()
            wall, _peak, out = run_measured([exe, "--data-dir", str(data), "--self-test"])
            if i == 0:
                continue
            for key, pat in PATTERNS.items():
                m = re.search(pat, out)
                if m is None:
                    raise SystemExit(f"the frozen self-test did not print {key}:\n{out}")
                value = float(m.group(1))
                if key.endswith("_at"):
                    value -= spawned
                found.setdefault(key, []).append(value)
            found.setdefault("process", []).append(wall)
        print("frozen `genba --self-test` on the demo workbooks, warm file cache:")
        print(f"  spawn to first paint {spread(found['paint_at'], ' s')}")
        print(f"  spawn to Today loaded {spread(found['usable_at'], ' s')}")
        print(f"  whole process {spread(found['process'], ' s')}")
        print(
            f"  memory (RSS) at start {spread(found['rss_start'], ' MB', '.0f')}, after every "
            f"view {spread(found['rss_all'], ' MB', '.0f')}"
        )
        print(
            f"  import process ready in {spread(found['import_ms'], ' ms', '.0f')}, sync process "
            f"{spread(found['sync_ms'], ' ms', '.0f')}"
        )
        reading_import(onedir, work, args.runs)
        print(machine_line())
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
