"""Readings (よみ): a table of real-looking company and person names, legal forms, sorting,
cross-script keys, and homophone transcripts matched by reading."""

from pathlib import Path

import pytest

from importers.normalize.reading_match import match_companies
from importers.normalize.readings import (
    company_reading,
    name_romaji_key,
    person_reading,
    reading_for_sort,
    romaji_key,
    sort_key,
    strip_legal_form,
    text_reading,
)

TABLE = Path(__file__).parent / "readings_table.tsv"


def table(kind: str) -> list[tuple[str, str]]:
    rows = []
    for line in TABLE.read_text("utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            k, name, reading = line.split("\t")
            if k == kind:
                rows.append((name, reading))
    return rows


def test_the_table_is_big_enough():
    assert len(table("company")) >= 50 and len(table("person")) >= 25


def test_company_readings_reach_the_goal():
    """≥ 95 % of the company names read as a rep expects (bench/reading_bench.py prints it)."""
    rows = table("company")
    wrong = [(n, company_reading(n), r) for n, r in rows if company_reading(n) != r]
    assert len(wrong) <= len(rows) * 0.05, wrong


def test_person_readings_mostly_right():
    rows = table("person")
    right = sum(person_reading(n) == r for n, r in rows)
    assert right >= len(rows) * 0.9


@pytest.mark.parametrize(
    ("written", "bare"),
    [
        ("株式会社山田製作所", "山田製作所"),
        ("山田製作所（株）", "山田製作所"),
        ("㈱山田製作所", "山田製作所"),
        ("有限会社 丸山ゴム", "丸山ゴム"),
        ("(有)中村鉄工所", "中村鉄工所"),
        ("合同会社森田技研 御中", "森田技研"),
        ("一般社団法人 日本金型協会", "日本金型協会"),
        ("Minato Kogyo Co., Ltd.", "Minato Kogyo"),
        ("Yamada Works Inc.", "Yamada Works"),
        ("Kabushiki Kaisha Minato", "Minato"),
    ],
)
def test_legal_forms_never_count(written, bare):
    assert strip_legal_form(written) == bare


def test_legal_forms_do_not_move_the_sort():
    names = ["株式会社山田製作所", "青木産業(株)", "㈱かもめ物流", "有限会社 伊藤鉄工"]
    ordered = sorted(names, key=lambda n: sort_key(company_reading(n), n))
    assert ordered == ["青木産業(株)", "有限会社 伊藤鉄工", "㈱かもめ物流", "株式会社山田製作所"]
    # a card's katakana reading that spells the legal form out sorts the same way
    assert reading_for_sort("カブシキガイシャ ヤマダセイサクショ") == "やまだせいさくしょ"


def test_kana_and_latin_names():
    assert company_reading("ミナト工業株式会社") == "みなとこうぎょう"
    assert company_reading("かもめ物流") == "かもめぶつりゅう"
    assert company_reading("Minato Kogyo Co., Ltd.") is None  # no kana to invent
    assert person_reading("John Smith") is None
    assert person_reading("山田 太郎") == "やまだ たろう"


def test_unknown_kanji_gives_no_reading_rather_than_a_wrong_one():
    assert company_reading("𠮷野家") in (None, "よしのや")
    assert company_reading("") is None and company_reading(None) is None


def test_romaji_keys_meet_across_scripts():
    keys = {
        name_romaji_key("Minato Kogyo Co., Ltd."),
        name_romaji_key("ミナト工業株式会社"),
        name_romaji_key("港工業株式会社"),
        name_romaji_key("Minato Kōgyō K.K."),
        name_romaji_key("MINATO KOUGYOU"),
    }
    assert keys == {"minatokogyo"}
    assert romaji_key("しんばし") == romaji_key("Shimbashi")


def test_a_homophone_transcript_finds_the_company_by_reading():
    companies = [
        ("c1", "株式会社山田製作所", None),
        ("c2", "山田商事株式会社", "やまだしょうじ"),
        ("c3", "港工業株式会社", "ミナトコウギョウ"),
    ]
    spoken = "本日は山田政策書の多村家庁を訪問しました。"
    (found,) = match_companies(spoken, companies)
    assert (found.company_id, found.reading) == ("c1", "やまだせいさくしょ")
    assert [m.company_id for m in match_companies("みなと工業さんに電話", companies)] == ["c3"]
    assert match_companies("今日は雨でした", companies) == []
    assert text_reading("山田政策書") == "やまだせいさくしょ"
