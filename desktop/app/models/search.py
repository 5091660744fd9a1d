"""Search results: one row per note or activity, best first, the snippet with its matches."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt

from desktop.app import fmt
from desktop.app.i18n import speaking
from desktop.app.models.lazy import Column
from desktop.app.models.lists import Index, RecordsModel
from desktop.app.style import ACCENT

SNIPPET_COLUMN = 4


def highlight_html(snippet: str, spans: list[tuple[int, int]] | list[list[int]]) -> str:
    """The snippet as rich text, each match in bold indigo."""
    out, last = [], 0
    for s, e in sorted((int(a), int(b)) for a, b in spans):
        if s < last:
            continue
        out += [
            escape(snippet[last:s]),
            f'<b style="color:{ACCENT}">{escape(snippet[s:e])}</b>',
        ]
        last = e
    out.append(escape(snippet[last:]))
    return "".join(out)


def kind_text(row: dict, lang: str | None = None) -> str:
    from desktop.app.views.notes import category_label

    said = speaking(lang)
    if row["kind"] == "activity":
        return said.translate("Search", "Activity")
    if row["kind"] == "contact":
        return said.translate("Search", "Contact")
    if row["kind"] == "customer":
        return said.translate("Search", "Customer")
    return said.translate("Search", "Knowledge") + " · " + category_label(row.get("category"), lang)


def company_text(row: dict, lang: str | None = None) -> str:
    """The customer; 「A社 ほか2社」 when the same sentence was written for several."""
    companies = row.get("companies") or []
    if len(companies) > 1:
        others = len(companies) - 1  # a plain name: lupdate reads no expression here
        more = speaking(lang).translate("Search", "and %n more", "", others)
        return f"{companies[0]} {more}"
    return row.get("company") or ""


def date_text(row: dict, lang: str | None = None) -> str:
    """The date, and how many more rows say the same sentence (collapsed into this one)."""
    day = fmt.day(row["date"], weekday=False, lang=lang) if row.get("date") else ""
    same = int(row.get("same") or 1)
    if same > 1:
        others = same - 1
        more = speaking(lang).translate("Search", "+%n same", "", others)
        return f"{day} {more}".strip()
    return day


class HitsModel(RecordsModel):
    """Rows are ``Hit.to_dict()``; ``HTML_ROLE`` gives the highlighted snippet."""

    HTML_ROLE = Qt.ItemDataRole.UserRole + 3

    def __init__(self, parent=None, *, lang: str | None = None):
        """Headed and written in ``lang`` (the AppContext's; None: the running app's)."""
        said = speaking(lang)
        super().__init__(
            [
                Column("kind", said.translate("Search", "Kind"), lambda r: kind_text(r, lang)),
                Column(
                    "company",
                    said.translate("Search", "Customer"),
                    lambda r: company_text(r, lang),
                    tooltip=True,
                ),
                Column("date", said.translate("Search", "Date"), lambda r: date_text(r, lang)),
                Column("author", said.translate("Search", "Written by")),
                Column("snippet", said.translate("Search", "Text"), tooltip=True),
            ],
            parent,
        )

    def data(self, index: Index, role=Qt.ItemDataRole.DisplayRole):
        if role == self.HTML_ROLE and index.isValid() and index.column() == SNIPPET_COLUMN:
            row = self._rows[index.row()]
            return highlight_html(row["snippet"], row["highlights"])
        return super().data(index, role)
