"""`genba sync --sign-out` forgets the token and the server; a busy database is one line, not a crash."""

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


def test_a_busy_database_is_one_line_in_japanese_not_a_crash(
    data_dir, tmp_path, capsys, monkeypatch
):
    from sync.store import connection
    from tests.helpers.workbooks import table_workbook, visit_rows

    monkeypatch.delenv("GENBA_LANG", raising=False)
    monkeypatch.setattr(connection, "BUSY_TIMEOUT_MS", 100)
    report = table_workbook(tmp_path / "日報.xlsx", {"4月": visit_rows(2)})
    Store(data_dir).close()
    other = connection.connect(data_dir / "genba.db")
    other.execute("BEGIN IMMEDIATE")  # the app's import process, mid-import
    try:
        rc = main(["--data-dir", str(data_dir), "import", str(report)])
    finally:
        other.execute("ROLLBACK")
    assert rc == 1
    err = capsys.readouterr().err
    assert "ほかのプロセス（アプリの取り込みなど）がデータベースに書き込み中のため" in err
    assert not list(data_dir.glob("**/crash-*.txt"))
