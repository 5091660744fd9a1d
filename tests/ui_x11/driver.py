"""The child process of the X tests: the real app on the xcb platform, driven by a scenario.

    python -m tests.ui_x11.driver SCENARIO OUT_DIR

Builds the demo data (as docs/render_screenshots.py does), opens the app's window, runs
``scenarios.SCENARIO(app)`` and writes what it measured, and the screenshots it took, to
OUT_DIR/result.json for the test to assert on. Qt warnings are recorded there too.
"""

from __future__ import annotations

import importlib.util
import json
import sys
import tempfile
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def demo_module():
    """docs/render_screenshots.py: the demo data the README screenshots show."""
    spec = importlib.util.spec_from_file_location(
        "render_screenshots", ROOT / "docs" / "render_screenshots.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class Driver:
    """What a scenario works with: the app, waiting for it, screenshots and results."""

    def __init__(self, out: Path):
        from PySide6.QtCore import QtMsgType, qInstallMessageHandler

        self.out = out
        self.results: dict = {"warnings": []}
        self.demo = demo_module()
        self.work = Path(tempfile.mkdtemp(prefix="genba-x11-"))
        self.data_dir = self.work / "data"
        self.demo.build_demo(self.data_dir, self.work)

        def messages(mode, context, message):
            if mode in (QtMsgType.QtWarningMsg, QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg):
                self.results["warnings"].append(message)

        qInstallMessageHandler(messages)
        from desktop.app.application import GenbaApp
        from desktop.app.main import create_qapp

        self.qapp = create_qapp(self.data_dir)
        self.genba = GenbaApp(self.data_dir, tray=False)
        self.window = self.genba.window
        self.window.views["today"]._today = self.demo.TODAY
        self.window.views["brief"].today = self.demo.TODAY

    def settle(self, ms: int = 300) -> None:
        """Let the event loop run ``ms``, then until background tasks are done and painted."""
        from PySide6.QtCore import QEventLoop, QTimer

        def spin(n):
            loop = QEventLoop()
            QTimer.singleShot(n, loop.quit)
            loop.exec()

        spin(ms)
        for _ in range(200):
            if self.genba.ctx.tasks.idle():
                break
            spin(50)
        spin(100)

    def wait(self, condition, timeout_ms: int = 10_000) -> bool:
        from PySide6.QtCore import QEventLoop, QTimer

        for _ in range(timeout_ms // 50):
            if condition():
                return True
            loop = QEventLoop()
            QTimer.singleShot(50, loop.quit)
            loop.exec()
        return bool(condition())

    def screen(self):
        return self.qapp.primaryScreen()

    def grab(self, name: str) -> str:
        """The whole X screen as the rep sees it (not the widget's own rendering)."""
        self.settle()
        path = self.out / f"{name}.png"
        self.screen().grabWindow(0).save(str(path))
        return str(path)

    def geometry(self, widget) -> dict:
        """A top-level's frame (with the window manager's decorations) against the available
        screen, both in Qt's logical pixels."""
        frame = widget.frameGeometry()
        avail = self.screen().availableGeometry()
        return {
            "frame": [frame.x(), frame.y(), frame.width(), frame.height()],
            "available": [avail.x(), avail.y(), avail.width(), avail.height()],
            "fits": avail.contains(frame),
        }

    def to_device(self, widget, rect) -> list[int]:
        """A widget's rect in the screenshot's pixels."""
        ratio = widget.devicePixelRatioF()
        top_left = widget.mapToGlobal(rect.topLeft()) - self.screen().geometry().topLeft()
        return [
            round(top_left.x() * ratio),
            round(top_left.y() * ratio),
            round(rect.width() * ratio),
            round(rect.height() * ratio),
        ]


def main(argv: list[str]) -> int:
    name, out = argv[0], Path(argv[1])
    out.mkdir(parents=True, exist_ok=True)
    driver = Driver(out)
    from tests.ui_x11 import scenarios

    try:
        getattr(scenarios, name)(driver)
    except Exception:
        driver.results["error"] = traceback.format_exc()
    finally:
        (out / "result.json").write_text(json.dumps(driver.results, ensure_ascii=False, indent=1))
        driver.genba.dispose()
        driver.qapp.processEvents()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
