"""The `genba` command. Headless subcommands never import Qt or pandas (start-up stays fast)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from importers.settings import Settings, default_data_dir


class _Version(argparse.Action):
    """--version, looked up only when asked: importlib.metadata costs every other command
    about 0.1 s of start-up (it imports email and scans the installed distributions)."""

    def __init__(self, option_strings, dest=argparse.SUPPRESS, **kwargs):
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, **kwargs)

    def __call__(self, parser, namespace, values, option_string=None):
        from importlib.metadata import PackageNotFoundError, version

        try:
            ver = version("genba")
        except PackageNotFoundError:
            ver = "0+unknown"
        print(f"genba {ver}")  # on stdout, as argparse's own version action
        parser.exit()


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="genba",
        description="Genba: your Excel daily reports and business cards, as a CRM. "
        "Run without a command to open the app.",
    )
    p.add_argument("--version", action=_Version, help="show the version and exit")
    p.add_argument(
        "--self-test",
        action="store_true",
        help="start the app on the data directory (offscreen without a display), open each view, "
        "print timings, exit 0",
    )
    p.add_argument(
        "--data-dir",
        type=Path,
        default=None,
        help="where genba.db lives (default: $GENBA_DATA_DIR or the user data folder)",
    )
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    imp = sub.add_parser("import", help="import daily-report workbooks (files or folders)")
    imp.add_argument("paths", nargs="+", metavar="PATH")
    imp.add_argument("--rep", help="your name, used when a report has no rep column (remembered)")
    imp.add_argument("--profile", help="a profile TOML that says how to read these files")
    imp.add_argument("--force", action="store_true", help="re-read files even if unchanged")

    pr = sub.add_parser(
        "problems", help="list import problems: file, sheet and cell, and what to do"
    )
    pr.add_argument("--json", action="store_true")

    act = sub.add_parser("activities", help="list activities")
    act.add_argument("--json", action="store_true")
    act.add_argument("--company", help="only customers whose name contains this")
    act.add_argument("--since", help="only on or after this date (YYYY-MM-DD)")
    act.add_argument("--limit", type=int, default=200)
    act.add_argument("--include-deleted", action="store_true")

    com = sub.add_parser("companies", help="list customers")
    com.add_argument("--json", action="store_true")

    cfg = sub.add_parser("config", help="show settings and where each comes from; set your own")
    cfg.add_argument("action", choices=["show", "set"])
    cfg.add_argument("key", nargs="?")
    cfg.add_argument("value", nargs="?")
    cfg.add_argument("--json", action="store_true")

    bak = sub.add_parser("backup", help="a consistent copy of genba.db (SQLite backup API)")
    bak.add_argument("dest", nargs="?", help="a .db file or a folder (default: <data dir>/backups)")
    bak.add_argument("--with-blobs", action="store_true", help="copy attachments too")

    wat = sub.add_parser(
        "watch",
        help="watch report, card and photo folders and import what is saved (Ctrl+C stops)",
        description="Without folders, the ones added with `genba folders add` are watched.",
    )
    for kind, what in FOLDER_HELP.items():
        wat.add_argument(
            f"--{kind}", nargs="+", action="extend", default=[], metavar="DIR", help=what
        )
    wat.add_argument(
        "--polling",
        action="store_true",
        help="poll instead of file events (network drives and OneDrive are detected anyway)",
    )

    fol = sub.add_parser("folders", help="the folders `genba watch` watches: add, remove, list")
    fol_sub = fol.add_subparsers(dest="folders_action", metavar="ACTION", required=True)
    for action in ("add", "remove"):
        fa = fol_sub.add_parser(action, help=f"{action} a folder")
        group = fa.add_mutually_exclusive_group(required=True)
        for kind, what in FOLDER_HELP.items():
            group.add_argument(f"--{kind}", metavar="DIR", help=what)
    fol_sub.add_parser("list", help="list the folders, whether they exist, how they are watched")

    sy = sub.add_parser(
        "sync", help="push your changes to the team server and pull the team's (remembers both)"
    )
    sy.add_argument(
        "--server", metavar="URL", help="the team server, e.g. https://genba.example.co.jp"
    )
    sy.add_argument(
        "--token",
        help="your token from the server's administrator; '-' reads it from stdin (a token on "
        "the command line shows in process lists); default: the GENBA_TOKEN environment variable",
    )
    sy.add_argument("--status", action="store_true", help="pending changes, last sync, server")
    sy.add_argument(
        "--sign-out",
        action="store_true",
        help="forget the server and its token on this PC (your data and unsent changes stay)",
    )

    se = sub.add_parser("search", help="search notes and activities (Japanese and English)")
    se.add_argument("query", nargs="*", metavar="QUERY")
    se.add_argument("--json", action="store_true")
    se.add_argument("--limit", type=int, default=50)
    se.add_argument("--rebuild", action="store_true", help="rebuild the search index")
    br = sub.add_parser("brief", help="pre-visit brief for a customer")
    br.add_argument("customer", metavar="CUSTOMER")
    br.add_argument("--pdf", metavar="OUT.pdf")
    br.add_argument("--json", action="store_true")
    ex = sub.add_parser("export", help="workbooks for team leads and other departments")
    exs = ex.add_subparsers(dest="export_what", metavar="WHAT", required=True)
    tw = exs.add_parser("team-workbook", help="the team lead's workbook")
    tw.add_argument("out", metavar="OUT.xlsx")
    tw.add_argument("--month", metavar="YYYY-MM")
    dg = exs.add_parser("digest", help="knowledge for 品質, 生産, 調達, サービス")
    dg.add_argument("out", metavar="OUT.xlsx")
    dg.add_argument("--department", action="append", dest="departments", metavar="DEPT")
    mv = sub.add_parser("mvp", help="the month's MVP ranking")
    mv.add_argument("--month", metavar="YYYY-MM|all")
    mv.add_argument("--json", action="store_true")
    _drafts_parser(sub)
    no = sub.add_parser("note", help="add a note, or mark one 参考になった")
    nos = no.add_subparsers(dest="note_action", metavar="ACTION", required=True)
    na = nos.add_parser("add", help="quick capture")
    na.add_argument("customer", metavar="CUSTOMER")
    na.add_argument("text", metavar="TEXT")
    na.add_argument("--category")
    na.add_argument("--private", action="store_true")
    nh = nos.add_parser("helpful", help="mark a teammate's note 参考になった")
    nh.add_argument("note_id", metavar="NOTE_ID")
    nh.add_argument("--undo", action="store_true")
    return p


def _drafts_parser(sub) -> None:
    """`genba drafts [list|show|confirm|discard]`: voice-memo draft minutes (desktop.commands.drafts)."""
    dr = sub.add_parser("drafts", help="voice memo draft minutes: list, show, confirm, discard")
    dr.add_argument("--json", action="store_true")
    drs = dr.add_subparsers(dest="drafts_action", metavar="ACTION")
    drs.add_parser("list", help="the drafts waiting for you (the default)").add_argument(
        "--json", action="store_true"
    )
    for action, what in (
        ("show", "a memo's fields and its transcript"),
        ("confirm", "confirm a draft (with your corrections): it becomes an activity"),
        ("discard", "throw a draft away (the recording stays stored)"),
    ):
        da = drs.add_parser(action, help=what)
        da.add_argument("draft_id", metavar="ID", help="its ID, or the start of it")
        if action == "show":
            da.add_argument("--json", action="store_true")
        if action == "confirm":
            da.add_argument("--date", help="the day of the visit")
            da.add_argument("--customer", help="the customer (part of its name, or its id)")
            da.add_argument("--contact", help="the person you met")
            da.add_argument("--summary", help="what was discussed (内容)")
            da.add_argument("--next-action", dest="next_action", help="次回アクション")
            da.add_argument("--due", help="the next action's due day (期日)")
            da.add_argument("--amount", help="金額, e.g. 120万円")
            da.add_argument("--probability", help="確度, e.g. 70%%")


FOLDER_HELP = {
    "reports": "a folder of daily-report workbooks",
    "cards": "a folder of business cards (vCard, contact CSV, card images)",
    "photos": "a folder of photos of paper memos",
    "mail": "a folder of saved mail (.eml, Outlook .msg)",
    "voice": "a folder of voice memos (.m4a, .mp3, .wav ...)",
}


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    parser = build_parser()
    args = parser.parse_args(argv)
    _utf8_console()
    data_dir = args.data_dir or default_data_dir()
    if args.command is None:
        # The desktop app: the only path that loads Qt.
        from desktop.launch import launch_app

        return launch_app(data_dir, self_test=args.self_test)
    from desktop.logs import install_crash_handler, setup_logging
    from importers.managed_settings import ManagedConfig
    from importers.messages import default_language
    from sync.store import Store, StoreError

    if args.command == "config":
        from desktop.commands.config_cmd import run_config

        return run_config(data_dir, args.action, args.key, args.value, as_json=args.json)
    try:
        config = ManagedConfig(data_dir)
        setup_logging(config.settings().log_level)
        install_crash_handler(default_language(data_dir))
        store = Store(data_dir)
    except (StoreError, ValueError) as exc:
        from resources.messages import in_language

        said = exc.args[0] if isinstance(exc, StoreError) and exc.args else exc
        print(f"error: {in_language(said, default_language(data_dir))}", file=sys.stderr)
        return 1
    with store:
        try:
            return _dispatch(args, store, config, data_dir)
        except Exception as exc:
            return _environment_failure(exc, config)


def _fewer_collections() -> None:
    """A one-shot import allocates hundreds of thousands of short-lived objects (cells, fields,
    rows) and frees them by reference counting, not by the cycle collector: at the default
    gen0 threshold of 700 the collector ran ~500 times on a 20,000-row file for ~0.25 s of CPU
    that found almost nothing. The process ends after the import, so fewer, larger passes are
    enough. (gc.freeze() of the start-up objects was measured too: no further gain once full
    passes are this rare, so it is not done.)"""
    import gc

    gc.set_threshold(50_000, 20, 100)


def _no_collection_at_exit() -> None:
    """The interpreter's shutdown runs one last full collection over everything still alive
    (after an import: the reading dictionary, caches) only to free it a moment later anyway: ~0.06 s
    of a 20,000-row `genba import`. Frozen objects are left out of it; they are still freed."""
    import gc

    gc.freeze()


def _environment_failure(exc: Exception, config) -> int:
    """What the machine refused (the database busy, the disk full …: sync.store.failures) is one
    line in the rep's language and exit status 1; anything else is a bug: re-raised for the crash
    handler, which writes a crash report."""
    from importers.messages import cli_language, msg
    from sync.store.failures import classify

    failure = classify(exc)
    if failure is None:
        raise exc
    lang = cli_language(config.settings())
    key = "cli.failure.busy" if failure == "busy" else f"app.failure.{failure}"
    print(msg(key, lang, detail=exc), file=sys.stderr)
    return 1


def _dispatch(args, store, config, data_dir: Path) -> int:
    settings: Settings = config.settings()
    if args.command == "import":
        from desktop.commands.importing import run_import

        _fewer_collections()
        if args.rep and args.rep != settings.user_name and not config.entries["user_name"].locked:
            config.set_user_value("user_name", args.rep)
        try:
            return run_import(
                store,
                settings,
                args.paths,
                rep=args.rep,
                profile_path=args.profile,
                force=args.force,
            )
        finally:
            _no_collection_at_exit()
    if args.command == "backup":
        from desktop.commands.backup import run_backup
        from importers.messages import cli_language

        return run_backup(store, args.dest, with_blobs=args.with_blobs, lang=cli_language(settings))
    if args.command == "sync" and args.sign_out:
        return _sign_out(store, settings)
    if args.command == "sync":
        from importers.messages import cli_language
        from sync.client.command import run_sync_command

        lang = cli_language(settings)
        if not args.status:
            from importers.recovery import recover_before_sync

            # an import killed mid-way holds back the outbox from its first change: clean it
            # up first, so the rep's other edits go now rather than after the next import
            recover_before_sync(store)
        rc = run_sync_command(store, args.server, args.token, args.status, lang=lang)
        if rc == 0 and not args.status:
            _refresh_team_workbook(store, settings)
        return rc
    if args.command == "watch":
        return _watch(args, store, settings, data_dir)
    if args.command == "folders":
        from desktop.commands.folders import run_folders

        kind = next((k for k in FOLDER_HELP if getattr(args, k, None)), None)
        path = getattr(args, kind) if kind else None
        from importers.messages import cli_language

        lang = cli_language(settings)
        return run_folders(settings, data_dir, args.folders_action, kind, path, lang=lang)
    if args.command == "drafts":
        from desktop.commands.drafts import run_drafts
        from importers.messages import cli_language

        return run_drafts(store, args.drafts_action, args, cli_language(settings))
    if args.command in ("search", "brief", "export", "mvp", "note"):
        return _knowledge(args, store, settings)
    from desktop.commands import listing
    from importers.messages import cli_language

    lang = cli_language(settings)
    if args.command == "problems":
        return listing.list_problems(store, as_json=args.json, lang=lang)
    if args.command == "activities":
        return listing.list_activities(
            store,
            as_json=args.json,
            company=args.company,
            since=args.since,
            limit=args.limit,
            include_deleted=args.include_deleted,
            lang=lang,
        )
    if args.command == "companies":
        return listing.list_companies(store, as_json=args.json, lang=lang)
    raise AssertionError(args.command)


def _sign_out(store, settings: Settings, out=print) -> int:
    """`genba sync --sign-out`: the token leaves the keyring (and its file), the server is
    forgotten; nothing stored locally is lost and unsent changes go at the next sign-in."""
    from importers.messages import cli_language, msg
    from sync.client.credentials import forget_credentials, load_credentials
    from sync.client.status import sync_status

    lang = cli_language(settings)
    server, _token = load_credentials(store)
    if not server:
        out(msg("cli.sign_out.none", lang))
        return 0
    pending = sync_status(store)["pending"]
    forget_credentials(store)
    out(msg("cli.sign_out.done", lang, server=server, pending=pending))
    return 0


def _watch(args, store, settings: Settings, data_dir: Path) -> int:
    """`genba watch`, syncing in the background after imports when a server is set up."""
    from desktop.commands.watching import run_watch
    from sync.client.status import sync_status

    background = None
    if sync_status(store).get("server"):
        from importers.messages import cli_language
        from resources.messages import in_language
        from sync.client.background import BackgroundSync

        lang = cli_language(settings)

        def on_status(status: dict) -> None:
            if status.get("state") in ("ok", "offline", "error") and status.get("message"):
                print(f"⇅ {in_language(status['message'], lang)}", flush=True)
            if status.get("state") == "ok":
                _refresh_team_workbook(store, settings)

        from importers.recovery import recovering

        background = BackgroundSync(
            store,
            interval=settings.sync_interval_seconds,
            on_status=on_status,
            sync=recovering(),  # each cycle first cleans up an import whose process died
        ).start()
    hooks = [lambda _event: background.trigger()] if background else []
    try:
        return run_watch(
            store,
            settings,
            data_dir,
            args.reports,
            args.cards,
            args.photos,
            args.polling,
            after_import=hooks,
            mail=args.mail,
            voice=args.voice,
        )
    finally:
        if background:
            background.stop(timeout=10)


def _refresh_team_workbook(store, settings: Settings) -> None:
    """After a sync, the team lead's shared workbook is rewritten (comments read back first)."""
    if not settings.team_workbook_folder:
        return
    from importers.export.lead_comments import refresh_team_workbook

    try:
        result = refresh_team_workbook(
            store, settings.team_workbook_folder, author=settings.user_name
        )
        if getattr(result, "message", None):
            print(result.message, flush=True)
    except OSError as exc:
        from importers.messages import cli_language, msg

        folder, lang = settings.team_workbook_folder, cli_language(settings)
        print(msg("cli.team_workbook.failed", lang, folder=folder, detail=exc))


def _knowledge(args, store, settings: Settings) -> int:
    from desktop.commands import knowledge as kn
    from importers.messages import cli_language

    user, lang = settings.user_name, cli_language(settings)
    if args.command == "search":
        if args.rebuild:
            return kn.run_reindex(store)
        return kn.run_search(store, " ".join(args.query), args.json, limit=args.limit, lang=lang)
    if args.command == "brief":
        return kn.run_brief(store, args.customer, user, args.pdf, args.json, lang=lang)
    if args.command == "export":
        if args.export_what == "team-workbook":
            return kn.run_export_team_workbook(store, args.out, args.month)
        return kn.run_export_digest(store, args.out, args.departments)
    if args.command == "mvp":
        return kn.run_mvp(store, args.month, as_json=args.json, lang=lang)
    if args.note_action == "add":
        return kn.run_note_add(
            store, args.customer, args.text, args.category, args.private, user, lang=lang
        )
    return kn.run_helpful(store, args.note_id, user, undo=args.undo)


def _utf8_console() -> None:
    # Windows consoles default to cp932; Japanese text must not crash the command.
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.reconfigure(errors="replace")
        except (AttributeError, ValueError):
            pass


if __name__ == "__main__":
    sys.exit(main())
