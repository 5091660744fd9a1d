"""Real Outlook .msg files with Japanese text (msgreader's test files, tests/mail/files/ORIGIN.md):
an ANSI message from a Japanese Outlook (cp932 strings, no code page named) and a Unicode one."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from importers.ingest import Importer
from importers.mail.outlook import parse_msg
from tests.mail.builders import ME

FILES = Path(__file__).parent / "files"


@pytest.fixture
def importer(store):
    with store.write() as w:
        w.insert(
            "companies", {"id": "c-x", "name": "株式会社エックス", "name_normalized": "エックス"}
        )
        w.insert(
            "contacts",
            {
                "id": "k-x",
                "company_id": "c-x",
                "full_name": "受信 太郎",
                "email": "xmailuser2@xmailserver.test",
            },
        )
    return Importer(store, lang="ja", mail_addresses=[ME])


def test_an_ansi_msg_of_a_japanese_outlook_is_read_as_cp932():
    """extract-msg alone reads it as ISO-8859-15 ('\\x93ú\\x96{\\x8cê'): the locale says cp932."""
    mail = parse_msg((FILES / "nonUnicodeCP932.msg").read_bytes())
    assert mail.subject == "日本語 Non Unicode タイトル"
    assert mail.text.strip() == "日本語 Non Unicode 本文"
    assert [a.email for a in mail.to] == ["xmailuser2@xmailserver.test"]
    # never submitted: no submit time, the delivery time is its day
    assert mail.date.isoformat().startswith("2021-11-05T10:25:17")


def test_the_japanese_outlook_mail_imports_as_an_activity(tmp_path, store, importer):
    f = shutil.copy(FILES / "nonUnicodeCP932.msg", tmp_path / "見積の件.msg")
    out = importer.import_source(f)
    assert out.kind == "mail" and out.added == 1, out.issues
    (a,) = store.query("SELECT * FROM activities WHERE kind = 'mail'")
    assert a["purpose"] == "日本語 Non Unicode タイトル"
    assert a["summary"] == "日本語 Non Unicode 本文"
    assert a["occurred_on"] == "2021-11-05"
    assert "mail_no_date" not in {i.code for i in out.issues}
    assert importer.import_source(f).status == "unchanged"
    assert len(store.query("SELECT 1 FROM activities")) == 1


def test_a_unicode_msg_with_japanese_chinese_and_korean(tmp_path, store, importer):
    f = shutil.copy(FILES / "hello_cjk.msg", tmp_path / "hello.msg")
    out = importer.import_source(f)
    assert out.added == 1, out.issues
    (a,) = store.query("SELECT * FROM activities WHERE kind = 'mail'")
    assert a["purpose"] == "Hello +CJK"
    assert "J こんにちは" in a["summary"] and "K 안녕하세요" in a["summary"]
    assert "C 你好" in a["summary"]
