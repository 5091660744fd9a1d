"""Voice memos -> draft minutes, with the real faster-whisper and a real Whisper model on speech
synthesized from known Japanese text."""

from __future__ import annotations

import datetime as dt
import shutil

import pytest

from desktop.knowledge.search import search
from importers.ingest import Importer
from importers.voice.apply import confirm_minutes
from tests.voice.speech import write_m4a, write_wav


@pytest.fixture
def customers(store):
    with store.write() as w:
        w.insert(
            "companies",
            {"id": "c-yamada", "name": "株式会社山田製作所", "name_normalized": "山田製作所"},
        )
        w.insert(
            "companies",
            {"id": "c-other", "name": "株式会社サンプル精工", "name_normalized": "サンプル精工"},
        )
        w.insert(
            "contacts",
            {
                "id": "k-tamura",
                "company_id": "c-yamada",
                "full_name": "田村 一郎",
                "full_name_kana": "タムラ イチロウ",
            },
        )
    return store


def test_a_voice_memo_becomes_draft_minutes(tmp_path, customers, whisper_base, memo_speech):
    store = customers
    samples, rate = memo_speech
    f = write_wav(tmp_path / "20240514_帰りの車.wav", samples, rate)  # a Tuesday
    importer = Importer(store, lang="ja", voice_model=str(whisper_base), rep="佐藤")
    out = importer.import_source(f)
    assert out.kind == "voice" and out.status == "imported" and out.added == 1, out.issues
    (a,) = store.query("SELECT * FROM activities")
    assert a["kind"] == "voice_draft" and a["occurred_on"] == "2024-05-14" and a["rep"] == "佐藤"
    # Whisper base writes 山田製作所 as a homophone: the customer is found by its reading
    assert a["company_id"] == "c-yamada", a["summary"]
    assert a["contact_id"] == "k-tamura"
    assert a["next_action_due"] == "2024-05-24"  # 来週金曜日 from Tuesday 14 May
    assert "金曜日" in a["next_action_due_raw"] and "提出" in a["next_action"]
    assert a["amount_jpy"] == 1_200_000 and a["probability"] == 70
    (att,) = store.query("SELECT * FROM attachments")
    assert (
        att["entity_id"] == a["id"] and att["mime"] == "audio/wav" and "シャフト" in att["ocr_text"]
    )
    assert any(h.id == att["id"] for h in search(store, "シャフト"))
    # the same recording again, or a copy of it, adds nothing
    assert importer.import_source(f).status == "unchanged"
    copy = shutil.copy(f, tmp_path / "copy.wav")
    assert importer.import_source(copy).added == 0
    assert len(store.query("SELECT 1 FROM activities")) == 1
    confirm_minutes(store, a["id"], {"next_action_due": "2024/05/31"})
    (done,) = store.query("SELECT kind, next_action_due FROM activities")
    assert tuple(done) == ("voice", "2024-05-31")


def test_a_phone_recording_in_m4a(tmp_path, customers, whisper_base, memo_speech):
    """AAC in MP4, as iPhone and Android recorders save: decoded by PyAV inside faster-whisper.
    (The lossy encoding changes what base hears of the name 田村, so only the customer, the due
    date and the amount are asserted here.)"""
    # no date in the name: the day comes from the recording's own creation time (10:30 JST)
    f = write_m4a(tmp_path / "新規録音 3.m4a", *memo_speech, created="2024-05-14T01:30:00Z")
    out = Importer(customers, lang="ja", voice_model=str(whisper_base)).import_source(f)
    assert out.added == 1, out.issues
    (a,) = customers.query("SELECT * FROM activities")
    assert a["occurred_on"] == "2024-05-14"
    assert a["company_id"] == "c-yamada" and a["next_action_due"] == "2024-05-24"
    assert a["amount_jpy"] == 1_200_000


def test_without_a_model_the_memo_waits_and_says_how_to_get_one(
    tmp_path, customers, whisper_base, memo_speech
):
    store = customers
    f = write_wav(tmp_path / "memo.wav", *memo_speech)
    out = Importer(store, lang="ja").import_source(f)
    (said,) = out.issues
    assert said.code == "voice_no_model" and "genba config set voice_model" in said.message
    assert not store.query("SELECT 1 FROM activities")
    # once IT sets the model, the same unchanged file is read
    out = Importer(store, lang="ja", voice_model=str(whisper_base)).import_source(f)
    assert out.added == 1 and store.query("SELECT company_id FROM activities")[0][0] == "c-yamada"


def test_a_model_folder_without_a_model(tmp_path, customers, memo_speech):
    f = write_wav(tmp_path / "memo.wav", *memo_speech)
    (tmp_path / "empty-model").mkdir()
    out = Importer(customers, lang="ja", voice_model=str(tmp_path / "empty-model")).import_source(f)
    assert [i.code for i in out.issues] == ["voice_bad_model"]
    assert "model.bin" in out.issues[0].message


def test_damaged_silent_and_three_hour_recordings(tmp_path, customers, whisper_base):
    import numpy as np

    importer = Importer(customers, lang="ja", voice_model=str(whisper_base))
    damaged = tmp_path / "録音.m4a"
    damaged.write_bytes(b"\x00\x00\x00\x18ftypM4A " + bytes(range(256)) * 40)
    out = importer.import_source(damaged)
    assert out.failed and out.issues[0].code == "voice_damaged"
    assert "壊れているか" in out.issues[0].message
    silent = write_wav(tmp_path / "silence.wav", np.zeros(16000 * 8, dtype=np.int16), 16000)
    out = importer.import_source(silent)
    assert out.failed and out.issues[0].code == "voice_silent"
    # three hours of 8 kHz 8-bit audio (a recorder left running in a bag)
    long = write_wav(
        tmp_path / "long.wav", np.full(8000 * 3 * 3600, 128, dtype=np.uint8), 8000, width=1
    )
    out = importer.import_source(long)
    assert (
        out.failed and out.issues[0].code == "voice_too_long" and "3.0時間" in out.issues[0].message
    )
    assert not customers.query("SELECT 1 FROM activities")


def test_due_dates_relative_to_the_recording_day():
    from importers.voice.minutes import draft_minutes

    tuesday = dt.date(2024, 5, 14)
    cases = {
        "見積を来週金曜日までに提出します。": "2024-05-24",
        "明日お電話します。": "2024-05-15",
        "金曜日までに図面を送付します。": "2024-05-17",
        "今月末までに回答をいただく予定です。": "2024-05-31",
        "6月3日に再訪問します。": "2024-06-03",
        "2週間後にご連絡します。": "2024-05-28",
    }
    for said, due in cases.items():
        assert draft_minutes(said, tuesday).next_action_due.isoformat() == due, said


def test_genba_import_says_a_voice_memo_waits_for_a_model(tmp_path, data_dir, memo_speech):
    from tests.test_cli import genba

    f = write_wav(tmp_path / "memo.wav", *memo_speech)
    out = genba("import", str(f), data_dir=data_dir)
    assert out.returncode == 0
    assert "… memo.wav: 待機中 — memo.wav：音声認識のモデルが設定されていないため" in out.stdout


def test_amounts_and_probabilities_in_digits_or_kanji():
    from importers.voice.minutes import draft_minutes

    day = dt.date(2024, 5, 14)
    m = draft_minutes("金額は百二十万円、受注確度は七十パーセントです。", day)
    assert (m.amount_jpy, m.probability) == (1_200_000, 70)
    m = draft_minutes("金額は1,500万円、確度80%です。", day)
    assert (m.amount_jpy, m.probability) == (15_000_000, 80)
    m = draft_minutes("三千五百万円の案件で、三週間後に再提案します。", day)
    assert m.amount_jpy == 35_000_000 and m.next_action_due.isoformat() == "2024-06-04"


def test_a_model_set_while_the_import_process_runs_is_used(
    tmp_path, data_dir, customers, whisper_base, memo_speech
):
    """One Importer serves the app's import process all day: setting voice_model takes effect
    for the waiting memo without a restart."""
    from importers.managed_settings import ManagedConfig

    f = write_wav(tmp_path / "memo.wav", *memo_speech)
    importer = Importer(customers, lang="ja")
    assert [i.code for i in importer.import_source(f).issues] == ["voice_no_model"]
    ManagedConfig(data_dir).set_user_value("voice_model", str(whisper_base))
    assert importer.import_source(f).added == 1
