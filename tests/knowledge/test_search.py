"""Search over notes and activities: Japanese words of one, two and many characters, English,
ranked, with customer and date; the index follows every write."""

from __future__ import annotations

import sqlite3

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from desktop.knowledge import index
from desktop.knowledge.search import highlight, search
from desktop.knowledge.segment import match_expression, segment
from importers.insights.categories import normalize_text
from importers.insights.notes import add_note
from tests.knowledge.conftest import visit, write_report


def test_segmentation():
    assert segment("納期遅延") == ("納期 期遅 遅延", "納 期 遅 延")
    assert segment("lead time、納期") == ("lead time 納期", "納 期")
    assert segment("a社") == ("a a社", "社")
    assert match_expression("納") == '{uni cuni} : "納"'
    assert match_expression("納期") == '{bi cbi} : "納期"'
    assert match_expression("納期遅延") == '{bi cbi} : "納期 期遅 遅延"'
    assert match_expression("Lead") == '{bi cbi} : "lead" *'
    assert match_expression('"lead time"') == '{bi cbi} : "lead time"'
    assert match_expression("Ａ社") == '{bi cbi} : "a社"'
    assert match_expression("  、 ") is None


def _seed(store, importer, tmp_path):
    rows = [
        visit(
            2,
            "山本",
            "株式会社サンプル精工",
            "青木課長",
            "納期遅延のお詫びと対策説明",
            "青木課長は価格より納期を重視される",
        ),
        visit(
            3,
            "佐藤",
            "見本化成(株)",
            "石井主任",
            "品質監査の立ち会い",
            "The buyer cares about lead time more than price",
        ),
        visit(
            9,
            "山本",
            "㈱テスト工業",
            "鈴木様",
            "新製品の紹介",
            "納入は裏口から。守衛所で名刺が要る",
        ),
    ]
    importer.import_file(write_report(tmp_path / "日報.xlsx", rows))
    cid = store.query("SELECT id FROM companies WHERE name_normalized = 'サンプル精工'")[0][0]
    add_note(store, cid, "納期の納期の納期:3回も納期を確認された。納期遅延に敏感", author="佐藤")
    return cid


def test_one_two_many_characters_and_english(store, importer, tmp_path):
    _seed(store, importer, tmp_path)
    one = search(store, "納")
    assert len(one) == 4  # 納期 (activity, 2 notes) and 納入
    assert any("納入" in h.snippet for h in one)
    two = search(store, "納期")
    assert {h.kind for h in two} == {"note", "activity"}
    assert all("納期" in h.snippet for h in two)
    assert not any("納入" in h.snippet for h in two)
    many = search(store, "納期遅延")
    assert len(many) == 2 and all("納期遅延" in h.snippet for h in many)
    assert search(store, "価格")[0].snippet.startswith("青木課長は価格")
    assert search(store, "品質")[0].kind == "activity"
    english = search(store, "lead time")
    assert len(english) == 1 and english[0].company == "見本化成(株)"
    assert search(store, "LEAD")[0].id == english[0].id  # case and prefix
    assert search(store, '"time lead"') == []
    assert search(store, "存在しない言葉") == []


def test_ranked_with_customer_and_date(store, importer, tmp_path):
    _seed(store, importer, tmp_path)
    hits = search(store, "納期")
    assert hits[0].snippet.startswith("納期の納期の納期")  # most mentions first (bm25)
    assert [h.score for h in hits] == sorted(h.score for h in hits)
    for h in hits:
        assert h.company == "株式会社サンプル精工"
        assert h.date  # the activity's date, or the note's
    act = next(h for h in hits if h.kind == "activity")
    assert act.date == "2025-04-02"
    assert "【納期】" in highlight(hits[0])
    # the customer's name finds its notes and activities too
    assert {h.company for h in search(store, "サンプル精工")} == {"株式会社サンプル精工"}


def test_index_follows_edits_deletes_and_renames(store, importer, tmp_path):
    cid = _seed(store, importer, tmp_path)
    nid = add_note(store, cid, "段取り替えは火曜の午後が良い", author="山本")
    assert [h.id for h in search(store, "段取")] == [nid]
    with store.write() as w:
        w.update("notes", nid, {"body": "治具の保管場所は第二倉庫"})
    assert search(store, "段取") == []
    assert [h.id for h in search(store, "倉庫")] == [nid]
    with store.write() as w:
        w.delete("notes", nid)
    assert search(store, "倉庫") == []
    with store.write() as w:
        w.update("companies", cid, {"name": "サンプル精密工業株式会社"})
    assert search(store, "精密工業")
    # a change pulled from another laptop is indexed too
    with store.write() as w:
        w.apply_remote(
            [
                {
                    "entity": "notes",
                    "row_id": "remote-1",
                    "field": "body",
                    "value": "検収は月末締め",
                    "hlc": "999999999999999.00000",
                    "site": "zz",
                },
            ]
        )
    assert [h.id for h in search(store, "検収")] == ["remote-1"]


def test_rebuild_and_private_notes(store, importer, tmp_path):
    cid = _seed(store, importer, tmp_path)
    pid = add_note(store, cid, "自分用: 駐車場は北側", visibility="private", author="山本")
    assert [h.id for h in search(store, "駐車場")] == [pid]  # private notes are this laptop's
    n = index.rebuild(store)
    assert n >= 7
    assert [h.id for h in search(store, "駐車場")] == [pid]
    assert len(search(store, "納")) == 4


def test_limit(store):
    with store.write() as w:
        w.insert("companies", {"id": "c", "name": "顧客", "name_normalized": "顧客"})
    for i in range(30):
        add_note(store, "c", f"納期 {i}", author="x")
    assert len(search(store, "納期", limit=10)) == 10


JA = "納期遅延価格品質の決裁者がクレーム対応でA社3台ー々"


@given(
    text=st.text(alphabet=JA + " 、。abc", min_size=1, max_size=40),
    data=st.data(),
)
@settings(max_examples=300, deadline=None)
def test_any_piece_of_a_text_finds_it(text, data):
    """Property: every piece of a text, of any length, finds that text (no false negatives)."""
    conn = sqlite3.connect(":memory:")
    conn.execute(
        "CREATE VIRTUAL TABLE f USING fts5(bi, uni, cbi, cuni, tokenize='unicode61 remove_diacritics 0')"
    )
    norm = normalize_text(text)
    assume(norm)
    bi, uni = segment(norm)
    conn.execute("INSERT INTO f (rowid, bi, uni, cbi, cuni) VALUES (1, ?, ?, '', '')", (bi, uni))
    start = data.draw(st.integers(0, len(norm) - 1))
    end = data.draw(st.integers(start + 1, min(len(norm), start + 8)))
    piece = norm[start:end]
    # English is matched by words (and their prefixes), not from inside a word
    assume(
        not (
            start > 0
            and norm[start].isascii()
            and norm[start].isalnum()
            and norm[start - 1].isascii()
            and norm[start - 1].isalnum()
        )
    )
    expr = match_expression(piece.replace('"', ""))
    if expr is None:
        return
    assert conn.execute("SELECT rowid FROM f WHERE f MATCH ?", (expr,)).fetchall() == [(1,)], (
        piece,
        expr,
    )


def test_a_search_before_the_index_was_ever_built_finds_nothing_and_fails_nothing(store):
    """The app searches on a reader and refreshes the index apart, on its writer: a search that
    comes first (or after a refresh that failed) is an empty result, not a missing table."""
    add_note(store, None, "納期遅延の相談")
    assert not index.built(store)
    assert search(store, "納期", refresh=False) == []
    assert [h.kind for h in search(store, "納期")] == ["note"]  # the refresh builds it
    assert index.built(store)
