"""A sync pull tells the views which rows it wrote, and a drop is sent to the team like a
watched file: the real app (GenbaApp) against a real `genba-server serve`."""

from __future__ import annotations

import pytest

from tests.app.conftest import VISITS, wait_idle
from tests.helpers.live_server import add_user, start_server, stop_server
from tests.helpers.workbooks import table_workbook


@pytest.fixture(scope="module")
def team(tmp_path_factory):
    srv_dir = tmp_path_factory.mktemp("server")
    proc, url = start_server(srv_dir)
    try:
        yield url, add_user(srv_dir, "営業1課", "山本"), add_user(srv_dir, "営業1課", "佐藤")
    finally:
        stop_server(proc)


def _laptop(data_dir, url, token, user):
    from importers.settings import Settings
    from sync.client.credentials import save_credentials
    from sync.store import Store

    Settings(user_name=user).save(data_dir)
    store = Store(data_dir)
    save_credentials(store, url, token)
    return store


def _app(qtbot, data_dir):
    from desktop.app.application import GenbaApp

    genba = GenbaApp(data_dir, tray=False)
    states: list[dict] = []
    genba.sync.status.connect(states.append)
    told: list = []
    genba.ctx.bus.data_changed.connect(told.append)
    return genba, states, told


def _synced(qtbot, states, after: int, timeout=90_000) -> dict:
    def done():
        return any(s["state"] in ("ok", "error", "offline") for s in states[after:])

    qtbot.waitUntil(done, timeout=timeout)
    status = next(s for s in states[after:] if s["state"] in ("ok", "error", "offline"))
    assert status["state"] == "ok", status.get("message")
    return status


def test_a_pull_that_changes_one_note_updates_the_customer_page(qtbot, tmp_path, team, report):
    from desktop.app.data import edits
    from desktop.app.data.knowledge import edit_note
    from importers.pipeline import ReportImporter
    from sync.client import sync_once

    url, yamamoto, sato = team
    mine = _laptop(tmp_path / "yamamoto", url, yamamoto, "山本")
    ReportImporter(mine, rep="山本").import_file(report)
    cid = mine.query("SELECT id FROM companies WHERE name LIKE '%サンプル精工%'")[0][0]
    nid = edits.add_note(mine, body="図面は紙で欲しい方", category="buyer_preference",
                         author="山本", company_id=cid)  # fmt: skip
    sync_once(mine, url, yamamoto)
    mine.close()
    theirs = _laptop(tmp_path / "sato", url, sato, "佐藤")
    sync_once(theirs, url, sato)  # 佐藤's laptop has the note, and corrects it
    edit_note(theirs, nid, body="図面は紙で、A3で欲しい方", category="buyer_preference",
              visibility="team")  # fmt: skip
    sync_once(theirs, url, sato)
    theirs.close()

    genba, states, told = _app(qtbot, tmp_path / "yamamoto")
    try:
        genba.show_window()
        page = genba.window.views["customers"].page
        with qtbot.waitSignal(page.loaded, timeout=10_000):
            genba.window.open_customer(cid)
        assert [n["body"] for n in page.detail["notes"]] == ["図面は紙で欲しい方"]
        loads = page.loads
        genba.sync.start()  # the first cycle pulls 佐藤's correction
        assert _synced(qtbot, states, 0)["report"].applied >= 1
        qtbot.waitUntil(lambda: bool(told), timeout=10_000)
        assert told[-1].ids("notes") == {nid}  # the pull said which row it wrote
        qtbot.waitUntil(lambda: page.loads == loads + 1, timeout=10_000)
        wait_idle(qtbot, genba.ctx)
        assert [n["body"] for n in page.detail["notes"]] == ["図面は紙で、A3で欲しい方"]
        assert "図面は紙で、A3で欲しい方" in {i.note["body"] for i in page.note_items.values()}
        # the Activities list was never opened: it read nothing
        assert genba.window.views["activities"].model.rows_read == 0
    finally:
        genba.dispose()


def test_a_drop_is_sent_to_the_team_like_a_watched_file(qtbot, tmp_path, team):
    url, yamamoto, _sato = team
    _laptop(tmp_path / "laptop", url, yamamoto, "山本").close()
    genba, states, _told = _app(qtbot, tmp_path / "laptop")
    try:
        genba.show_window()
        genba.sync.start()
        _synced(qtbot, states, 0)  # the first cycle: nothing to send yet
        seen = len(states)
        book = table_workbook(tmp_path / "2025年度_営業日報_山本.xlsx", {"4月": VISITS})
        genba.window.import_dropped([book])
        # the next cycle is a minute away (BackgroundSync.interval) unless the drop asks for one
        report = _synced(qtbot, states, seen, timeout=30_000)["report"]
        assert report.pushed > 0 and report.pending == 0
        assert genba.ctx.store.pending_count() == 0
    finally:
        genba.dispose()
