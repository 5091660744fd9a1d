"""`genba folders add --mail`, `genba config set mail_addresses` and `genba import` of mail files,
as a rep runs them (real processes)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from tests.mail.builders import ME, japanese_mail
from tests.test_cli import ENGLISH, genba

FILES = Path(__file__).parent / "files"


def test_a_mail_folder_is_watched_and_imported(tmp_path, data_dir):
    mail = tmp_path / "メール"
    mail.mkdir()
    (mail / "見積.eml").write_bytes(japanese_mail("iso-2022-jp", cte="7bit", msgid="<c1@x.jp>"))
    shutil.copy(FILES / "strangeDate.msg", mail / "outlook.msg")
    (mail / "broken.msg").write_bytes(b"not a message")
    added = genba("folders", "add", "--mail", str(mail), data_dir=data_dir, env=ENGLISH)
    assert added.returncode == 0 and "Added mail folder" in added.stdout
    listed = genba("folders", "list", data_dir=data_dir, env=ENGLISH, check=True).stdout
    assert "mail" in listed and str(mail) in listed
    genba("config", "set", "mail_addresses", ME, data_dir=data_dir, check=True)
    out = genba("import", str(mail), data_dir=data_dir)
    assert out.returncode == 1  # broken.msg failed; the other two imported
    assert (
        "✗ broken.msg" in out.stdout and "Outlookのメッセージ（.msg）ではありません" in out.stdout
    )
    assert "✓ 見積.eml: メールを活動として取り込みました" in out.stdout
    assert "✓ outlook.msg" in out.stdout
    acts = json.loads(genba("activities", "--json", data_dir=data_dir, check=True).stdout)
    assert {a["purpose"] for a in acts} == {"シャフト見積のお願い", "MSG Test File"}
