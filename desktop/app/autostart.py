"""Start Genba at login: the HKCU Run key on Windows, an XDG autostart entry on Linux."""

from __future__ import annotations

import os
import shlex
import sys
from pathlib import Path

APP_NAME = "Genba"


def launch_command() -> list[str]:
    """How to start the app: the frozen executable, else this Python running the CLI."""
    if getattr(sys, "frozen", False):
        return [sys.executable]
    return [sys.executable, "-m", "desktop.cli"]


def _autostart_file(config_home: Path | None = None) -> Path:
    base = config_home or Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config")
    return base / "autostart" / "genba.desktop"


def is_enabled(*, config_home: Path | None = None) -> bool:
    if sys.platform == "win32":
        return _win_get() is not None
    return _autostart_file(config_home).is_file()


def set_enabled(
    enabled: bool, *, config_home: Path | None = None, command: list[str] | None = None
) -> None:
    """Turn start-at-login on or off for this user (no admin rights needed)."""
    command = command or launch_command()
    if sys.platform == "win32":
        _win_set(subprocess_list2cmdline(command) if enabled else None)
        return
    path = _autostart_file(config_home)
    if not enabled:
        path.unlink(missing_ok=True)
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        "[Desktop Entry]\n"
        "Type=Application\n"
        f"Name={APP_NAME}\n"
        "Comment=Genba: daily reports and business cards as a CRM\n"
        f"Exec={shlex.join(command)}\n"
        "X-GNOME-Autostart-enabled=true\n"
        "Terminal=false\n",
        "utf-8",
    )


def subprocess_list2cmdline(command: list[str]) -> str:
    import subprocess

    return subprocess.list2cmdline(command)


_RUN_KEY = r"Software\Microsoft\Windows\CurrentVersion\Run"


def _win_get() -> str | None:
    import winreg  # type: ignore[import-not-found]

    try:
        with winreg.OpenKey(winreg.HKEY_CURRENT_USER, _RUN_KEY) as key:
            return winreg.QueryValueEx(key, APP_NAME)[0]
    except OSError:
        return None


def _win_set(value: str | None) -> None:
    import winreg  # type: ignore[import-not-found]

    with winreg.CreateKey(winreg.HKEY_CURRENT_USER, _RUN_KEY) as key:
        if value is None:
            try:
                winreg.DeleteValue(key, APP_NAME)
            except FileNotFoundError:
                pass
        else:
            winreg.SetValueEx(key, APP_NAME, 0, winreg.REG_SZ, value)
