"""The mapping wizard's columns page: a field for each column of the heading row.

Each column starts on Genba's own suggestion (its reason as the tooltip), and shows its first
values as Genba will read them for the field chosen — ¥1,200,000 for an amount, 80% for a
probability, 2025/06/03 for a date — above the live preview of the rows.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from desktop.app.dialogs.mapping_parts import (
    PreviewPanel,
    cell_text,
    column_letter,
    field_names,
    shown_as,
)
from desktop.app.i18n import InContextLanguage
from desktop.app.widgets import label, wizard_title

SAMPLES = 2  # values shown under each column's field


class ColumnsPage(InContextLanguage, QWizardPage):
    def __init__(self, wizard):
        self.lang = wizard.lang  # first: every tr() below speaks it (InContextLanguage)
        super().__init__()
        self.w = wizard
        self.setTitle(wizard_title(self.tr("What does each column hold?")))
        self.setSubTitle(
            self.tr(
                "Choose a field for each column; the preview below shows how Genba reads the rows."
            )
        )
        lay = QVBoxLayout(self)
        self.combos: dict[str, QComboBox] = {}
        self.samples: dict[str, QLabel] = {}  # letter -> its first values, as Genba reads them
        holder = QWidget()
        self.grid = QGridLayout(holder)
        self.grid.setHorizontalSpacing(12)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(holder)
        scroll.setMaximumHeight(200)
        lay.addWidget(scroll)
        self.preview_panel = PreviewPanel(self, self.lang)
        self.preview, self.preview_label = self.preview_panel.model, self.preview_panel.label
        lay.addWidget(self.preview_panel, 1)
        self._debounce = QTimer(self, singleShot=True, interval=250)
        self._debounce.timeout.connect(self.w.run_preview)

    def nextId(self) -> int:
        return self.w.save_id  # the labels page is for forms only

    def initializePage(self) -> None:
        from importers.layout.header import suggest_columns
        from importers.layout.synonyms import load_synonyms

        while self.grid.count():
            item = self.grid.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        self.combos.clear()
        self.samples.clear()
        sheet = self.w.sheet()
        row = self.w.header_page.header_row() or 0
        cells = sheet.rows[row] if sheet and row < len(sheet.rows) else []
        synonyms = load_synonyms()
        names = field_names(self.lang)
        # Genba's own reading of this header row (with its reasons), not a blank start
        suggested = suggest_columns(sheet, row, synonyms) if sheet and cells else {}
        below = sheet.rows[row + 1 :] if sheet else []
        i = 0
        for c, value in enumerate(cells):
            text = cell_text(value).strip()
            if not text:
                continue
            letter = column_letter(c)
            combo = QComboBox()
            combo.addItem(self.tr("(not imported)"), None)
            for key, name in names.items():
                combo.addItem(name, key)
            guess, why = suggested.get(c, (None, ""))
            if guess:
                combo.setCurrentIndex(max(0, combo.findData(guess)))
                combo.setToolTip(why)
            # The first values below the heading, as Genba will read them for the chosen field.
            values = [r[c] for r in below if c < len(r) and r[c] not in ("", None)][:SAMPLES]
            sample = label("", "muted")
            self.samples[letter] = sample
            self.combos[letter] = combo

            def show_sample(_=None, combo=combo, sample=sample, values=values, text=text):
                shown = [shown_as(v, combo.currentData(), text) for v in values]
                sample.setText(self.tr("e.g. {0}").format("、".join(shown)) if shown else "")

            show_sample()
            combo.currentIndexChanged.connect(show_sample)
            combo.currentIndexChanged.connect(self._debounce.start)
            cell = QWidget()
            box = QVBoxLayout(cell)
            box.setContentsMargins(0, 0, 0, 0)
            box.setSpacing(1)
            box.addWidget(combo)
            box.addWidget(sample)
            self.grid.addWidget(label(f"{letter}: {text}"), i // 3, (i % 3) * 2)
            self.grid.addWidget(cell, i // 3, (i % 3) * 2 + 1)
            i += 1
        self.w.run_preview()

    def columns(self) -> dict[str, str]:
        return {letter: c.currentData() for letter, c in self.combos.items() if c.currentData()}

    def set_column(self, letter: str, field: str | None) -> None:
        combo = self.combos[letter]
        combo.setCurrentIndex(max(0, combo.findData(field)))

    def show_preview(self, result: dict) -> None:
        self.preview_panel.show(result)
