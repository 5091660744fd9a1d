"""The mapping wizard for a workbook Genba cannot read on its own.

Pick the sheet and the row that holds the headings, and map columns to fields — or, for a form,
name its label cells — with a live preview (parse_report with a Profile built from the choices, in the background),
save the profile, and import the workbook again.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QRadioButton,
    QTableView,
    QVBoxLayout,
    QWizard,
    QWizardPage,
)

from desktop.app.dialogs.fit import keep_on_screen
from desktop.app.dialogs.mapping_columns import ColumnsPage
from desktop.app.dialogs.mapping_labels import LabelsPage
from desktop.app.dialogs.mapping_parts import (
    GridModel,
    cell_text,
)
from desktop.app.dialogs.mapping_save import SavePage
from desktop.app.i18n import InContextLanguage, speaking
from desktop.app.widgets import label, style_wizard, wizard_title


def build_profile(
    name: str,
    filename: str,
    header_row: int | None,
    layout: str,
    columns: dict[str, str],
    rep: str | None,
    labels: dict[str, str] | None = None,
    skip_sheets: list[str] | None = None,
    headings: list[str] | None = None,
):
    """The profile the wizard saves. It names no sheets to read: a fiscal-year workbook gains a
    month sheet every month, and a form a sheet every day; ``skip_sheets`` leaves out the ones
    that do not share the chosen sheet's headings (a 集計 sheet)."""
    from importers.profiles import Profile

    return Profile(
        name=name,
        match=[filename] if filename else [],  # none: by the heading row only
        layout=layout,
        header_row=header_row if layout == "table" else None,
        skip_sheets=list(skip_sheets or []) if layout == "table" else [],
        columns=dict(columns) if layout == "table" else {},
        labels=dict(labels or {}) if layout == "form" else {},
        rep=rep,
        # next month's file of the same template matches by its heading row, whatever its name
        headings=list(headings or []) if layout == "table" else [],
    )


def sheets_without_headings(sheets, chosen, row: int) -> list[str]:
    """Names of the sheets whose row ``row`` does not hold the chosen sheet's headings."""

    def headings(sheet) -> tuple[str, ...]:
        cells = sheet.rows[row] if row < len(sheet.rows) else []
        return tuple(t for t in (cell_text(v).strip() for v in cells) if t)

    want = headings(chosen)
    return [s.name for s in sheets if s is not chosen and headings(s) != want]


class HeaderPage(InContextLanguage, QWizardPage):
    def __init__(self, wizard: MappingWizard):
        self.lang = wizard.lang  # first: every tr() below speaks it (InContextLanguage)
        super().__init__()
        self.w = wizard
        self.setTitle(wizard_title(self.tr("Which row holds the headings?")))
        self.setSubTitle(
            self.tr(
                "Click the row with the column headings (日付, 訪問先, 内容 …) in the sheet below."
            )
        )
        lay = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(label(self.tr("Sheet")))
        self.sheet_combo = QComboBox()
        self.sheet_combo.currentIndexChanged.connect(self._sheet_changed)
        top.addWidget(self.sheet_combo)
        self.table_radio = QRadioButton(self.tr("One row per visit (table)"))
        self.form_radio = QRadioButton(self.tr("Labels with values beside them (form)"))
        self.table_radio.setChecked(True)
        self.table_radio.toggled.connect(self.completeChanged)
        top.addSpacing(16)
        top.addWidget(self.table_radio)
        top.addWidget(self.form_radio)
        top.addStretch(1)
        lay.addLayout(top)
        self.grid = GridModel(self)
        self.view = QTableView()
        self.view.setModel(self.grid)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().setDefaultSectionSize(26)
        self.view.horizontalHeader().setDefaultSectionSize(110)
        self.view.selectionModel().currentRowChanged.connect(lambda *_: self.completeChanged.emit())
        lay.addWidget(self.view, 1)
        self.chosen = label("", "muted")
        lay.addWidget(self.chosen)

    def set_workbook(self, sheets, error: str | None = None) -> None:
        """The sheets' first rows; ``error``: why the workbook could not be read at all."""
        if error:
            self.chosen.setText(error)
            self.chosen.setObjectName("errorBadge")
            self.chosen.setWordWrap(True)
        self.sheet_combo.blockSignals(True)
        self.sheet_combo.clear()
        for s in sheets:
            self.sheet_combo.addItem(s.name)
        self.sheet_combo.blockSignals(False)
        self._sheet_changed()

    def _sheet_changed(self) -> None:
        sheet = self.w.sheet()
        self.grid.set_sheet(sheet.rows if sheet else [])
        self.completeChanged.emit()

    def header_row(self) -> int | None:
        idx = self.view.currentIndex()
        return idx.row() if idx.isValid() else None

    def select_row(self, row: int) -> None:
        self.view.selectRow(row)
        self.view.setCurrentIndex(self.grid.index(row, 0))

    def isComplete(self) -> bool:
        if self.form_radio.isChecked():
            return self.sheet_combo.count() > 0
        row = self.header_row()
        if row is not None:
            self.chosen.setText(self.tr("Headings in row {0}").format(row + 1))
        return row is not None

    def nextId(self) -> int:
        return self.w.labels_id if self.form_radio.isChecked() else self.w.columns_id


class MappingWizard(InContextLanguage, QWizard):
    saved = Signal()  # the profile is saved and the workbook imported again (or tried)

    def __init__(self, ctx, path: Path, parent=None):
        self.ctx = ctx
        # First: the pages, their tr() (InContextLanguage) and the messages about the workbook
        # speak the rep's language (the context's).
        self.lang = ctx.language
        super().__init__(parent)
        keep_on_screen(self)
        self.path = Path(path)
        self.workbook: dict | None = None
        self.profile_path: Path | None = None
        self.setWindowTitle(self.tr("Set up the headings — {0}").format(self.path.name))
        style_wizard(self, self.lang)
        self.resize(1040, 680)
        self.header_page = HeaderPage(self)
        self.columns_page = ColumnsPage(self)
        self.labels_page = LabelsPage(self)
        self.save_page = SavePage(self)
        self.header_id = self.addPage(self.header_page)
        self.columns_id = self.addPage(self.columns_page)
        self.labels_id = self.addPage(self.labels_page)
        self.save_id = self.addPage(self.save_page)
        self._preview_generation = 0
        self.last_preview: dict | None = None
        path_ = self.path
        # Parsed in the import process: a large workbook would hold this process's GIL.
        ctx.tasks.run(lambda: ctx.imports.load_grid(path_, self.lang), self._loaded)

    def _loaded(self, wb: dict) -> None:
        self.workbook = wb
        self.header_page.set_workbook(wb["sheets"], wb.get("error"))

    def sheet(self):
        if not self.workbook:
            return None
        i = self.header_page.sheet_combo.currentIndex()
        sheets = self.workbook["sheets"]
        return sheets[i] if 0 <= i < len(sheets) else None

    def profile(self, name: str | None = None, match: str | None = None):
        layout = "form" if self.header_page.form_radio.isChecked() else "table"
        row = self.header_page.header_row()
        sheet = self.sheet()
        skip, headings = [], []
        if layout == "table" and sheet is not None and row is not None:
            skip = sheets_without_headings(self.workbook["sheets"], sheet, row)
            cells = sheet.rows[row] if row < len(sheet.rows) else []
            # the texts the next file's heading row is compared with (profiles.matches_headings)
            headings = [v.strip() for v in cells if isinstance(v, str) and v.strip()]
        return build_profile(
            name or self.path.stem,
            self.path.name if match is None else match,
            None if row is None else row + 1,
            layout,
            self.columns_page.columns(),
            self.ctx.settings.user_name,
            self.labels_page.labels(),
            skip,
            headings,
        )

    def run_preview(self) -> None:
        if not self.workbook:
            return
        self._preview_generation += 1
        gen = self._preview_generation
        imports, path, profile, rep = (
            self.ctx.imports,
            self.path,
            self.profile(),
            self.ctx.settings.user_name,
        )
        if profile.layout == "table" and not profile.columns:
            self._previewed(
                gen,
                {
                    "rows": [],
                    "count": 0,
                    "error": speaking(self.lang).translate(
                        "Mapping", "Choose a field for at least one column."
                    ),
                },
            )
            return
        self.ctx.tasks.run(
            lambda: imports.preview(path, profile, rep, self.lang),
            lambda r: self._previewed(gen, r),
        )

    def _previewed(self, gen: int, result: dict) -> None:
        if gen == self._preview_generation:
            self.last_preview = result
            form = self.header_page.form_radio.isChecked()
            (self.labels_page if form else self.columns_page).show_preview(result)
