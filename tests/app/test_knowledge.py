"""Knowledge in the app: search box, pre-visit brief (reuse, print, PDF), 参考になった, the MVP,
team notes, editing a note."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from desktop.app.data.customers import customer_ids
from tests.app.conftest import wait_idle

DEMO = Path(__file__).resolve().parents[2] / "resources" / "demo" / "reports"


@pytest.fixture
def demo(store):
    """The demo reports (山本's), imported as the app would."""
    from importers.pipeline import ReportImporter

    for path in sorted(DEMO.glob("*.xlsx")):
        assert ReportImporter(store, rep="山本").import_file(path).status == "imported"
    return store


@pytest.fixture
def sato_note(store, demo):
    """A note by a teammate (佐藤) about サンプル精工; the app's user is 山本."""
    from importers.insights.notes import add_note

    cid = customer_ids(store.reader(), "サンプル精工")[0]
    nid = add_note(
        store,
        cid,
        "青木課長は月末の定例会議で決裁する。資料は前の週までに送ること。",
        category="buyer_preference",
        author="佐藤",
    )
    return cid, nid


def _reactions(store, note_id: str, kind: str):
    return store.query(
        "SELECT user, deleted FROM reactions WHERE note_id = ? AND kind = ?", (note_id, kind)
    )


def test_search_box_finds_a_two_character_word(qtbot, window, ctx, demo):
    window.search.setText("納期")  # typing: the search runs after a short pause
    view = window.views["search"]
    with qtbot.waitSignal(view.loaded, timeout=5000):
        pass
    assert window.current_view_name() == "search"
    assert view.model.rowCount() > 0
    kinds = set()
    for r in range(view.model.rowCount()):
        hit = view.model.row(r)
        kinds.add(hit["kind"])
        assert "納期" in hit["snippet"]
        assert hit["company"]
        html = view.model.index(r, 4).data(view.model.HTML_ROLE)
        assert ">納期</b>" in html
    assert kinds == {"note", "activity"}
    assert view.model.index(0, 2).data().startswith("2025/")  # the date, with its weekday
    assert "「納期」" in view.hint_label.text()
    # Enter in the box goes to the results; Enter there opens the customer at that note
    window._search_entered()
    assert view.view.currentIndex().row() == 0
    hit = view.current_hit()
    page = window.views["customers"].page
    with qtbot.waitSignal(page.loaded, timeout=5000):
        qtbot.keyClick(view.view, Qt.Key.Key_Return)
    assert window.current_view_name() == "customers"
    assert page.company_id == hit["company_id"]
    if hit["kind"] == "note":
        assert page.note_items[hit["id"]].property("focused") is True
    else:
        assert page.timeline.row(page.timeline_view.currentIndex().row())["id"] == hit["id"]


def test_search_for_nothing_and_back(qtbot, window, ctx, demo):
    window.show_view("customers")
    window.search.setText("存在しない言葉")
    view = window.run_search()
    qtbot.waitUntil(lambda: view.empty_label.isVisible(), timeout=5000)
    assert view.model.rowCount() == 0
    window.search.clear()  # back where the rep was
    assert window.current_view_name() == "customers"


def test_search_results_open_the_brief(qtbot, window, ctx, demo):
    window.search.setText("品質")
    view = window.run_search()
    qtbot.waitUntil(lambda: view.model.rowCount() > 0, timeout=5000)
    brief = window.views["brief"]
    with qtbot.waitSignal(brief.loaded, timeout=5000):
        view.brief_button.click()
    assert brief.company_id == view.current_hit()["company_id"]


def test_search_model(qtmodeltester, store, demo):
    from desktop.app.data.knowledge import refresh_index, run_search
    from desktop.app.models.search import HitsModel

    refresh_index(store)
    model = HitsModel()
    model.set_rows([h.to_dict() for h in run_search(store, "価格")])
    assert model.rowCount() > 0
    qtmodeltester.check(model)


def test_brief_records_reuse_of_a_teammates_note(qtbot, window, ctx, store, sato_note):
    cid, nid = sato_note
    ctx.settings.user_name = "山本"
    page = window.views["customers"].page
    with qtbot.waitSignal(page.loaded, timeout=5000):
        window.open_customer(cid)
    brief = window.views["brief"]
    with qtbot.waitSignal(brief.loaded, timeout=5000):
        page.brief_button.click()
    assert window.current_view_name() == "brief"
    assert brief.title_label.text().startswith("株式会社サンプル精工")
    assert nid in brief.note_items
    # buyer preferences first
    assert brief.brief.knowledge[0]["category"] == "buyer_preference"
    assert [tuple(r) for r in _reactions(store, nid, "reuse")] == [("山本", 0)]
    # 山本's own notes are not reuse, and cannot be marked helpful by 山本
    own = [n for n in brief.brief.knowledge if n["author"] == "山本"]
    assert own and all(not _reactions(store, n["id"], "reuse") for n in own)
    button = brief.note_items[own[0]["id"]].helpful_button
    assert not button.isEnabled() and "自分のナレッジ" in button.toolTip()
    # opening it again the same day adds nothing
    with qtbot.waitSignal(brief.loaded, timeout=5000):
        window.open_brief(cid)
    assert len(_reactions(store, nid, "reuse")) == 1
    with qtbot.waitSignal(page.loaded, timeout=5000):
        brief.back.emit(cid)


def test_helpful_toggles_and_persists(qtbot, window, ctx, store, sato_note):
    cid, nid = sato_note
    ctx.settings.user_name = "山本"
    page = window.views["customers"].page
    with qtbot.waitSignal(page.loaded, timeout=5000):
        window.open_customer(cid)
    button = page.note_items[nid].helpful_button
    assert button.isEnabled() and not button.isChecked()
    assert button.text() == "参考になった"
    with qtbot.waitSignal(page.loaded, timeout=5000):  # saved, and the page re-read
        button.click()
    assert [tuple(r) for r in _reactions(store, nid, "helpful")] == [("山本", 0)]
    button = page.note_items[nid].helpful_button
    assert button.isChecked() and button.text() == "参考になった  1"
    # the change is logged for sync
    assert store.query("SELECT count(*) FROM changes WHERE entity = 'reactions'")[0][0] > 0
    with qtbot.waitSignal(page.loaded, timeout=5000):
        button.click()
    assert [tuple(r) for r in _reactions(store, nid, "helpful")] == [("山本", 1)]
    button = page.note_items[nid].helpful_button
    assert not button.isChecked() and button.text() == "参考になった"


def test_helpful_in_the_brief(qtbot, window, ctx, store, sato_note):
    cid, nid = sato_note
    ctx.settings.user_name = "山本"
    brief = window.open_brief(cid)
    qtbot.waitUntil(lambda: nid in brief.note_items, timeout=5000)
    brief.note_items[nid].helpful_button.click()
    wait_idle(qtbot, ctx)
    assert [tuple(r) for r in _reactions(store, nid, "helpful")] == [("山本", 0)]
    qtbot.waitUntil(lambda: brief.note_items[nid].helpful_button.isChecked(), timeout=5000)


def test_pdf_export_writes_a_pdf(qtbot, window, ctx, store, sato_note, tmp_path):
    cid, _nid = sato_note
    brief = window.views["brief"]
    with qtbot.waitSignal(brief.loaded, timeout=5000):
        window.open_brief(cid)
    out = tmp_path / "ブリーフ.pdf"
    with qtbot.waitSignal(brief.pdf_written, timeout=20_000):
        brief.export_pdf(str(out))
    data = out.read_bytes()
    assert data.startswith(b"%PDF") and len(data) > 5_000
    assert brief.default_pdf_name().startswith("株式会社サンプル精工_訪問前ブリーフ_")
    assert "<h1>" in brief.html()


def test_print_goes_to_the_printer(qtbot, window, ctx, store, sato_note, tmp_path):
    from PySide6.QtPrintSupport import QPrinter

    cid, _nid = sato_note
    brief = window.views["brief"]
    with qtbot.waitSignal(brief.loaded, timeout=5000):
        window.open_brief(cid)
    printer = QPrinter()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    brief.document().print_(printer)
    assert (tmp_path / "printed.pdf").stat().st_size > 1000


def test_mvp_view_lists_the_ranking(qtbot, window, ctx, store, sato_note):
    from importers.insights.notes import add_note
    from importers.insights.reactions import mark_helpful

    cid, nid = sato_note
    for who in ("山本", "鈴木", "高橋"):
        mark_helpful(store, nid, who)
    many = [add_note(store, cid, f"メモ {i}: 訪問した。", author="田中") for i in range(5)]
    mark_helpful(store, many[0], "佐藤")
    view = window.views["knowledge"]
    with qtbot.waitSignal(view.loaded, timeout=5000):
        window.show_view("knowledge")
    qtbot.waitUntil(lambda: view.mvp.model.rowCount() >= 2, timeout=5000)
    rows = view.mvp.model.rows()
    assert rows[0]["author"] == "佐藤" and rows[0]["rank"] == 1
    assert rows[0]["helpful"] == 3 and rows[0]["people"] == 3
    tanaka = next(r for r in rows if r["author"] == "田中")
    assert tanaka["score"] < rows[0]["score"] and tanaka["notes_written"] == 5
    assert view.mvp.model.index(0, 1).data() == "佐藤"
    assert "書いた件数" in view.mvp.model.headerData(8, Qt.Orientation.Horizontal)
    assert view.mvp.month_combo.count() >= 2  # this month and all time
    # all time gives the same ranking here
    with qtbot.waitSignal(view.mvp.loaded, timeout=5000):
        view.mvp.month_combo.setCurrentIndex(view.mvp.month_combo.count() - 1)
    assert view.mvp.model.rows()[0]["author"] == "佐藤"
    # a month without reactions says how to get on the board
    with qtbot.waitSignal(view.mvp.loaded, timeout=5000):
        view.mvp.set_month("2020-01")
    assert not any(r["score"] for r in view.mvp.model.rows())


def test_team_notes_tab_filters_by_category(qtbot, window, ctx, store, sato_note):
    cid, nid = sato_note
    view = window.views["knowledge"]
    with qtbot.waitSignal(view.notes.loaded, timeout=5000):
        window.show_view("knowledge")
    total = view.notes.model.rowCount()
    assert total > 1
    combo = view.notes.category_combo
    with qtbot.waitSignal(view.notes.loaded, timeout=5000):
        combo.setCurrentIndex(combo.findData("buyer_preference"))
    rows = view.notes.model.rows()
    assert 0 < len(rows) < total
    assert all(r["category"] == "buyer_preference" for r in rows)
    row = next(i for i, r in enumerate(rows) if r["id"] == nid)
    page = window.views["customers"].page
    with qtbot.waitSignal(page.loaded, timeout=5000):
        view.notes.view.doubleClicked.emit(view.notes.model.index(row, 0))
    assert page.company_id == cid


def test_note_edit_persists(qtbot, window, ctx, store, demo):
    ctx.settings.user_name = "山本"
    cid = customer_ids(store.reader(), "サンプル精工")[0]
    page = window.views["customers"].page
    with qtbot.waitSignal(page.loaded, timeout=5000):
        window.open_customer(cid)
    note = next(n for n in page.detail["notes"] if n["author"] == "山本")
    assert page.note_items[note["id"]].edit_button.isEnabled()
    dlg = page.edit_note(note)
    assert dlg.body.toPlainText() == note["body"]
    dlg.body.setPlainText("購買の青木課長は納期を最優先。短納期の実績表を持参する。")
    dlg.category.setCurrentIndex(dlg.category.findData("tip"))
    dlg.private.setChecked(True)
    with qtbot.waitSignal(page.loaded, timeout=5000):
        dlg.buttons.button(dlg.buttons.StandardButton.Save).click()
    row = store.query("SELECT body, category, visibility FROM notes WHERE id = ?", (note["id"],))
    assert tuple(row[0]) == (
        "購買の青木課長は納期を最優先。短納期の実績表を持参する。",
        "tip",
        "private",
    )
    assert sorted(dlg.saved_fields) == ["body", "category", "visibility"]
    logged = store.query(
        "SELECT field FROM changes WHERE row_id = ? AND field = 'category'", (note["id"],)
    )
    assert len(logged) >= 2


def test_a_teammates_note_is_not_editable(qtbot, ctx, store, sato_note):
    from desktop.app.views.customer_page import CustomerPage

    cid, nid = sato_note
    ctx.settings.user_name = "山本"
    page = CustomerPage(ctx)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.loaded, timeout=5000):
        page.load(cid)
    item = page.note_items[nid]
    assert item.edit_button is None  # no 編集 that looks live and does nothing
    assert item.helpful_button.isEnabled()


def test_one_set_of_category_names_on_screen_and_in_the_pdf():
    from desktop.app.views.notes import category_label, category_names
    from importers.insights.categories import category_label as pdf_label

    for key, name in category_names().items():
        assert name == pdf_label(key), key
    assert category_label("buyer_preference") == "顧客の好み・重視点"
