"""Voice memos in the packaged app: the app's onedir has no speech engine (its size budget), the
voice component (dist/genba-voice, built by installer.spec beside it) transcribes for the frozen
`genba import`; without it, or when it dies, the memo waits with a clear problem."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess

import pytest

from tests.packaging.sizes import size_mb
from tests.packaging.test_frozen_build import _report, frozen
from tests.voice.speech import MEMO, assemble_whisper_base, speech, write_wav

pytestmark = pytest.mark.timeout(1800)

ENGINE_LIBRARIES = ("faster_whisper", "ctranslate2", "onnxruntime", "av")


@pytest.fixture(scope="module")
def whisper_base(tmp_path_factory):
    return assemble_whisper_base(tmp_path_factory.mktemp("models") / "whisper-base")


@pytest.fixture(scope="module")
def memo(tmp_path_factory):
    samples, rate = speech(MEMO)
    return write_wav(tmp_path_factory.mktemp("memo") / "20240514_帰りの車.wav", samples, rate)


def linked_copy(folder, to):
    """``folder`` hard-linked under ``to`` (instant, no space): the frozen executable finds its
    component relative to where it runs, and a file removed in the copy stays in the build."""
    to.mkdir(parents=True, exist_ok=True)
    subprocess.run(["cp", "-al", str(folder), str(to)], check=True)
    return to / folder.name


def import_memo(app, data, memo, model, env=None):
    out = frozen(app, "--data-dir", str(data), "config", "set", "voice_model", str(model))
    assert out.returncode == 0, out.stdout + out.stderr
    return frozen(app, "--data-dir", str(data), "import", str(memo), env=env)


def test_the_engine_ships_apart_from_the_app(onedir, voice_onedir):
    """The speech libraries are in the voice component and none of them in the app's onedir."""
    print(f"voice onedir size: {size_mb(voice_onedir):.0f} MB")
    internal = voice_onedir / "_internal"
    for name in ENGINE_LIBRARIES:
        assert (internal / name).is_dir(), name
        assert not list(onedir.rglob(f"{name}*")), name
    assert not list(onedir.rglob("libctranslate2*")) and not list(onedir.rglob("libonnxruntime*"))
    # the VAD model faster-whisper loads from its package folder
    assert list((internal / "faster_whisper" / "assets").glob("*.onnx"))


def test_the_frozen_import_transcribes_a_memo_with_the_voice_component(
    onedir, voice_onedir, tmp_path, whisper_base, memo
):
    """The two onedirs side by side, as installer.spec builds them: the frozen `genba import`
    runs genba-voice and stores the transcript and the draft minutes, the customer (imported
    first, from a daily report) found by its reading."""
    data = tmp_path / "d"
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    report = _report(tmp_path / "営業日報_2025.xlsx")
    assert frozen(onedir, "--data-dir", str(data), "import", str(report), env=env).returncode == 0
    out = import_memo(onedir, data, memo, whisper_base, env=env)
    assert out.returncode == 0 and "失敗 0" in out.stdout, out.stdout + out.stderr
    with sqlite3.connect(data / "genba.db") as db:
        db.row_factory = sqlite3.Row
        (a,) = db.execute("SELECT * FROM activities WHERE kind = 'voice_draft'").fetchall()
        (att,) = db.execute("SELECT * FROM attachments WHERE entity_id = ?", (a["id"],))
        company = db.execute("SELECT name FROM companies WHERE id = ?", (a["company_id"],))
        assert company.fetchone()[0] == "株式会社山田製作所", a["summary"]
    assert "シャフト" in att["ocr_text"] and att["filename"] == memo.name
    assert a["occurred_on"] == "2024-05-14" and a["next_action_due"] == "2024-05-24"
    assert a["amount_jpy"] == 1_200_000 and a["probability"] == 70


def test_without_the_voice_component_the_memo_waits_with_how_to_install_it(
    onedir, tmp_path, whisper_base, memo
):
    app = linked_copy(onedir, tmp_path / "alone")  # no genba-voice inside or beside it
    data = tmp_path / "d"
    out = import_memo(app, data, memo, whisper_base)
    assert out.returncode == 0, out.stdout + out.stderr
    problems = frozen(app, "--data-dir", str(data), "problems").stdout
    assert "音声認識コンポーネント（genba-voice フォルダー）" in problems, problems
    with sqlite3.connect(data / "genba.db") as db:
        assert db.execute("SELECT count(*) FROM activities").fetchone() == (0,)
    # once IT puts the component beside the app, the next import reads the waiting memo
    # (inside the app's own folder this time, the other place it is looked for)
    linked_copy(onedir.parent / "genba-voice", app)
    out = frozen(app, "--data-dir", str(data), "import", str(memo))
    assert out.returncode == 0 and "失敗 0" in out.stdout, out.stdout + out.stderr
    with sqlite3.connect(data / "genba.db") as db:
        assert db.execute("SELECT count(*) FROM activities").fetchone() == (1,)


def test_a_broken_voice_component_is_a_clear_problem_and_the_memo_waits(
    onedir, voice_onedir, tmp_path, whisper_base, memo
):
    """genba-voice without its CTranslate2 library (a damaged install) dies at start: the import
    says the component stopped, stores nothing and keeps the recording for the next try."""
    app = linked_copy(onedir, tmp_path / "broken")
    voice = linked_copy(voice_onedir, tmp_path / "broken")
    (lib,) = [p for p in voice.rglob("libctranslate2*") if not p.is_symlink()]
    lib.unlink()
    before = memo.read_bytes()
    data = tmp_path / "d"
    out = import_memo(app, data, memo, whisper_base)
    assert out.returncode == 0, out.stdout + out.stderr
    problems = frozen(app, "--data-dir", str(data), "problems").stdout
    assert "音声認識コンポーネントが途中で止まりました" in problems, problems
    assert memo.read_bytes() == before
    with sqlite3.connect(data / "genba.db") as db:
        assert db.execute("SELECT count(*) FROM activities").fetchone() == (0,)
    shutil.rmtree(tmp_path / "broken")
