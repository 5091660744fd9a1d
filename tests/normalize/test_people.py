import pytest
from hypothesis import given
from hypothesis import strategies as st

from importers.normalize.people import PersonName, split_people, split_person


@pytest.mark.parametrize(
    ("raw", "name", "title"),
    [
        ("青木課長", "青木", "課長"),
        ("青木課長様", "青木", "課長"),
        ("青木 課長", "青木", "課長"),
        ("青木　課長", "青木", "課長"),
        ("課長 青木", "青木", "課長"),
        ("課長　青木", "青木", "課長"),
        ("青木一郎 様", "青木一郎", None),
        ("青木一郎様", "青木一郎", None),
        ("青木 一郎", "青木 一郎", None),
        ("青木　一郎", "青木 一郎", None),
        ("青木  一郎 様", "青木 一郎", None),
        ("山田 太郎 部長", "山田 太郎", "部長"),
        ("山田", "山田", None),
        ("青木さん", "青木", None),
        ("青木さま", "青木", None),
        ("青木殿", "青木", None),
        ("青木 殿", "青木", None),
        ("青木氏", "青木", None),
        ("青木君", "青木", None),
        ("青木様 課長", "青木", "課長"),
        ("田中本部長", "田中", "本部長"),
        ("田中事業部長", "田中", "事業部長"),
        ("田中部長代理", "田中", "部長代理"),
        ("田中副部長", "田中", "副部長"),
        ("田中部長", "田中", "部長"),
        ("田中次長", "田中", "次長"),
        ("田中課長代理", "田中", "課長代理"),
        ("田中課長補佐", "田中", "課長補佐"),
        ("田中係長", "田中", "係長"),
        ("田中主任", "田中", "主任"),
        ("田中主査", "田中", "主査"),
        ("田中主事", "田中", "主事"),
        ("山本代表取締役社長", "山本", "代表取締役社長"),
        ("代表取締役社長 山本", "山本", "代表取締役社長"),
        ("山本代表取締役", "山本", "代表取締役"),
        ("山本取締役", "山本", "取締役"),
        ("山本社長", "山本", "社長"),
        ("山本副社長", "山本", "副社長"),
        ("山本専務", "山本", "専務"),
        ("山本常務", "山本", "常務"),
        ("佐藤工場長", "佐藤", "工場長"),
        ("佐藤所長", "佐藤", "所長"),
        ("佐藤支店長", "佐藤", "支店長"),
        ("佐藤室長", "佐藤", "室長"),
        ("佐藤班長", "佐藤", "班長"),
        ("佐藤職長", "佐藤", "職長"),
        ("佐藤担当", "佐藤", "担当"),
        ("佐藤担当者", "佐藤", "担当者"),
        ("佐藤リーダー", "佐藤", "リーダー"),
        ("佐藤マネージャー", "佐藤", "マネージャー"),
        ("佐藤GL", "佐藤", "GL"),
        ("佐藤ＧＬ", "佐藤", "GL"),
        ("佐藤gl", "佐藤", "GL"),
        ("佐藤 PL", "佐藤", "PL"),
        ("ｻﾄｳ課長", "サトウ", "課長"),
        ("ジョン・スミス", "ジョン・スミス", None),
        ("青木課長(営業部)", "青木", "課長"),
        ("Opl", "Opl", None),  # 'pl' inside a word is not a title
        ("John Smith", "John Smith", None),
    ],
)
def test_split_person(raw, name, title):
    person = split_person(raw)
    assert person is not None
    assert (person.name, person.title) == (name, title)
    assert person.normalized == name.replace(" ", "")


@pytest.mark.parametrize(
    "raw",
    [None, "", "   ", "-", "なし", "ご担当者様", "担当者", "ご担当者", "御担当者様", "様", "部長"],
)
def test_split_person_nothing(raw):
    assert split_person(raw) is None


def test_person_is_frozen_value():
    assert split_person("青木課長様") == PersonName(name="青木", title="課長", normalized="青木")


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("青木課長、石井主任", [("青木", "課長"), ("石井", "主任")]),
        ("青木課長,石井主任", [("青木", "課長"), ("石井", "主任")]),
        ("青木課長，石井主任", [("青木", "課長"), ("石井", "主任")]),
        ("青木課長・石井様", [("青木", "課長"), ("石井", None)]),
        ("青木課長／石井様", [("青木", "課長"), ("石井", None)]),
        ("青木課長\n石井様", [("青木", "課長"), ("石井", None)]),
        ("青木課長 他2名", [("青木", "課長")]),
        ("青木課長他2名", [("青木", "課長")]),
        ("青木課長 他２名", [("青木", "課長")]),
        ("青木課長 ほか3名", [("青木", "課長")]),
        ("青木課長、石井主任 他数名", [("青木", "課長"), ("石井", "主任")]),
        ("青木課長 石井主任", [("青木", "課長"), ("石井", "主任")]),
        ("青木課長と石井主任", [("青木", "課長"), ("石井", "主任")]),
        ("青木 一郎 様", [("青木 一郎", None)]),
        ("課長 青木", [("青木", "課長")]),
        ("ジョン・スミス部長、山田様", [("ジョン・スミス", "部長"), ("山田", None)]),
        ("青木課長、青木課長", [("青木", "課長")]),
        ("青木, 石井", [("青木", None), ("石井", None)]),
        ("青木課長、、石井主任", [("青木", "課長"), ("石井", "主任")]),
        ("青木課長、ご担当者様", [("青木", "課長")]),
        ("山田", [("山田", None)]),
        ("ことみさん", [("ことみ", None)]),  # 'と' inside a name is not a separator
        ("", []),
        (None, []),
        ("他2名", []),
    ],
)
def test_split_people(raw, expected):
    assert [(p.name, p.title) for p in split_people(raw)] == expected


def test_split_people_returns_a_fresh_list():
    first = split_people("青木課長、石井主任")
    first.clear()
    assert len(split_people("青木課長、石井主任")) == 2


@given(st.text(max_size=30))
def test_never_raises(s):
    person = split_person(s)
    if person is not None:
        assert person.name
        assert not any(ch.isspace() for ch in person.normalized)
    for p in split_people(s):
        assert p.name
