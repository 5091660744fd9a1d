"""Every page speaks its AppContext's language, not the QApplication's (which speaks Japanese in
these tests): an English context and a Japanese one side by side in one process, each page's
texts in its own language. Real Qt offscreen, the real translation files."""

from __future__ import annotations

import importlib
import re

import pytest

from tests.app.test_language_passed import english  # noqa: F401  (a fixture)

PAGES = [
    ("today", "TodayView", "Today"),
    ("activities", "ActivitiesView", "Activities"),
    ("customers", "CustomerList", "Customers"),
    ("brief", "BriefView", "Pre-visit brief"),
    ("folders", "FoldersView", "Folders"),
    ("knowledge", "KnowledgeView", "Knowledge"),
    ("problems", "ProblemsView", "Problems"),
    ("search", "SearchView", "Search"),
    ("sync", "SyncView", "Sync"),
]
JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")


def _texts(widget) -> list[str]:
    from PySide6.QtWidgets import QAbstractButton, QLabel

    found = [w.text() for w in widget.findChildren(QLabel) + widget.findChildren(QAbstractButton)]
    return [t for t in found if t]


@pytest.mark.parametrize(("module", "cls", "title"), PAGES)
def test_a_page_speaks_its_contexts_language(qtbot, ctx, english, module, cls, title):  # noqa: F811
    page = getattr(importlib.import_module(f"desktop.app.views.{module}"), cls)
    in_english, in_japanese = page(english), page(ctx)
    qtbot.addWidget(in_english)
    qtbot.addWidget(in_japanese)
    assert in_english.title_label.text() == title
    assert JAPANESE.search(in_japanese.title_label.text()), in_japanese.title_label.text()
    # nothing the English page says was translated into Japanese by the application's translators
    assert not [t for t in _texts(in_english) if JAPANESE.search(t)], _texts(in_english)


def test_the_customers_view_and_the_knowledge_tabs_too(qtbot, ctx, english):  # noqa: F811
    from desktop.app.views.customers import CustomersView
    from desktop.app.views.knowledge import MvpTab, TeamNotesTab

    for cls in (CustomersView, MvpTab, TeamNotesTab):
        in_english, in_japanese = cls(english), cls(ctx)
        qtbot.addWidget(in_english)
        qtbot.addWidget(in_japanese)
        said, in_ja = _texts(in_english), _texts(in_japanese)
        assert said and not [t for t in said if JAPANESE.search(t)], (cls, said)
        assert [t for t in in_ja if JAPANESE.search(t)], (cls, in_ja)
