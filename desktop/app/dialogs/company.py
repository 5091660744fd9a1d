"""Edit a customer's display name and reading (the reading drives the 50音順 sort)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLineEdit, QVBoxLayout

from desktop.app.data import edits
from desktop.app.dialogs.fit import keep_on_screen
from desktop.app.i18n import InContextLanguage
from desktop.app.widgets import label, speak_buttons


class CompanyDialog(InContextLanguage, QDialog):
    def __init__(self, ctx, company: dict, parent=None):
        self.ctx = ctx  # first: every tr() below speaks its language (InContextLanguage)
        super().__init__(parent)
        keep_on_screen(self)
        self.company = company
        self.setWindowTitle(self.tr("Edit customer"))
        self.setMinimumWidth(440)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(22, 18, 22, 18)
        form = QFormLayout()
        self.name_edit = QLineEdit(company["name"] or "")
        self.kana_edit = QLineEdit(company["name_kana"] or "")
        self.kana_edit.setPlaceholderText(self.tr("e.g. さんぷるせいこう"))
        form.addRow(self.tr("Name"), self.name_edit)
        form.addRow(self.tr("Reading (kana)"), self.kana_edit)
        lay.addLayout(form)
        lay.addWidget(
            label(
                self.tr(
                    "The customer is still recognised in your workbooks by the name written there."
                ),
                "muted",
                wrap=True,
            )
        )
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        speak_buttons(self.buttons, ctx.language)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        lay.addWidget(self.buttons)

    def save(self) -> None:
        name = self.name_edit.text().strip()
        if not name:
            return
        store, cid, kana = self.ctx.store, self.company["id"], self.kana_edit.text()
        self.buttons.setEnabled(False)
        self.ctx.write(
            lambda: edits.rename_company(store, cid, name, kana), lambda _f: self.accept()
        )
