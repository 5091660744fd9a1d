"""The bench scripts still run: each prints its header, the machine's load and its figure lines.

Benches are not tests (their figures are never asserted); this only keeps the scripts from
rotting, with --quick sizes (a few seconds each)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def run_bench(script: str, *args: str) -> str:
    env = dict(os.environ, PYTHONPATH=str(ROOT), GENBA_NO_KEYRING="1")
    out = subprocess.run(
        [sys.executable, str(ROOT / "bench" / script), *args],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=ROOT,
        env=env,
    )
    assert out.returncode == 0, out.stdout + out.stderr
    return out.stdout


@pytest.mark.parametrize(
    ("script", "lines"),
    [
        (
            "import_bench.py",
            [
                "genba import (fresh store)",
                'pandas.read_excel(engine="openpyxl")',
                'pandas.read_excel(engine="calamine")',
                "ratio genba / openpyxl:",
                "ratio genba / calamine:",
                "unchanged re-import, whole `genba import` process:",
            ],
        ),
        (
            "team_workbook_bench.py",
            ["team workbook, 2,000 activities:", "peak memory of the whole"],
        ),
    ],
)
def test_bench_prints_its_figures(script, lines):
    out = run_bench(script, "--quick")
    assert "machine: " in out and "load average" in out
    for line in lines:
        assert line in out, out
    assert " 0 MB" not in out  # memory is measured, not a placeholder
