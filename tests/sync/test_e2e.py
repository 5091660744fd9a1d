"""End to end through real processes: `genba-server serve` on a loopback port, its admin
commands, and two laptops' data directories synced with the real `genba sync` command."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from sync.store import Store
from tests.helpers.live_server import free_port, run, server_cmd, start_server, stop_server


def client(data_dir, *args) -> subprocess.CompletedProcess:
    return run(
        [
            sys.executable,
            "-c",
            "import sys; from desktop.cli import main; sys.exit(main())",
            "--data-dir",
            str(data_dir),
            "sync",
            *args,
        ]
    )


@pytest.fixture(params=["one process", "two workers"])
def live_server(tmp_path, request):
    srv_dir = tmp_path / "srv"
    extra = []
    if request.param == "two workers":
        # As IT runs it: migrate once, then stateless workers that do not migrate.
        assert run(server_cmd("--data-dir", str(srv_dir), "migrate")).returncode == 0
        extra = ["--workers", "2", "--no-migrate"]
    proc, url = start_server(srv_dir, *extra)
    yield srv_dir, url, proc
    stop_server(proc)


def test_two_laptops_through_a_real_server(tmp_path, live_server):
    srv_dir, url, _proc = live_server
    added = run(
        server_cmd(
            "--data-dir",
            str(srv_dir),
            "add-user",
            "--team",
            "営業1課",
            "--name",
            "taro",
            "--role",
            "rep",
        )
    )
    assert added.returncode == 0, added.stderr
    token = added.stdout.strip().splitlines()[-1]
    assert len(token) >= 40 and " " not in token
    token2 = (
        run(
            server_cmd(
                "--data-dir",
                str(srv_dir),
                "add-user",
                "--team",
                "営業1課",
                "--name",
                "hanako",
                "--role",
                "lead",
            )
        )
        .stdout.strip()
        .splitlines()[-1]
    )
    listed = run(server_cmd("--data-dir", str(srv_dir), "list-users")).stdout
    assert "taro" in listed and "hanako" in listed and token not in listed

    a_dir, b_dir = tmp_path / "a", tmp_path / "b"
    with Store(a_dir) as a, a.write() as w:
        cid = w.insert("companies", {"name": "トヨタ自動車", "name_kana": "トヨタジドウシャ"})
        w.insert(
            "activities", {"company_id": cid, "summary": "見積提出", "occurred_on": "2024-05-01"}
        )

    first = client(a_dir, "--server", url, "--token", token)
    assert first.returncode == 0, first.stdout + first.stderr
    assert "送信 5 件" in first.stdout  # 2 company fields + 3 activity fields
    got = client(b_dir, "--server", url, "--token", token2)
    assert got.returncode == 0, got.stdout
    with Store(b_dir) as b:
        assert b.query("SELECT name FROM companies WHERE id = ?", (cid,))[0][0] == "トヨタ自動車"
        assert b.query("SELECT summary FROM activities")[0][0] == "見積提出"
        with b.write() as w:
            w.update("companies", cid, {"name": "トヨタ自動車株式会社"})
    # later syncs need neither --server nor --token
    assert client(b_dir).returncode == 0
    again = client(a_dir)
    assert again.returncode == 0, again.stdout
    with Store(a_dir) as a:
        assert a.query("SELECT name FROM companies")[0][0] == "トヨタ自動車株式会社"
    status = client(a_dir, "--status")
    assert url in status.stdout and "未送信:       変更 0 件" in status.stdout
    assert oct((a_dir / "sync_token").stat().st_mode & 0o777) == "0o600"

    # a revoked token: one line, exit 1, nothing lost
    assert (
        run(server_cmd("--data-dir", str(srv_dir), "revoke-user", "--name", "taro")).returncode == 0
    )
    with Store(a_dir) as a, a.write() as w:
        w.update("companies", cid, {"name_kana": "トヨタ"})
    refused = client(a_dir)
    assert refused.returncode == 1
    assert refused.stdout.count("\n") == 1 and "token" in refused.stdout
    with Store(a_dir) as a:
        assert a.pending_count() == 1


def test_server_down_is_offline(tmp_path):
    port = free_port()
    with Store(tmp_path / "a") as a, a.write() as w:
        w.insert("companies", {"name": "X"})
    res = client(tmp_path / "a", "--server", f"http://127.0.0.1:{port}", "--token", "t")
    assert res.returncode == 1 and "応答がありません" in res.stdout and res.stdout.count("\n") == 1


def test_server_cli_errors_and_migrate(tmp_path):
    srv = tmp_path / "srv"
    res = run(server_cmd("--data-dir", str(srv), "migrate"))
    assert res.returncode == 0 and "0003_held_attachments" in res.stdout
    res = run(server_cmd("--data-dir", str(srv), "revoke-user", "--name", "nobody"))
    assert res.returncode == 2 and "no user" in res.stderr
    res = run(server_cmd("--database-url", "postgresql+psycopg://nobody@127.0.0.1:1/x", "migrate"))
    assert res.returncode == 1 and "cannot use the database" in res.stderr
    env = {**os.environ, "GENBA_SERVER_DATA_DIR": str(tmp_path / "env")}
    assert run(server_cmd("migrate"), env=env).returncode == 0
    assert (tmp_path / "env" / "server.db").exists()


def test_server_does_not_import_pandas_or_qt():
    code = (
        "import sys, sync.server.cli, sync.server.app, sync.client.command; "
        "bad = [m for m in sys.modules if m.split('.')[0] in ('pandas', 'PySide6')]; "
        "print(bad); sys.exit(1 if bad else 0)"
    )
    res = run([sys.executable, "-c", code])
    assert res.returncode == 0, res.stdout
