"""Every model through qtmodeltester; the lazy model over 100,000 activities."""

from __future__ import annotations

import time

import pytest

from desktop.app.data.activities import ActivityFilter
from desktop.app.models.activities import ActivitiesModel
from desktop.app.models.customers import CustomersModel
from desktop.app.models.lazy import PAGE_SIZE, Column, LazyTableModel
from desktop.app.models.lists import RecordsModel


def test_activities_model(qtmodeltester, store, imported):
    model = ActivitiesModel(store.reader)
    model.reload()  # no task manager: inline
    assert model.rowCount() == 4
    qtmodeltester.check(model)
    texts = [model.index(r, 1).data() for r in range(4)]
    assert "株式会社サンプル精工" in texts
    model.set_filter(ActivityFilter(text="バリ"))
    assert model.rowCount() == 1
    model.close()


def test_customers_model_in_gojuon_order(qtmodeltester, store, imported):
    model = CustomersModel(store.reader)
    model.reload()
    qtmodeltester.check(model)
    names = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert names == [
        "株式会社サンプル精工",
        "(株)テスト工業",
        "見本化成(株)",  # みほんかせい: by its reading, not after the kana names
        "有限会社ミホン製作所",
    ]
    model.set_text("見本")
    assert [model.index(r, 0).data() for r in range(model.rowCount())] == ["見本化成(株)"]
    model.close()


def test_records_model(qtmodeltester):
    model = RecordsModel([Column("a", "A"), Column("b", "B", align_right=True)])
    model.set_rows([{"a": "x", "b": 1}, {"a": "y", "b": None}])
    qtmodeltester.check(model)
    assert model.index(1, 1).data() == ""


def test_mapping_grid_model(qtmodeltester):
    import datetime as dt

    from PySide6.QtCore import Qt

    from desktop.app.dialogs.mapping_parts import OWN_LABEL, GridModel

    model = GridModel()
    qtmodeltester.check(model)  # empty: no sheet yet
    model.set_sheet(
        [["訪問した日", dt.date(2025, 11, 20)], [], ["お伺い先", "株式会社サンプル精工", 3]]
    )
    model.set_marks({(2, 0): OWN_LABEL})
    qtmodeltester.check(model)
    assert (model.rowCount(), model.columnCount()) == (3, 3)  # ragged rows: the widest counts
    assert model.index(0, 1).data() == "2025/11/20" and model.index(1, 2).data() == ""
    assert model.index(2, 0).data(Qt.ItemDataRole.BackgroundRole) == OWN_LABEL
    assert model.headerData(2, Qt.Orientation.Horizontal) == "C"
    assert model.headerData(2, Qt.Orientation.Vertical) == "3"


def test_reload_in_the_background_hands_ids_over(qtbot, ctx, imported):
    model = ActivitiesModel(ctx.connect, ctx.tasks)
    with qtbot.waitSignal(model.loaded, timeout=5000):
        model.reload()
    assert model.rowCount() == 4
    model.close()


@pytest.fixture(scope="module")
def big_store(tmp_path_factory):
    from sync.store import Store
    from tests.app.bulk import bulk_activities

    store = Store(tmp_path_factory.mktemp("big"))
    bulk_activities(store, 100_000)
    yield store
    store.close()


def test_lazy_model_over_100k_rows_reads_only_visible_pages(qtbot, qtmodeltester, big_store):
    from desktop.app.widgets import table

    model = ActivitiesModel(big_store.reader)
    t = time.perf_counter()
    model.reload()
    assert model.rowCount() == 100_000
    assert time.perf_counter() - t < 2.0  # the id query: ~0.1 s here
    assert model.pages_fetched == 0  # no row read until one is shown
    view = table(model)
    qtbot.addWidget(view)
    view.resize(1200, 700)
    view.show()
    qtbot.waitExposed(view)
    assert model.pages_fetched <= 2  # only the first screen
    t = time.perf_counter()
    view.scrollToBottom()
    qtbot.wait(10)
    assert time.perf_counter() - t < 1.0
    assert model.cached_pages()[-1] == (100_000 - 1) // PAGE_SIZE
    assert model.pages_fetched <= 4
    t = time.perf_counter()
    text = model.index(50_000, 4).data()
    assert time.perf_counter() - t < 0.1 and text.startswith("第")
    assert model.data(model.index(99_999, 0), LazyTableModel.ID_ROLE)
    model.close()
