"""``genba-server``: run the team sync server and manage its users.

    genba-server [--data-dir S | --database-url URL] migrate
    genba-server ... add-user --team T --name N --role rep|lead|viewer   (token on the last line)
    genba-server ... revoke-user --name N [--team T]
    genba-server ... list-users
    genba-server ... move-user --name N [--from-team T] --to-team T2
    genba-server ... new-epoch                   (after restoring a backup of the database)
    genba-server ... serve [--host H] [--port P]                          (migrates first)

Without --database-url (or GENBA_SERVER_DATABASE_URL) the server keeps an embedded SQLite file,
``server.db``, in the data directory. Never imports pandas or Qt.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from sync.server.settings import ServerSettings


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="genba-server", description="Genba team sync server")
    p.add_argument(
        "--data-dir",
        type=Path,
        default=None,
        help="folder of the embedded SQLite database server.db "
        "(default: the user data folder + /server; env GENBA_SERVER_DATA_DIR)",
    )
    p.add_argument(
        "--database-url",
        default=None,
        help="SQLAlchemy URL, e.g. postgresql+psycopg://user:pw@host/db "
        "(env GENBA_SERVER_DATABASE_URL); overrides --data-dir",
    )
    sub = p.add_subparsers(dest="command", required=True)
    sub.add_parser("migrate", help="create or upgrade the database schema")
    add = sub.add_parser("add-user", help="create a user (and team) and print its token")
    add.add_argument("--team", required=True)
    add.add_argument("--name", required=True)
    add.add_argument("--role", required=True, choices=["rep", "lead", "viewer"])
    rev = sub.add_parser("revoke-user", help="revoke a user's token")
    rev.add_argument("--name", required=True)
    rev.add_argument("--team", default=None)
    sub.add_parser("list-users", help="list teams and users")
    mv = sub.add_parser("move-user", help="move a user to another team (created if new)")
    mv.add_argument("--name", required=True)
    mv.add_argument("--from-team", default=None)
    mv.add_argument("--to-team", required=True)
    sub.add_parser(
        "new-epoch",
        help="after restoring the database from a backup: laptops re-send what it lacks",
    )
    serve = sub.add_parser("serve", help="run the HTTP server (put a TLS reverse proxy in front)")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8765)
    serve.add_argument("--log-level", default="info")
    serve.add_argument(
        "--workers", type=int, default=1, help="worker processes (stateless; default 1)"
    )
    serve.add_argument(
        "--no-migrate",
        action="store_true",
        help="do not migrate at start (run `genba-server migrate` once before the workers)",
    )
    return p


def _settings(args) -> ServerSettings:
    overrides = {}
    if args.data_dir is not None:
        overrides["data_dir"] = args.data_dir
    if args.database_url:
        overrides["database_url"] = args.database_url
    return ServerSettings(**overrides)


def _describe(settings: ServerSettings) -> str:
    if settings.database_url:
        from sqlalchemy.engine import make_url

        return make_url(settings.database_url).render_as_string(hide_password=True)
    return str(settings.resolved_data_dir() / "server.db")


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    settings = _settings(args)
    from sqlalchemy.exc import SQLAlchemyError

    from sync.server.db import make_engine, migrate
    from sync.server.users import AdminError, add_user, list_users, move_user, revoke_user

    try:
        engine = make_engine(settings.url())
        if args.command == "serve":
            if not args.no_migrate:
                migrate(engine)
            import uvicorn

            from sync.server.app import create_app

            if args.host not in ("127.0.0.1", "::1", "localhost"):
                print(
                    f"genba-server: listening on {args.host} in plain HTTP: put a TLS reverse "
                    "proxy in front (docs/deploy); tokens and data must never cross a network "
                    "unencrypted.",
                    file=sys.stderr,
                    flush=True,
                )
            print(
                f"genba-server: database {_describe(settings)}; listening on "
                f"http://{args.host}:{args.port} with {args.workers} worker(s)",
                file=sys.stderr,
                flush=True,
            )
            if args.workers > 1:
                # Workers are separate processes: they read the same settings from the environment.
                os.environ["GENBA_SERVER_DATA_DIR"] = str(settings.resolved_data_dir())
                if settings.database_url:
                    os.environ["GENBA_SERVER_DATABASE_URL"] = settings.database_url
                engine.dispose()
                uvicorn.run(
                    "sync.server.app:app_from_environment",
                    factory=True,
                    workers=args.workers,
                    host=args.host,
                    port=args.port,
                    log_level=args.log_level,
                    access_log=False,
                )
                return 0
            app = create_app(settings, engine=engine)
            uvicorn.run(
                app, host=args.host, port=args.port, log_level=args.log_level, access_log=False
            )
            return 0
        # Admin commands migrate too, so a fresh data dir just works.
        rev = migrate(engine)
        if args.command == "migrate":
            print(f"database {_describe(settings)} is at revision {rev}")
        elif args.command == "add-user":
            token = add_user(engine, args.team, args.name, args.role)
            print(
                f"user {args.name!r} ({args.role}) in team {args.team!r}; their token "
                "(shown once, give it to them privately):"
            )
            print(token)
        elif args.command == "revoke-user":
            revoke_user(engine, args.name, args.team)
            print(f"revoked {args.name!r}" + (f" in team {args.team!r}" if args.team else ""))
        elif args.command == "move-user":
            move_user(engine, args.name, args.to_team, args.from_team)
            print(f"moved {args.name!r} to team {args.to_team!r}")
        elif args.command == "new-epoch":
            from sync.server.identity import new_epoch

            print(f"new epoch {new_epoch(engine)}: laptops re-send what this database lacks")
        elif args.command == "list-users":
            rows = list_users(engine)
            if not rows:
                print("no users yet: add one with add-user --team T --name N --role rep")
            for r in rows:
                state = "revoked" if r["revoked"] else "active"
                print(f"{r['team']}\t{r['name']}\t{r['role']}\t{state}\t{r['created_at']}")
        return 0
    except AdminError as exc:
        print(f"genba-server: {exc}", file=sys.stderr)
        return 2
    except SQLAlchemyError as exc:
        msg = str(exc).splitlines()[0][:300]
        print(
            f"genba-server: cannot use the database {_describe(settings)}: {msg}", file=sys.stderr
        )
        return 1


if __name__ == "__main__":
    sys.exit(main())
