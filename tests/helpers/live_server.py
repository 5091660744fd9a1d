"""A real `genba-server serve` on a free loopback port, as IT runs it (tests and bench scripts)."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path


def server_cmd(*args: str) -> list[str]:
    exe = shutil.which("genba-server")
    return [exe, *args] if exe else [sys.executable, "-m", "sync.server.cli", *args]


def run(cmd, **kw) -> subprocess.CompletedProcess:
    return subprocess.run(cmd, capture_output=True, text=True, timeout=60, **kw)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(srv_dir: Path, *extra: str) -> tuple[subprocess.Popen, str]:
    """Start the server on ``srv_dir`` and wait until it is ready: (process, base URL).

    Raises RuntimeError with the server's output when it does not come up in 30 s."""
    import httpx

    port = free_port()
    proc = subprocess.Popen(
        server_cmd(
            "--data-dir", str(srv_dir), "serve", "--host", "127.0.0.1", "--port", str(port), *extra
        ),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            if httpx.get(url + "/readyz", timeout=1).status_code == 200:
                return proc, url
        except httpx.TransportError:
            pass
        if proc.poll() is not None or time.monotonic() > deadline:
            proc.kill()  # first, so that reading its output cannot block
            raise RuntimeError(f"genba-server did not start: {proc.stdout.read()}")
        time.sleep(0.1)


def stop_server(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(10)
    except subprocess.TimeoutExpired:
        proc.kill()


def add_user(srv_dir: Path, team: str, name: str, role: str = "rep") -> str:
    """`genba-server add-user`: the token (printed alone on its last line)."""
    added = run(
        server_cmd(
            "--data-dir", str(srv_dir), "add-user", "--team", team, "--name", name, "--role", role
        )
    )
    if added.returncode != 0:
        raise RuntimeError(f"add-user failed: {added.stderr}")
    return added.stdout.strip().splitlines()[-1]
