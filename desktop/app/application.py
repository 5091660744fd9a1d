"""The app object: builds the store, the window and the services, and tears them down."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QTimer

from desktop.app import autostart
from desktop.app.context import AppContext
from desktop.app.data.changes import PULLED, Changes, RecordingStore, of_outcome, of_rows
from desktop.app.i18n import InContextLanguage, choose_language
from desktop.app.icons import icon
from desktop.app.notifications import GATHER_SECONDS, Digest, NoticeBatcher
from desktop.app.services.syncing import SyncService
from desktop.app.services.watching import WatchService
from desktop.app.tasks import TaskManager
from desktop.app.tray import Tray, tray_available
from desktop.app.window import MainWindow
from importers.managed_settings import ManagedConfig
from resources.messages import in_language
from sync.store.connection import READER_CACHE_KIB


class GenbaApp(InContextLanguage, QObject):
    def __init__(self, data_dir: Path, *, tray: bool = True, parent=None):
        super().__init__(parent)
        # Imports and syncs run in child processes with their own store: this one only edits and
        # reads small things, so a reader-sized page cache keeps the app's memory down.
        # It records what each write touched: the views are told which rows changed.
        store = RecordingStore(data_dir, cache_kib=READER_CACHE_KIB)
        # Effective settings: IT policy > machine file > the rep's own > installer presets.
        config = ManagedConfig(data_dir)
        tasks = TaskManager(self)
        # Problems and sync messages are written in the UI's language (i18n's rule) when shown.
        self.ctx = AppContext(
            Path(data_dir),
            store,
            config.settings(),
            tasks,
            config=config,
            language=choose_language(data_dir),
        )
        self.window = MainWindow(self.ctx)
        self.sync = SyncService(self.ctx, self)
        self.watch = WatchService(self.ctx, after_import=self.sync.trigger, parent=self)
        self.tray: Tray | None = None
        self.wizard = None
        self._quitting = False

        bus = self.ctx.bus
        self.watch.event.connect(self._on_watch_event)
        self.watch.state_changed.connect(self.window.set_watch_state)
        self.sync.status.connect(bus.sync_status)
        self.sync.status.connect(self.window.set_sync_state)
        self.sync.status.connect(self._on_sync_status)
        bus.settings_changed.connect(self.watch.restart)
        self.window.views["folders"].rescan_requested.connect(self.watch.rescan)
        self.window.views["sync"].signed_in.connect(self._signed_in)
        self.window.views["sync"].sync_now.connect(self.sync.trigger)
        # A drop is sent to the team as a watched file is: sync after it.
        self.window.import_finished.connect(self.sync.trigger)
        # Watcher events are gathered for a few seconds into one tray notification.
        self.notices = NoticeBatcher()
        self.notice_timer = QTimer(self, singleShot=True, interval=int(GATHER_SECONDS * 1000))
        self.notice_timer.timeout.connect(self.show_notice)
        self._notice_view = "today"  # where clicking the last notification leads
        self._sync_notified: str | None = None  # the sync error the tray has already shown
        if tray and tray_available():
            self.tray = self._make_tray()
            self.window.keep_running_in_tray = True
            self.window.close_to_tray.connect(self._closed_to_tray)
        self._tray_hint_shown = False

    def _make_tray(self) -> Tray:
        settings = self.ctx.settings
        tray = Tray(
            icon("genba", selected=None),
            self,
            autostart=autostart.is_enabled(),
            notifications=settings.notifications,
            notifications_locked=self.ctx.locked("notifications") is not None,
            lang=self.ctx.language,
        )
        tray.autostart_action.setEnabled(self.ctx.locked("start_at_login") is None)
        tray.show_window.connect(self.show_window)
        tray.quit_requested.connect(self.quit)
        tray.message_clicked.connect(self._notice_clicked)
        tray.autostart_toggled.connect(self._set_autostart)
        tray.notifications_toggled.connect(self._set_notifications)
        return tray

    # -- lifecycle ---------------------------------------------------------------------------------
    def needs_first_run(self) -> bool:
        if self.ctx.settings.user_name:
            return False
        conn = self.ctx.connect()
        try:
            return conn.execute("SELECT EXISTS (SELECT 1 FROM sources)").fetchone()[0] == 0
        finally:
            conn.close()

    def start(self, *, services: bool = True) -> None:
        if self.needs_first_run():
            from desktop.app.dialogs.first_run import FirstRunWizard

            self.wizard = FirstRunWizard(self.ctx)
            self.wizard.finished.connect(self._first_run_done)
            self.wizard.show()
        else:
            self.show_window()
        if services:
            self.start_services()

    def start_services(self) -> None:
        self.watch.start()
        self.sync.start()
        if self.ctx.locked("start_at_login") is not None:
            # IT decides: make the Run key (or XDG entry) match the locked value.
            wanted = self.ctx.settings.start_at_login
            self.ctx.tasks.run(lambda: autostart.set_enabled(wanted))

    def show_window(self) -> None:
        from PySide6.QtGui import QGuiApplication

        self.window.show()
        if QGuiApplication.platformName() != "offscreen":  # offscreen warns on raise()
            self.window.raise_()
            self.window.activateWindow()
        self.window.show_view(self.window.current_view_name())

    def _first_run_done(self, _result) -> None:
        self.ctx.bus.settings_changed.emit()
        self.show_window()
        self.window.show_view("today")
        self.ctx.changed(Changes.all())

    def _signed_in(self) -> None:
        self.sync.start()
        self.sync.trigger()

    def quit(self) -> None:
        from PySide6.QtWidgets import QApplication

        self._quitting = True
        self.window.keep_running_in_tray = False
        QApplication.instance().quit()

    def shutdown(self) -> None:
        """Stop the watcher (the import in progress finishes), sync, drain tasks, close."""
        self.notice_timer.stop()
        self.watch.stop()
        self.sync.stop()
        self.ctx.tasks.shutdown()
        self.ctx.imports.shutdown()
        for view in (self.window.views["activities"], self.window.views["customers"]):
            view.model.close()
        self.ctx.store.close()

    def dispose(self) -> None:
        """Shut down and delete the widgets while the QApplication still exists (widgets or
        pixmaps outliving it crash the interpreter at exit)."""
        import gc

        from PySide6.QtCore import QCoreApplication, QEvent

        self.shutdown()
        for w in (self.window, self.wizard):
            if w is not None:
                w.close()
                w.deleteLater()
        self.window = None
        self.wizard = None
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        gc.collect()

    # -- events ------------------------------------------------------------------------------------
    def _on_watch_event(self, event) -> None:
        self.ctx.bus.watch_event.emit(event)
        if event.kind in ("imported", "failed", "missing"):
            self.window.data_changed_soon(of_outcome(event.outcome))
        if self.tray is None or not self.ctx.settings.notifications:
            return
        if self.notices.add(event) and not self.notice_timer.isActive():
            self.notice_timer.start()

    def show_notice(self) -> None:
        """Show what was gathered as one tray notification (not while the rep is looking at the
        window: the views and the status bar already show it)."""
        digest = self.notices.take()
        if digest is None or self.tray is None:
            return
        if self.window.isVisible() and self.window.isActiveWindow():
            return
        title, text, warning = self.notice_text(digest)
        self._notice_view = "problems" if digest.failed else "today"
        self.tray.notify(title, text, warning)

    def notice_text(self, d: Digest) -> tuple[str, str, bool]:
        """(title, text, warning) of a digest, in the UI's language."""
        lines = []
        if d.reports == 1 and d.files == 1:
            lines.append(self.tr("{0}: %n new visit(s)", "", d.added).format(d.names[0]))
        elif d.reports:
            lines.append(
                self.tr("%n workbook(s)", "", d.reports) + self.tr(": %n new visit(s)", "", d.added)
            )
        if d.updated and d.reports:
            lines.append(self.tr("%n visit(s) updated", "", d.updated))
        if d.cards:
            lines.append(
                self.tr("%n business card file(s)", "", d.cards)
                + self.tr(": %n new contact(s)", "", d.contacts)
            )
        if d.photos:
            lines.append(self.tr("%n memo photo(s) attached", "", d.photos))
        if d.failed:
            if len(d.failed) == 1:
                problem = self.tr("{0} could not be read: see Problems").format(d.failed[0])
            else:
                problem = self.tr("%n files could not be read: see Problems", "", len(d.failed))
            return self.tr("Could not import"), "\n".join([problem, *lines]), True
        return self.tr("Imported"), "\n".join(lines), False

    def _closed_to_tray(self) -> None:
        """Said once a session: closing the window did not stop Genba."""
        if self.tray is None or self._tray_hint_shown:
            return
        self._tray_hint_shown = True
        self.tray.notify(
            self.tr("Genba is still running"),
            self.tr(
                "It keeps watching your folders and syncing. Open it again from this icon; "
                "「Quit Genba」 in its menu ends it."
            ),
        )

    def _notice_clicked(self) -> None:
        self.show_window()
        self.window.show_view(self._notice_view)

    def _set_autostart(self, on: bool) -> None:
        ctx = self.ctx

        def save():
            autostart.set_enabled(on)
            if ctx.config is not None and ctx.locked("start_at_login") is None:
                ctx.config.set_user_value("start_at_login", on)

        ctx.tasks.run(save)

    def _set_notifications(self, on: bool) -> None:
        ctx = self.ctx
        ctx.settings.notifications = on
        if ctx.config is not None:
            config = ctx.config
            ctx.tasks.run(lambda: config.set_user_value("notifications", on))

    def _on_sync_status(self, status: dict) -> None:
        report = status.get("report")
        state = status.get("state")
        rows = getattr(report, "pulled_rows", None)
        # the rows the pull wrote, or completing a dead import did (desktop.app.data.child_sync);
        # unknown: everything
        if state == "ok" and report is not None and (getattr(report, "applied", 0) or rows):
            self.window.data_changed_soon(Changes.all() if rows is None else of_rows(rows, PULLED))
        self._notify_sync(state, status.get("message") or "")

    def _notify_sync(self, state: str | None, message: str) -> None:
        """A sync that cannot go on without the rep (a revoked token, a wrong PC clock) is said
        once in the tray; being offline is normal on the road and is not."""
        if state == "ok":
            self._sync_notified = None
            return
        if state != "error" or message == self._sync_notified:
            return
        self._sync_notified = message
        if self.tray is None or not self.ctx.settings.notifications:
            return
        self._notice_view = "sync"
        self.tray.notify(self.tr("Cannot sync"), in_language(message, self.ctx.language), True)
