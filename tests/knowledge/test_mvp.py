"""Recognition for quality: helpful marks and reuse by others, reach — never the note count."""

from __future__ import annotations

import pytest

from importers.insights.mvp import monthly_mvp
from importers.insights.notes import add_note
from importers.insights.reactions import ReactionError, mark_helpful


def _company(store):
    with store.write() as w:
        w.insert(
            "companies", {"id": "c1", "name": "サンプル精工", "name_normalized": "サンプル精工"}
        )
    return "c1"


def _at(store, month="2025-05"):
    """Put every reaction into the month under test."""
    with store.write() as w:
        w.conn.execute("UPDATE reactions SET created_at = ? || '-15T09:00:00+00:00'", (month,))
        w.conn.execute("UPDATE notes SET created_at = ? || '-10T09:00:00+00:00'", (month,))


def test_two_notes_that_helped_three_beat_twenty_nobody_used(store):
    cid = _company(store)
    good = [add_note(store, cid, f"決裁者は工場長 {i}", author="高橋") for i in range(2)]
    for i in range(20):
        add_note(store, cid, f"訪問しました {i}", author="多田")
    for user in ("山本", "佐藤", "鈴木"):
        mark_helpful(store, good[0], user)
    mark_helpful(store, good[1], "山本")
    # 多田 likes their own note through the database: never counts
    from importers.insights.reactions import helpful_id

    with store.write() as w:
        nid = store.query("SELECT id FROM notes WHERE author = '多田' LIMIT 1")[0][0]
        w.insert(
            "reactions",
            {
                "id": helpful_id(nid, "多田"),
                "note_id": nid,
                "kind": "helpful",
                "user": "多田",
                "created_at": "2025-05-01",
            },
        )
    _at(store)
    ranking = monthly_mvp(store, "2025-05", departments={})
    assert [e.author for e in ranking] == ["高橋", "多田"]
    top, bottom = ranking
    assert (top.helpful, top.people, top.notes_used, top.notes_written) == (4, 3, 2, 2)
    assert top.score > 0 and top.rank == 1
    assert bottom.score == 0 and bottom.notes_written == 20 and bottom.rank == 2


def test_reuse_and_departments_count(store):
    cid = _company(store)
    a = add_note(store, cid, "検査成績書は必ず添付", author="高橋")
    b = add_note(store, cid, "値引きより納期短縮が効いた", author="山本")
    mark_helpful(store, a, "品質の森")
    mark_helpful(store, b, "佐藤")
    from importers.insights.reactions import record_reuse

    with store.write() as w:
        record_reuse(w, [(a, "高橋"), (b, "山本")], "調達の林")
        record_reuse(w, [(a, "高橋")], "高橋")  # own note: nothing
    _at(store)
    ranking = monthly_mvp(
        store, "2025-05", departments={"品質の森": "品質保証", "調達の林": "調達", "佐藤": "営業"}
    )
    by = {e.author: e for e in ranking}
    assert by["高橋"].departments == 2 and by["高橋"].reuse == 1
    assert by["山本"].departments == 2
    assert ranking[0].author == "高橋" or by["高橋"].score == by["山本"].score
    assert monthly_mvp(store, "2025-06", departments={}) == []  # another month


def test_helpful_rules(store):
    cid = _company(store)
    nid = add_note(store, cid, "朝一の電話は避ける", author="高橋")
    with pytest.raises(ReactionError):
        mark_helpful(store, nid, "高橋")  # not for one's own note
    assert mark_helpful(store, nid, "山本") is True
    assert mark_helpful(store, nid, "山本") is False  # once per person
    assert mark_helpful(store, nid, "山本", on=False) is True
    assert mark_helpful(store, nid, "山本") is True  # restored
    rows = store.query("SELECT * FROM reactions")
    assert len(rows) == 1 and rows[0]["deleted"] == 0 and rows[0]["kind"] == "helpful"
    assert store.query("SELECT count(*) FROM changes WHERE entity = 'reactions'")[0][0] > 0
    with pytest.raises(ReactionError):
        mark_helpful(store, "no-such-note", "山本")


def test_team_toml_departments(store, data_dir):
    (data_dir / "team.toml").write_text('[members]\n"森" = "品質保証"\n"林" = "調達"\n', "utf-8")
    cid = _company(store)
    nid = add_note(store, cid, "検査成績書は必ず添付", author="高橋")
    mark_helpful(store, nid, "森")
    mark_helpful(store, nid, "林")
    _at(store)
    (entry,) = monthly_mvp(store, "2025-05")
    assert entry.departments == 2
