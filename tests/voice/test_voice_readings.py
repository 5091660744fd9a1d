"""A transcript names its customer by sound, with Open JTalk's dictionary or, where the voice
extra is not installed, with the analyser every install has (janome, as company readings do)."""

from __future__ import annotations

import sys

import pytest

from importers.voice.readings import find_customer


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
    return store


@pytest.mark.parametrize("analyser", ["pyopenjtalk", "janome"])
def test_a_homophone_names_the_customer(yamada, monkeypatch, analyser):
    if analyser == "janome":
        monkeypatch.setitem(sys.modules, "pyopenjtalk", None)  # import raises ImportError
    heard = "本日は山田政策書の多村家庁を訪問しました。"  # what Whisper base wrote, FACTS.md
    with yamada.write() as w:
        named = find_customer(w, heard)
    assert named.company_id == "c-yamada" and named.by_reading
