"""Strict Qt tests (qutebrowser style): offscreen, and an unexpected Qt warning fails the test.

Each test gets a fresh data directory and store; fixture data comes from workbooks written with
openpyxl and imported through ReportImporter, as a rep's files would be.
"""

from __future__ import annotations

import os
import sys

os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ.setdefault("GENBA_NO_KEYRING", "1")

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QtMsgType, qInstallMessageHandler

from tests.helpers.workbooks import table_workbook

# Harmless messages of the offscreen platform and of fonts on a headless machine.
ALLOWED = (
    "This plugin does not support propagateSizeHints()",
    "This plugin does not support raise()",
    "This plugin does not support grabbing the keyboard",
    "QFont::setPointSizeF: Point size <= 0",
    "Populating font family aliases took",
)


class QtMessages:
    def __init__(self):
        self.unexpected: list[str] = []

    def __call__(self, mode, context, message):
        if mode == QtMsgType.QtFatalMsg:
            sys.stderr.write(f"Qt fatal: {message}\n")
        if mode in (QtMsgType.QtDebugMsg, QtMsgType.QtInfoMsg):
            return
        if any(message.startswith(a) for a in ALLOWED):
            return
        self.unexpected.append(f"{mode.name}: {message}")


@pytest.fixture(autouse=True)
def fail_on_qt_warnings():
    recorder = QtMessages()
    previous = qInstallMessageHandler(recorder)
    yield recorder
    qInstallMessageHandler(previous)
    assert not recorder.unexpected, "unexpected Qt messages:\n" + "\n".join(recorder.unexpected)


@pytest.fixture(scope="session")
def qapp_cls():
    from PySide6.QtWidgets import QApplication

    return QApplication


@pytest.fixture(scope="session", autouse=True)
def genba_qapp(qapp):
    """Genba's language (Japanese), font and stylesheet on pytest-qt's QApplication."""
    os.environ.pop("GENBA_LANG", None)
    from desktop.app.main import create_qapp

    return create_qapp(None)


VISITS = [
    [
        dt.date(2025, 4, 1),
        "株式会社サンプル精工",
        "青木課長",
        "治具の改善提案",
        "4/8 見積提示",
        "120万円",
        "50%",
    ],
    [
        dt.date(2025, 4, 2),
        "見本化成(株)",
        "石井主任",
        "量産品の見積を提出",
        "回答確認",
        "80万円",
        "30%",
    ],
    [
        dt.date(2025, 4, 3),
        "㈱テスト工業",
        "田中部長",
        "バリ不良の報告と対策書",
        "4/20 対策効果の確認",
        None,
        None,
    ],
    [
        dt.date(2025, 4, 4),
        "有限会社ミホン製作所",
        "鈴木様",
        "樹脂材料の代替提案",
        "サンプル提供",
        "50万円",
        "20%",
    ],
]


@pytest.fixture
def report(tmp_path) -> Path:
    folder = tmp_path / "reports"
    folder.mkdir()
    return table_workbook(folder / "2025年度_営業日報_山本.xlsx", {"4月": VISITS})


@pytest.fixture
def imported(store, report):
    from importers.pipeline import ReportImporter

    outcome = ReportImporter(store, rep="山本").import_file(report)
    assert outcome.status == "imported", outcome
    return outcome


@pytest.fixture
def store(data_dir):
    """The app's store: it records what each write touched (the views are told)."""
    from desktop.app.data.changes import RecordingStore

    s = RecordingStore(data_dir)
    yield s
    s.close()


@pytest.fixture
def ctx(store, data_dir, qapp):
    from desktop.app.context import AppContext
    from desktop.app.tasks import TaskManager
    from importers.settings import Settings

    tasks = TaskManager()
    context = AppContext(data_dir, store, Settings.load(data_dir), tasks)
    yield context
    tasks.shutdown()
    context.imports.shutdown()


def wait_idle(qtbot, ctx, timeout=10_000):
    qtbot.waitUntil(ctx.tasks.idle, timeout=timeout)


@pytest.fixture
def window(qtbot, ctx):
    from desktop.app.window import MainWindow

    w = MainWindow(ctx)
    qtbot.addWidget(w)
    w.resize(1280, 800)
    w.show()
    yield w
    for v in (w.views["activities"], w.views["customers"]):
        v.model.close()
