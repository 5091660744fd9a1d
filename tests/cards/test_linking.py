"""Activities link to the contacts their 面談者 names (surname + title at the same company)."""

import datetime as dt

from importers.cards.apply import import_card_file
from importers.cards.linking import link_activities_to_contacts, name_key, resolve_person
from tests.cards.test_apply import eight_csv, report, rows

AOKI_TWICE = (
    "氏名,会社名,役職\n青木 一郎,株式会社サンプル精工,課長\n青木 二郎,株式会社サンプル精工,主任\n"
)


def test_report_after_cards_links_when_called(tmp_path, store):
    import_card_file(store, eight_csv(tmp_path / "eight.csv"))
    out = report(
        store,
        tmp_path,
        rows=[
            [dt.date(2025, 4, 2), "株式会社サンプル精工", "青木課長", "治具の提案"],
            [dt.date(2025, 4, 3), "見本化成(株)", "石井様", "見積提示"],
            [dt.date(2025, 4, 4), "見本化成(株)", "田中部長", "挨拶"],  # no card for 田中
            [dt.date(2025, 4, 5), "㈱テスト工業", "青木課長", "初訪問"],  # another company's 青木
        ],
    )
    # what the report pipeline calls after an import (a no-op if it already linked them)
    link_activities_to_contacts(store, source_id=out.source_id)
    linked = {a["summary"]: a["contact_id"] for a in rows(store, "activities")}
    people = {c["full_name"]: c["id"] for c in rows(store, "contacts")}
    assert linked == {
        "治具の提案": people["青木 一郎"],
        "見積提示": people["石井 花子"],
        "挨拶": None,
        "初訪問": None,
    }
    before = store.query("SELECT count(*) FROM changes")[0][0]
    assert link_activities_to_contacts(store) == 0  # idempotent: nothing written again
    assert store.query("SELECT count(*) FROM changes")[0][0] == before


def test_shared_surname_needs_the_title(tmp_path, store):
    (tmp_path / "aoki.csv").write_text(AOKI_TWICE, encoding="utf-8")
    import_card_file(store, tmp_path / "aoki.csv")
    report(
        store,
        tmp_path,
        rows=[
            [dt.date(2025, 4, 2), "サンプル精工", "青木課長", "a"],
            [dt.date(2025, 4, 3), "サンプル精工", "青木主任", "b"],
            [dt.date(2025, 4, 4), "サンプル精工", "青木様", "c"],  # which 青木? do not guess
            [dt.date(2025, 4, 5), "サンプル精工", "青木 二郎", "d"],  # the full name decides
        ],
    )
    link_activities_to_contacts(store)
    people = {c["full_name"]: c["id"] for c in rows(store, "contacts")}
    linked = {a["summary"]: a["contact_id"] for a in rows(store, "activities")}
    assert linked == {
        "a": people["青木 一郎"],
        "b": people["青木 二郎"],
        "c": None,
        "d": people["青木 二郎"],
    }


def test_edited_cell_relinks_but_a_manual_link_stays(tmp_path, store):
    (tmp_path / "aoki.csv").write_text(AOKI_TWICE, encoding="utf-8")
    import_card_file(store, tmp_path / "aoki.csv")
    report(store, tmp_path, rows=[[dt.date(2025, 4, 2), "サンプル精工", "青木課長", "a"]])
    report(
        store,
        tmp_path,
        rows=[[dt.date(2025, 4, 2), "サンプル精工", "青木課長", "m"]],
        name="b.xlsx",
    )
    link_activities_to_contacts(store)
    people = {c["full_name"]: c["id"] for c in rows(store, "contacts")}
    manual = next(a["id"] for a in rows(store, "activities") if a["summary"] == "m")
    with store.write() as w:  # the rep picks someone else by hand
        w.update("activities", manual, {"contact_id": people["青木 二郎"]})
    report(store, tmp_path, rows=[[dt.date(2025, 4, 2), "サンプル精工", "青木主任", "a"]])
    report(
        store,
        tmp_path,
        rows=[[dt.date(2025, 4, 2), "サンプル精工", "青木主任", "m"]],
        name="b.xlsx",
    )
    link_activities_to_contacts(store)  # (the report pipeline may have done it already)
    linked = {a["summary"]: a["contact_id"] for a in rows(store, "activities")}
    assert linked == {"a": people["青木 二郎"], "m": people["青木 二郎"]}


def test_resolve_person_rules():
    contacts = [
        {"id": "1", "key": "青木一郎", "full_name": "青木 一郎", "title": "製造部 課長"},
        {"id": "2", "key": "石井花子", "full_name": "石井 花子", "title": "主任"},
        {"id": "3", "key": "johnsmith", "full_name": "John Smith", "title": "Manager"},
    ]
    assert resolve_person(contacts, "青木", "課長") == "1"
    assert resolve_person(contacts, "田中、石井", "部長、主任") == "2"  # first who resolves
    assert resolve_person(contacts, "Smith", None) == "3"
    assert resolve_person(contacts, "", None) is None
    assert name_key("青木 一郎 様") == "青木一郎" and name_key("ＡＯＫＩ Ichiro") == "aokiichiro"
