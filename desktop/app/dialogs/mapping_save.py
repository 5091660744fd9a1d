"""The mapping wizard's last page: which files the layout will be used for, then save and import.

A saved profile is used for a workbook when its file name matches one of the profile's
patterns, or — for a table layout — when the first sheet holds the same heading row, in the same
order, in one of its first rows (importers/profiles.py, ``matches`` and ``matches_headings``):
next month's file of the same template, whatever its name. The page says both before saving,
shows the files of the folder the pattern matches as the rep edits it, and after saving says
plainly that it is saved and what it will be used for.
"""

from __future__ import annotations

from PySide6.QtWidgets import QGridLayout, QLineEdit, QVBoxLayout, QWizard, QWizardPage

from desktop.app.data.changes import of_outcome
from desktop.app.i18n import InContextLanguage, speaking
from desktop.app.widgets import label, wizard_title

LISTED = 4  # matching files named before "and N more"


class SavePage(InContextLanguage, QWizardPage):
    def __init__(self, wizard):
        self.lang = wizard.lang  # first: every tr() below speaks it (InContextLanguage)
        super().__init__()
        self.w = wizard
        self.setTitle(wizard_title(self.tr("Save and import")))
        lay = QVBoxLayout(self)
        form = QGridLayout()
        self.name_edit = QLineEdit()
        self.match_edit = QLineEdit()
        self.match_edit.textChanged.connect(self._show_matching)
        self.match_edit.textChanged.connect(self.completeChanged)
        self.name_edit.textChanged.connect(self.completeChanged)
        form.addWidget(label(self.tr("Name of this layout")), 0, 0)
        form.addWidget(self.name_edit, 0, 1)
        form.addWidget(label(self.tr("Use it for files named")), 1, 0)
        form.addWidget(self.match_edit, 1, 1)
        lay.addLayout(form)
        lay.addWidget(label(self.tr("* stands for any text, e.g. 営業日報_*.xlsx"), "muted"))
        self.matching_label = label("", "muted", wrap=True)
        lay.addWidget(self.matching_label)
        self.result_label = label("", "muted", wrap=True)
        lay.addWidget(self.result_label)
        # What the rep reads once the layout is saved: that it is, and what it is used for.
        self.saved_label = label("", "sectionTitle", wrap=True)
        self.saved_label.hide()
        lay.addWidget(self.saved_label)
        lay.addStretch(1)
        self.done = False
        self.outcome = None
        self._names: list[str] | None = None

    def initializePage(self) -> None:
        from importers.profiles import suggested_match

        self.setSubTitle(self._rule())
        if not self.name_edit.text():
            self.name_edit.setText(self.w.path.stem)
            self.match_edit.setText(suggested_match(self.w.path.name))
        self._show_matching()

    def _headings(self) -> list[str]:
        return self.w.profile().headings

    def _rule(self) -> str:
        """What the saved layout will be used for, as profiles.py matches it."""
        headings = self._headings()
        if len(headings) >= 2:
            return self.tr(
                "Genba will use this layout for every workbook whose first sheet has the same "
                "heading row ({0}), whatever the file is called — next month's or next year's "
                "file of the same template — and for files whose name matches the pattern "
                "below. It then imports this workbook again."
            ).format(" | ".join(headings))
        return self.tr(
            "Genba will use this layout for files whose name matches the pattern below, and "
            "then imports this workbook again."
        )

    def _show_matching(self) -> None:
        """The files of the workbook's folder the pattern matches, as the rep types it."""
        from importers.profiles import Profile

        if self._names is None:
            try:
                folder = self.w.path.parent
                self._names = sorted(p.name for p in folder.iterdir() if p.is_file())
            except OSError:
                self._names = []
        pattern = self.match_edit.text().strip()
        probe = Profile(name="", match=[pattern] if pattern else [])
        names = [n for n in self._names if probe.matches(n)]
        if not pattern and len(self._headings()) < 2:
            text = self.tr("Enter a file-name pattern: this layout is found by the file's name.")
        elif not pattern:
            text = self.tr("No file-name pattern: only the heading row is matched.")
        elif not names:
            text = self.tr("No file in this folder matches the pattern yet.")
        else:
            listed = "、".join(names[:LISTED])
            if len(names) > LISTED:
                listed = self.tr("{0} and {1} more").format(listed, len(names) - LISTED)
            text = self.tr("Files in this folder that match: {0}").format(listed)
        self.matching_label.setText(text)

    def isComplete(self) -> bool:
        # a layout with neither a name pattern nor a heading row would be used for no file
        pattern = self.match_edit.text().strip()
        return bool(self.name_edit.text().strip()) and bool(pattern or len(self._headings()) >= 2)

    def validatePage(self) -> bool:
        if self.done:
            return True
        save_and_import(self.w)
        return False  # the rep reads the confirmation first; Finish (now "Close") closes

    def show_saved(self, profile, path, outcome) -> None:
        """The confirmation: saved where, used for which files, and what the import did."""
        lines = [self.tr("Saved the layout 「{0}」 ({1}).").format(profile.name, path.name)]
        names, headings = "、".join(profile.match), " | ".join(profile.headings)
        if profile.match and len(profile.headings) >= 2:
            use = self.tr(
                "From now on Genba reads files named {0}, and workbooks with the heading row {1}"
                " whatever their name, with this layout."
            ).format(names, headings)
        elif profile.match:
            use = self.tr("From now on Genba reads files named {0} with this layout.").format(names)
        else:
            use = self.tr(
                "From now on Genba reads workbooks with the heading row {0} with this layout."
            ).format(headings)
        lines.append(use)
        if outcome.failed:
            lines.append(
                self.tr("This workbook could not be imported yet: {0}").format(
                    outcome.issues[0].message
                )
            )
        else:
            lines.append(
                self.tr("Imported: {0} new, {1} updated activities.").format(
                    outcome.added, outcome.updated
                )
            )
        self.saved_label.setText("\n".join(lines))
        self.saved_label.show()
        self.result_label.setText("")
        for edit in (self.name_edit, self.match_edit):
            edit.setReadOnly(True)


def save_and_import(w) -> None:
    """Save the wizard's profile, import its workbook again with it, then confirm on the page."""
    from importers.profiles import save_profile

    page = w.save_page
    said = speaking(w.lang)
    profile = w.profile(page.name_edit.text().strip(), page.match_edit.text().strip())
    ctx, path, finish = w.ctx, w.path, w.button(QWizard.WizardButton.FinishButton)
    page.result_label.setText(said.translate("SavePage", "Saving and importing…"))
    finish.setEnabled(False)

    saved_to: list = []

    def work():
        saved = save_profile(profile, ctx.data_dir / "profiles")
        saved_to.append(saved)
        # Read in the app's import process (see services/import_process.py).
        outcome = ctx.imports.import_file(
            path,
            "reports",
            rep=ctx.settings.user_name,
            ranks=ctx.settings.ranks or None,
            force=True,
            lang=w.lang,
        )
        return saved, outcome

    def done(result):
        w.profile_path, outcome = result
        ctx.changed(of_outcome(outcome))  # its rows, its source and its problems
        page.outcome = outcome
        page.done = True
        page.show_saved(profile, w.profile_path, outcome)
        w.setButtonText(QWizard.WizardButton.FinishButton, said.translate("SavePage", "Close"))
        w.button(QWizard.WizardButton.BackButton).setEnabled(False)
        finish.setEnabled(True)
        w.saved.emit()

    def failed(exc):
        if saved_to:  # saved; the import itself broke off
            text = said.translate(
                "SavePage", "This workbook could not be imported yet: {0}"
            ).format(exc)
        else:
            text = said.translate("SavePage", "The layout could not be saved: {0}").format(exc)
        page.result_label.setText(text)
        finish.setEnabled(True)

    ctx.write(work, done, failed, changes_data=False)
