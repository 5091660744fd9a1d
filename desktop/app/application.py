"""The app object: builds the store, the window and the services, and tears them down."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject

from desktop.app.context import AppContext
from desktop.app.icons import icon
from desktop.app.services.syncing import SyncService
from desktop.app.services.watching import WatchService
from desktop.app.tasks import TaskManager
from desktop.app.tray import Tray, tray_available
from desktop.app.window import MainWindow
from importers.managed_config import ManagedConfig
from sync.store import Store


class GenbaApp(QObject):
    def __init__(self, data_dir: Path, *, tray: bool = True, parent=None):
        super().__init__(parent)
        store = Store(data_dir)
        # Effective settings: IT policy > machine file > the rep's own > installer presets.
        config = ManagedConfig(data_dir)
        tasks = TaskManager(self)
        self.ctx = AppContext(Path(data_dir), store, config.settings(), tasks, config=config)
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
        if tray and tray_available():
            self.tray = Tray(icon("genba", selected=None), self)
            self.tray.show_window.connect(self.show_window)
            self.tray.quit_requested.connect(self.quit)
            self.window.keep_running_in_tray = True

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
        self.ctx.bus.data_changed.emit()

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
            self.window.data_changed_soon()
        if self.tray is None:
            return
        name = event.path.name if event.path is not None else ""
        if event.kind == "imported":
            added = getattr(event.outcome, "added", None)
            text = (
                self.tr("{0}: {1} new activities").format(name, added)
                if isinstance(added, int)
                else name
            )
            self.tray.notify(self.tr("Imported"), text)
        elif event.kind in ("failed", "error"):
            self.tray.notify(
                self.tr("Could not import"), self.tr("{0}: see Problems").format(name), warning=True
            )

    def _on_sync_status(self, status: dict) -> None:
        report = status.get("report")
        if status.get("state") == "ok" and report is not None and getattr(report, "applied", 0):
            self.window.data_changed_soon()
