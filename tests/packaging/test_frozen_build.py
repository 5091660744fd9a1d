"""CI proves the build: installer.spec produces a onedir that runs the CLI and the app's self-test."""

import datetime as dt
import os
import subprocess
from pathlib import Path

import pytest

from tests.packaging.sizes import SIZE_BUDGET_MB, over_budget_message, size_mb

ROOT = Path(__file__).resolve().parents[2]
# The build (tests/packaging/conftest.py, once per session, both onedirs) is the first test's
# fixture: a few minutes on a quiet 2-core machine, more under load.
pytestmark = pytest.mark.timeout(1800)


def frozen(onedir, *args, env=None):
    # the frozen app's cache folder (janome's unpacked dictionary) in the build's folder, not ~
    env = {"XDG_CACHE_HOME": str(onedir.parent / "cache"), **(env or os.environ)}
    return subprocess.run(
        [str(onedir / "genba"), *args], capture_output=True, text=True, timeout=300, env=env
    )


def test_version(onedir):
    from importlib.metadata import version

    out = frozen(onedir, "--version")
    assert out.returncode == 0 and out.stdout.strip() == f"genba {version('genba')}"


def test_size_budget(onedir):
    print(f"onedir size: {size_mb(onedir):.0f} MB")
    message = over_budget_message(onedir, SIZE_BUDGET_MB)
    assert message is None, message


def test_no_gtk_or_unused_qt_plugins(onedir):
    """What installer.spec drops stays dropped, whether or not the build machine has GTK."""
    names = {p.name for p in onedir.rglob("*")}
    assert not {n for n in names if n.startswith(("libgtk", "libgdk-3", "libatk", "libepoxy"))}
    plugins = onedir / "_internal" / "PySide6" / "Qt" / "plugins"
    assert not (plugins / "platformthemes").exists()
    assert not (plugins / "platforminputcontexts").exists()
    formats = {
        p.name.split(".")[0].removeprefix("lib") for p in (plugins / "imageformats").iterdir()
    }
    assert formats == {"qjpeg", "qgif", "qwebp", "qsvg"}
    # no link pointing at a library the spec dropped
    assert not [p for p in onedir.rglob("*") if p.is_symlink() and not p.exists()]


def test_the_japanese_ui_ships(onedir):
    """Genba's own catalogues and Qt's Japanese one (file dialogs) survive the spec's filter of
    Qt's translations."""
    internal = onedir / "_internal"
    assert (internal / "resources" / "translations" / "genba_ja.qm").is_file()
    assert (internal / "resources" / "translations" / "genba_en.qm").is_file()
    # the message catalogue (problems, CLI lines, sync errors) in both languages
    assert (internal / "resources" / "messages" / "ja.toml").is_file()
    assert (internal / "resources" / "messages" / "en.toml").is_file()
    assert list(internal.rglob("PySide6/Qt/translations/qtbase_ja.qm"))
    assert not list(internal.rglob("PySide6/Qt/translations/qtbase_de.qm"))


def test_frozen_cli_imports_the_demo(onedir, tmp_path):
    out = frozen(
        onedir, "--data-dir", str(tmp_path / "d"), "import", str(ROOT / "resources/demo/reports")
    )
    assert out.returncode == 0, out.stdout + out.stderr
    assert "失敗 0" in out.stdout  # Japanese by default, from the bundled message catalogue
    (tmp_path / "broken.xlsx").write_text("not a workbook")
    frozen(onedir, "--data-dir", str(tmp_path / "d"), "import", str(tmp_path / "broken.xlsx"))
    japanese = frozen(onedir, "--data-dir", str(tmp_path / "d"), "problems").stdout
    assert japanese.startswith("エラー ") and "ブック" in japanese
    english = frozen(
        onedir,
        "--data-dir",
        str(tmp_path / "d"),
        "problems",
        env={**os.environ, "GENBA_LANG": "en"},
    ).stdout
    assert english.startswith("ERROR ") and "broken.xlsx" in english and "ブック" not in english


def _report(path):
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "4月"
    ws.append(["日付", "訪問先", "内容"])
    ws.append([dt.date(2025, 4, 2), "株式会社山田製作所", "治具の提案"])
    ws.append([dt.date(2025, 4, 3), "港工業(株)", "見積の説明"])
    wb.save(path)
    return path


def test_frozen_cli_derives_kanji_readings_from_the_shared_zip(onedir, tmp_path):
    """A daily report's new customers get their よみ in the packaged app too, from janome shipped
    once in _internal/shared.zip and in neither executable's own archive."""
    import sqlite3

    path = _report(tmp_path / "営業日報_2025.xlsx")
    # janome maps its dictionary files, unpacked once from the zip into Genba's cache folder
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    out = frozen(onedir, "--data-dir", str(tmp_path / "d"), "import", str(path), env=env)
    assert out.returncode == 0 and "失敗 0" in out.stdout, out.stdout + out.stderr
    (unpacked,) = (tmp_path / "cache" / "Genba").glob("janome-*")
    assert (unpacked / ".complete").is_file() and len(list(unpacked.glob("entries_*.py"))) == 20
    with sqlite3.connect(tmp_path / "d" / "genba.db") as db:
        got = db.execute(
            "SELECT name, name_kana, name_kana_source FROM companies ORDER BY name_kana"
        ).fetchall()
    assert got == [
        ("港工業(株)", "みなとこうぎょう", "derived"),
        ("株式会社山田製作所", "やまだせいさくしょ", "derived"),
    ]


def test_one_zip_holds_janome_and_the_pure_python_libraries_for_both_executables(onedir):
    """What installer.spec moves out of the executables' archives is in shared.zip, once, and
    janome's dictionary files (never imported, unpacked to the cache) are LZMA members there."""
    import zipfile

    from PyInstaller.archive.readers import CArchiveReader

    with zipfile.ZipFile(onedir / "_internal" / "shared.zip") as z:
        members = {i.filename: i.compress_type for i in z.infolist()}
    dictionary = {n: t for n, t in members.items() if n.startswith("janome/sysdic/entries_")}
    assert {t for n, t in dictionary.items() if n.endswith(".py")} == {zipfile.ZIP_LZMA}
    assert len([n for n in dictionary if n.endswith(".py")]) == 20
    # everything zipimport reads is compiled and deflated
    imported = {n: t for n, t in members.items() if not n.endswith(".py")}
    assert all(n.endswith(".pyc") for n in imported)
    assert set(imported.values()) == {zipfile.ZIP_DEFLATED}
    moved = {"janome", "phonenumbers", "openpyxl", "extract_msg", "httpx", "vobject"}
    assert moved <= {n.split("/")[0] for n in members}
    for exe in ("genba", "genbaw"):
        modules = CArchiveReader(str(onedir / exe)).open_embedded_archive("PYZ.pyz").toc
        assert "importers.normalize.readings" in modules and "desktop.app.main" in modules
        assert not [m for m in modules if m.split(".")[0] in moved], exe


def test_a_cache_folder_that_cannot_be_written_leaves_readings_empty_not_the_import_failed(
    onedir, tmp_path
):
    """janome's LZMA dictionary files can only be read unpacked: when the cache folder is a
    file, the import still stores every visit, with no derived reading."""
    import sqlite3

    (tmp_path / "cache").write_text("not a folder")
    path = _report(tmp_path / "営業日報_2025.xlsx")
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    out = frozen(onedir, "--data-dir", str(tmp_path / "d"), "import", str(path), env=env)
    assert out.returncode == 0 and "失敗 0" in out.stdout, out.stdout + out.stderr
    with sqlite3.connect(tmp_path / "d" / "genba.db") as db:
        assert db.execute("SELECT count(*) FROM activities").fetchone() == (2,)
        kana = db.execute("SELECT DISTINCT coalesce(name_kana, '') FROM companies").fetchall()
    assert kana == [("",)]


def test_frozen_self_test_offscreen(onedir, tmp_path):
    data = tmp_path / "d"
    assert (
        frozen(
            onedir, "--data-dir", str(data), "import", str(ROOT / "resources/demo/reports")
        ).returncode
        == 0
    )
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["GENBA_LOG_DIR"] = str(tmp_path / "logs")
    out = frozen(onedir, "--data-dir", str(data), "--self-test", env=env)
    assert out.returncode == 0, out.stdout + out.stderr
    assert "self-test OK" in out.stdout
    # The frozen executable starts its own import and sync processes (freeze_support), and
    # they find what they need in the bundle (the calamine reader, the HTTP client).
    assert "import process: ready" in out.stdout and "sync process: ready" in out.stdout
    # the image-format plugins installer.spec keeps are the ones the app decodes with
    assert "image formats: bmp gif jpeg png svg webp\n" in out.stdout
    # the frozen app logs as the source one does
    log = (tmp_path / "logs" / "genba.log").read_text("utf-8")
    assert "INFO genba.app: Genba " in log and "the app ends (status 0)" in log
    print(out.stdout)


@pytest.mark.parametrize("start", ["fork", "spawn"])
def test_frozen_cli_reads_a_large_workbook_in_a_worker_process(onedir, tmp_path, start):
    """A workbook of WORKER_MIN_BYTES or more is read by a worker process: forked here, started
    through the frozen executable itself on Windows (``spawn``, what freeze_support serves)."""
    import sqlite3

    import openpyxl

    from importers.parse_worker import MODE_VARIABLE, WORKER_MIN_BYTES

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "4月"
    ws.append(["日付", "訪問先", "内容", "所感"])
    names = ["山田", "佐藤", "鈴木", "高橋", "田中", "伊藤", "渡辺", "中村"]
    for i in range(12_000):
        summary = f"第{i}回 治具の改善提案、試作品{i % 97}の評価結果を共有"
        ws.append([dt.date(2025, 4, 1 + i % 28), f"株式会社{names[i % 8]}工業", summary, "納期"])
    path = tmp_path / "大きな日報.xlsx"
    wb.save(path)
    assert path.stat().st_size >= WORKER_MIN_BYTES
    env = {**os.environ, MODE_VARIABLE: start}
    out = frozen(onedir, "--data-dir", str(tmp_path / "d"), "import", str(path), env=env)
    assert out.returncode == 0, out.stdout + out.stderr
    assert "+12000" in out.stdout
    db = sqlite3.connect(tmp_path / "d" / "genba.db")
    assert db.execute("SELECT count(*) FROM activities WHERE deleted = 0").fetchone() == (12_000,)
    # the worker's readings of the new customers (janome, from the shared zip)
    assert db.execute("SELECT count(*) FROM companies WHERE name_kana <> ''").fetchone() == (8,)
