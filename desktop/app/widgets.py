"""Small building blocks shared by the views: page headers, cards, tables."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)


def label(text: str = "", name: str | None = None, *, wrap: bool = False) -> QLabel:
    w = QLabel(text)
    if name:
        w.setObjectName(name)
    w.setWordWrap(wrap)
    return w


def button(text: str, *, primary: bool = False, link: bool = False, icon=None) -> QPushButton:
    b = QPushButton(text)
    if primary:
        b.setProperty("primary", True)
    if link:
        b.setProperty("link", True)
        b.setCursor(Qt.CursorShape.PointingHandCursor)
    if icon is not None:
        b.setIcon(icon)
    return b


class Card(QFrame):
    """A white rounded panel; ``clicked`` when ``clickable``."""

    clicked = Signal()

    def __init__(self, parent=None, *, clickable: bool = False):
        super().__init__(parent)
        self.setObjectName("card")
        self._clickable = clickable
        if clickable:
            self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.body = QVBoxLayout(self)
        self.body.setContentsMargins(16, 14, 16, 14)
        self.body.setSpacing(6)

    def mouseReleaseEvent(self, event):
        if self._clickable and event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit()
        super().mouseReleaseEvent(event)


class StatCard(Card):
    """A number with a caption (click to go where it counts)."""

    def __init__(self, caption: str, parent=None, *, warn: bool = False):
        super().__init__(parent, clickable=True)
        self.number = label("–", "warnNumber" if warn else "bigNumber")
        self.caption = label(caption, "muted", wrap=True)
        self.body.addWidget(self.number)
        self.body.addWidget(self.caption)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_value(self, value: int | str) -> None:
        self.number.setText(str(value))


class Page(QWidget):
    """A view: a title and a hint on top, content below."""

    def __init__(self, title: str, hint: str = "", parent=None):
        super().__init__(parent)
        self.setObjectName("page")
        self.outer = QVBoxLayout(self)
        self.outer.setContentsMargins(28, 22, 28, 18)
        self.outer.setSpacing(12)
        head = QHBoxLayout()
        head.setSpacing(12)
        titles = QVBoxLayout()
        titles.setSpacing(2)
        self.title_label = label(title, "pageTitle")
        titles.addWidget(self.title_label)
        self.hint_label = label(hint, "pageHint", wrap=True)
        self.hint_label.setVisible(bool(hint))
        titles.addWidget(self.hint_label)
        head.addLayout(titles, 1)
        self.actions = QHBoxLayout()
        self.actions.setSpacing(8)
        head.addLayout(self.actions)
        self.outer.addLayout(head)


def table(model, *, stretch: int | None = None, widths: dict[int, int] | None = None) -> QTableView:
    """A read-only row-selecting table with the app's look."""
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setShowGrid(False)
    view.setWordWrap(False)
    view.verticalHeader().setVisible(False)
    # Fixed row heights: the view never asks the model for every row's size hint (100k rows).
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    view.verticalHeader().setDefaultSectionSize(34)
    header = view.horizontalHeader()
    header.setHighlightSections(False)
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    header.setMinimumSectionSize(48)
    for col, width in (widths or {}).items():
        header.resizeSection(col, width)
    if stretch is not None:
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    view.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    return view


def clear_layout(layout) -> None:
    while layout.count():
        item = layout.takeAt(0)
        w = item.widget()
        if w is not None:
            w.deleteLater()
        elif item.layout() is not None:
            clear_layout(item.layout())


def wizard_title(text: str) -> str:
    """A wizard page title, larger than Qt's default (the wizard uses rich-text titles)."""
    from html import escape

    return f'<span style="font-size:15pt; font-weight:600;">{escape(text)}</span>'


def style_wizard(wizard) -> None:
    wizard.setTitleFormat(Qt.TextFormat.RichText)
    wizard.setWizardStyle(wizard.WizardStyle.ModernStyle)
