"""A newcomer's first minute, in a fresh virtual environment: `pip install -e .` (no Qt), README's
first command works, and `genba` (the app) says in one line what to install and exits 2."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def venv(tmp_path_factory):
    """A new venv with `pip install -e .` and nothing else (dependencies from the package index,
    as a newcomer gets them)."""
    root = tmp_path_factory.mktemp("newcomer") / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(root)], check=True, timeout=300)
    env = _env()
    pip = subprocess.run(
        [str(root / "bin" / "python"), "-m", "pip", "install", "--quiet", "-e", str(ROOT)],
        capture_output=True,
        text=True,
        timeout=900,
        env={**env, "PIP_DISABLE_PIP_VERSION_CHECK": "1"},
    )
    assert pip.returncode == 0, pip.stdout[-3000:] + pip.stderr[-3000:]
    return root / "bin"


def _env(**extra):
    # The venv's own install, not this checkout through PYTHONPATH; no language chosen.
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "GENBA_LANG")}
    return {**env, **extra}


def _genba(venv, *args, **env):
    return subprocess.run(
        [str(venv / "genba"), *args],
        capture_output=True,
        text=True,
        timeout=300,
        env=_env(**env),
        cwd=ROOT,
    )


def test_the_default_install_has_no_qt(venv):
    out = subprocess.run(
        [str(venv / "python"), "-c", "import PySide6"], capture_output=True, text=True, env=_env()
    )
    assert out.returncode == 1 and "No module named 'PySide6'" in out.stderr


def test_readmes_first_command_imports_the_demo_reports(venv, tmp_path):
    out = _genba(venv, "--data-dir", str(tmp_path / "d"), "import", "resources/demo/reports")
    assert out.returncode == 0, out.stdout + out.stderr
    assert "失敗 0" in out.stdout


def test_the_app_says_what_to_install_in_one_line_and_exits_2(venv, tmp_path):
    for args in ((), ("--self-test",)):
        out = _genba(venv, "--data-dir", str(tmp_path / "d"), *args)
        assert out.returncode == 2 and out.stdout == ""
        assert out.stderr.splitlines() == [
            "デスクトップアプリがインストールされていません。pip install -e '.[app]' を実行してから、"
            "もう一度 genba を起動してください（genba import などのコマンドはこのまま使えます）。"
        ]


def test_in_english_when_the_rep_chose_english(venv, tmp_path):
    english = (
        "The desktop app is not installed: run pip install -e '.[app]', then start genba again "
        "(commands such as genba import work without it)."
    )
    out = _genba(venv, "--data-dir", str(tmp_path / "d"), GENBA_LANG="en")
    assert (out.returncode, out.stderr.splitlines()) == (2, [english])
    data = tmp_path / "set"
    data.mkdir()
    assert _genba(venv, "--data-dir", str(data), "config", "set", "language", "en").returncode == 0
    out = _genba(venv, "--data-dir", str(data))
    assert (out.returncode, out.stderr.splitlines()) == (2, [english])
