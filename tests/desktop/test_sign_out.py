"""`genba sync --sign-out`: the token and the server are forgotten; nothing stored is lost."""

from __future__ import annotations

from desktop.cli import main
from sync.client.credentials import TOKEN_FILE, load_credentials, save_credentials
from sync.store import Store


def test_sign_out_forgets_the_token_and_keeps_the_data(data_dir, capsys, monkeypatch):
    monkeypatch.delenv("GENBA_LANG", raising=False)
    with Store(data_dir) as store:
        save_credentials(store, "http://127.0.0.1:9", "secret-token")
        with store.write() as w:
            w.insert("companies", {"name": "サンプル精工"})
        assert load_credentials(store) == ("http://127.0.0.1:9", "secret-token")
    assert main(["--data-dir", str(data_dir), "sync", "--sign-out"]) == 0
    said = capsys.readouterr().out
    assert "http://127.0.0.1:9 からサインアウトしました" in said and "未送信の変更 1 件" in said
    with Store(data_dir) as store:
        assert load_credentials(store) == (None, None)
        assert store.query("SELECT count(*) FROM companies")[0][0] == 1
        assert store.pending_count() == 1  # goes at the next sign-in
    assert not (data_dir / TOKEN_FILE).exists()
    monkeypatch.setenv("GENBA_LANG", "en")
    assert main(["--data-dir", str(data_dir), "sync", "--sign-out"]) == 0
    assert capsys.readouterr().out.strip() == "Not signed in to a team server."
