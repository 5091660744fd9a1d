"""X server fixtures: the app on a real X display at 1366×768 and at 1920×1080 with 150 %
scaling (common laptop and Windows settings), each scenario in its own child process."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.ui_x11.xserver import XServer

ROOT = Path(__file__).resolve().parents[2]
SCREENS = {"1366x768": (1366, 768, 1.0), "1920x1080@150%": (1920, 1080, 1.5)}


@pytest.fixture(scope="session", params=list(SCREENS))
def xserver(request):
    width, height, scale = SCREENS[request.param]
    server = XServer(width, height, scale).start()
    yield server
    server.stop()


@pytest.fixture
def run_scenario(xserver, tmp_path):
    """Run ``scenarios.<name>`` in the app on the X server; returns its result.json."""

    def run(name: str, *, lang: str = "ja") -> dict:
        env = xserver.env()
        env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
        env["GENBA_LANG"] = lang
        out = tmp_path / name
        out.mkdir(parents=True, exist_ok=True)
        # Output to files, not pipes: the app's import and sync processes inherit them and may
        # outlive the driver by their idle time; a pipe would keep run() waiting for them.
        with open(out / "stderr.txt", "w") as err, open(out / "stdout.txt", "w") as log:
            proc = subprocess.run(
                [sys.executable, "-X", "faulthandler", "-m", "tests.ui_x11.driver", name, str(out)],
                cwd=ROOT,
                env=env,
                stdout=log,
                stderr=err,
                timeout=240,
            )
        assert proc.returncode == 0, (out / "stderr.txt").read_text("utf-8")[-3000:]
        result = json.loads((out / "result.json").read_text("utf-8"))
        assert "error" not in result, result["error"]
        result["out"] = out
        return result

    return run
