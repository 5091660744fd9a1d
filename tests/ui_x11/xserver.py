"""A real X server for UI tests: Debian's Xvfb on a free display, with openbox as the window
manager (frames, maximising and placement behave as on a desktop) that keeps a strip at the
bottom free, as a Windows taskbar does (48 px at 100 %, 72 px at 150 %): the screen's
available geometry is smaller than the screen, as on a rep's laptop.

Offscreen renders miss paint bugs (a widget drawn through another, a window larger than the
screen); these tests run the app on the xcb platform against this server, in a child process,
because a process has one QApplication and the rest of the suite uses offscreen.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class XServer:
    width: int
    height: int
    scale: float = 1.0
    display: str = ""
    _procs: list[subprocess.Popen] = field(default_factory=list)

    def start(self) -> XServer:
        xvfb = shutil.which("Xvfb")
        assert xvfb, "Xvfb is missing: apt-get install xvfb (tests/run.sh installs it)"
        read, write = os.pipe()
        # -displayfd: Xvfb picks a free display number and writes it to the pipe when ready.
        proc = subprocess.Popen(
            [
                *(xvfb, "-displayfd", str(write), "-noreset", "-nolisten", "tcp"),
                *("-screen", "0", f"{self.width}x{self.height}x24"),
            ],
            pass_fds=(write,),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        os.close(write)
        self._procs.append(proc)
        with os.fdopen(read) as f:
            number = f.readline().strip()
        assert number, "Xvfb did not start"
        self.display = f":{number}"
        wm = shutil.which("openbox")
        assert wm, "openbox is missing: apt-get install openbox (tests/run.sh installs it)"
        self._procs.append(
            subprocess.Popen(
                [wm, "--sm-disable", "--config-file", self._openbox_config()],
                env={**os.environ, "DISPLAY": self.display},
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
        )
        time.sleep(0.5)  # openbox takes the screen (it manages windows mapped after this)
        return self

    def _openbox_config(self) -> str:
        taskbar = round(48 * self.scale)
        folder = Path(tempfile.mkdtemp(prefix="genba-openbox-"))
        path = folder / "rc.xml"
        path.write_text(
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            '<openbox_config xmlns="http://openbox.org/3.4/rc">\n'
            f"  <margins><top>0</top><bottom>{taskbar}</bottom><left>0</left><right>0</right>"
            "</margins>\n</openbox_config>\n",
            "utf-8",
        )
        return str(path)

    def env(self) -> dict[str, str]:
        """The environment of a Qt process on this server, at this scaling."""
        env = {k: v for k, v in os.environ.items() if not k.startswith("QT_")}
        env.pop("WAYLAND_DISPLAY", None)
        env.update(DISPLAY=self.display, QT_QPA_PLATFORM="xcb", GENBA_NO_KEYRING="1")
        if self.scale != 1.0:
            env["QT_SCALE_FACTOR"] = str(self.scale)
        return env

    def stop(self) -> None:
        for proc in reversed(self._procs):
            proc.terminate()
            try:
                proc.wait(5)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
        self._procs.clear()
