"""The Sync page shows what the server refused and what was held, in a rep's words, with what to
do; `genba sync --status` counts the same. A real server (embedded SQLite) refuses a visit's
summary that is longer than it accepts; a teammate's value this PC cannot hold is held."""

from __future__ import annotations

import pytest

from sync.client import sync_once
from sync.client.command import run_sync_command
from tests.sync.conftest import make_server


@pytest.fixture
def server(tmp_path):
    srv = make_server(f"sqlite:///{(tmp_path / 'server.db').as_posix()}", max_value_chars=40)
    yield srv
    srv.engine.dispose()


def _troubled(store, server):
    with store.write() as w:
        company = w.insert("companies", {"name": "山田製作所"})
        visit = w.insert(
            "activities",
            {"company_id": company, "occurred_on": "2025-06-03", "summary": "長い所感" * 20},
        )
    token = server.add_user()
    report = sync_once(store, server.url, token, client=server.client)
    assert report.kept_rejected == 1
    # A teammate's amount no SQLite integer can hold (pulled, then held aside, never a crash).
    with store.write() as w:
        w.apply_remote(
            [
                {
                    "entity": "activities",
                    "row_id": visit,
                    "field": "amount_jpy",
                    "value": 2**64,
                    "hlc": "999999999999999.00000",
                    "site": "teammate",
                }
            ]
        )
    return visit, token


def test_sync_page_lists_refused_and_held_records_in_words(qtbot, window, ctx, store, server):
    _troubled(store, server)
    view = window.views["sync"]
    with qtbot.waitSignal(view.loaded, timeout=5000):
        window.show_view("sync")
    card = view.troubles
    assert card.isVisible()
    assert card.summary_label.text() == "サーバーが受け付けなかった変更 1件、保留中の受信値 1件"
    lines = card.model.stringList()
    assert lines == [
        "山田製作所の訪問記録（2025/06/03）の内容：サーバーが受け付けませんでした — "
        "文章がサーバーの上限より長いため、短くしてください",
        "山田製作所の訪問記録（2025/06/03）の金額：チームから届いた値を保存できませんでした — "
        "数値がこの項目に入る範囲を超えています",
    ]
    assert card.refused_advice.isVisible() and "値を直して" in card.refused_advice.text()
    assert card.held_advice.isVisible() and "管理者" in card.held_advice.text()
    assert store.pending_count() == 0  # refused is not waiting: it is never resent as it is


def test_sync_page_hides_the_card_when_nothing_is_wrong(qtbot, window, ctx, store):
    view = window.views["sync"]
    with qtbot.waitSignal(view.loaded, timeout=5000):
        window.show_view("sync")
    assert not view.troubles.isVisible()
    assert view.troubles.model.rowCount() == 0


def test_sync_status_counts_refused_and_held(store, server):
    _troubled(store, server)
    out: list[str] = []
    assert run_sync_command(store, None, None, True, out=out.append) == 0
    text = "\n".join(out)
    assert "受付拒否:     変更 1 件をこの PC に残しています" in text
    assert "保留:         受信した値 1 件を保存せずに保留しています" in text


def test_a_corrected_value_is_sent_and_leaves_the_list(qtbot, window, ctx, store, server):
    visit, token = _troubled(store, server)
    with store.write() as w:
        w.update("activities", visit, {"summary": "短い所感"})  # what the advice says to do
    report = sync_once(store, server.url, token, client=server.client)
    assert report.pushed == 1 and report.kept_rejected == 0
    assert server.winners()[("activities", visit, "summary")][0] == "短い所感"
    view = window.views["sync"]
    with qtbot.waitSignal(view.loaded, timeout=5000):
        window.show_view("sync")
    assert view.troubles.summary_label.text() == "保留中の受信値 1件"
    assert len(view.troubles.model.stringList()) == 1
    assert not view.troubles.refused_advice.isVisible()


def test_the_card_is_read_again_when_a_background_sync_ends(qtbot, window, ctx, store, server):
    visit, token = _troubled(store, server)
    view = window.views["sync"]
    with qtbot.waitSignal(view.loaded, timeout=5000):
        window.show_view("sync")
    assert len(view.troubles.model.stringList()) == 2
    with store.write() as w:
        w.update("activities", visit, {"next_action": "長い次回アクション" * 10})
    sync_once(store, server.url, token, client=server.client)
    with qtbot.waitSignal(view.loaded, timeout=5000):
        ctx.bus.sync_status.emit({"state": "ok", "message": ""})
    assert view.troubles.summary_label.text().startswith("サーバーが受け付けなかった変更 2件")
    assert any("次回アクション" in line for line in view.troubles.model.stringList())
