"""The mapping wizard's page for a form: which cells are labels, and what each one means.

A form (a sheet per day, 「お伺い先」 beside its value, visit blocks repeated down the sheet) is
read by its label words, not by column: the rep clicks a label cell and names its field; the
words go into the profile's ``labels`` and are recognised in every sheet and block of the
workbooks the profile matches. Labels the shipped synonyms already know are tinted so that the
rep only names what Genba missed.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QTableView,
    QVBoxLayout,
    QWizardPage,
)

from desktop.app.dialogs.mapping_parts import (
    KNOWN_LABEL,
    OWN_LABEL,
    GridModel,
    PreviewPanel,
    column_letter,
    field_names,
)
from desktop.app.i18n import InContextLanguage
from desktop.app.widgets import button, label, wizard_title


class LabelsPage(InContextLanguage, QWizardPage):
    def __init__(self, wizard):
        self.lang = wizard.lang  # first: every tr() below speaks it (InContextLanguage)
        super().__init__()
        self.w = wizard
        self.setTitle(wizard_title(self.tr("Which cells are labels?")))
        self.setSubTitle(
            self.tr(
                "Click a cell holding a label (お客様名, 打合せ内容 …) and choose what it means. "
                "Blue cells are labels Genba already knows; yellow ones are yours."
            )
        )
        self.own: dict[str, str] = {}  # label text as written -> field
        lay = QVBoxLayout(self)
        self.grid = GridModel(self)
        self.view = QTableView()
        self.view.setModel(self.grid)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().setDefaultSectionSize(26)
        self.view.horizontalHeader().setDefaultSectionSize(110)
        self.view.selectionModel().currentChanged.connect(self._cell_chosen)
        lay.addWidget(self.view, 3)

        bar = QHBoxLayout()
        self.cell_label = label(self.tr("Click a label cell in the sheet above."), "muted")
        bar.addWidget(self.cell_label, 1)
        self.field_combo = QComboBox()
        self.field_combo.addItem(self.tr("(not a label)"), None)
        for key, name in field_names(self.lang).items():
            self.field_combo.addItem(name, key)
        self.field_combo.setEnabled(False)
        bar.addWidget(self.field_combo)
        self.assign_button = button(self.tr("Use this label"), primary=True)
        self.assign_button.setEnabled(False)
        self.assign_button.clicked.connect(self.assign_current)
        bar.addWidget(self.assign_button)
        lay.addLayout(bar)
        self.own_label = label("", "muted", wrap=True)
        lay.addWidget(self.own_label)

        self.preview_panel = PreviewPanel(self, self.lang)
        self.preview, self.preview_label = self.preview_panel.model, self.preview_panel.label
        lay.addWidget(self.preview_panel, 2)
        self._debounce = QTimer(self, singleShot=True, interval=250)
        self._debounce.timeout.connect(self.w.run_preview)

    # -- the page -----------------------------------------------------------------------------
    def initializePage(self) -> None:
        sheet = self.w.sheet()
        self.grid.set_sheet(sheet.rows if sheet else [])
        self._mark()
        self.w.run_preview()

    def labels(self) -> dict[str, str]:
        return dict(self.own)

    def set_label(self, row: int, col: int, field: str | None) -> None:
        """Name the cell at (row, col) as the label of ``field`` (None: not a label)."""
        text = self.grid.text(row, col)
        if not text:
            return
        if field:
            self.own[text] = field
        else:
            self.own.pop(text, None)
        self._mark()
        self._debounce.start()

    def assign_current(self) -> None:
        idx = self.view.currentIndex()
        if idx.isValid():
            self.set_label(idx.row(), idx.column(), self.field_combo.currentData())

    def show_preview(self, result: dict) -> None:
        self.preview_panel.show(result)

    # -- internals ------------------------------------------------------------------------------
    def _cell_chosen(self, current, _previous=None) -> None:
        text = self.grid.text(current.row(), current.column()) if current.isValid() else ""
        self.field_combo.setEnabled(bool(text))
        self.assign_button.setEnabled(bool(text))
        if not text:
            self.cell_label.setText(self.tr("This cell is empty: click a label cell."))
            return
        ref = f"{column_letter(current.column())}{current.row() + 1}"
        self.cell_label.setText(self.tr("{0} 「{1}」 is the label for").format(ref, text))
        field = self.own.get(text) or self._known(text)
        self.field_combo.setCurrentIndex(max(0, self.field_combo.findData(field)))

    def _known(self, text: str) -> str | None:
        from importers.layout.synonyms import load_synonyms

        return load_synonyms().field_of(text)

    def _mark(self) -> None:
        marks = {}
        for r, row in enumerate(self.grid.rows):
            for c in range(len(row)):
                text = self.grid.text(r, c)
                if not text:
                    continue
                if text in self.own:
                    marks[(r, c)] = OWN_LABEL
                elif self._known(text):
                    marks[(r, c)] = KNOWN_LABEL
        self.grid.set_marks(marks)
        names = field_names(self.lang)
        self.own_label.setText(
            self.tr("Your labels: {0}").format(
                "、".join(f"「{t}」→{names.get(f, f)}" for t, f in self.own.items())
            )
            if self.own
            else ""
        )
