"""installer.spec built once per test session: dist/genba (the app) and dist/genba-voice (the
voice component IT installs beside it), shared by every packaging test."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def dist(tmp_path_factory):
    work = tmp_path_factory.mktemp("pyinstaller")
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--log-level",
            "WARN",
            "--distpath",
            str(work / "dist"),
            "--workpath",
            str(work / "build"),
            "installer.spec",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=1500,
    )
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    yield work / "dist"
    shutil.rmtree(work, ignore_errors=True)


@pytest.fixture(scope="session")
def onedir(dist):
    out = dist / "genba"
    assert (out / "genba").is_file() and (out / "genbaw").is_file()
    return out


@pytest.fixture(scope="session")
def voice_onedir(dist):
    out = dist / "genba-voice"
    assert (out / "genba-voice").is_file()
    return out
