"""Insight notes follow the 所感 cells: re-import unchanged -> nothing, edited -> updated,
emptied -> tombstoned; the rep's own category survives; quick capture."""

from __future__ import annotations

import pytest

from importers.insights.notes import add_note, insight_note_id, sync_all_insight_notes
from tests.knowledge.conftest import write_report


def live_notes(store):
    return [
        dict(r) for r in store.query("SELECT * FROM notes WHERE deleted = 0 ORDER BY source_ref")
    ]


def change_count(store):
    return store.query("SELECT count(*) FROM changes")[0][0]


def test_one_note_per_insight_linked_to_its_row(store, importer, tmp_path, report_rows):
    importer.import_file(write_report(tmp_path / "日報.xlsx", report_rows))
    notes = live_notes(store)
    assert len(notes) == 4  # the fifth visit has no 所感
    acts = {a["id"]: a for a in store.query("SELECT * FROM activities")}
    for n in notes:
        act = acts[n["activity_id"]]
        assert n["id"] == insight_note_id(act["id"])
        assert n["body"] == act["insight"]
        assert n["company_id"] == act["company_id"]
        assert n["source_ref"] == act["source_ref"]
        assert n["author"] == act["rep"]
        assert n["visibility"] == "team"
    cats = {n["body"][:6]: n["category"] for n in notes}
    assert cats["青木課長は価"] == "buyer_preference"
    assert cats["出荷検査の抜"] == "trouble_lesson"
    assert cats["A社が2割安"] == "competitor"
    assert cats["+81-52"] == "tip"
    # the notes are in the change log: they sync
    logged = store.query("SELECT DISTINCT row_id FROM changes WHERE entity = 'notes'")
    assert {r[0] for r in logged} == {n["id"] for n in notes}


def test_reimport_unchanged_edited_emptied(store, importer, tmp_path, report_rows):
    path = write_report(tmp_path / "日報.xlsx", report_rows)
    importer.import_file(path)
    before = change_count(store)
    importer.import_file(path, force=True)  # same content, read again
    assert change_count(store) == before

    report_rows[0][9] = "青木課長は納期最優先。決裁は工場長、来期から本社購買に移管。"
    report_rows[1][9] = None
    importer.import_file(write_report(path, report_rows))
    notes = {n["activity_id"]: n for n in (dict(r) for r in store.query("SELECT * FROM notes"))}
    acts = {a["source_ref"]: a["id"] for a in store.query("SELECT * FROM activities")}
    edited = notes[acts["4月!C4"]]
    assert edited["body"].startswith("青木課長は納期最優先")
    assert edited["deleted"] == 0
    assert notes[acts["4月!C5"]]["deleted"] == 1  # emptied -> tombstone, not gone
    assert len(notes) == 4  # same ids: updated, never duplicated
    # exactly the body of the edited note changed
    fields = store.query(
        "SELECT field FROM changes WHERE entity = 'notes' AND row_id = ? ORDER BY seq DESC LIMIT 1",
        (edited["id"],),
    )
    assert fields[0][0] == "body"

    # the insight comes back: the note is restored
    report_rows[1][9] = "検査の抜けが原因。対策はダブルチェック。"
    importer.import_file(write_report(path, report_rows))
    restored = store.query("SELECT * FROM notes WHERE activity_id = ?", (acts["4月!C5"],))[0]
    assert restored["deleted"] == 0 and restored["body"].startswith("検査の抜け")


def test_category_chosen_in_the_app_is_kept(store, importer, tmp_path, report_rows):
    path = write_report(tmp_path / "日報.xlsx", report_rows)
    importer.import_file(path)
    aid = store.query("SELECT id FROM activities WHERE source_ref = '4月!C4'")[0][0]
    nid = insight_note_id(aid)
    with store.write() as w:
        w.update("notes", nid, {"category": "tip"})  # the rep's choice in the app
    report_rows[0][9] = "青木課長は品質に強いこだわり。クレーム対応の速さを評価している。"
    importer.import_file(write_report(path, report_rows))
    note = store.query("SELECT * FROM notes WHERE id = ?", (nid,))[0]
    assert note["body"].startswith("青木課長は品質")
    assert note["category"] == "tip"

    # a category nobody touched follows the text
    aid2 = store.query("SELECT id FROM activities WHERE source_ref = '4月!C6'")[0][0]
    report_rows[2][9] = "見積が遅れて失注。反省。"
    importer.import_file(write_report(path, report_rows))
    assert (
        store.query("SELECT category FROM notes WHERE id = ?", (insight_note_id(aid2),))[0][0]
        == "failure_story"
    )


def test_note_edited_in_app_survives_unchanged_reimport(store, importer, tmp_path, report_rows):
    path = write_report(tmp_path / "日報.xlsx", report_rows)
    importer.import_file(path)
    aid = store.query("SELECT id FROM activities WHERE source_ref = '4月!C4'")[0][0]
    with store.write() as w:
        w.update("notes", insight_note_id(aid), {"body": "アプリで書き直した所感"})
    report_rows[4][4] = "価格交渉(2回目)"  # another cell of the file changes
    importer.import_file(write_report(path, report_rows))
    assert store.query("SELECT body FROM notes WHERE id = ?", (insight_note_id(aid),))[0][0] == (
        "アプリで書き直した所感"
    )


def test_deleted_row_tombstones_its_note(store, importer, tmp_path, report_rows):
    path = write_report(tmp_path / "日報.xlsx", report_rows)
    importer.import_file(path)
    del report_rows[1]
    importer.import_file(write_report(path, report_rows))
    assert len(live_notes(store)) == 3


def test_catch_up_for_an_existing_store(store, tmp_path, report_rows):
    from importers.pipeline import ReportImporter

    ReportImporter(store, rep="山本").import_file(write_report(tmp_path / "a.xlsx", report_rows))
    assert len(live_notes(store)) == 4  # the pipeline makes them as it imports
    # A store imported before notes existed: no notes, no bookkeeping.
    with store.write() as w:
        w.conn.execute("DELETE FROM notes")
        w.conn.execute("DELETE FROM knowledge_note_sources")
    assert live_notes(store) == []
    assert sync_all_insight_notes(store).added == 4
    assert sync_all_insight_notes(store).added == 0


def test_quick_capture(store, importer, tmp_path, report_rows):
    importer.import_file(write_report(tmp_path / "日報.xlsx", report_rows))
    cid = store.query("SELECT id FROM companies WHERE name_normalized = 'サンプル精工'")[0][0]
    nid = add_note(store, cid, "購買の森さんは朝一の電話を嫌う", author="山本")
    note = store.query("SELECT * FROM notes WHERE id = ?", (nid,))[0]
    assert note["category"] == "buyer_preference"
    assert note["visibility"] == "team" and note["author"] == "山本" and note["created_at"]
    pid = add_note(store, cid, "個人メモ", category="tip", visibility="private", author="山本")
    assert store.query("SELECT visibility FROM notes WHERE id = ?", (pid,))[0][0] == "private"
    assert pid not in {c["row_id"] for c in store.outbox()}  # private never leaves the laptop
    with pytest.raises(ValueError):
        add_note(store, cid, "   ", author="山本")
    with pytest.raises(ValueError):
        add_note(store, cid, "x", visibility="public")
