"""The main window: navigation on the left, one view at a time, search on top, status below.

Typing in the search box (Ctrl+K) shows ranked notes and activities as you type; a customer's
pre-visit brief opens from their page or from a search result.

Drop workbooks or card files anywhere on the window to import them (in the background).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QProgressBar,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.app.data.changes import Changes
from desktop.app.dialogs import fit
from desktop.app.i18n import InContextLanguage
from desktop.app.icons import icon
from desktop.app.services import dropping
from desktop.app.views.activities import ActivitiesView
from desktop.app.views.brief import BriefView
from desktop.app.views.customers import CustomersView
from desktop.app.views.folders import FoldersView
from desktop.app.views.knowledge import KnowledgeView
from desktop.app.views.problems import ProblemsView
from desktop.app.views.search import SearchView
from desktop.app.views.sync import SyncView
from desktop.app.views.today import TodayView
from desktop.app.widgets import label
from importers.kinds import all_suffixes

# In the navigation, in this order; "search" and "brief" are reached from the search box and a
# customer's page.
VIEW_NAMES = ("today", "customers", "activities", "knowledge", "problems", "folders", "sync")
SEARCH_DEBOUNCE_MS = 250
DROP_SUFFIXES = all_suffixes()  # what some file kind imports (importers.kinds)


class MainWindow(InContextLanguage, QMainWindow):
    view_shown = Signal(str)
    import_finished = Signal(object)  # ImportSummary of a drop
    close_to_tray = Signal()

    def __init__(self, ctx, parent=None):
        self.ctx = ctx  # first: every tr() below speaks its language (InContextLanguage)
        super().__init__(parent)
        self.keep_running_in_tray = False  # set by the app when a tray icon exists
        self.setWindowTitle(self.tr("Genba — daily reports and customers"))
        self.setWindowIcon(icon("genba", selected=None))
        self.setAcceptDrops(True)
        self.setMinimumSize(QSize(980, 600))

        central = QWidget()
        root = QHBoxLayout(central)
        root.setContentsMargins(0, 0, 0, 0)
        root.setSpacing(0)
        root.addWidget(self._sidebar())
        right = QVBoxLayout()
        right.setContentsMargins(0, 0, 0, 0)
        right.setSpacing(0)
        right.addWidget(self._topbar())
        self.stack = QStackedWidget()
        right.addWidget(self.stack, 1)
        root.addLayout(right, 1)
        self.setCentralWidget(central)

        self.views: dict[str, QWidget] = {
            "today": TodayView(ctx),
            "customers": CustomersView(ctx),
            "activities": ActivitiesView(ctx),
            "knowledge": KnowledgeView(ctx),
            "problems": ProblemsView(ctx),
            "folders": FoldersView(ctx),
            "sync": SyncView(ctx),
            "search": SearchView(ctx),
            "brief": BriefView(ctx),
        }
        self._current = "today"
        self._switching = False
        self._before_search = "today"
        for v in self.views.values():
            self.stack.addWidget(v)
        today: TodayView = self.views["today"]
        today.open_customer.connect(self.open_customer)
        today.open_problems.connect(lambda: self.show_view("problems"))
        today.open_activities.connect(lambda: self.show_view("activities"))
        self.views["problems"].open_mapping.connect(self.open_mapping)
        customers: CustomersView = self.views["customers"]
        customers.page.open_brief.connect(self.open_brief)
        search: SearchView = self.views["search"]
        search.open_hit.connect(self.open_hit)
        search.open_brief.connect(self.open_brief)
        search.filter_activities.connect(self.filter_activities)
        search.loaded.connect(self._search_loaded)
        self.views["brief"].back.connect(self.open_customer)
        self.views["knowledge"].open_note.connect(lambda cid, nid: self.open_hit(cid, "note", nid))

        self._status_bar()
        # Imports and edits arrive in bursts (a folder of workbooks): told once per burst, with
        # what the whole burst changed.
        self._changed = QTimer(self, singleShot=True, interval=400)
        self._changed.timeout.connect(self._tell_changed)
        self._pending: Changes | None = None
        QShortcut(QKeySequence("Ctrl+K"), self, activated=self.focus_search)
        QShortcut(QKeySequence.StandardKey.Find, self, activated=self.focus_search)
        self.nav.setCurrentRow(0)
        self._restore_geometry()

    # -- size and place ------------------------------------------------------------------------------
    def _geometry_file(self) -> QSettings:
        # In the data folder, next to settings.toml: each data folder (and test) has its own.
        return QSettings(str(Path(self.ctx.data_dir) / "window.ini"), QSettings.Format.IniFormat)

    def _restore_geometry(self) -> None:
        """Last session's size, place and maximised state; else 1280×800 where the screen has
        room for it, less on a smaller screen, centred on the available area."""
        saved = self._geometry_file().value("main/geometry")
        if isinstance(saved, QByteArray) and self.restoreGeometry(saved):
            fit.place_inside(self)
            return
        self.resize(fit.fit_size(self, QSize(1280, 800)))
        fit.center(self)

    def save_geometry(self) -> None:
        settings = self._geometry_file()
        settings.setValue("main/geometry", self.saveGeometry())
        settings.sync()

    # -- layout ------------------------------------------------------------------------------------
    def _sidebar(self) -> QWidget:
        side = QWidget()
        side.setObjectName("sidebar")
        side.setFixedWidth(208)
        lay = QVBoxLayout(side)
        lay.setContentsMargins(0, 6, 0, 10)
        lay.setSpacing(0)
        brand = QHBoxLayout()
        brand.setContentsMargins(16, 10, 8, 0)
        logo = QLabel()
        from desktop.app.icons import pixmap

        logo.setPixmap(pixmap("genba", size=30))
        brand.addWidget(logo)
        name = label("現場 Genba", "brand")
        name.setStyleSheet("padding: 0 0 0 8px;")
        brand.addWidget(name, 1)
        lay.addLayout(brand)
        lay.addWidget(label(self.tr("Your reports, your customers"), "brandSub"))
        self.nav = QListWidget()
        self.nav.setObjectName("nav")
        self.nav.setIconSize(QSize(20, 20))
        titles = {
            "today": self.tr("Today"),
            "customers": self.tr("Customers"),
            "activities": self.tr("Activities"),
            "knowledge": self.tr("Knowledge"),
            "problems": self.tr("Problems"),
            "folders": self.tr("Folders"),
            "sync": self.tr("Sync"),
        }
        icons = {"knowledge": "note"}
        for key in VIEW_NAMES:
            item = QListWidgetItem(icon(icons.get(key, key)), titles[key])
            item.setData(Qt.ItemDataRole.UserRole, key)
            item.setSizeHint(QSize(180, 42))
            self.nav.addItem(item)
        self.nav.currentRowChanged.connect(self._nav_changed)
        self.nav.itemClicked.connect(self._nav_clicked)
        lay.addWidget(self.nav, 1)
        self.user_label = label("", "brandSub", wrap=True)
        lay.addWidget(self.user_label)
        self._update_user()
        self.ctx.bus.settings_changed.connect(self._update_user)
        return side

    def _topbar(self) -> QWidget:
        bar = QWidget()
        bar.setObjectName("topbar")
        lay = QHBoxLayout(bar)
        lay.setContentsMargins(28, 10, 20, 10)
        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setPlaceholderText(self.tr("Search notes and activities (Ctrl+K)"))
        self.search.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(380)
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DEBOUNCE_MS)
        self._search_timer.timeout.connect(self.run_search)
        self.search.textChanged.connect(self._search_typed)
        self.search.returnPressed.connect(self._search_entered)
        self._focus_results = False
        lay.addWidget(self.search)
        lay.addStretch(1)
        self.drop_hint = label(self.tr("Drop workbooks or card files here to import them"), "muted")
        lay.addWidget(self.drop_hint)
        return bar

    def _status_bar(self) -> None:
        sb = self.statusBar()
        sb.setSizeGripEnabled(False)
        self.watch_label = QLabel(self.tr("Folders: not watching"))
        self.sync_label = QLabel(self.tr("Sync: not set up"))
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(220)
        self.progress.setVisible(False)
        # A long voice memo takes minutes to transcribe: say how far it is, whoever imports it
        # (a drop, the watched folder).
        self.transcribe_label = QLabel()
        self.transcribe_label.setVisible(False)
        self._transcribe_hide = QTimer(self, singleShot=True, interval=4000)
        self._transcribe_hide.timeout.connect(lambda: self.transcribe_label.setVisible(False))
        self.ctx.bus.transcribe_progress.connect(self._transcribing)
        sb.addWidget(self.watch_label)
        sb.addWidget(self.sync_label)
        sb.addPermanentWidget(self.transcribe_label)
        sb.addPermanentWidget(self.progress)

    def _update_user(self) -> None:
        name = self.ctx.settings.user_name
        self.user_label.setText(self.tr("Signed in as {0}").format(name) if name else "")

    # -- navigation --------------------------------------------------------------------------------
    def _nav_changed(self, row: int) -> None:
        # A row changed while a view is being switched is Qt moving the focus (the hidden
        # view's focused button hands it to the sidebar, which then selects its first row):
        # acting on it would show a second page inside the stack.
        if self._switching or not 0 <= row < len(VIEW_NAMES):
            return
        name = VIEW_NAMES[row]
        if name == "customers":
            self.views["customers"].show_list()  # the sidebar's 顧客 goes back to the list
        self.show_view(name)

    def _nav_clicked(self, item: QListWidgetItem) -> None:
        # 顧客 clicked while already on Customers (a customer's page): back to the list.
        if item.data(Qt.ItemDataRole.UserRole) == "customers" and not self._switching:
            self.views["customers"].show_list()

    def show_view(self, name: str) -> QWidget:
        view = self.views[name]
        self._switching = True
        try:
            self._select_nav(name)
            self._current = name
            self.stack.setCurrentWidget(view)
            self._select_nav(name)  # undo what a focus change did to the sidebar meanwhile
        finally:
            self._switching = False
        view.activate()
        self.view_shown.emit(name)
        return view

    def _select_nav(self, name: str) -> None:
        row = VIEW_NAMES.index(name) if name in VIEW_NAMES else -1
        if self.nav.currentRow() != row:
            self.nav.blockSignals(True)
            self.nav.setCurrentRow(row)
            self.nav.blockSignals(False)

    def current_view_name(self) -> str:
        return self._current

    def open_customer(self, company_id: str) -> None:
        view: CustomersView = self.show_view("customers")
        view.show_customer(company_id)

    def open_hit(self, company_id: str, kind: str, ref_id: str) -> None:
        """A search result or a team note: the customer's page, scrolled to it."""
        view: CustomersView = self.show_view("customers")
        view.show_customer(company_id, (kind, ref_id))

    def open_brief(self, company_id: str) -> BriefView:
        view: BriefView = self.show_view("brief")
        view.load(company_id)
        return view

    # -- search ------------------------------------------------------------------------------------
    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def _search_typed(self, text: str) -> None:
        if text.strip():
            self._search_timer.start()
        else:
            self._search_timer.stop()
            self.views["search"].search("")
            if self._current == "search":
                self.show_view(self._before_search)

    def run_search(self) -> SearchView:
        """Search for the box's text now (typing waits for a pause first)."""
        self._search_timer.stop()
        view: SearchView = self.views["search"]
        if self._current != "search":
            self._before_search = self._current
            self.show_view("search")
        view.search(self.search.text())
        return view

    def _search_entered(self) -> None:
        if not self.search.text().strip():
            return
        view: SearchView = self.views["search"]
        if self._current == "search" and view.query == self.search.text().strip():
            view.focus_results()
        else:
            self._focus_results = True
            self.run_search()

    def _search_loaded(self) -> None:
        if self._focus_results:
            self._focus_results = False
            self.views["search"].focus_results()

    def filter_activities(self, text: str) -> None:
        view: ActivitiesView = self.show_view("activities")
        view.set_text(text)

    def open_mapping(self, path: str):
        from desktop.app.dialogs.mapping import MappingWizard

        wizard = MappingWizard(self.ctx, Path(path), parent=self)
        wizard.open()
        self._mapping = wizard
        return wizard

    # -- status ------------------------------------------------------------------------------------
    def set_watch_state(self, state: str) -> None:
        self.views["folders"].set_watch_state(state)
        text = {
            "off": self.tr("Folders: not watching"),
            "starting": self.tr("Folders: starting…"),
            "watching": self.tr("Folders: watching"),
            "unavailable": self.tr("Folders: watcher not available"),
        }.get(state, state)
        self.watch_label.setText(text)

    def set_sync_state(self, status: dict) -> None:
        state = status.get("state")
        text = {
            "syncing": self.tr("Sync: syncing…"),
            "ok": self.tr("Sync: up to date"),
            "offline": self.tr("Sync: offline (changes kept)"),
            "error": self.tr("Sync: error"),
            "not_configured": self.tr("Sync: not set up"),
        }.get(state, self.tr("Sync: not set up"))
        self.sync_label.setText(text)

    def data_changed_soon(self, changes: Changes) -> None:
        self._pending = changes if self._pending is None else self._pending | changes
        self._changed.start()

    def _tell_changed(self) -> None:
        changes, self._pending = self._pending, None
        if changes is not None:
            self.ctx.changed(changes)

    # -- drag and drop -----------------------------------------------------------------------------
    @staticmethod
    def droppable(mime) -> bool:
        """Whether a drag carries something Genba imports (workbooks, cards, folders)."""
        for url in mime.urls():
            path = Path(url.toLocalFile())
            if url.isLocalFile() and (path.suffix.lower() in DROP_SUFFIXES or path.is_dir()):
                return True
        return False

    def dragEnterEvent(self, event):
        if self.droppable(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event):
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            self.import_dropped(paths)
            event.acceptProposedAction()

    def import_dropped(self, paths: list[Path]) -> None:
        """Import files of any kind in the background, with progress in the status bar."""
        ctx = self.ctx
        bus = ctx.bus
        self.progress.setVisible(True)
        self.progress.setRange(0, 0)
        bus.import_progress.connect(self._progress)

        def done(summary):
            bus.import_progress.disconnect(self._progress)
            self.progress.setVisible(False)
            self.statusBar().showMessage(
                self.tr("Imported {0} of {1} file(s): {2} new activities, {3} failed").format(
                    summary.imported, summary.files, summary.added, summary.failed
                ),
                8000,
            )
            self.import_finished.emit(summary)

        # The import process reads and writes; the writer thread stays free for edits.
        dropping.import_dropped(ctx, paths, done)

    def _progress(self, done: int, total: int, name: str) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.progress.setFormat(f"{done}/{total}")

    def _transcribing(self, percent: int, name: str) -> None:
        if percent < 0:  # the import ended: a transcription cut short (a problem) stops showing
            if not self._transcribe_hide.isActive():
                self.transcribe_label.setVisible(False)
            return
        self.transcribe_label.setText(
            self.tr("Transcribing voice memo… {0}% ({1})").format(percent, name)
        )
        self.transcribe_label.setVisible(True)
        self._transcribe_hide.stop()
        if percent >= 100:
            self._transcribe_hide.start()

    def closeEvent(self, event):
        self.save_geometry()
        if self.keep_running_in_tray:
            event.ignore()
            self.hide()
            self.close_to_tray.emit()
            return
        super().closeEvent(event)
