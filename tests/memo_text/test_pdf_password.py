"""Password-protected PDFs (#16), as a memo and as a card, written by LibreOffice's own PDF
export with a password:

- a PDF that needs a password to open gives a clear problem that names the file, says what is
  wrong and what to do (take the password off and save it again), is not read again until the
  file changes, and loses nothing already stored from that file;
- a PDF with only an owner password (printing and copying restricted, opens without one) is
  read as any other PDF."""

from __future__ import annotations

import json

import openpyxl
import pytest

from importers.ingest import import_source
from tests.helpers.workbooks import libreoffice_convert

MEMO_LINES = [
    "打合せメモ 2025年4月2日",
    "シャフト見積を来週金曜日までに提出",
    "材質 SUS304 数量 500個",
]
CARD_LINES = [
    "株式会社山田製作所",
    "営業部 課長",
    "山田 太郎",
    "TEL 052-111-2233",
    "yamada@yamada-ss.co.jp",
]
ADVICE = "パスワードを外して保存し直してください"


def _export(value: dict) -> str:
    """LibreOffice's PDF export with these options (its JSON filter options, LibreOffice 7.4+)."""
    typed = {
        k: {"type": "boolean", "value": str(v).lower()}
        if isinstance(v, bool)
        else {"type": "string", "value": v}
        for k, v in value.items()
    }
    return "pdf:calc_pdf_Export:" + json.dumps(typed)


OPEN_PASSWORD = _export({"EncryptFile": True, "DocumentOpenPassword": "secret"})
OWNER_ONLY = _export(
    {"RestrictPermissions": True, "PermissionPassword": "owner", "EnableCopyingOfContent": False}
)


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory) -> dict:
    """{(what, how): PDF bytes}: the memo and the card, each with an open password and with only
    an owner password. The text is a sheet's cells, one line each, exported by LibreOffice."""
    base = tmp_path_factory.mktemp("pdfs")
    out = {}
    for what, lines in (("memo", MEMO_LINES), ("card", CARD_LINES)):
        wb = openpyxl.Workbook()
        for line in lines:
            wb.active.append([line])
        src = base / f"{what}.xlsx"
        wb.save(src)
        for how, options in (("locked", OPEN_PASSWORD), ("owner", OWNER_ONLY)):
            pdf = libreoffice_convert(src, options, base / how)
            out[what, how] = pdf.read_bytes()
    assert out["memo", "locked"].startswith(b"%PDF-") and b"/Encrypt" in out["memo", "locked"]
    assert b"/Encrypt" in out["card", "owner"]  # encrypted too, yet it opens without a password
    return out


def _compact(text: str | None) -> str:
    return "".join((text or "").split())


def _issues(store):
    return [dict(r) for r in store.query("SELECT severity, code, message FROM import_issues")]


def test_a_memo_pdf_that_needs_a_password_is_a_clear_problem_and_is_not_retried(
    tmp_path, store, pdfs
):
    f = tmp_path / "photos" / "20250402_サンプル精工_打合せメモ.pdf"
    f.parent.mkdir()
    f.write_bytes(pdfs["memo", "locked"])
    out = import_source(store, f, "photos", lang="ja")
    assert out.status == "imported"  # the PDF itself is kept
    (said,) = [i for i in out.issues if i.severity != "info"]
    assert said.code == "memo_text_pdf_password"
    assert f.name in said.message and "パスワード" in said.message and ADVICE in said.message
    (a,) = store.query("SELECT mime, ocr_text, deleted FROM attachments")
    assert a["mime"] == "application/pdf" and a["ocr_text"] is None and a["deleted"] == 0
    # not read again at every rescan: the same bytes are unchanged
    assert import_source(store, f, "photos", lang="ja").status == "unchanged"
    assert [i["code"] for i in _issues(store) if i["severity"] != "info"] == [
        "memo_text_pdf_password"
    ]
    en = import_source(store, f, "photos", lang="en", force=True)
    assert "remove the password and save it again" in en.issues[0].message


def test_a_memo_pdf_with_only_an_owner_password_is_read(tmp_path, store, pdfs):
    f = tmp_path / "打合せメモ.pdf"
    f.write_bytes(pdfs["memo", "owner"])
    out = import_source(store, f, "photos", lang="ja")
    assert out.status == "imported"
    assert "memo_text_pdf_text" in [i.code for i in out.issues]
    assert all(i.severity == "info" for i in out.issues)
    (a,) = store.query("SELECT ocr_text FROM attachments")
    assert "シャフト見積を来週金曜日までに提出" in _compact(a["ocr_text"])


def test_a_memo_saved_again_with_a_password_keeps_what_was_read(tmp_path, store, pdfs):
    f = tmp_path / "打合せメモ.pdf"
    f.write_bytes(pdfs["memo", "owner"])
    import_source(store, f, "photos", lang="ja")
    f.write_bytes(pdfs["memo", "locked"])  # the rep saved it again, now with a password
    out = import_source(store, f, "photos", lang="ja")
    assert [i.code for i in out.issues if i.severity != "info"] == ["memo_text_pdf_password"]
    live = store.query("SELECT ocr_text FROM attachments WHERE deleted = 0 ORDER BY ocr_text")
    texts = [_compact(r["ocr_text"]) for r in live]
    assert any("シャフト見積" in t for t in texts), texts  # the text read before stays


def test_a_card_pdf_that_needs_a_password_is_a_clear_problem_and_is_not_retried(
    tmp_path, store, pdfs
):
    folder = tmp_path / "名刺"
    folder.mkdir()
    f = folder / "山田さん名刺.pdf"
    f.write_bytes(pdfs["card", "locked"])
    out = import_source(store, f, "cards", lang="ja")
    assert out.status == "imported"
    (said,) = [i for i in out.issues if i.severity != "info"]
    assert said.code == "pdf_password"
    assert f.name in said.message and "名刺を読み取れませんでした" in said.message
    assert ADVICE in said.message
    (a,) = store.query("SELECT mime, deleted FROM attachments")
    assert a["mime"] == "application/pdf" and a["deleted"] == 0  # kept to read by eye
    assert store.query("SELECT count(*) FROM contacts")[0][0] == 0
    assert import_source(store, f, "cards", lang="ja").status == "unchanged"


def test_a_card_pdf_with_only_an_owner_password_is_read(tmp_path, store, pdfs):
    f = tmp_path / "山田さん名刺.pdf"
    f.write_bytes(pdfs["card", "owner"])
    out = import_source(store, f, "cards", lang="ja")
    assert out.status == "imported"
    assert "pdf_password" not in {i.code for i in out.issues}
    (c,) = store.query("SELECT full_name, email, needs_review FROM contacts")
    assert c["email"] == "yamada@yamada-ss.co.jp" and c["needs_review"] == 1
    assert _compact(c["full_name"]) == "山田太郎"


def test_a_card_saved_again_with_a_password_keeps_its_contact(tmp_path, store, pdfs):
    f = tmp_path / "山田さん名刺.pdf"
    f.write_bytes(pdfs["card", "owner"])
    import_source(store, f, "cards", lang="ja")
    f.write_bytes(pdfs["card", "locked"])
    out = import_source(store, f, "cards", lang="ja")
    assert "pdf_password" in {i.code for i in out.issues}
    (c,) = store.query("SELECT email, deleted FROM contacts")
    assert c["email"] == "yamada@yamada-ss.co.jp" and c["deleted"] == 0
