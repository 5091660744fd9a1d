"""The pre-visit brief: what the team knows about a customer, to read before the door opens.

Knowledge first (buyer preferences and trouble lessons on top, each with 「参考になった」), then open
next actions, recent activities, contacts and open deals. 「印刷…」 prints and 「PDFに保存…」 writes
the printable version (``render_brief_html``) for the train. Opening a brief records reuse of
the teammates' notes in it.
"""

from __future__ import annotations

import datetime as dt
from html import escape
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt, Signal
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QScrollArea, QVBoxLayout, QWidget

from desktop.app import fmt
from desktop.app.data.changes import Changes
from desktop.app.data.concerns import SHOWN, concerns
from desktop.app.data.knowledge import open_brief, write_brief_pdf
from desktop.app.i18n import InContextLanguage
from desktop.app.icons import icon
from desktop.app.views.notes import NoteItem, connect_helpful
from desktop.app.widgets import Card, Page, button, clear_layout, label
from desktop.knowledge.brief import Brief, heard_text, render_brief_html


class BriefView(InContextLanguage, Page):
    loaded = Signal()
    back = Signal(str)  # company id: back to the customer's page
    pdf_written = Signal(str)

    def __init__(self, ctx, parent=None):
        self.ctx = ctx  # first: every tr() below speaks its language (InContextLanguage)
        super().__init__(self.tr("Pre-visit brief"), "", parent)
        self.company_id: str | None = None
        self.today: dt.date | None = None  # None: the real date (the screenshots pin one)
        self.brief: Brief | None = None
        self.note_items: dict[str, NoteItem] = {}

        back = button(self.tr("← Customer page"), link=True)
        back.clicked.connect(lambda: self.company_id and self.back.emit(self.company_id))
        self.outer.insertWidget(0, back, 0, Qt.AlignmentFlag.AlignLeft)
        self.print_button = button(self.tr("Print…"), icon=icon("open"))
        self.print_button.clicked.connect(self.print_brief)
        self.pdf_button = button(
            self.tr("Save as PDF…"), primary=True, icon=icon("note", "#ffffff")
        )
        self.pdf_button.clicked.connect(self.save_pdf)
        for b in (self.print_button, self.pdf_button):
            b.setEnabled(False)
            self.actions.addWidget(b)

        content = QWidget()
        cols = QHBoxLayout(content)
        cols.setContentsMargins(0, 0, 6, 0)
        cols.setSpacing(16)
        self.left = QVBoxLayout()
        self.left.setSpacing(12)
        self.right = QVBoxLayout()
        self.right.setSpacing(12)
        cols.addLayout(self.left, 3)
        cols.addLayout(self.right, 2)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(content)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.outer.addWidget(scroll, 1)
        ctx.bus.data_changed.connect(self._data_changed)

    def activate(self) -> None:
        pass

    # -- loading ------------------------------------------------------------------------------------
    def load(self, company_id: str) -> None:
        """Open the brief; this records reuse of the teammates' notes shown (once a day)."""
        self._load(company_id, record=True)

    def _load(self, company_id: str, *, record: bool) -> None:
        self.company_id = company_id
        store, viewer, today = self.ctx.store, self.ctx.settings.user_name, self.today

        def work():
            return open_brief(store, company_id, viewer, record=record, today=today)

        # Reuse rows are the brief's own bookkeeping: no need for every view to re-read.
        self.ctx.write(work, self._show, changes_data=False)

    def _data_changed(self, changes: Changes) -> None:
        company_id = self.company_id
        if not company_id or not self.isVisible() or not changes.touches(*SHOWN):
            return

        def reread(yes: bool) -> None:
            if yes and company_id == self.company_id:
                self._load(company_id, record=False)

        self.ctx.read(lambda conn: concerns(conn, changes, company_id), reread)

    def _show(self, brief: Brief) -> None:
        if brief.company_id != self.company_id:
            return
        self.brief = brief
        self.title_label.setText(self.tr("{0} — pre-visit brief").format(brief.company))
        facts = [self.tr("as of {0}").format(fmt.day(brief.generated_on, lang=self.ctx.language))]
        facts.append(self.tr("%n note(s) from the team", "", len(brief.knowledge)))
        if brief.reuse_recorded:
            facts.append(self.tr("your reading counts as reuse for their authors"))
        self.hint_label.setText(" · ".join(facts))
        self.hint_label.setVisible(True)
        self._build(brief)
        for b in (self.print_button, self.pdf_button):
            b.setEnabled(True)
        self.loaded.emit()

    def _build(self, brief: Brief) -> None:
        clear_layout(self.left)
        clear_layout(self.right)
        user = self.ctx.settings.user_name
        know = Card()
        know.body.addWidget(label(self.tr("The team's knowledge"), "sectionTitle"))
        know.body.addWidget(
            label(
                self.tr("Buyer preferences and trouble lessons first. Did one help? Say so."),
                "muted",
                wrap=True,
            )
        )
        self.note_items = {}
        for n in brief.knowledge:
            item = NoteItem(n, user, editable=False, lang=self.ctx.language)
            connect_helpful(self.ctx, item)
            self.note_items[n["id"]] = item
            know.body.addWidget(item)
        if not brief.knowledge:
            know.body.addWidget(
                label(self.tr("No notes about this customer yet."), "muted", wrap=True)
            )
        self.left.addWidget(know)
        self.left.addStretch(1)

        self.right.addWidget(
            self._section(
                self.tr("Open next actions"),
                [
                    (
                        (
                            fmt.day(a["due"], lang=self.ctx.language)
                            if a["due"]
                            else self.tr("no due date")
                        ),
                        escape(a["action"] or "") + (f" ({escape(a['rep'])})" if a["rep"] else ""),
                        a["overdue"],
                    )
                    for a in brief.next_actions
                ],
                self.tr("Nothing open."),
            )
        )
        self.right.addWidget(
            self._section(
                self.tr("Recent activities"),
                [
                    (
                        fmt.day(a["occurred_on"], weekday=False) or self.tr("no date"),
                        escape(
                            " · ".join(filter(None, [a["rep"], a["contact_name"], a["summary"]]))
                        )
                        + self._heard(a),
                        False,
                    )
                    for a in brief.activities
                ],
                self.tr("No visits yet."),
            )
        )
        self.right.addWidget(
            self._section(
                self.tr("Contacts"),
                [
                    (
                        escape(" ".join(filter(None, [c["full_name"], c["title"]]))),
                        escape(
                            " · ".join(
                                filter(
                                    None,
                                    [
                                        c["department"],
                                        c["phone"],
                                        self.tr("mobile {0}").format(c["mobile"])
                                        if c["mobile"]
                                        else None,
                                        self.tr("last met {0}").format(
                                            fmt.day(c["last_met"], weekday=False)
                                        )
                                        if c["last_met"]
                                        else None,
                                    ],
                                )
                            )
                        ),
                        False,
                    )
                    for c in brief.contacts
                ],
                self.tr("No contacts yet."),
            )
        )
        self.right.addWidget(
            self._section(
                self.tr("Open deals"),
                [
                    (
                        escape(d["title"] or ""),
                        " · ".join(
                            filter(
                                None,
                                [
                                    fmt.yen(d["amount_jpy"]),
                                    fmt.percent(d["probability"]),
                                    escape(d["owner"] or ""),
                                ],
                            )
                        ),
                        False,
                    )
                    for d in brief.deals
                ],
                self.tr("No open deals."),
            )
        )
        self.right.addStretch(1)

    def _heard(self, a: dict) -> str:
        """What was said in a confirmed voice memo, under its 内容 (when that is shorter)."""
        heard = heard_text(a)
        if not heard:
            return ""
        return (
            "<br><small>" + escape(self.tr("Voice memo transcript: {0}").format(heard)) + "</small>"
        )

    def _section(self, title: str, rows: list[tuple[str, str, bool]], empty: str) -> Card:
        """A card of (heading, text, warn) lines; heading and text are already HTML-safe."""
        card = Card()
        card.body.addWidget(label(title, "sectionTitle"))
        if not rows:
            card.body.addWidget(label(empty, "muted"))
        for head, text, warn in rows:
            line = QVBoxLayout()
            line.setSpacing(0)
            top = label(head, "warnBadge" if warn else "muted", wrap=True)
            if warn:
                top.setText(self.tr("{0} (overdue)").format(head))
            line.addWidget(top)
            body = label(text, wrap=True)
            body.setTextFormat(Qt.TextFormat.RichText)
            line.addWidget(body)
            card.body.addLayout(line)
        return card

    # -- print and PDF --------------------------------------------------------------------------------
    def html(self) -> str:
        return render_brief_html(self.brief) if self.brief else ""

    def document(self) -> QTextDocument:
        doc = QTextDocument(self)
        doc.setDocumentMargin(0)
        doc.setHtml(self.html())
        return doc

    def print_brief(self) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        if not self.brief:
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.title_label.text())
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Print the brief"))
        if dialog.exec() == QPrintDialog.DialogCode.Accepted:
            self.document().print_(printer)

    def default_pdf_name(self) -> str:
        company = (self.brief.company if self.brief else "") or "brief"
        safe = "".join(ch for ch in company if ch not in '\\/:*?"<>|').strip() or "brief"
        what = self.tr("pre-visit brief")
        return f"{safe}_{what}_{dt.date.today():%Y%m%d}.pdf"

    def save_pdf(self) -> None:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the brief as PDF"),
            str(Path(folder) / self.default_pdf_name()),
            self.tr("PDF (*.pdf)"),
        )
        if path:
            if not path.lower().endswith(".pdf"):
                path += ".pdf"
            self.export_pdf(path)

    def export_pdf(self, path: str) -> None:
        """Write the printable brief to ``path`` in the background; ``pdf_written`` when done."""
        html = self.html()
        if not html:
            return
        self.pdf_button.setEnabled(False)

        def done(out):
            self.pdf_button.setEnabled(True)
            self.hint_label.setText(self.tr("Saved {0}").format(str(out)))
            self.pdf_written.emit(str(out))

        def failed(exc):
            self.pdf_button.setEnabled(True)
            self.ctx.tasks.default_error(exc)

        self.ctx.tasks.run(lambda: write_brief_pdf(html, Path(path)), done, failed)
