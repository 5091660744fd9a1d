"""Teams, users and bearer tokens (admin commands and request authentication).

Tokens are ``genba_`` + ``secrets.token_urlsafe(32)``; only their sha256 is stored. The prefix
keeps a token from starting with "-" (which a command line would take for an option) and makes a
leaked token easy to recognise in logs and secret scanners. The team of a request is the
team of its token's user, never anything the request says.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import Connection, Engine, select

from sync.server.db import teams, users

ROLES = ("rep", "lead", "viewer")
WRITE_ROLES = ("rep", "lead")


class AdminError(RuntimeError):
    """An admin command cannot do what was asked; the message says why."""


@dataclass(frozen=True)
class User:
    id: int
    team_id: int
    team: str
    name: str
    role: str
    revoked: bool

    @property
    def can_write(self) -> bool:
        return self.role in WRITE_ROLES and not self.revoked


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


TOKEN_PREFIX = "genba_"


def new_token() -> str:
    return TOKEN_PREFIX + secrets.token_urlsafe(32)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _team_id(conn: Connection, team: str, *, create: bool) -> int | None:
    row = conn.execute(select(teams.c.id).where(teams.c.name == team)).first()
    if row:
        return row[0]
    if not create:
        return None
    return conn.execute(teams.insert().values(name=team, last_seq=0)).inserted_primary_key[0]


def add_user(engine: Engine, team: str, name: str, role: str) -> str:
    """Create the user (and the team if new) and return the new token (shown once, stored hashed).

    Adding a revoked user again re-activates them with a new token (a lost laptop: revoke, re-add).
    """
    if role not in ROLES:
        raise AdminError(f"role must be one of {', '.join(ROLES)}, not {role!r}")
    if not team.strip() or not name.strip():
        raise AdminError("team and name must not be empty")
    token = new_token()
    with engine.begin() as conn:
        team_id = _team_id(conn, team, create=True)
        existing = conn.execute(
            select(users.c.id, users.c.revoked).where(
                users.c.team_id == team_id, users.c.name == name
            )
        ).first()
        if existing and not existing.revoked:
            raise AdminError(
                f"user {name!r} already exists in team {team!r}; revoke-user first to issue a new token"
            )
        if existing:
            conn.execute(
                users.update()
                .where(users.c.id == existing.id)
                .values(token_hash=hash_token(token), revoked=False, role=role)
            )
        else:
            conn.execute(
                users.insert().values(
                    team_id=team_id,
                    name=name,
                    role=role,
                    token_hash=hash_token(token),
                    revoked=False,
                    created_at=_now(),
                )
            )
    return token


def revoke_user(engine: Engine, name: str, team: str | None = None) -> int:
    """Revoke the user's token; returns how many users were revoked (exactly one, else an error)."""
    with engine.begin() as conn:
        query = select(users.c.id, teams.c.name).join(teams, teams.c.id == users.c.team_id)
        query = query.where(users.c.name == name)
        if team is not None:
            query = query.where(teams.c.name == team)
        rows = conn.execute(query).all()
        if not rows:
            raise AdminError(f"no user {name!r}" + (f" in team {team!r}" if team else ""))
        if len(rows) > 1:
            raise AdminError(
                f"{len(rows)} users are called {name!r} (teams: "
                f"{', '.join(sorted(r[1] for r in rows))}); say which with --team"
            )
        conn.execute(users.update().where(users.c.id == rows[0][0]).values(revoked=True))
        return 1


def move_user(engine: Engine, name: str, to_team: str, from_team: str | None = None) -> None:
    """Put the user in another team (their laptops then pull that team from the start)."""
    with engine.begin() as conn:
        query = select(users.c.id, teams.c.name).join(teams, teams.c.id == users.c.team_id)
        query = query.where(users.c.name == name)
        if from_team is not None:
            query = query.where(teams.c.name == from_team)
        rows = conn.execute(query).all()
        if len(rows) != 1:
            raise AdminError(
                f"no user {name!r}"
                if not rows
                else f"{len(rows)} users are called {name!r}; say which with --from-team"
            )
        team_id = _team_id(conn, to_team, create=True)
        conn.execute(users.update().where(users.c.id == rows[0][0]).values(team_id=team_id))


def list_users(engine: Engine) -> list[dict]:
    with engine.connect().execution_options(sqlite_readonly=True) as conn:
        rows = conn.execute(
            select(
                teams.c.name.label("team"),
                users.c.name,
                users.c.role,
                users.c.revoked,
                users.c.created_at,
            )
            .join(teams, teams.c.id == users.c.team_id)
            .order_by(teams.c.name, users.c.name)
        ).all()
    return [dict(r._mapping) for r in rows]


def authenticate(conn: Connection, token: str) -> User | None:
    row = conn.execute(
        select(
            users.c.id, users.c.team_id, teams.c.name, users.c.name, users.c.role, users.c.revoked
        )
        .join(teams, teams.c.id == users.c.team_id)
        .where(users.c.token_hash == hash_token(token))
    ).first()
    if row is None:
        return None
    return User(row[0], row[1], row[2], row[3], row[4], bool(row[5]))
