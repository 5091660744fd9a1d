"""Checking a card in the Problems view: correct what OCR misread beside the card image.

The card is a real image read by tesseract, as a rep's card folder gives it: OCR took the
factory line for part of the company name, so the contact landed on a new customer
「サンプル精工株式会社名古屋工場」 instead of the one the daily reports know.
"""

from __future__ import annotations

import datetime as dt
import io

import pytest
from PIL import Image, ImageDraw, ImageFont
from PySide6.QtCore import Qt

from desktop.app.data import edits, problems
from importers.cards.apply import import_card_file
from importers.pipeline import ReportImporter
from sync.store.ids import natural_id
from tests.helpers.workbooks import table_workbook

NOTO = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
SEIKO = natural_id("companies", "サンプル精工")  # the customer the daily report created


def render_card(lines: list[tuple[int, str, int]]) -> bytes:
    """A business card as a scanner gives it: (y, text, font size) per line."""
    img = Image.new("RGB", (1100, 640), "white")
    draw = ImageDraw.Draw(img)
    for y, text, size in lines:
        draw.text((60, y), text, font=ImageFont.truetype(NOTO, size, index=0), fill="black")
    buf = io.BytesIO()
    img.save(buf, "JPEG")
    return buf.getvalue()


ISHIDA_CARD = [
    (50, "サンプル精工株式会社 名古屋工場", 44),
    (170, "生産技術課 主任", 34),
    (230, "石田 健太", 64),
    (380, "〒460-0001 愛知県名古屋市中区1-2-3", 30),
    (430, "TEL 052-111-2222", 30),
    (480, "ishida@sample-seiko.example.jp", 30),
]


@pytest.fixture
def visit(store, tmp_path):
    """A daily report: a visit to 株式会社サンプル精工 where the 面談者 was 石田主任."""
    path = table_workbook(
        tmp_path / "日報_山本.xlsx",
        {"5月": [[dt.date(2025, 5, 8), "株式会社サンプル精工", "石田主任", "治具の打合せ"]]},
        header=["日付", "訪問先", "面談者", "内容"],
    )
    out = ReportImporter(store, rep="山本").import_file(path)
    assert out.status == "imported", out.issues
    return store.query("SELECT id FROM activities")[0][0]


@pytest.fixture
def card(store, tmp_path, visit):
    """The OCR'd card file (path, contact id), imported as the card folder would."""
    path = tmp_path / "cards" / "名刺_石田.jpg"
    path.parent.mkdir()
    path.write_bytes(render_card(ISHIDA_CARD))
    out = import_card_file(store, path)
    assert out.status == "imported" and out.added == 1, out.issues
    (contact_id,) = out.contact_ids
    row = contact(store, contact_id)
    assert row["needs_review"] == 1 and row["full_name"] == "石田 健太"
    assert row["company_id"] != SEIKO  # OCR's mistake, which the rep corrects below
    return path, contact_id


def contact(store, contact_id: str) -> dict:
    return dict(store.query("SELECT * FROM contacts WHERE id = ?", (contact_id,))[0])


def last_seq(store) -> int:
    return store.query("SELECT coalesce(max(seq), 0) FROM changes")[0][0]


def contact_changes(store, contact_id: str, since: int) -> dict[str, object]:
    return {
        r["field"]: r["value"]
        for r in store.query(
            "SELECT field, value FROM changes WHERE entity = 'contacts' AND row_id = ? "
            "AND seq > ? ORDER BY seq",
            (contact_id, since),
        )
    }


def to_review(store) -> list[str]:
    conn = store.reader()
    try:
        return [r["id"] for r in problems.cards_to_review(conn)]
    finally:
        conn.close()


# --------------------------------------------------------------------------- data layer


def test_correct_card_writes_only_what_changed_and_links_the_known_customer(store, card, visit):
    path, cid = card
    conn = store.reader()
    shown = problems.card_for_review(conn, cid)
    known = problems.company_names(conn)
    conn.close()
    assert shown["card_sha"] and shown["company"] == "サンプル精工株式会社名古屋工場"
    assert known["サンプル精工"] == (SEIKO, "株式会社サンプル精工")
    before = contact(store, cid)
    seq = last_seq(store)
    companies = store.query("SELECT count(*) FROM companies")[0][0]
    written = edits.correct_card(
        store,
        cid,
        {
            "company": "株式会社サンプル精工",
            "department": "名古屋工場 生産技術課",
            "full_name_kana": "イシダ ケンタ",
        },
    )
    assert sorted(written) == [
        "company_id",
        "department",
        "full_name_kana",
        "full_name_kana_source",
        "needs_review",
    ]
    assert contact_changes(store, cid, seq) == {
        "department": "名古屋工場 生産技術課",
        "full_name_kana": "イシダ ケンタ",
        "full_name_kana_source": "manual",  # typed by the rep: never replaced by a derived one
        "company_id": SEIKO,
        "needs_review": 0,
    }
    after = contact(store, cid)
    untouched = ("full_name", "name_normalized", "title", "email", "phone", "address")
    assert {f: after[f] for f in untouched} == {f: before[f] for f in untouched}
    # linked to the report's customer: no second サンプル精工 is created
    assert store.query("SELECT count(*) FROM companies")[0][0] == companies
    # the visit whose 面談者 is 石田主任 now finds him, as after a card import
    assert store.query("SELECT contact_id FROM activities WHERE id = ?", (visit,))[0][0] == cid
    assert cid not in to_review(store)

    # importing the same card file again (even forced) keeps every correction
    assert import_card_file(store, path).status == "unchanged"
    seq = last_seq(store)
    assert import_card_file(store, path, force=True).status == "imported"
    assert contact(store, cid) == after
    assert contact_changes(store, cid, seq) == {}
    assert cid not in to_review(store)


def test_an_unknown_company_is_created_the_usual_way(store, card):
    _path, cid = card
    edits.correct_card(store, cid, {"company": "株式会社ミホン精機"})
    new_id = natural_id("companies", "ミホン精機")
    row = dict(store.query("SELECT * FROM companies WHERE id = ?", (new_id,))[0])
    assert (row["name"], row["name_normalized"], row["deleted"]) == (
        "株式会社ミホン精機",
        "ミホン精機",
        0,
    )
    assert contact(store, cid)["company_id"] == new_id


def test_nothing_changed_only_marks_checked_and_an_empty_name_is_refused(store, card):
    _path, cid = card
    seq = last_seq(store)
    with pytest.raises(ValueError):
        edits.correct_card(store, cid, {"full_name": "  ", "title": "係長"})
    assert last_seq(store) == seq and contact(store, cid)["needs_review"] == 1
    with pytest.raises(ValueError):
        edits.correct_card(store, cid, {"needs_review": 0})  # not a card field
    assert edits.correct_card(store, cid, {}) == ["needs_review"]
    assert contact_changes(store, cid, seq) == {"needs_review": 0}


def test_vcard_correction_survives_a_changed_file_and_the_next_card_finds_the_person(
    store, tmp_path
):
    """A phone's vCard with a misspelt name and a broken number (so: to check). The rep fixes
    both; the re-exported file changes only the title: the title follows the file, the rep's
    fixes stay (design rule 5). The person's next card, spelt right, finds the same contact."""
    cards = tmp_path / "cards"
    cards.mkdir()

    def vcard(title: str) -> bytes:
        return (
            "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:青木 一朗\r\nN:青木;一朗;;;\r\n"
            f"ORG:株式会社サンプル精工;製造部\r\nTITLE:{title}\r\nTEL;TYPE=WORK:052-111-222\r\n"
            "END:VCARD\r\n"
        ).encode()

    phone = cards / "phone.vcf"
    phone.write_bytes(vcard("課長"))
    out = import_card_file(store, phone)
    (cid,) = out.contact_ids
    assert contact(store, cid)["needs_review"] == 1
    conn = store.reader()
    shown = problems.card_for_review(conn, cid)
    conn.close()
    # no image to show; why it is to check comes from the import's own message
    assert shown["card_sha"] is None and shown["source_path"] == str(phone)
    assert len(shown["issues"]) == 1 and "052-111-222" in shown["issues"][0]
    written = edits.correct_card(
        store, cid, {"full_name": "青木 一郎", "phone": "０５２（１１１）２２２９"}
    )
    assert sorted(written) == ["full_name", "name_normalized", "needs_review", "phone"]
    row = contact(store, cid)
    assert (row["full_name"], row["name_normalized"], row["phone"]) == (
        "青木 一郎",
        "青木一郎",
        "052-111-2229",  # typed in full width, stored the way the importer writes numbers
    )

    phone.write_bytes(vcard("部長"))
    assert import_card_file(store, phone).status == "imported"
    row = contact(store, cid)
    assert (row["full_name"], row["phone"], row["title"]) == ("青木 一郎", "052-111-2229", "部長")

    later = cards / "eight.vcf"
    later.write_text(
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:青木 一郎\r\nN:青木;一郎;;;\r\n"
        "ORG:株式会社サンプル精工\r\nTEL;TYPE=CELL:090-1111-2222\r\nEND:VCARD\r\n",
        encoding="utf-8",
    )
    out = import_card_file(store, later)
    assert out.added == 0 and out.contact_ids == [cid]
    assert store.query("SELECT count(*) FROM contacts WHERE deleted = 0")[0][0] == 1


def test_a_field_cleared_in_the_check_stays_cleared(store, card):
    """OCR misread a number and the rep clears it: re-importing the card does not bring it back."""
    path, cid = card
    filled = [f for f in ("phone", "email", "postal_code") if contact(store, cid)[f]]
    assert filled, "the OCR'd card should have read at least one of these"
    field = filled[0]
    edits.correct_card(store, cid, {field: ""})
    assert contact(store, cid)[field] is None
    assert import_card_file(store, path, force=True).status == "imported"
    assert contact(store, cid)[field] is None


# --------------------------------------------------------------------------- the dialog


def open_cards_tab(qtbot, window):
    view = window.views["problems"]
    with qtbot.waitSignal(view.loaded, timeout=5000):
        window.show_view("problems")
    view.tabs.setCurrentIndex(1)
    assert view.cards.rowCount() == 1
    assert not view.check_button.isEnabled()  # nothing selected yet
    view.cards_view.selectRow(0)
    assert view.check_button.isEnabled()
    return view


def open_dialog(qtbot, view):
    dlg = view.check_selected()
    qtbot.waitUntil(lambda: dlg.row is not None, timeout=5000)
    return dlg


def test_check_and_correct_from_the_problems_view(qtbot, window, ctx, store, card, visit):
    _path, cid = card
    view = open_cards_tab(qtbot, window)
    dlg = open_dialog(qtbot, view)
    assert dlg.isVisible()
    fields = dlg.inputs
    assert fields["full_name"].text() == "石田 健太"
    assert fields["company"].text() == "サンプル精工株式会社名古屋工場"
    assert fields["email"].text() == "ishida@sample-seiko.example.jp"
    assert fields["full_name_kana"].text() == "いしだ けんた"  # derived from the name
    assert not fields["full_name_latin"].isVisibleTo(dlg)  # a Japanese-only card: no row
    assert dlg.picture.isVisible() and not dlg.picture.pixmap().isNull()
    assert dlg.picture.pixmap().deviceIndependentSize().width() <= 400
    assert not dlg.company_hint.isVisible()  # the current company: nothing to say

    fields["company"].setText("株式会社サンプル精工")
    assert dlg.company_hint.isVisible() and "株式会社サンプル精工" in dlg.company_hint.text()
    fields["department"].setText("名古屋工場 生産技術課")
    fields["full_name_kana"].setText("イシダ ケンタ")
    seq = last_seq(store)
    save = dlg.buttons.button(dlg.buttons.StandardButton.Save)
    with qtbot.waitSignal(view.loaded, timeout=5000):
        save.click()
    assert dlg.result() == dlg.DialogCode.Accepted
    assert sorted(dlg.saved_fields) == [
        "company_id",
        "department",
        "full_name_kana",
        "full_name_kana_source",
        "needs_review",
    ]
    assert contact_changes(store, cid, seq) == {
        "department": "名古屋工場 生産技術課",
        "full_name_kana": "イシダ ケンタ",
        "full_name_kana_source": "manual",
        "company_id": SEIKO,
        "needs_review": 0,
    }
    assert view.cards.rowCount() == 0
    assert view.tabs.tabText(1).endswith("（0）")


def test_a_bilingual_card_shows_and_corrects_its_romanised_name(qtbot, window, ctx, store, card):
    _path, cid = card
    with store.write() as w:  # as a card printed with 'Kenta Ishida' beside 石田 健太 gives it
        w.update("contacts", cid, {"full_name_latin": "Kenta Ishda"})
    view = open_cards_tab(qtbot, window)
    dlg = open_dialog(qtbot, view)
    latin = dlg.inputs["full_name_latin"]
    assert latin.isVisibleTo(dlg) and dlg.labels["full_name_latin"].isVisibleTo(dlg)
    assert dlg.labels["full_name_latin"].text() == "氏名（ローマ字）"
    assert latin.text() == "Kenta Ishda"
    latin.setText("Kenta Ishida")
    seq = last_seq(store)
    with qtbot.waitSignal(view.loaded, timeout=5000):
        dlg.buttons.button(dlg.buttons.StandardButton.Save).click()
    assert contact_changes(store, cid, seq) == {
        "full_name_latin": "Kenta Ishida",
        "needs_review": 0,
    }


def test_double_click_opens_the_card(qtbot, window, ctx, store, card):
    view = open_cards_tab(qtbot, window)
    rect = view.cards_view.visualRect(view.cards.index(0, 0))
    viewport = view.cards_view.viewport()
    # a real double-click: Qt's item views want the press before the double-click event
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())
    dlg = view.review_dialog
    assert dlg is not None and dlg.contact_id == card[1]
    qtbot.waitUntil(lambda: dlg.row is not None, timeout=5000)
    dlg.reject()


def test_empty_name_is_refused_in_the_dialog(qtbot, window, ctx, store, card):
    _path, cid = card
    view = open_cards_tab(qtbot, window)
    dlg = open_dialog(qtbot, view)
    seq = last_seq(store)
    dlg.inputs["full_name"].setText("   ")
    dlg.inputs["title"].setText("係長")
    dlg.buttons.button(dlg.buttons.StandardButton.Save).click()
    assert dlg.isVisible() and dlg.error.isVisible() and dlg.error.text()
    wait_a_moment(qtbot, ctx)
    assert last_seq(store) == seq
    assert contact(store, cid)["needs_review"] == 1
    dlg.inputs["full_name"].setText("石田 健太")  # typing the name clears the message
    assert not dlg.error.isVisible()
    dlg.reject()


def test_malformed_email_warns_but_can_be_kept(qtbot, window, ctx, store, card):
    _path, cid = card
    view = open_cards_tab(qtbot, window)
    dlg = open_dialog(qtbot, view)
    assert not dlg.email_warning.isVisible()
    dlg.inputs["email"].setText("ishida.sample-seiko.example.jp")
    assert dlg.email_warning.isVisible()
    seq = last_seq(store)
    with qtbot.waitSignal(view.loaded, timeout=5000):
        dlg.buttons.button(dlg.buttons.StandardButton.Save).click()
    assert contact_changes(store, cid, seq) == {
        "email": "ishida.sample-seiko.example.jp",
        "needs_review": 0,
    }


def test_cancel_changes_nothing(qtbot, window, ctx, store, card):
    _path, cid = card
    view = open_cards_tab(qtbot, window)
    dlg = open_dialog(qtbot, view)
    before = contact(store, cid)
    seq = last_seq(store)
    dlg.inputs["full_name"].setText("石田 健二")
    dlg.inputs["company"].setText("株式会社サンプル精工")
    dlg.buttons.button(dlg.buttons.StandardButton.Cancel).click()
    assert dlg.result() == dlg.DialogCode.Rejected
    wait_a_moment(qtbot, ctx)
    assert last_seq(store) == seq
    assert contact(store, cid) == before
    assert view.cards.rowCount() == 1


def wait_a_moment(qtbot, ctx) -> None:
    """Let any write the click might have queued run, so 'nothing was written' means it."""
    from tests.app.conftest import wait_idle

    wait_idle(qtbot, ctx)
    qtbot.wait(50)
