"""Server settings: pydantic-settings with the env prefix GENBA_SERVER_."""

from __future__ import annotations

from pathlib import Path

from pydantic_settings import BaseSettings, SettingsConfigDict


def default_data_dir() -> Path:
    import platformdirs

    return Path(platformdirs.user_data_dir("genba", appauthor=False)) / "server"


class ServerSettings(BaseSettings):
    """Everything the server needs; every field can come from GENBA_SERVER_<NAME>."""

    model_config = SettingsConfigDict(env_prefix="GENBA_SERVER_", extra="ignore")

    data_dir: Path | None = None
    database_url: str | None = None
    # A change stamped further than this in the server's future is refused (clock skew).
    max_skew_seconds: float = 300.0
    max_push_changes: int = 5000
    max_body_bytes: int = 32 * 1024 * 1024
    max_value_chars: int = 1_000_000
    max_blob_bytes: int = 50 * 1024 * 1024
    max_pull_limit: int = 10_000
    default_pull_limit: int = 5000
    # A pull page stops at this many bytes of values too (100 long notes are not 1 GB of memory).
    max_pull_bytes: int = 8 * 1024 * 1024
    # Failed tokens from one address within a minute before it is told to wait (429).
    max_failed_tokens_per_minute: int = 20

    def resolved_data_dir(self) -> Path:
        return Path(self.data_dir) if self.data_dir else default_data_dir()

    def url(self) -> str:
        """The SQLAlchemy URL: the given one, else the embedded SQLite file in the data dir."""
        if self.database_url:
            return self.database_url
        return f"sqlite:///{(self.resolved_data_dir() / 'server.db').as_posix()}"
