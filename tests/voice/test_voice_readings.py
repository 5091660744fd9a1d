"""A transcript names its customer by sound: voice memos use the one matcher of names in free
text (importers.normalize.reading_match), with the analyser that gives companies their よみ."""

from __future__ import annotations

import pytest

from importers.normalize.reading_match import companies_in_text, contact_in_text

# what Whisper base wrote for 「本日は山田製作所の田村課長を訪問しました。」 (FACTS.md), from
# the wav and from the m4a of the same speech
HEARD = [
    "本日は山田政策書の多村家庁を訪問しました。",
    "本日は山田政策書のためら家庁を訪問しました。",
]


@pytest.fixture
def yamada(store):
    with store.write() as w:
        w.insert(
            "companies",
            {"id": "c-yamada", "name": "株式会社山田製作所", "name_normalized": "山田製作所"},
        )
        w.insert(
            "companies",
            {"id": "c-other", "name": "株式会社サンプル精工", "name_normalized": "サンプル精工"},
        )
        w.insert("companies", {"id": "c-yamada-short", "name": "山田", "name_normalized": "山田"})
        w.insert(
            "contacts",
            {
                "id": "k-tamura",
                "company_id": "c-yamada",
                "full_name": "田村 一郎",
                "full_name_kana": "タムラ イチロウ",
            },
        )
        w.insert(
            "contacts",
            {"id": "k-suzuki", "company_id": "c-other", "full_name": "鈴木 花子"},
        )
    return store


@pytest.mark.parametrize("heard", HEARD)
def test_a_homophone_names_the_customer(yamada, heard):
    conn = yamada.reader()
    found = companies_in_text(conn, heard)
    # 「山田」 is written in the text, but 山田製作所 is what was said: the longer name wins
    assert [m.company_id for m in found] == ["c-yamada", "c-yamada-short"]
    assert found[0].by_reading and found[0].reading == "やまだせいさくしょ"
    assert not found[1].by_reading


def test_a_written_name_beats_its_own_shorter_neighbour(yamada):
    found = companies_in_text(yamada.reader(), "山田製作所の田村課長から電話")
    assert [(m.company_id, m.by_reading) for m in found][:2] == [
        ("c-yamada", False),
        ("c-yamada-short", False),
    ]


def test_a_name_written_as_it_is_is_found_without_its_reading(yamada):
    (m,) = companies_in_text(yamada.reader(), "サンプル精工さんに電話")
    assert m.company_id == "c-other" and not m.by_reading


def test_the_person_met_by_their_family_name_written_or_heard(yamada):
    conn = yamada.reader()
    assert contact_in_text(conn, "c-yamada", HEARD[0]) == ("k-tamura", "田村 一郎")  # 多村
    assert contact_in_text(conn, "c-yamada", "田村さんと話した") == ("k-tamura", "田村 一郎")
    # the reading is derived when the card gave none (鈴木 -> すずき)
    assert contact_in_text(conn, "c-other", "すずきさんに見積を送る") == ("k-suzuki", "鈴木 花子")
    assert contact_in_text(conn, "c-yamada", "今日は雨でした") is None
    assert contact_in_text(conn, "c-other", HEARD[0]) is None  # only the company's own people
