"""First run: the rep's name, the daily-report folder, the card folder, optionally the team
server; then the first import runs in the background and the rep lands on real data."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWizard,
    QWizardPage,
)

from desktop.app.data.importing import import_paths
from desktop.app.data.problems import problem_counts
from desktop.app.dialogs.fit import keep_on_screen
from desktop.app.i18n import InContextLanguage, speaking
from desktop.app.widgets import label, style_wizard, wizard_title


class _FolderField(QHBoxLayout):
    def __init__(self, page: QWizardPage, placeholder: str, lang: str | None = None):
        super().__init__()
        self._speaking = speaking(lang)
        self.edit = QLineEdit()
        self.edit.setPlaceholderText(placeholder)
        self.edit.setMinimumWidth(380)
        choose = QPushButton(self._speaking.translate("FirstRun", "Choose…"))
        choose.clicked.connect(self._choose)
        self.addWidget(self.edit, 1)
        self.addWidget(choose)
        self._page = page

    def _choose(self) -> None:
        path = QFileDialog.getExistingDirectory(
            self._page, self._speaking.translate("FirstRun", "Choose a folder")
        )
        if path:
            self.edit.setText(path)


class WelcomePage(InContextLanguage, QWizardPage):
    def __init__(self, lang: str | None = None):
        self.lang = lang  # first: every tr() below speaks it (InContextLanguage)
        super().__init__()
        self.setTitle(wizard_title(self.tr("Welcome to Genba")))
        self.setSubTitle(
            self.tr(
                "Keep writing your daily reports in Excel. Genba reads them and turns them into your customer list, follow-ups and knowledge."
            )
        )
        lay = QFormLayout(self)
        lay.setVerticalSpacing(12)
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText(self.tr("e.g. 山本 太郎"))
        lay.addRow(self.tr("Your name"), self.name_edit)
        lay.addRow(
            "",
            label(
                self.tr("Used as the rep when a report has no name column or 氏名 block."),
                "muted",
                wrap=True,
            ),
        )
        self.registerField("user_name*", self.name_edit)


class FoldersPage(InContextLanguage, QWizardPage):
    def __init__(self, lang: str | None = None):
        self.lang = lang  # first: every tr() below speaks it (InContextLanguage)
        super().__init__()
        self.setTitle(wizard_title(self.tr("Where do you keep your files?")))
        self.setSubTitle(
            self.tr(
                "Genba watches these folders and imports what you save into them. It never changes your files."
            )
        )
        lay = QVBoxLayout(self)
        lay.setSpacing(8)
        lay.addWidget(label(self.tr("Daily reports (Excel workbooks)"), "sectionTitle"))
        self.reports = _FolderField(self, self.tr("e.g. Documents\\営業日報"), lang)
        lay.addLayout(self.reports)
        lay.addWidget(
            label(
                self.tr("Business cards (Eight / Sansan CSV, vCard, card scans) — optional"),
                "sectionTitle",
            )
        )
        self.cards = _FolderField(self, self.tr("e.g. Documents\\名刺"), lang)
        lay.addLayout(self.cards)
        # A wrong path in the warning colour under the fields, not in the grey subtitle.
        self.error = label("", "warnBadge", wrap=True)
        lay.addWidget(self.error)
        lay.addStretch(1)
        self.reports.edit.textChanged.connect(self.completeChanged)
        self.reports.edit.textChanged.connect(lambda: self.error.setText(""))
        self.registerField("report_folder", self.reports.edit)
        self.registerField("card_folder", self.cards.edit)

    def isComplete(self) -> bool:
        # 次へ needs the daily-report folder: without it there is nothing to read.
        return bool(self.reports.edit.text().strip())

    def validatePage(self) -> bool:
        for f in (self.reports.edit, self.cards.edit):
            text = f.text().strip()
            if text and not Path(text).is_dir():
                f.setFocus()
                f.selectAll()
                self.error.setText(
                    self.tr("This folder was not found: {0} — pick it with 「Choose…」.").format(
                        text
                    )
                )
                return False
        self.error.setText("")
        return True


class ServerPage(InContextLanguage, QWizardPage):
    def __init__(self, lang: str | None = None):
        self.lang = lang  # first: every tr() below speaks it (InContextLanguage)
        super().__init__()
        self.setTitle(wizard_title(self.tr("Team server (optional)")))
        self.setSubTitle(
            self.tr(
                "If your team shares customers, enter the server address and your token. You can also do this later under Sync."
            )
        )
        lay = QFormLayout(self)
        self.url_edit = QLineEdit()
        self.url_edit.setPlaceholderText("https://genba.example.co.jp")
        self.token_edit = QLineEdit()
        self.token_edit.setEchoMode(QLineEdit.EchoMode.Password)
        lay.addRow(self.tr("Server address"), self.url_edit)
        lay.addRow(self.tr("Token"), self.token_edit)
        self.registerField("server_url", self.url_edit)
        self.registerField("server_token", self.token_edit)


class ImportPage(InContextLanguage, QWizardPage):
    """Saves the settings and runs the first import; Finish is enabled when it is done."""

    def __init__(self, ctx):
        self.ctx = ctx  # first: every tr() below speaks its language (InContextLanguage)
        super().__init__()
        self.setTitle(wizard_title(self.tr("Reading your files")))
        self.setSubTitle(self.tr("This runs once; afterwards Genba keeps up as you save."))
        lay = QVBoxLayout(self)
        self.bar = QProgressBar()
        self.bar.setRange(0, 0)
        self.status = label("", "muted", wrap=True)
        lay.addWidget(self.bar)
        lay.addWidget(self.status)
        lay.addStretch(1)
        self.done = False
        self.summary = None
        ctx.bus.import_progress.connect(self._progress)

    def initializePage(self) -> None:
        self.done = False
        w = self.wizard()
        ctx = self.ctx
        s = ctx.settings
        s.user_name = (w.field("user_name") or "").strip() or None
        report = (w.field("report_folder") or "").strip()
        cards = (w.field("card_folder") or "").strip()
        if report and report not in s.report_folders:
            s.report_folders.append(report)
        if cards and cards not in s.card_folders:
            s.card_folders.append(cards)
        url = (w.field("server_url") or "").strip()
        token = (w.field("server_token") or "").strip()
        bus = ctx.bus
        paths = [Path(p) for p in (report, cards) if p]
        self.status.setText(self.tr("Looking for workbooks and cards…"))

        def work():
            if ctx.config is not None:
                # Only what the rep chose, and never over a value IT has locked.
                for key in ("user_name", "report_folders", "card_folders"):
                    if not ctx.locked(key):
                        ctx.config.set_user_value(key, getattr(s, key))
            else:
                s.save(ctx.data_dir)
            if url and token:
                from sync.client.credentials import save_credentials

                save_credentials(ctx.store, url, token)
            return import_paths(
                ctx.store,
                paths,
                rep=s.user_name,
                card_folders=s.card_folders,
                runner=ctx.imports,
                progress=lambda d, t, n: bus.import_progress.emit(d, t, n),
            )

        ctx.write(work, self._finished, self._failed)

    def _progress(self, done: int, total: int, name: str) -> None:
        if self.done:
            return
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(done)
        if name:
            self.status.setText(self.tr("Reading {0} ({1} of {2})").format(name, done + 1, total))

    def _finished(self, summary) -> None:
        self.summary = summary
        # Visits and cards counted apart (the import's "added" counts both).
        self.ctx.read(_counts, lambda counts: self._done(summary, counts))

    def _done(self, summary, counts: tuple[int, int, int]) -> None:
        visits, cards, files = counts
        self.done = True
        self.bar.setRange(0, 1)
        self.bar.setValue(1)
        self.setTitle(wizard_title(self.tr("Your files are read")))
        self.setSubTitle(self.tr("From now on Genba keeps up as you save."))
        text = self.tr("Done: {0} file(s) read — {1} visit(s), {2} business card(s).").format(
            summary.imported, visits, cards
        )
        if files:  # the files Problems lists, failed or with a cell to check
            text += " " + self.tr("{0} file(s) need a look under Problems.").format(files)
        self.status.setText(text)
        self.completeChanged.emit()

    def _failed(self, exc) -> None:
        self.done = True
        self.status.setText(self.tr("The import stopped: {0}").format(exc))
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self.done


def _counts(conn) -> tuple[int, int, int]:
    """(visits, contacts, files with problems) in the store: on the first run, what was just
    read, and the files Problems lists (counted by its rule)."""
    visits = conn.execute("SELECT count(*) FROM activities WHERE deleted = 0").fetchone()[0]
    cards = conn.execute("SELECT count(*) FROM contacts WHERE deleted = 0").fetchone()[0]
    return visits, cards, problem_counts(conn)["files"]


class FirstRunWizard(InContextLanguage, QWizard):
    imported = Signal(object)

    def __init__(self, ctx, parent=None):
        self.ctx = ctx  # first: every tr() below speaks its language (InContextLanguage)
        super().__init__(parent)
        keep_on_screen(self)
        self.setWindowTitle(self.tr("Set up Genba"))
        style_wizard(self, ctx.language)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.resize(760, 520)
        self.welcome = WelcomePage(ctx.language)
        self.folders = FoldersPage(ctx.language)
        self.server = ServerPage(ctx.language)
        self.import_page = ImportPage(ctx)
        for p in (self.welcome, self.folders, self.server, self.import_page):
            self.addPage(p)
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("Start using Genba"))
