"""What the mapping wizard's pages share: field names, the sheet grid, the preview table."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QVBoxLayout, QWidget

from desktop.app import fmt
from desktop.app.i18n import InContextLanguage, speaking
from desktop.app.models.lazy import Column
from desktop.app.models.lists import RecordsModel
from desktop.app.widgets import label, table
from importers.workbook.sheet import column_letter

GRID_ROWS = 40
GRID_COLS = 16
# How a label cell is marked in the grid: one the shipped synonyms know, one the rep named.
KNOWN_LABEL = QColor("#dce8fa")
OWN_LABEL = QColor("#ffe9a8")


def field_names(lang: str | None = None) -> dict[str, str]:
    """Field key -> its name in ``lang`` (None: the running app's)."""
    said = speaking(lang)
    return {
        "occurred_on": said.translate("Mapping", "Date"),
        "rep": said.translate("Mapping", "Rep"),
        "company": said.translate("Mapping", "Customer"),
        "contact": said.translate("Mapping", "Contact person"),
        "purpose": said.translate("Mapping", "Purpose"),
        "summary": said.translate("Mapping", "Summary"),
        "result": said.translate("Mapping", "Result"),
        "next_action": said.translate("Mapping", "Next action"),
        "next_action_due": said.translate("Mapping", "Next action due"),
        "amount": said.translate("Mapping", "Amount"),
        "probability": said.translate("Mapping", "Probability"),
        "insight": said.translate("Mapping", "Insight"),
        "deal_title": said.translate("Mapping", "Deal name"),
        "lead_comment": said.translate("Mapping", "Lead's comment"),
    }


def cell_text(v: Any) -> str:
    """A cell as the rep reads it in Excel: 1,200,000 (not 1200000.0), 2025 (not 2,025),
    2025/06/03 (not 2025-06-03)."""
    if v is None:
        return ""
    if hasattr(v, "isoformat"):
        return fmt.day(v.isoformat()[:10], weekday=False)
    if isinstance(v, bool):
        return "TRUE" if v else "FALSE"
    if isinstance(v, float) and v.is_integer():
        v = int(v)
    if isinstance(v, int):
        return f"{v:,}" if abs(v) >= 10_000 else str(v)
    return str(v)


def shown_as(value: Any, field: str | None, heading: str = "") -> str:
    """A cell as Genba will read it into ``field``: ¥1,200,000 for an amount (scaled by its
    heading's unit: 1,200 under 金額（千円） is ¥1,200,000), 80% for a probability (0.8, 80 or a
    rank the defaults know); else as Excel shows it. A value the field cannot read stays as
    written — the preview below then names the problem."""
    from importers.layout.headings import parse_heading
    from importers.normalize.amounts import parse_amount
    from importers.normalize.probability import parse_probability

    try:
        if field == "amount":
            return fmt.yen(parse_amount(value, unit=parse_heading(heading).multiplier))
        if field == "probability":
            return fmt.percent(parse_probability(value))
    except ValueError:
        pass
    return cell_text(value).strip()


class GridModel(QAbstractTableModel):
    """The raw cells of a sheet, as Excel shows them (A, B, C… / 1, 2, 3…)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[list[Any]] = []
        self.marks: dict[tuple[int, int], QColor] = {}

    def set_sheet(self, rows: list[list[Any]]) -> None:
        self.beginResetModel()
        self.rows = [list(r[:GRID_COLS]) for r in rows[:GRID_ROWS]]
        self.marks = {}
        self.endResetModel()

    def set_marks(self, marks: dict[tuple[int, int], QColor]) -> None:
        """Cells to tint (row, column) -> colour, e.g. the labels of a form."""
        self.marks = marks
        if self.rows:
            self.dataChanged.emit(
                self.index(0, 0),
                self.index(self.rowCount() - 1, self.columnCount() - 1),
                [Qt.ItemDataRole.BackgroundRole],
            )

    def text(self, row: int, col: int) -> str:
        r = self.rows[row] if 0 <= row < len(self.rows) else []
        return cell_text(r[col]).strip() if 0 <= col < len(r) else ""

    def rowCount(self, parent=QModelIndex()):  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()):  # noqa: B008
        if parent.isValid() or not self.rows:
            return 0
        return max(len(r) for r in self.rows)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            r = self.rows[index.row()]
            return cell_text(r[index.column()]) if index.column() < len(r) else ""
        if role == Qt.ItemDataRole.BackgroundRole:
            return self.marks.get((index.row(), index.column()))
        return None

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            column_letter(section) if orientation == Qt.Orientation.Horizontal else str(section + 1)
        )


def preview_model(parent, lang: str | None = None) -> RecordsModel:
    """The rows Genba would import, as the preview tables show them (headings in ``lang``)."""
    said = speaking(lang)
    return RecordsModel(
        [
            Column(
                "occurred_on",
                said.translate("Mapping", "Date"),
                lambda r: (
                    fmt.day(r.get("occurred_on"), lang=lang) or (r.get("occurred_on_raw") or "")
                ),
            ),
            Column("company", said.translate("Mapping", "Customer")),
            Column("contact_name", said.translate("Mapping", "Contact person")),
            Column(
                "summary",
                said.translate("Mapping", "Summary"),
                lambda r: fmt.one_line(r.get("summary"), 60),
            ),
            Column(
                "next_action",
                said.translate("Mapping", "Next action"),
                lambda r: fmt.one_line(r.get("next_action"), 30),
            ),
            Column(
                "amount_jpy",
                said.translate("Mapping", "Amount"),
                lambda r: fmt.yen(r.get("amount_jpy")),
                align_right=True,
            ),
            Column(
                "probability",
                said.translate("Mapping", "Probability"),
                lambda r: fmt.percent(r.get("probability")),
                align_right=True,
            ),
        ],
        parent,
    )


class PreviewPanel(InContextLanguage, QWidget):
    """The live preview under a page's choices: how many visits Genba finds, and the first."""

    def __init__(self, parent=None, lang: str | None = None):
        self.lang = lang  # first: every tr() below speaks it (InContextLanguage)
        super().__init__(parent)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.label = label("", "sectionTitle")
        lay.addWidget(self.label)
        self.model = preview_model(self, lang)
        self.view = table(
            self.model, stretch=3, widths={0: 130, 1: 170, 2: 120, 4: 140, 5: 100, 6: 60}
        )
        lay.addWidget(self.view, 1)

    def show(self, result: dict) -> None:
        self.model.set_rows(result["rows"])
        if result["error"]:
            self.label.setText(result["error"])
        else:
            self.label.setText(self.tr("Preview: %n visit(s) found", "", result["count"]))
