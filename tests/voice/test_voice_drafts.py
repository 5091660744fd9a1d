"""Confirmed voice memos: their knowledge note (once, whatever happens again), discarding, and
the pre-visit brief."""

from __future__ import annotations

import shutil

import pytest

from desktop.knowledge.brief import build_brief, render_brief_html, render_brief_text
from importers.ingest import Importer
from importers.voice.drafts import confirm_minutes, discard_draft, voice_drafts
from tests.helpers.voice_drafts import TRANSCRIPT, insert_draft
from tests.voice.speech import write_wav


def _notes(store):
    return store.query("SELECT * FROM notes WHERE deleted = 0")


def test_confirming_makes_one_note_and_confirming_again_updates_it(store):
    aid = insert_draft(store)
    assert [d["id"] for d in voice_drafts(store.reader())] == [aid]
    assert not _notes(store)  # a draft is not knowledge yet
    confirm_minutes(store, aid, {"summary": "田村課長は納期の確実さを重視している。"})
    (note,) = _notes(store)
    assert note["body"] == "田村課長は納期の確実さを重視している。"
    assert note["activity_id"] == aid and note["company_id"] == "c-yamada"
    assert note["author"] == "佐藤" and note["category"] is not None
    assert not voice_drafts(store.reader())
    confirm_minutes(store, aid, {"summary": "田村課長は納期の確実さを最も重視している。"})
    (edited,) = _notes(store)  # the note follows the 内容 it was made from
    assert (
        edited["id"] == note["id"]
        and edited["body"] == "田村課長は納期の確実さを最も重視している。"
    )
    confirm_minutes(store, aid, {"insight": "田村課長は納期を最も重視。価格は二の次。"})
    (again,) = _notes(store)
    assert again["id"] == note["id"] and again["body"] == "田村課長は納期を最も重視。価格は二の次。"
    confirm_minutes(store, aid, {"summary": "別の内容。"})  # a 所感 of its own stays
    assert _notes(store)[0]["body"] == "田村課長は納期を最も重視。価格は二の次。"


def test_a_memo_that_says_nothing_makes_no_note(store):
    aid = insert_draft(store)
    confirm_minutes(store, aid, {"summary": "特になし。"})
    assert store.query("SELECT kind FROM activities")[0][0] == "voice"
    assert not _notes(store)


def test_discarding_leaves_a_tombstone_and_no_draft(store):
    aid = insert_draft(store)
    discard_draft(store, aid)
    assert store.query("SELECT deleted FROM activities WHERE id = ?", (aid,))[0][0] == 1
    assert not voice_drafts(store.reader()) and not _notes(store)
    with pytest.raises(KeyError):
        confirm_minutes(store, aid)
    with pytest.raises(KeyError):
        discard_draft(store, aid)


def test_the_brief_has_confirmed_voice_minutes_with_what_was_said(store):
    aid = insert_draft(store)
    other = insert_draft(store, "cd" * 32)
    brief = build_brief(store, "山田製作所", record=False)
    assert not brief.activities  # drafts may name the wrong customer: not in the brief yet
    confirm_minutes(store, aid, {"summary": "シャフトの見積依頼。"})
    brief = build_brief(store, "山田製作所", record=False)
    (a,) = brief.activities
    assert a["id"] == aid and a["kind"] == "voice" and a["transcript"] == TRANSCRIPT
    text = render_brief_text(brief)
    assert "シャフトの見積依頼。" in text and "(音声メモの文字起こし) 本日は山田政策書" in text
    assert "音声メモの文字起こし: 本日は山田政策書" in render_brief_html(brief)
    assert other not in [x["id"] for x in brief.activities]


def test_a_confirmed_memo_imported_again_is_not_duplicated(
    tmp_path, store, whisper_base, memo_speech
):
    insert_draft(store, "00" * 32)  # the customers; this unrelated draft is discarded
    discard_draft(store, store.query("SELECT id FROM activities")[0][0])
    f = write_wav(tmp_path / "20240514_帰りの車.wav", *memo_speech)
    importer = Importer(store, lang="ja", voice_model=str(whisper_base), rep="佐藤")
    assert importer.import_source(f).added == 1
    (d,) = voice_drafts(store.reader())
    confirm_minutes(store, d["id"], {"next_action": "見積を5/24までに提出"})
    copy = shutil.copy(f, tmp_path / "copy.wav")
    out = importer.import_source(copy)
    assert out.added == 0 and out.status != "failed", out.issues
    out = importer.import_source(f, force=True)  # transcribed and applied again
    assert out.added == 0 and out.status == "imported", out.issues
    (a,) = store.query("SELECT * FROM activities WHERE deleted = 0")
    assert a["kind"] == "voice" and a["next_action"] == "見積を5/24までに提出"
    assert len(_notes(store)) == 1 and not voice_drafts(store.reader())
    confirm_minutes(store, a["id"])
    assert len(_notes(store)) == 1


def test_a_discarded_memo_imported_again_stays_discarded(
    tmp_path, store, whisper_base, memo_speech
):
    insert_draft(store, "00" * 32)  # the customers
    f = write_wav(tmp_path / "20240514_帰りの車.wav", *memo_speech)
    importer = Importer(store, lang="ja", voice_model=str(whisper_base), rep="佐藤")
    assert importer.import_source(f).added == 1
    (aid,) = [
        d["id"] for d in voice_drafts(store.reader()) if d["source_ref"] != "voice:" + "00" * 32
    ]
    discard_draft(store, aid)
    out = importer.import_source(shutil.copy(f, tmp_path / "again.wav"))
    assert out.status == "duplicate" and out.added == 0
    out = importer.import_source(f, force=True)  # read and applied again
    assert out.added == 0 and "voice_deleted" in [i.code for i in out.issues], out
    assert store.query("SELECT deleted FROM activities WHERE id = ?", (aid,))[0][0] == 1
    assert store.query("SELECT ocr_text FROM attachments WHERE entity_id = ?", (aid,))[0][0]


def test_only_voice_memos_are_confirmed_or_discarded(store):
    with store.write() as w:
        w.insert("activities", {"id": "visit-1", "occurred_on": "2024-05-14", "summary": "訪問"})
    with pytest.raises(KeyError):
        confirm_minutes(store, "visit-1")
    with pytest.raises(KeyError):
        discard_draft(store, "visit-1")
    with pytest.raises(KeyError):
        confirm_minutes(store, "no-such-id")
    assert store.query("SELECT kind, deleted FROM activities")[0][:] == (None, 0)
