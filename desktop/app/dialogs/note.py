"""Quick capture: a knowledge note about the current customer in two clicks."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
)

from desktop.app.data import edits
from desktop.app.widgets import label


class NoteDialog(QDialog):
    def __init__(self, ctx, *, company_id: str | None, activity_id: str | None = None, parent=None):
        super().__init__(parent)
        from desktop.app.views.customer_page import category_names

        self.ctx = ctx
        self.company_id = company_id
        self.activity_id = activity_id
        self.note_id: str | None = None
        self.setWindowTitle(self.tr("Add knowledge"))
        self.setMinimumWidth(480)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(22, 18, 22, 18)
        lay.setSpacing(10)
        lay.addWidget(
            label(
                self.tr("What should the next person visiting this customer know?"),
                "sectionTitle",
                wrap=True,
            )
        )
        self.category = QComboBox()
        for key, text in category_names().items():
            self.category.addItem(text, key)
        lay.addWidget(self.category)
        self.body = QPlainTextEdit()
        self.body.setPlaceholderText(
            self.tr(
                "e.g. The buyer decides at the month-end meeting: send documents the week before."
            )
        )
        self.body.setMinimumHeight(120)
        lay.addWidget(self.body)
        row = QHBoxLayout()
        self.team = QRadioButton(self.tr("Share with the team"))
        self.private = QRadioButton(self.tr("Only me"))
        self.team.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.team)
        group.addButton(self.private)
        row.addWidget(self.team)
        row.addWidget(self.private)
        row.addStretch(1)
        lay.addLayout(row)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        lay.addWidget(self.buttons)
        self.body.setFocus()

    def save(self) -> None:
        body = self.body.toPlainText().strip()
        if not body:
            self.body.setFocus()
            return
        store = self.ctx.store
        kwargs = {
            "body": body,
            "category": self.category.currentData(),
            "author": self.ctx.settings.user_name,
            "visibility": "private" if self.private.isChecked() else "team",
            "company_id": self.company_id,
            "activity_id": self.activity_id,
        }
        self.buttons.setEnabled(False)

        def done(note_id):
            self.note_id = note_id
            self.accept()

        self.ctx.write(lambda: edits.add_note(store, **kwargs), done)
