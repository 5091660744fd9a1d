"""The app's reads and writes as plain Python (no widgets)."""

from __future__ import annotations

import datetime as dt

from desktop.app import fmt
from desktop.app.data import edits, folders, problems
from desktop.app.data.activities import ActivityFilter, activity_ids, activity_rows
from desktop.app.data.customers import customer_detail, customer_ids, gojuon_key
from desktop.app.data.importing import kind_of
from desktop.app.data.today import followups, today_summary


def test_gojuon_order_uses_the_reading_then_the_name():
    names = [
        ("かんさい", "関西ダイカスト"),
        (None, "サンプル精工"),
        ("アオキ", "青木"),
        (None, "北陸"),
    ]
    ordered = sorted(names, key=lambda n: gojuon_key(*n))
    assert [n[1] for n in ordered] == ["青木", "関西ダイカスト", "サンプル精工", "北陸"]


def test_customer_ids_sorted_and_filtered(store, imported):
    conn = store.reader()
    names = [
        conn.execute("SELECT name_normalized FROM companies WHERE id = ?", (i,)).fetchone()[0]
        for i in customer_ids(conn)
    ]
    # 50音順 by reading: 見本化成 (みほんかせい) before ミホン製作所 (みほんせいさくしょ)
    assert names == ["サンプル精工", "テスト工業", "見本化成", "ミホン製作所"]
    assert len(customer_ids(conn, "製作所")) == 1
    # search by reading: ミホン and みほん find ミホン製作所 and 見本化成 (みほんかせい)
    assert len(customer_ids(conn, "ミホン")) == len(customer_ids(conn, "みほん")) == 2


def test_activity_filter(store, imported):
    conn = store.reader()
    assert len(activity_ids(conn, ActivityFilter())) == 4
    assert len(activity_ids(conn, ActivityFilter(since="2025-04-03"))) == 2
    assert len(activity_ids(conn, ActivityFilter(text="バリ"))) == 1
    assert activity_ids(conn, ActivityFilter(rep="nobody")) == []
    newest = activity_rows(conn, activity_ids(conn, ActivityFilter())[:1])
    assert next(iter(newest.values()))["company"] == "有限会社ミホン製作所"


def test_followups_are_due_promises_without_a_later_visit(store, imported):
    conn = store.reader()
    due = followups(conn, dt.date(2025, 4, 25))
    assert {d["next_action"] for d in due} == {"4/8 見積提示", "4/20 対策効果の確認"}
    assert all(d["overdue_days"] >= 5 for d in due)
    summary = today_summary(conn, dt.date.today())
    assert summary["imported"][0]["activities"] == 4


def test_customer_detail(store, imported):
    conn = store.reader()
    cid = customer_ids(conn, "サンプル")[0]
    detail = customer_detail(conn, cid)
    assert detail["company"]["name"] == "株式会社サンプル精工"
    assert len(detail["timeline"]) == 1
    assert detail["deals"][0]["amount_jpy"] == 1_200_000


def test_note_and_picture_edits_go_through_the_store(store, imported):
    cid = customer_ids(store.reader(), "サンプル")[0]
    before = store.pending_count()
    note = edits.add_note(store, body="決裁は月末", category="tip", author="山本", company_id=cid)
    att = edits.attach_image(
        store, b"\x89PNG fake", filename="memo.png", entity="companies", entity_id=cid
    )
    assert store.pending_count() > before  # logged for sync
    assert store.query("SELECT body FROM notes WHERE id = ?", (note,))[0][0] == "決裁は月末"
    row = store.query("SELECT * FROM attachments WHERE id = ?", (att,))[0]
    assert row["mime"] == "image/png" and row["size"] == 9


def test_problem_locations_split():
    assert problems.split_location("4月!B7") == ("4月", "B7")
    assert problems.split_location(None) == ("", "")
    assert problems.split_location("row 12") == ("", "row 12")


def test_folders_add_remove(data_dir, tmp_path):
    from importers.settings import Settings

    s = Settings()
    assert folders.add_folder(s, data_dir, "reports", str(tmp_path))
    assert not folders.add_folder(s, data_dir, "reports", str(tmp_path))
    assert Settings.load(data_dir).report_folders == [str(tmp_path)]
    assert folders.remove_folder(s, data_dir, "reports", str(tmp_path))


def test_kind_of_dropped_files(tmp_path):
    eight = tmp_path / "eight.csv"
    eight.write_text("会社名,部署名,役職,姓,名,e-mail\n", "utf-8")
    visits = tmp_path / "visits.csv"
    visits.write_text("日付,訪問先,内容\n", "utf-8")
    assert kind_of(eight) == "cards"
    assert kind_of(visits) == "reports"
    assert kind_of(tmp_path / "a.vcf") == "cards"
    assert kind_of(tmp_path / "memo.jpg") == "photos"
    assert kind_of(tmp_path / "~$book.xlsx") is None


def test_formatting():
    assert fmt.yen(1_200_000) == "¥1,200,000"
    assert fmt.day("2025-04-01") in ("2025/04/01(火)", "2025/04/01 (Tue)")
    assert fmt.one_line("a\n b", 10) == "a b"


def test_autostart_linux_desktop_file(tmp_path):
    from desktop.app import autostart

    if autostart.sys.platform == "win32":  # the registry variant is exercised on Windows only
        return
    assert not autostart.is_enabled(config_home=tmp_path)
    autostart.set_enabled(True, config_home=tmp_path, command=["/opt/genba/genba"])
    entry = (tmp_path / "autostart" / "genba.desktop").read_text("utf-8")
    assert "Exec=/opt/genba/genba" in entry and "Type=Application" in entry
    assert autostart.is_enabled(config_home=tmp_path)
    autostart.set_enabled(False, config_home=tmp_path)
    assert not autostart.is_enabled(config_home=tmp_path)


def test_knowledge_data_without_widgets(store, imported):
    """Helpful state, team notes and note edits as plain Python."""
    import pytest

    from desktop.app.data.knowledge import edit_note, helpful_state, set_helpful, team_notes
    from importers.insights.notes import add_note

    cid = store.query("SELECT id FROM companies WHERE name LIKE '%サンプル%'")[0][0]
    nid = add_note(store, cid, "青木課長は納期重視。", category="buyer_preference", author="佐藤")
    assert helpful_state(store.query, [nid], "山本") == {nid: (0, False)}
    assert set_helpful(store, nid, "山本", True)
    assert helpful_state(store.query, [nid], "山本") == {nid: (1, True)}
    assert helpful_state(store.query, [nid], "鈴木") == {nid: (1, False)}
    conn = store.reader()
    try:
        notes = team_notes(conn, "山本", "buyer_preference")
        assert [n["id"] for n in notes] == [nid] and notes[0]["helpful"] == 1
        assert team_notes(conn, "山本", "tip") == []
    finally:
        conn.close()
    assert edit_note(store, nid, body="納期最優先。", category="tip", visibility="team") == [
        "body",
        "category",
    ]
    with pytest.raises(ValueError):
        edit_note(store, nid, body="  ", category="tip", visibility="team")
    with pytest.raises(ValueError):
        edit_note(store, nid, body="x", category="tip", visibility="public")


def test_folders_locked_by_it_are_refused_and_marked(data_dir, tmp_path, monkeypatch):
    """A folder list from the machine file (IT) is locked: the app marks it and refuses edits,
    and what the rep adds elsewhere goes only into their own settings.toml."""
    import pytest

    from desktop.app.data import folders
    from importers.managed_settings import ManagedConfig
    from importers.settings import Settings

    machine = tmp_path / "machine.toml"
    machine.write_text(f'report_folders = ["{(tmp_path / "it").as_posix()}"]\n', "utf-8")
    monkeypatch.setenv("GENBA_MACHINE_CONFIG", str(machine))
    config = ManagedConfig(data_dir)
    settings = config.settings()
    with pytest.raises(PermissionError):
        folders.add_folder(settings, data_dir, "reports", str(tmp_path), config)
    assert folders.add_folder(settings, data_dir, "cards", str(tmp_path), config)
    own = Settings.load(data_dir)
    assert own.card_folders == [str(tmp_path)] and own.report_folders == []
    import sqlite3

    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE sources (path, imported_at, status, kind)")
    rows = {r["kind"]: r for r in folders.folder_rows(conn, config.settings(), config)}
    assert rows["reports"]["locked"] == str(machine)
    assert rows["cards"]["locked"] is None


def test_a_newer_read_replaces_an_older_one_that_finishes_later(qtbot, ctx):
    """Open customer A, then B: A's slower read must not be shown over B's."""
    import threading

    release_a = threading.Event()
    shown = []

    def slow_a(_conn):
        release_a.wait(10)
        return "A"

    view = object()
    ctx.read(slow_a, shown.append, latest=view)
    ctx.read(lambda _conn: "B", shown.append, latest=view)
    qtbot.waitUntil(lambda: shown == ["B"], timeout=5000)
    release_a.set()
    qtbot.waitUntil(ctx.tasks.idle, timeout=5000)
    assert shown == ["B"]
    other = []
    ctx.read(lambda _conn: "C", other.append)  # without ``latest`` every read is delivered
    qtbot.waitUntil(lambda: other == ["C"], timeout=5000)


def test_a_folder_with_only_a_copy_of_a_known_workbook_is_not_zero_files(store, report, tmp_path):
    import shutil

    from desktop.app.data.folders import folder_rows
    from importers.pipeline import ReportImporter
    from importers.settings import Settings

    ReportImporter(store, rep="山本").import_file(report)
    other = tmp_path / "共有"
    other.mkdir()
    copy = shutil.copy(report, other / "コピー_日報.xlsx")
    outcome = ReportImporter(store, rep="山本").import_file(copy)
    assert store.query("SELECT count(*) FROM sources WHERE kind = 'copy'")[0][0] == 1, outcome
    rows = folder_rows(store.reader(), Settings(report_folders=[str(other)]))
    assert rows[0]["files"] == 0 and rows[0]["copies"] == 1
