"""Merge two customers or contacts the rep picks: side by side, a choice for each field.

The left row is kept and the right one merged into it (⇄ swaps them); for each field the rep
picks the left or the right value. Undone like a suggested merge, from Problems → 最近の統合.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QRadioButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.app import fmt
from desktop.app.data.manual_merge import candidates, merge_chosen, side_by_side
from desktop.app.dialogs.fit import keep_on_screen, scrolling
from desktop.app.i18n import InContextLanguage
from desktop.app.widgets import label, speak_buttons


class ManualMergeDialog(InContextLanguage, QDialog):
    merged = Signal(str)  # the merge id

    def __init__(self, ctx, parent=None):
        self.ctx = ctx  # first: every tr() below speaks its language (InContextLanguage)
        super().__init__(parent)
        keep_on_screen(self)
        self.entity = "companies"
        self.groups: dict[str, QButtonGroup] = {}
        self.setWindowTitle(self.tr("Merge by hand"))
        self.setMinimumWidth(720)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(22, 18, 22, 18)
        lay.setSpacing(10)
        kinds = QHBoxLayout()
        self.companies_radio = QRadioButton(self.tr("Customers"))
        self.contacts_radio = QRadioButton(self.tr("Contacts"))
        self.companies_radio.setChecked(True)
        for r in (self.companies_radio, self.contacts_radio):
            kinds.addWidget(r)
            r.toggled.connect(self._kind_changed)
        kinds.addStretch(1)
        lay.addLayout(kinds)
        lay.addWidget(
            label(
                self.tr(
                    "The left one is kept, the right one is merged into it (its visits, "
                    "contacts and notes move over). Choose each field's value. "
                    "Problems → Recent merges can undo it."
                ),
                "muted",
                wrap=True,
            )
        )
        pick = QHBoxLayout()
        self.left_combo = QComboBox()
        self.right_combo = QComboBox()
        for combo in (self.left_combo, self.right_combo):
            combo.setMinimumContentsLength(24)
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.currentIndexChanged.connect(self._pair_changed)
        self.swap_button = QToolButton()
        self.swap_button.setText("⇄")
        self.swap_button.setToolTip(self.tr("Keep the other one"))
        self.swap_button.clicked.connect(self.swap)
        pick.addWidget(self.left_combo, 1)
        pick.addWidget(self.swap_button)
        pick.addWidget(self.right_combo, 1)
        lay.addLayout(pick)
        # The whole description under each box (a combo box cuts it): what tells them apart.
        about = QHBoxLayout()
        self.left_about = label("", "muted", wrap=True)
        self.right_about = label("", "muted", wrap=True)
        about.addWidget(self.left_about, 1)
        about.addSpacing(self.swap_button.sizeHint().width() + 6)
        about.addWidget(self.right_about, 1)
        lay.addLayout(about)
        self.fields = QWidget()
        self.grid = QGridLayout(self.fields)
        self.grid.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(scrolling(self.fields), 1)
        self.error = label("", "warnBadge", wrap=True)
        lay.addWidget(self.error)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        speak_buttons(self.buttons, ctx.language)
        self.merge_button = self.buttons.addButton(
            self.tr("Merge"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.accepted.connect(self.merge)
        self.buttons.rejected.connect(self.reject)
        lay.addWidget(self.buttons)
        self._load()

    # -- choosing the pair -------------------------------------------------------------------------
    def _kind_changed(self) -> None:
        entity = "companies" if self.companies_radio.isChecked() else "contacts"
        if entity != self.entity:
            self.entity = entity
            self._load()

    def _load(self) -> None:
        entity = self.entity
        # reads run on a pool: a list asked for before the kind was switched may come back last
        self.ctx.read(
            lambda conn: candidates(conn, entity),
            lambda rows: self._fill(rows) if entity == self.entity else None,
        )

    def describe(self, row: dict) -> str:
        """Enough to tell two same-named rows apart: reading, company, address, last visit, file."""
        from pathlib import Path

        bits = [row["name"] or "?"]
        if row.get("reading"):
            bits[0] += f"（{row['reading']}）"
        if row.get("company"):
            bits.append(row["company"])
        if row.get("address"):
            bits.append(row["address"])
        if row.get("last_visit"):
            bits.append(
                self.tr("last visit {0}").format(
                    fmt.day(row["last_visit"], weekday=False, lang=self.ctx.language)
                )
            )
        if row.get("source"):
            bits.append(Path(row["source"]).name)
        return " · ".join(bits)

    def _fill(self, rows: list[dict]) -> None:
        for i, combo in enumerate((self.left_combo, self.right_combo)):
            combo.blockSignals(True)
            combo.clear()
            for row in rows:
                combo.addItem(self.describe(row), row["id"])
            combo.setCurrentIndex(min(i, combo.count() - 1))
            combo.blockSignals(False)
        self._pair_changed()

    def select(self, left_id: str, right_id: str) -> None:
        for combo, rid in ((self.left_combo, left_id), (self.right_combo, right_id)):
            combo.setCurrentIndex(combo.findData(rid))

    def swap(self) -> None:
        self.select(self.right_combo.currentData(), self.left_combo.currentData())

    def _pair_changed(self) -> None:
        left, right = self.left_combo.currentData(), self.right_combo.currentData()
        self.left_about.setText(self.left_combo.currentText())
        self.right_about.setText(self.right_combo.currentText())
        ok = bool(left and right and left != right)
        self.merge_button.setEnabled(ok)
        self.error.setText("" if ok or not left else self.tr("Choose two different rows."))
        if not ok:
            self._show_fields([])
            return
        entity = self.entity
        self.ctx.read(lambda conn: side_by_side(conn, entity, left, right), self._show_fields)

    def _show_fields(self, rows: list[tuple]) -> None:
        while self.grid.count():
            w = self.grid.takeAt(0).widget()
            if w is not None:
                w.deleteLater()
        self.groups = {}
        names = self.field_names()
        for i, (field, left, right) in enumerate(rows):
            self.grid.addWidget(label(names.get(field, field), "muted"), i, 0)
            group = QButtonGroup(self)
            a = QRadioButton(str(left) if left not in (None, "") else "—")
            b = QRadioButton(str(right) if right not in (None, "") else "—")
            group.addButton(a, 0)
            group.addButton(b, 1)
            (a if left not in (None, "") or right in (None, "") else b).setChecked(True)
            if left == right:
                b.setEnabled(False)
            self.grid.addWidget(a, i, 1)
            self.grid.addWidget(b, i, 2)
            self.groups[field] = group
        self.grid.setColumnStretch(1, 1)
        self.grid.setColumnStretch(2, 1)

    def field_names(self) -> dict[str, str]:
        return {
            "name": self.tr("Name"),
            "name_kana": self.tr("Reading"),
            "full_name": self.tr("Name"),
            "full_name_kana": self.tr("Reading"),
            "full_name_latin": self.tr("Name (romanised)"),
            "title": self.tr("Title"),
            "department": self.tr("Department"),
            "email": self.tr("E-mail"),
            "phone": self.tr("Phone"),
            "mobile": self.tr("Mobile"),
            "fax": self.tr("Fax"),
            "postal_code": self.tr("Postal code"),
            "address": self.tr("Address"),
            "url": self.tr("Web site"),
        }

    def choose(self, field: str, right: bool) -> None:
        self.groups[field].button(1 if right else 0).setChecked(True)

    # -- merging --------------------------------------------------------------------------------------
    def merge(self) -> None:
        keep, other = self.left_combo.currentData(), self.right_combo.currentData()
        if not (keep and other and keep != other):
            return
        take = [f for f, g in self.groups.items() if g.checkedId() == 1]
        store, entity = self.ctx.store, self.entity

        def done(merge_id: str) -> None:
            self.merged.emit(merge_id)
            self.accept()

        def failed(exc: BaseException) -> None:
            self.error.setText(str(exc))

        self.ctx.write(
            lambda: merge_chosen(store, entity, keep, other, take), done, on_error=failed
        )
