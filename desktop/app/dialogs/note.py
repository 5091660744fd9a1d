"""Quick capture: a knowledge note about the current customer in two clicks; editing a note."""

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
from desktop.app.dialogs.fit import keep_on_screen
from desktop.app.i18n import InContextLanguage
from desktop.app.widgets import label, speak_buttons


class NoteDialog(InContextLanguage, QDialog):
    def __init__(
        self,
        ctx,
        *,
        company_id: str | None,
        activity_id: str | None = None,
        note: dict | None = None,
        parent=None,
    ):
        """A new note, or ``note`` (a notes row) to edit: its text, category and visibility."""
        self.ctx = ctx  # first: every tr() below speaks its language (InContextLanguage)
        super().__init__(parent)
        keep_on_screen(self)
        from desktop.app.views.notes import category_label, category_names

        self.company_id = company_id
        self.activity_id = activity_id
        self.note = note
        self.note_id: str | None = note["id"] if note else None
        self.saved_fields: list[str] = []
        self.setWindowTitle(self.tr("Edit knowledge") if note else self.tr("Add knowledge"))
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
        for key, text in category_names(self.ctx.language).items():
            self.category.addItem(text, key)
        if note is not None:
            if self.category.findData(note.get("category")) < 0:  # the lead's, or none yet
                self.category.addItem(
                    category_label(note.get("category"), self.ctx.language), note.get("category")
                )
            self.category.setCurrentIndex(self.category.findData(note.get("category")))
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
        if note is not None:
            self.body.setPlainText(note.get("body") or "")
            self.private.setChecked(note.get("visibility") == "private")
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
        speak_buttons(self.buttons, ctx.language)
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
        if self.note is not None:
            self._save_edit(store, body)
            return
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

    def _save_edit(self, store, body: str) -> None:
        from desktop.app.data.knowledge import edit_note

        note_id = self.note_id
        values = {
            "body": body,
            "category": self.category.currentData(),
            "visibility": "private" if self.private.isChecked() else "team",
        }
        self.buttons.setEnabled(False)

        def done(fields):
            self.saved_fields = fields
            self.accept()

        def failed(exc):
            self.buttons.setEnabled(True)
            self.ctx.tasks.default_error(exc)

        self.ctx.write(lambda: edit_note(store, note_id, **values), done, failed)
