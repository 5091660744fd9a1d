"""`genba watch` and `genba folders`: in-process, and SIGINT to a real process."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

from desktop.commands.folders import run_folders
from desktop.commands.watching import run_watch
from importers.settings import Settings
from tests.watch.conftest import excel_save, source, wait_until, workbook_bytes

REPO = Path(__file__).resolve().parents[2]


class Lines:
    def __init__(self):
        self.items: list[str] = []
        self.lock = threading.Lock()

    def __call__(self, line: str) -> None:
        with self.lock:
            self.items.append(line)

    def find(self, prefix: str) -> list[str]:
        with self.lock:
            return [line for line in self.items if line.startswith(prefix)]


def test_watch_without_folders_is_a_usage_error(store, data_dir):
    lines = Lines()
    assert run_watch(store, Settings(), data_dir, None, None, None, False, out=lines) == 2
    assert "genba folders add --reports DIR" in lines.items[0]
    assert lines.items[0].startswith("監視するフォルダーがありません")


def test_watch_speaks_japanese_by_default_and_english_when_asked(
    store, data_dir, folder, monkeypatch
):
    monkeypatch.delenv("GENBA_LANG", raising=False)
    for language, started, stopped, kind in (
        ("ja", "フォルダー 1 個を監視しています。終了するには Ctrl+C を押してください。",
         "終了しました。", "· 日報フォルダー "),
        ("en", "Watching 1 folder(s). Press Ctrl+C to stop.", "Stopped.",
         "· watching reports folder "),
    ):  # fmt: skip
        lines, stop = Lines(), threading.Event()
        settings = Settings(report_folders=[str(folder)], language=language)
        t = threading.Thread(
            target=run_watch, args=(store, settings, data_dir, [], [], [], False, lines, stop)
        )
        t.start()
        try:
            wait_until(lambda s=started, out=lines: out.find(s))
            wait_until(lambda k=kind, out=lines: out.find(k), what="the folder line")
        finally:
            stop.set()
            t.join(10)
        assert lines.items[-2:] == [
            "終了しています…" if language == "ja" else "Stopping…",
            stopped,
        ]
        assert not [x for x in lines.items if "Watching" in x and language == "ja"]


def test_watch_prints_imports_and_problems_and_stops_on_request(store, data_dir, folder):
    lines, stop = Lines(), threading.Event()
    settings = Settings(report_folders=[str(folder)], language="en")  # folders from settings
    result = {}
    t = threading.Thread(
        target=lambda: result.setdefault(
            "rc", run_watch(store, settings, data_dir, [], [], [], False, lines, stop)
        )
    )
    t.start()
    try:
        wait_until(lambda: lines.find("Watching 1 folder"))
        excel_save(folder, "日報.xlsx", workbook_bytes("出力"))
        (folder / "broken.xlsx").write_bytes(b"garbage")
        wait_until(lambda: lines.find("✓ 日報.xlsx: +3 ~0 -0"), what="import line")
        wait_until(lambda: lines.find("✗ broken.xlsx: "), what="problem line")
    finally:
        stop.set()
        t.join(10)
    assert not t.is_alive() and result["rc"] == 0
    assert lines.items[-1] == "Stopped."


def test_after_import_hooks_run_after_each_import(store, data_dir, folder):
    seen, stop = [], threading.Event()
    t = threading.Thread(
        target=run_watch,
        args=(store, Settings(), data_dir, [str(folder)], None, None, False, Lines(), stop),
        kwargs={"after_import": [lambda e: seen.append(e.path.name)]},
    )
    t.start()
    try:
        excel_save(folder, "日報.xlsx", workbook_bytes("フック"))
        wait_until(lambda: seen == ["日報.xlsx"], what="hook called")
    finally:
        stop.set()
        t.join(10)


def _watch_command(data_dir: Path, folder: Path) -> list[str]:
    """`genba watch` once desktop/cli.py has it, else the module's own __main__."""
    from desktop.cli import build_parser

    sub = next(a for a in build_parser()._actions if a.dest == "command")
    if "watch" in sub.choices:
        code = (
            "import sys; from desktop.cli import main; "
            f"sys.exit(main(['--data-dir', {str(data_dir)!r}, 'watch', '--reports', "
            f"{str(folder)!r}]))"
        )
        return [sys.executable, "-c", code]
    return [
        sys.executable,
        "-m",
        "desktop.commands.watching",
        "--data-dir",
        str(data_dir),
        "--reports",
        str(folder),
    ]


def test_sigint_stops_genba_watch_within_five_seconds(tmp_path, folder):
    data_dir = tmp_path / "proc-data"
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", "PYTHONPATH": str(REPO), "GENBA_LANG": "en"}
    proc = subprocess.Popen(
        _watch_command(data_dir, folder),
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
    )
    try:
        lines: list[str] = []
        reader = threading.Thread(target=lambda: lines.extend(proc.stdout), daemon=True)
        reader.start()
        wait_until(lambda: any(x.startswith("Watching") for x in lines), timeout=20)
        excel_save(folder, "日報.xlsx", workbook_bytes("プロセス"))
        wait_until(lambda: any(x.startswith("✓ 日報.xlsx") for x in lines), what="import line")
        t0 = time.monotonic()
        proc.send_signal(signal.SIGINT)
        rc = proc.wait(timeout=5)
        assert time.monotonic() - t0 < 5
        assert rc == 0, proc.stderr.read()
        reader.join(2)
        assert lines[-1].strip() == "Stopped."
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    from sync.store import Store

    with Store(data_dir) as store:
        assert source(store, folder / "日報.xlsx")["status"] == "ok"


def test_folders_add_list_remove(data_dir, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "日報").mkdir()
    (tmp_path / "名刺").mkdir()
    settings, lines = Settings(), Lines()

    def folders(s, action, kind, path):
        return run_folders(s, data_dir, action, kind, path, out=lines, lang="en")

    assert folders(settings, "add", "reports", "日報") == 0
    assert folders(settings, "add", "cards", str(tmp_path / "名刺")) == 0
    assert folders(settings, "add", "reports", str(tmp_path / "日報")) == 0
    assert "already" in lines.items[-1]
    assert folders(settings, "add", "photos", "無い") == 1
    assert "no such folder" in lines.items[-1]

    saved = Settings.load(data_dir)
    assert saved.report_folders == [str(tmp_path / "日報")]  # absolute, once
    assert saved.card_folders == [str(tmp_path / "名刺")]
    assert saved.photo_folders == []

    lines.items.clear()
    os.rmdir(tmp_path / "名刺")  # an unplugged drive stays listed
    assert folders(saved, "list", None, None) == 0
    assert lines.items[0].startswith("reports") and "(exists, native events)" in lines.items[0]
    assert lines.items[1].startswith("cards") and "NOT FOUND" in lines.items[1]

    assert folders(saved, "remove", "cards", str(tmp_path / "名刺")) == 0
    assert folders(saved, "remove", "cards", str(tmp_path / "名刺")) == 1
    assert Settings.load(data_dir).card_folders == []

    forced = Settings(report_folders=[str(tmp_path / "日報")], force_polling=True)
    lines.items.clear()
    run_folders(forced, data_dir, "list", "reports", None, out=lines, lang="en")
    assert "polling" in lines.items[0]


def test_folders_refuses_a_file(data_dir, tmp_path):
    f = tmp_path / "日報.xlsx"
    f.write_bytes(b"x")
    lines = Lines()
    assert run_folders(Settings(), data_dir, "add", "reports", str(f), out=lines, lang="en") == 1
    assert "is a file" in lines.items[-1]


def test_folders_writes_only_the_reps_own_settings(data_dir, tmp_path, monkeypatch):
    machine = tmp_path / "machine.toml"
    machine.write_text('server_url = "https://genba.example"\ncard_folders = ["/srv/名刺"]\n')
    monkeypatch.setenv("GENBA_MACHINE_CONFIG", str(machine))
    (tmp_path / "日報").mkdir()
    from importers.managed_settings import ManagedConfig

    settings, lines = ManagedConfig(data_dir).settings(), Lines()
    assert (
        run_folders(settings, data_dir, "add", "reports", str(tmp_path / "日報"), lines, lang="en")
        == 0
    )
    saved = (data_dir / "settings.toml").read_text("utf-8")
    assert "report_folders" in saved and "server_url" not in saved
    # IT set the card folders: the rep cannot change them
    assert (
        run_folders(settings, data_dir, "add", "cards", str(tmp_path / "日報"), lines, lang="en")
        == 1
    )
    assert "administrator" in lines.items[-1]


def test_watch_lines_name_the_folder_kind_and_how_it_is_watched_in_japanese(tmp_path):
    from desktop.commands.watching import format_event
    from importers.watch import WatchEvent

    folder = tmp_path / "名刺"
    polled = WatchEvent("watching", folder, "cards", message="polling forced by the settings")
    assert (
        format_event(polled, "ja")
        == f"· 名刺フォルダー {folder} を監視中（設定によりポーリングで監視）"
    )
    assert format_event(polled, "en") == (
        f"· watching cards folder {folder} (polling forced by the settings)"
    )
    nfs = WatchEvent("watching", folder, "photos", message="nfs mount")
    assert format_event(nfs, "ja").endswith("（nfs マウントのためポーリングで監視）")
    gone = WatchEvent("missing", folder / "a.vcf", "cards")
    assert (
        format_event(gone, "ja") == "- a.vcf: 削除されました。取り込んだ内容は Genba に残っています"
    )
    away = WatchEvent("folder_missing", folder, "reports", message="folder not found")
    assert format_event(away, "ja").startswith(f"! 日報フォルダー {folder}: 見つかりません")
