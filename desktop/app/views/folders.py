"""Folders: the watched report, card and photo folders, their state and last import."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFileDialog

from desktop.app import fmt
from desktop.app.data import folders
from desktop.app.data.changes import IMPORT_ISSUES, SOURCES, Changes
from desktop.app.i18n import InContextLanguage
from desktop.app.icons import icon
from desktop.app.models.lazy import Column
from desktop.app.models.lists import RecordsModel
from desktop.app.widgets import Page, button, label, table


class FoldersView(InContextLanguage, Page):
    loaded = Signal()
    folders_changed = Signal()
    rescan_requested = Signal()

    def __init__(self, ctx, parent=None):
        self.ctx = ctx  # first: every tr() below speaks its language (InContextLanguage)
        super().__init__(
            self.tr("Folders"),
            self.tr(
                "Genba watches these folders and imports what you save into them, even when the window is closed."
            ),
            parent,
        )
        self.rows: list[dict] | None = None
        self.watch_state = "off"
        kinds = {
            "reports": self.tr("Daily reports"),
            "cards": self.tr("Business cards"),
            "photos": self.tr("Memo photos"),
            "mail": self.tr("Mail"),
            "voice": self.tr("Voice memos"),
        }
        self.model = RecordsModel(
            [
                Column("kind", self.tr("Kind"), lambda r: kinds.get(r["kind"], r["kind"])),
                Column("path", self.tr("Folder"), tooltip=True),
                Column("state", self.tr("State"), self._state),
                Column("files", self.tr("Files"), self._files, align_right=True),
                Column("last_import", self.tr("Last import"), lambda r: fmt.when(r["last_import"])),
            ],
            self,
        )
        self.view = table(self.model, stretch=1, widths={0: 120, 2: 220, 3: 96, 4: 150})
        self.outer.addWidget(self.view, 1)
        for kind, text in (
            ("reports", self.tr("Add a report folder…")),
            ("cards", self.tr("Add a card folder…")),
            ("photos", self.tr("Add a photo folder…")),
            ("mail", self.tr("Add a mail folder…")),
            ("voice", self.tr("Add a voice memo folder…")),
        ):
            primary = kind == "reports"
            b = button(text, icon=icon("add", "#ffffff" if primary else "#4b5563"), primary=primary)
            b.clicked.connect(lambda _=False, k=kind: self.choose_folder(k))
            self.actions.addWidget(b)
        self.remove_button = button(self.tr("Stop watching"))
        self.remove_button.clicked.connect(self.remove_selected)
        self.rescan_button = button(self.tr("Check folders now"))
        self.rescan_button.clicked.connect(self.rescan_requested)
        self.note = label(
            self.tr("Files already imported stay in Genba when a folder is removed."),
            "muted",
            wrap=True,
        )
        from PySide6.QtWidgets import QHBoxLayout

        row = QHBoxLayout()
        row.addWidget(self.remove_button)
        row.addWidget(self.rescan_button)
        row.addStretch(1)
        row.addWidget(self.note)
        self.outer.addLayout(row)
        ctx.bus.data_changed.connect(self._data_changed)
        ctx.bus.settings_changed.connect(self.refresh)

    def _files(self, r: dict) -> str:
        files = f"{r['files']:,}"
        copies = r.get("copies") or 0
        if copies:
            # Only a copy of a workbook read elsewhere is still not "0 files".
            files += " " + self.tr("(+%n copy of a known workbook)", "", copies)
        return files

    def _state(self, r: dict) -> str:
        if not r["exists"]:
            return self.tr("not found")
        if self.watch_state == "watching":
            text = self.tr("watching (polling)") if r.get("polling") else self.tr("watching")
        elif self.watch_state == "starting":
            text = self.tr("starting…")
        else:
            text = self.tr("not watched")
        if r["errors"]:
            text += " · " + self.tr("%n error(s)", "", r["errors"])
        if r.get("locked"):
            text += " · " + self.tr("set by your administrator")
        return text

    def set_watch_state(self, state: str) -> None:
        """The watcher's state ('off', 'starting', 'watching', 'unavailable')."""
        self.watch_state = state
        self.model.set_rows(self.model.rows())

    def activate(self) -> None:
        if self.rows is None:
            self.refresh()

    def _data_changed(self, changes: Changes) -> None:
        # each folder's files (their sources) and what they brought
        if self.rows is not None and changes.touches(SOURCES, IMPORT_ISSUES):
            self.refresh()

    def refresh(self) -> None:
        settings, config = self.ctx.settings, self.ctx.config
        self.ctx.read(
            lambda conn: folders.folder_rows(conn, settings, config), self._show, latest=self
        )

    def _show(self, rows: list[dict]) -> None:
        self.rows = rows
        self.model.set_rows(rows)
        self.loaded.emit()

    def choose_folder(self, kind: str) -> None:
        path = QFileDialog.getExistingDirectory(self, self.tr("Choose a folder to watch"))
        if path:
            self.add_folder(kind, path)

    def add_folder(self, kind: str, path: str) -> None:
        settings, data_dir, config = self.ctx.settings, self.ctx.data_dir, self.ctx.config
        self.ctx.write(
            lambda: folders.add_folder(settings, data_dir, kind, path, config),
            lambda _added: self._settings_saved(),
            self._refused,
            changes_data=False,
        )

    def remove_selected(self) -> None:
        idx = self.view.currentIndex()
        row = self.model.row(idx.row()) if idx.isValid() else None
        if row is None:
            return
        if row.get("locked"):
            self._refused(PermissionError(row["locked"]))
            return
        settings, data_dir, config = self.ctx.settings, self.ctx.data_dir, self.ctx.config
        self.ctx.write(
            lambda: folders.remove_folder(settings, data_dir, row["kind"], row["path"], config),
            lambda _removed: self._settings_saved(),
            self._refused,
            changes_data=False,
        )

    def _refused(self, error: BaseException) -> None:
        """IT has locked these folders: say so instead of failing silently."""
        if not isinstance(error, PermissionError):
            self.ctx.tasks.default_error(error)
            return
        self.note.setText(
            self.tr("These folders are set by your administrator and cannot be changed here.")
        )

    def _settings_saved(self) -> None:
        self.ctx.bus.settings_changed.emit()
        self.folders_changed.emit()
