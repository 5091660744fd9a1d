"""A watched mail folder (real watchdog observer): a mail saved into it becomes an activity, a
broken one is told and the next mail still imports."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.mail.builders import japanese_mail
from tests.watch.conftest import wait_until

FILES = Path(__file__).parent / "files"


def test_mail_saved_into_a_watched_folder(store, tmp_path, watch):
    folder = tmp_path / "メール"
    folder.mkdir()
    _w, events = watch({"mail": [folder]})
    (folder / "壊れた.msg").write_bytes(b"PK\x03\x04 not outlook")
    (folder / "見積.eml").write_bytes(japanese_mail("shift_jis", msgid="<w1@yamada-ss.co.jp>"))
    shutil.copy(FILES / "plain_jpeg_attached.msg", folder / "outlook.msg")
    wait_until(lambda: events.of("imported", "見積.eml") and events.of("imported", "outlook.msg"))
    wait_until(lambda: events.of("failed", "壊れた.msg"), what="broken .msg told")
    assert events.of("imported", "見積.eml")[0].outcome.kind == "mail"
    subjects = {r[0] for r in store.query("SELECT purpose FROM activities WHERE kind = 'mail'")}
    assert subjects == {"シャフト見積のお願い", "test"}
