"""A voice memo draft in the app: Today says how many wait; the dialog shows the transcript
beside the fields, and 確定 / 破棄 write through the writer thread."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate

from tests.app.conftest import wait_idle
from tests.helpers.voice_drafts import TRANSCRIPT, insert_draft


def _today(qtbot, ctx):
    from desktop.app.views.today import TodayView

    view = TodayView(ctx, today=dt.date(2024, 5, 15))
    qtbot.addWidget(view)
    view.show()
    view.refresh()
    wait_idle(qtbot, ctx)
    return view


def _dialog(qtbot, ctx, aid):
    from desktop.app.dialogs.voice_draft import VoiceDraftDialog

    dlg = VoiceDraftDialog(ctx, aid)
    qtbot.addWidget(dlg)
    qtbot.waitUntil(lambda: dlg.row is not None, timeout=5000)
    return dlg


def test_today_counts_drafts_and_confirming_an_edit_makes_an_activity_and_a_note(qtbot, ctx, store):
    aid = insert_draft(store)
    view = _today(qtbot, ctx)
    assert view.voice_button.isVisibleTo(view)
    assert view.voice_button.text() == "音声メモの下書き 1件を確認"
    view.open_voice_draft()
    dlg = view.voice_dialog
    qtbot.waitUntil(lambda: dlg.row is not None, timeout=5000)
    assert dlg.transcript.toPlainText() == TRANSCRIPT and dlg.transcript.isReadOnly()
    assert dlg.customer.currentData() == "c-yamada" and dlg.amount_edit.text() == "1200000"
    assert dlg.confirm_button.text() == "確定" and dlg.discard_button.text() == "破棄"
    dlg.summary_edit.setPlainText("田村課長は納期の確実さを重視している。")
    dlg.due_edit.setDate(QDate(2024, 5, 31))
    dlg.customer.setCurrentIndex(dlg.customer.findData("c-other"))
    with qtbot.waitSignal(dlg.accepted, timeout=5000):
        dlg.confirm_button.click()
    assert dlg.outcome == "confirmed"
    a = store.query("SELECT * FROM activities WHERE id = ?", (aid,))[0]
    assert a["kind"] == "voice" and a["next_action_due"] == "2024-05-31"
    assert a["company_id"] == "c-other" and a["contact_id"] is None
    assert a["summary"] == "田村課長は納期の確実さを重視している。"
    (note,) = store.query("SELECT * FROM notes WHERE deleted = 0")
    assert note["activity_id"] == aid and note["company_id"] == "c-other"
    assert note["body"] == "田村課長は納期の確実さを重視している。"
    wait_idle(qtbot, ctx)  # the write told the views: Today re-read, nothing waits now
    qtbot.waitUntil(lambda: not view.voice_button.isVisibleTo(view), timeout=5000)


def test_discard_deletes_the_draft(qtbot, ctx, store):
    aid = insert_draft(store)
    dlg = _dialog(qtbot, ctx, aid)
    with qtbot.waitSignal(dlg.accepted, timeout=5000):
        dlg.discard_button.click()
    assert dlg.outcome == "discarded"
    assert store.query("SELECT deleted FROM activities WHERE id = ?", (aid,))[0][0] == 1
    assert not store.query("SELECT 1 FROM notes")


def test_a_draft_gone_meanwhile_says_so(qtbot, ctx, store):
    from importers.voice.drafts import discard_draft

    aid = insert_draft(store)
    dlg = _dialog(qtbot, ctx, aid)
    discard_draft(store, aid)  # e.g. discarded on another laptop and synced
    dlg.confirm_button.click()
    wait_idle(qtbot, ctx)
    assert not dlg.result() and dlg.buttons.isEnabled()
    assert "音声メモを保存できませんでした" in dlg.message.text()


def test_the_activity_list_and_the_customer_page_mark_drafts_and_open_them(qtbot, ctx, store):
    from desktop.app.dialogs.voice_draft import VoiceDraftDialog
    from desktop.app.views.activities import ActivitiesView
    from desktop.app.views.customer_page import CustomerPage

    insert_draft(store)
    view = ActivitiesView(ctx)
    qtbot.addWidget(view)
    view.show()
    view.activate()
    qtbot.waitUntil(lambda: view.model.rowCount() == 1, timeout=5000)
    index = view.model.index(0, 3)
    assert index.data() == "音声メモ（下書き・未確定）"
    view._edit(index)
    assert isinstance(view._dialog, VoiceDraftDialog)
    qtbot.waitUntil(lambda: view._dialog.row is not None, timeout=5000)
    view._dialog.reject()
    view.model.close()
    page = CustomerPage(ctx)
    qtbot.addWidget(page)
    page.show()
    with qtbot.waitSignal(page.loaded, timeout=5000):
        page.load("c-yamada")
    assert page.timeline.index(0, 1).data() == "音声メモ（下書き・未確定）"
    page._edit_activity(page.timeline.index(0, 1))
    assert isinstance(page._activity_dialog, VoiceDraftDialog)
    qtbot.waitUntil(lambda: page._activity_dialog.row is not None, timeout=5000)
    wait_idle(qtbot, ctx)


def test_the_brief_view_shows_what_was_said_in_a_confirmed_memo(qtbot, ctx, store):
    from PySide6.QtWidgets import QLabel

    from desktop.app.views.brief import BriefView
    from importers.voice.drafts import confirm_minutes

    aid = insert_draft(store)
    confirm_minutes(store, aid, {"summary": "シャフトの見積依頼。"})
    view = BriefView(ctx)
    qtbot.addWidget(view)
    view.show()
    with qtbot.waitSignal(view.loaded, timeout=5000):
        view.load("c-yamada")
    texts = [w.text() for w in view.findChildren(QLabel)]
    (line,) = [t for t in texts if "音声メモの文字起こし" in t]  # the activity, not its note
    assert "シャフトの見積依頼。" in line
    assert "音声メモの文字起こし: 本日は山田政策書の田村課長を訪問しました。" in line


def test_a_confirmed_memo_opens_beside_its_transcript(qtbot, ctx, store):
    from desktop.app.dialogs.activity import ActivityDialog
    from desktop.app.views.customer_page import CustomerPage
    from importers.voice.drafts import confirm_minutes

    aid = insert_draft(store)
    confirm_minutes(store, aid, {"summary": "シャフトの見積依頼。"})
    page = CustomerPage(ctx)
    qtbot.addWidget(page)
    page.show()
    with qtbot.waitSignal(page.loaded, timeout=5000):
        page.load("c-yamada")
    page._edit_activity(page.timeline.index(0, 1))
    dlg = page._activity_dialog
    assert isinstance(dlg, ActivityDialog)  # confirmed: an ordinary activity, editable
    qtbot.waitUntil(lambda: dlg.row is not None, timeout=5000)
    assert dlg.heard.isVisibleTo(dlg) and dlg.transcript.isReadOnly()
    assert dlg.transcript.toPlainText() == TRANSCRIPT
    assert dlg.summary_edit.toPlainText() == "シャフトの見積依頼。"
    assert "20240514_帰りの車.wav" in dlg.source.text() and "voice:" not in dlg.source.text()
    assert "セル" not in dlg.source.text()
    dlg.reject()
    wait_idle(qtbot, ctx)


def test_an_activity_from_a_report_shows_no_transcript(qtbot, ctx, imported):
    from desktop.app.dialogs.activity import ActivityDialog

    aid = ctx.store.query("SELECT id FROM activities ORDER BY id LIMIT 1")[0][0]
    dlg = ActivityDialog(ctx, aid)
    qtbot.addWidget(dlg)
    qtbot.waitUntil(lambda: dlg.row is not None, timeout=5000)
    assert not dlg.heard.isVisibleTo(dlg)
    assert "セル" in dlg.source.text()
