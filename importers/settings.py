"""The rep's own settings, kept in <data dir>/settings.toml (small, human-editable)."""

from __future__ import annotations

import os
import tomllib
from dataclasses import asdict, dataclass, field
from pathlib import Path

import tomli_w

SETTINGS_NAME = "settings.toml"


@dataclass
class Settings:
    user_name: str | None = None
    report_folders: list[str] = field(default_factory=list)
    card_folders: list[str] = field(default_factory=list)
    photo_folders: list[str] = field(default_factory=list)
    mail_folders: list[str] = field(default_factory=list)
    mail_addresses: list[str] = field(default_factory=list)  # the rep's own: sent vs received
    voice_folders: list[str] = field(default_factory=list)
    voice_model: str | None = None  # a CTranslate2 Whisper model folder (never downloaded)
    force_polling: bool = False
    ranks: dict[str, int] = field(default_factory=dict)
    server_url: str | None = None
    language: str = "ja"
    start_at_login: bool = False
    notifications: bool = True  # tray notifications about imports and problems
    team_workbook_folder: str | None = None
    sync_interval_seconds: int = 300
    log_level: str = "INFO"

    @classmethod
    def load(cls, data_dir: Path) -> Settings:
        path = Path(data_dir) / SETTINGS_NAME
        if not path.is_file():
            return cls()
        try:
            data = tomllib.loads(path.read_text("utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise ValueError(f"{path} cannot be read ({exc}). Fix or delete it.") from exc
        known = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
        return cls(**known)

    def save(self, data_dir: Path) -> None:
        path = Path(data_dir) / SETTINGS_NAME
        # Only what differs from the defaults: a default is not the rep's own choice.
        defaults = asdict(Settings())
        data = {k: v for k, v in asdict(self).items() if v != defaults[k] and v is not None}
        # `genba config set` may be the first command on a new machine: the folder may not exist.
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.write_text(tomli_w.dumps(data), "utf-8")
        os.replace(tmp, path)


def default_data_dir() -> Path:
    """GENBA_DATA_DIR, else the per-user local (never roaming) data dir."""
    env = os.environ.get("GENBA_DATA_DIR")
    if env:
        return Path(env)
    import platformdirs

    return Path(platformdirs.user_data_dir("Genba", appauthor=False, roaming=False))
