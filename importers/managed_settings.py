"""Managed configuration: what IT sets wins over what the rep sets.

Layers, strongest first:
1. policy   — Windows registry values under ``Software\\Policies\\Genba`` (HKLM, then HKCU);
              locked: the rep cannot change them.
2. machine  — a TOML file for every user of the PC (``%ProgramData%\\Genba\\config.toml``,
              ``/etc/genba/config.toml``, or ``$GENBA_MACHINE_CONFIG``); locked as well.
3. user     — the rep's own ``<data dir>/settings.toml`` (what the app and ``genba config set`` write).
4. preset   — defaults the installer wrote from its command line (``<data dir>/preset.toml``);
              the rep may change them.
5. default  — built into Genba.
"""

from __future__ import annotations

import os
import sys
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from importers.settings import SETTINGS_NAME, Settings

PRESET_NAME = "preset.toml"
POLICY_KEY = r"Software\Policies\Genba"
LOCKED_SOURCES = ("policy", "machine")

# A registry reader returns {value name: value} for one hive; injected so tests run on Linux.
RegistryReader = Callable[[str], Mapping[str, Any]]


@dataclass(frozen=True)
class Effective:
    key: str
    value: Any
    source: str  # 'policy' | 'machine' | 'user' | 'preset' | 'default'
    where: str  # the registry key or file it came from

    @property
    def locked(self) -> bool:
        return self.source in LOCKED_SOURCES


class ManagedConfig:
    """Every setting's effective value and where it came from."""

    def __init__(
        self,
        data_dir: Path,
        *,
        registry: RegistryReader | None = None,
        machine_file: Path | None = None,
    ):
        self.data_dir = Path(data_dir)
        self.machine_file = machine_file or machine_config_path()
        self._registry = registry if registry is not None else windows_registry_reader()
        self.entries: dict[str, Effective] = {}
        self.reload()

    def reload(self) -> None:
        defaults = Settings()
        layers: list[tuple[str, str, Mapping[str, Any]]] = [
            ("default", "built-in", {f.name: getattr(defaults, f.name) for f in fields(Settings)}),
            ("preset", str(self.data_dir / PRESET_NAME), _read_toml(self.data_dir / PRESET_NAME)),
            ("user", str(self.data_dir / SETTINGS_NAME), _read_toml(self.data_dir / SETTINGS_NAME)),
            ("machine", str(self.machine_file), _read_toml(self.machine_file)),
        ]
        for hive in ("HKCU", "HKLM"):  # HKLM last: the machine's policy beats the user's policy
            layers.append(("policy", f"{hive}\\{POLICY_KEY}", self._registry(hive) or {}))
        known = {f.name: f for f in fields(Settings)}
        entries: dict[str, Effective] = {}
        for source, where, values in layers:
            for key, value in values.items():
                if key in known:
                    entries[key] = Effective(key, _coerce(defaults, key, value), source, where)
        self.entries = entries

    def settings(self) -> Settings:
        """The effective values as a Settings object (what the app and commands use)."""
        return Settings(**{k: e.value for k, e in self.entries.items()})

    def set_user_value(self, key: str, value: Any) -> None:
        """Store the rep's own value; refused when IT has locked the key."""
        if key not in self.entries:
            raise KeyError(f"unknown setting {key!r}; known: {', '.join(sorted(self.entries))}")
        entry = self.entries[key]
        if entry.locked:
            raise PermissionError(
                f"{key} is set by your administrator ({entry.where}) and cannot be changed here."
            )
        user = Settings.load(self.data_dir)
        setattr(user, key, _coerce(Settings(), key, value))
        user.save(self.data_dir)
        self.reload()


def machine_config_path() -> Path:
    env = os.environ.get("GENBA_MACHINE_CONFIG")
    if env:
        return Path(env)
    if sys.platform == "win32":
        return Path(os.environ.get("PROGRAMDATA", r"C:\ProgramData")) / "Genba" / "config.toml"
    return Path("/etc/genba/config.toml")


def windows_registry_reader() -> RegistryReader:
    """Reads Software\\Policies\\Genba with winreg on Windows; elsewhere there is no registry."""
    if sys.platform != "win32":
        return lambda hive: {}

    import winreg

    roots = {"HKCU": winreg.HKEY_CURRENT_USER, "HKLM": winreg.HKEY_LOCAL_MACHINE}

    def read(hive: str) -> dict[str, Any]:
        values: dict[str, Any] = {}
        try:
            with winreg.OpenKey(roots[hive], POLICY_KEY) as key:
                i = 0
                while True:
                    try:
                        name, value, kind = winreg.EnumValue(key, i)
                    except OSError:
                        break
                    if kind == winreg.REG_MULTI_SZ:
                        value = list(value)
                    values[name] = value
                    i += 1
        except OSError:
            pass
        return values

    return read


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text("utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ValueError(
            f"The configuration file {path} cannot be read ({exc}). Fix it or remove it."
        ) from exc


def _coerce(defaults: Settings, key: str, value: Any) -> Any:
    """Registry values arrive as strings or DWORDs: give them the setting's own type."""
    current = getattr(defaults, key)
    if isinstance(current, bool):
        if isinstance(value, str):
            return value.strip().lower() in ("1", "true", "yes", "on")
        return bool(value)
    if isinstance(current, int) and not isinstance(current, bool):
        return int(value)
    if isinstance(current, list) and isinstance(value, str):
        return [v for v in (p.strip() for p in value.replace("\n", ";").split(";")) if v]
    return value
