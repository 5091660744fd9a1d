"""The app's search: contacts and customers found (田村 finds the contact and the phone number),
a visible "more" instead of a silent cap, newest first on request, one row per repeated sentence."""

from __future__ import annotations

from desktop.app.data.search_results import search_results


def _seed(store, visits: int = 0):
    with store.write() as w:
        company = w.insert(
            "companies",
            {"name": "山田製作所", "name_normalized": "山田製作所", "name_kana": "やまだ"},
        )
        w.insert(
            "contacts",
            {
                "company_id": company,
                "full_name": "田村 一郎",
                "title": "課長",
                "phone": "052-111-2233",
                "mobile": "090-1234-5678",
            },
        )
        w.insert(
            "activities",
            {"company_id": company, "occurred_on": "2025-05-01", "summary": "田村課長と打合せ"},
        )
        for i in range(visits):
            w.insert(
                "activities",
                {
                    "company_id": company,
                    "occurred_on": f"2025-{1 + i % 12:02d}-{1 + i % 28:02d}",
                    "summary": "定例の納期確認。" if i % 2 else f"納期の相談 その{i}",
                },
            )
    return company


def test_a_name_finds_the_contact_and_the_phone_number(store):
    company = _seed(store)
    found = search_results(store, "田村")
    kinds = [h["kind"] for h in found["hits"]]
    assert kinds[0] == "contact"
    contact = found["hits"][0]
    assert "052-111-2233" in contact["snippet"] and "090-1234-5678" in contact["snippet"]
    assert contact["company_id"] == company
    assert "activity" in kinds  # the visit that names them too
    start, end = contact["highlights"][0]
    assert contact["snippet"][start:end] == "田村"
    assert search_results(store, "やまだ")["hits"][0]["kind"] == "customer"


def test_more_results_are_said_and_repeated_sentences_collapse(store):
    _seed(store, visits=260)
    first = search_results(store, "納期", limit=100)
    assert first["more"] is True
    same = [h for h in first["hits"] if h["snippet"].startswith("定例の納期確認")]
    assert len(same) == 1 and same[0]["same"] > 1  # one row for the repeated sentence
    everything = search_results(store, "納期", limit=1000)
    assert everything["more"] is False
    assert sum(h["same"] for h in everything["hits"]) == 260
    newest = search_results(store, "納期", limit=1000, newest_first=True)["hits"]
    dates = [h["date"] for h in newest]
    assert dates == sorted(dates, reverse=True)


def test_the_search_view_offers_more_and_sorting(qtbot, window, ctx, store):
    _seed(store, visits=260)
    window.search.setText("納期")
    view = window.run_search()
    qtbot.waitUntil(lambda: view.model.rowCount() > 0, timeout=5000)
    assert view.more_button.isVisibleTo(view)
    assert "さらに" in view.more_button.text()
    shown = view.model.rowCount()
    with qtbot.waitSignal(view.loaded, timeout=5000):
        view.more_button.click()
    assert view.model.rowCount() > shown
    with qtbot.waitSignal(view.loaded, timeout=5000):
        view.sort_combo.setCurrentIndex(view.sort_combo.findData("date"))
    dates = [view.model.row(i)["date"] for i in range(view.model.rowCount())]
    assert dates == sorted(dates, reverse=True)


def test_a_sentence_copied_for_several_customers_is_one_row():
    from desktop.app.data.search_results import collapse
    from desktop.app.models.search import company_text, date_text

    hit = {"kind": "note", "snippet": "価格より納期の確実さを重視。", "date": "2025-05-22"}
    rows = collapse(
        [
            {**hit, "id": "1", "company": "見本化成(株)", "company_id": "a"},
            {**hit, "id": "2", "company": "富士精密", "company_id": "b"},
            {**hit, "id": "3", "company": "富士精密", "company_id": "b"},
            {**hit, "id": "4", "snippet": "別の文。", "company": "富士精密", "company_id": "b"},
        ]
    )
    assert [r["id"] for r in rows] == ["1", "4"]
    assert rows[0]["same"] == 3 and rows[0]["companies"] == ["見本化成(株)", "富士精密"]
    assert company_text(rows[0]) == "見本化成(株) ほか1社"
    assert date_text(rows[0]) == "2025/05/22 同文 他2件"
