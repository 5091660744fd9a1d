"""Small building blocks shared by the views: page headers, cards, tables."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
    QWizard,
)

from desktop.app.i18n import qt_translate


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


def style_wizard(wizard, lang: str | None = None) -> None:
    """Rich-text titles, the modern style, and Qt's buttons (< Back, Next >) in ``lang``."""
    wizard.setTitleFormat(Qt.TextFormat.RichText)
    wizard.setWizardStyle(wizard.WizardStyle.ModernStyle)
    for which, source in WIZARD_BUTTONS.items():
        wizard.setButtonText(which, qt_translate(lang, "QWizard", source))


# Qt's own texts (QPlatformTheme's and QWizard's, for the modern style): Qt translates them with
# the application's translators, so a dialog of an English context in a Japanese app would say
# キャンセル. Set from qtbase's catalogue of the dialog's language instead.
_Std = QDialogButtonBox.StandardButton
STANDARD_BUTTONS = {
    _Std.Ok: "OK",
    _Std.Save: "Save",
    _Std.Cancel: "Cancel",
    _Std.Close: "Close",
    _Std.Discard: "Discard",
    _Std.Apply: "Apply",
    _Std.Yes: "&Yes",
    _Std.No: "&No",
}
_Wiz = QWizard.WizardButton
WIZARD_BUTTONS = {
    _Wiz.BackButton: "< &Back",
    _Wiz.NextButton: "&Next >",
    _Wiz.CommitButton: "Commit",
    _Wiz.FinishButton: "&Finish",
    _Wiz.CancelButton: "Cancel",
    _Wiz.HelpButton: "&Help",
}


def speak_buttons(box: QDialogButtonBox | QMessageBox, lang: str | None) -> None:
    """The standard buttons' texts (OK, Save, Cancel) in ``lang``, not the application's. Call
    it before giving a standard button a text of its own."""
    for b in box.buttons():
        source = STANDARD_BUTTONS.get(QDialogButtonBox.StandardButton(box.standardButton(b).value))
        if source:
            b.setText(qt_translate(lang, "QPlatformTheme", source))


def speak_input_dialog(dialog, lang: str | None) -> None:
    """A QInputDialog's OK and Cancel in ``lang``, not the application's."""
    dialog.setOkButtonText(qt_translate(lang, "QPlatformTheme", "OK"))
    dialog.setCancelButtonText(qt_translate(lang, "QPlatformTheme", "Cancel"))


def message_box(
    lang: str | None,
    icon: QMessageBox.Icon,
    title: str,
    text: str,
    *,
    details: str | None = None,
    parent: QWidget | None = None,
) -> QMessageBox:
    """A message box with an OK button (and a details button) in ``lang``."""
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, parent)
    speak_buttons(box, lang)
    if details is not None:
        box.setDetailedText(details)
        (toggle,) = [b for b in box.buttons() if box.standardButton(b) == _NO_BUTTON]
        labels = [qt_translate(lang, "QMessageBox", t) for t in _DETAILS]
        toggle.setText(labels[0])
        shown = [False]

        def toggled() -> None:  # after Qt's own slot, which sets its label in the app's language
            shown[0] = not shown[0]
            toggle.setText(labels[shown[0]])

        toggle.clicked.connect(toggled)
    return box


_NO_BUTTON = QMessageBox.StandardButton.NoButton
_DETAILS = ("Show Details...", "Hide Details...")
