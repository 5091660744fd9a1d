"""Check a business card and correct what OCR (or a phone's vCard) got wrong, beside its image.

Saving writes only the fields the rep changed (edits.correct_card) and marks the card checked;
the corrections sync and are kept when the card is imported again.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
)

from desktop.app.data import edits, problems
from desktop.app.dialogs.fit import keep_on_screen
from desktop.app.i18n import InContextLanguage
from desktop.app.style import LINE
from desktop.app.widgets import label, speak_buttons

IMAGE_BOX = 400  # px: small print on a card (e-mail, phone) stays legible beside the form
# the form's rows: short fields side by side
ROWS = (
    ("full_name",),
    ("full_name_kana",),
    ("full_name_latin",),  # shown only when the card has one (a bilingual card)
    ("company",),
    ("department",),
    ("title",),
    ("email",),
    ("phone", "mobile"),
    ("fax", "postal_code"),
    ("address",),
    ("url",),
)


def load(conn, contact_id: str, data_dir, dpr: float = 1.0, lang: str | None = None) -> dict | None:
    """The card to check, its decoded image (QImage is safe off the main thread; ``dpr``: the
    screen's pixel ratio, so small print stays sharp on a high-DPI laptop) and the customers a
    typed company name may link to."""
    from importers.photos.blobs import blob_path

    card = problems.card_for_review(conn, contact_id, lang)
    if card is None:
        return None
    card["image"] = None
    if card["card_sha"]:
        img = QImage(str(blob_path(data_dir, card["card_sha"])))
        if not img.isNull():
            box = round(IMAGE_BOX * dpr)
            if img.width() > box or img.height() > box:
                img = img.scaled(
                    box,
                    box,
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            img.setDevicePixelRatio(dpr)
            card["image"] = img
    card["companies"] = problems.company_names(conn)
    return card


class CardReviewDialog(InContextLanguage, QDialog):
    def __init__(self, ctx, contact_id: str, parent=None):
        self.ctx = ctx  # first: every tr() below speaks its language (InContextLanguage)
        super().__init__(parent)
        keep_on_screen(self)
        self.contact_id = contact_id
        self.row: dict | None = None
        self.companies: dict[str, tuple[str, str]] = {}
        self.saved_fields: list[str] | None = None
        self.setWindowTitle(self.tr("Check the business card"))
        lay = QVBoxLayout(self)
        lay.setContentsMargins(22, 18, 22, 18)
        lay.setSpacing(10)
        self.heading = label(self.tr("Loading…"), "sectionTitle", wrap=True)
        lay.addWidget(self.heading)
        self.source = label("", "muted", wrap=True)
        self.source.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        lay.addWidget(self.source)

        body = QHBoxLayout()
        body.setSpacing(20)
        self.picture = QLabel()
        self.picture.setStyleSheet(f"border: 1px solid {LINE}; background: white; padding: 4px;")
        self.picture.hide()
        body.addWidget(self.picture, 0, Qt.AlignmentFlag.AlignTop)
        self.company_hint = label("", "muted", wrap=True)
        self.email_warning = label(
            self.tr("This does not look like an e-mail address. You can still save it."),
            "warnBadge",
            wrap=True,
        )
        self.inputs: dict[str, QLineEdit] = {}
        self.labels: dict[str, QLabel] = {}
        body.addLayout(self._form(), 1)
        lay.addLayout(body)
        self.email_warning.hide()
        self.company_hint.hide()
        self.inputs["full_name_kana"].setPlaceholderText(self.tr("e.g. あおき いちろう"))
        self.inputs["postal_code"].setPlaceholderText(self.tr("e.g. 460-0001"))

        lay.addWidget(
            label(
                self.tr(
                    "Your corrections are kept when the card is imported again. Saving marks "
                    "the card as checked."
                ),
                "muted",
                wrap=True,
            )
        )
        self.error = label("", "errorBadge", wrap=True)
        self.error.hide()
        lay.addWidget(self.error)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        speak_buttons(self.buttons, ctx.language)
        save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setText(self.tr("Save as checked"))
        save.setProperty("primary", True)
        save.setEnabled(False)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        lay.addWidget(self.buttons)

        self.inputs["full_name"].textChanged.connect(lambda _t: self.error.hide())
        self.inputs["email"].textChanged.connect(self._check_email)
        self.inputs["company"].textChanged.connect(self._company_changed)
        data_dir, dpr, lang = ctx.data_dir, self.devicePixelRatioF(), ctx.language
        ctx.read(lambda conn: load(conn, contact_id, data_dir, dpr, lang), self._fill)

    def _form(self) -> QGridLayout:
        """The fields in a grid: short ones in pairs, so the dialog fits a 768-pixel-high
        laptop screen beside the card image."""
        names = dict(self._fields())
        grid = QGridLayout()
        grid.setVerticalSpacing(7)
        grid.setHorizontalSpacing(10)
        row = 0
        for fields in ROWS:
            for i, field in enumerate(fields):
                edit = QLineEdit()
                self.inputs[field] = edit
                self.labels[field] = QLabel(names[field])
                grid.addWidget(self.labels[field], row, 2 * i)
                grid.addWidget(edit, row, 2 * i + 1, 1, 3 if len(fields) == 1 else 1)
            row += 1
            hint = {"company": self.company_hint, "email": self.email_warning}.get(fields[0])
            if hint is not None:
                grid.addWidget(hint, row, 1, 1, 3)
                row += 1
        self.labels["full_name_latin"].hide()  # until the card says it has one (_fill)
        self.inputs["full_name_latin"].hide()
        grid.setColumnStretch(1, 3)
        grid.setColumnStretch(3, 2)
        grid.setColumnMinimumWidth(1, 170)
        grid.setColumnMinimumWidth(3, 120)
        return grid

    def _fields(self) -> list[tuple[str, str]]:
        return [
            ("full_name", self.tr("Name")),
            ("full_name_kana", self.tr("Reading (furigana)")),
            ("full_name_latin", self.tr("Name (romanised)")),
            ("company", self.tr("Company")),
            ("department", self.tr("Department")),
            ("title", self.tr("Title")),
            ("email", self.tr("E-mail")),
            ("phone", self.tr("Phone")),
            ("mobile", self.tr("Mobile")),
            ("fax", self.tr("Fax")),
            ("postal_code", self.tr("Postal code")),
            ("address", self.tr("Address")),
            ("url", self.tr("Website")),
        ]

    # -- loading ------------------------------------------------------------------------------
    def _fill(self, row: dict | None) -> None:
        if row is None:
            self.heading.setText(self.tr("This card no longer exists: it was deleted or merged."))
            return
        self.row = row
        self.companies = row["companies"]
        self.heading.setText(" · ".join(filter(None, [row["full_name"], row["company"]])))
        lines = row["issues"] or []
        if row["source_path"] and not lines:  # each issue names its file already
            lines = [self.tr("Read from {0}").format(Path(row["source_path"]).name)]
        self.source.setText("\n".join(lines))
        if row["image"] is not None:
            self.picture.setPixmap(QPixmap.fromImage(row["image"]))
            self.picture.setToolTip(Path(row["source_path"] or "").name)
            self.picture.show()
        completer = QCompleter(sorted(name for _id, name in self.companies.values()), self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.inputs["company"].setCompleter(completer)
        for field, edit in self.inputs.items():
            edit.setText(self._prefill(field))
        # most cards are Japanese only: an empty romanised-name row would only take room
        latin = bool(self._prefill("full_name_latin"))
        self.labels["full_name_latin"].setVisible(latin)
        self.inputs["full_name_latin"].setVisible(latin)
        self._company_changed(self.inputs["company"].text())
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(True)
        self.inputs["full_name"].setFocus()

    def _prefill(self, field: str) -> str:
        assert self.row is not None
        return self.row[field] or ""

    # -- live checks --------------------------------------------------------------------------
    def _check_email(self, text: str) -> None:
        from importers.cards.validate import normalize_email

        self.email_warning.setVisible(bool(text.strip()) and normalize_email(text) is None)

    def _company_changed(self, text: str) -> None:
        """Say before saving whether the name links to an existing customer or adds one."""
        from importers.normalize.companies import normalize_company

        name = normalize_company(text) if text.strip() else None
        current = self.row["company_id"] if self.row else None
        found = self.companies.get(name.normalized) if name else None
        if name is None:
            hint = self.tr("Will be saved without a company.") if text.strip() or current else ""
        elif found and found[0] == current:
            hint = ""
        elif found:
            hint = self.tr("Will be linked to the existing customer “{0}”.").format(found[1])
        else:
            hint = self.tr("A new customer “{0}” will be added.").format(name.display)
        self.company_hint.setText(hint)
        self.company_hint.setVisible(bool(hint))

    # -- saving -------------------------------------------------------------------------------
    def values(self) -> dict[str, str]:
        return {field: edit.text().strip() for field, edit in self.inputs.items()}

    def changed(self) -> dict[str, str]:
        """Only the fields the rep changed: nothing else is written."""
        if self.row is None:
            return {}
        return {f: v for f, v in self.values().items() if v != self._prefill(f).strip()}

    def save(self) -> None:
        if self.row is None:
            return
        if not self.values()["full_name"]:
            self.error.setText(
                self.tr("Enter the person's name: a card cannot be saved without a name.")
            )
            self.error.show()
            self.inputs["full_name"].setFocus()
            return
        changed = self.changed()
        store, contact_id = self.ctx.store, self.contact_id
        self.buttons.setEnabled(False)

        def done(fields):
            self.saved_fields = fields
            self.accept()

        def failed(exc):
            self.buttons.setEnabled(True)
            if isinstance(exc, KeyError):
                self.error.setText(self.tr("This card no longer exists: it was deleted or merged."))
                self.error.show()
                return
            from desktop.app.errors import show_error_dialog

            show_error_dialog(type(exc), exc, exc.__traceback__, lang=self.ctx.language)

        self.ctx.write(lambda: edits.correct_card(store, contact_id, changed), done, failed)
