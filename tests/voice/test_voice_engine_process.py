"""The voice component's path from source: the transcriber entry point run as a process of its own
(``python -m importers.voice.engine``, what the packaged `genba-voice` freezes), with the real
faster-whisper, the Whisper base model and Open JTalk speech; its JSON lines relayed as progress,
a transcript, its problems, and its dying as a clear problem."""

from __future__ import annotations

import sys

import numpy as np
import psutil
import pytest

from importers.voice.external import transcribe_outside
from importers.voice.transcribe import Transcriber, VoiceProblem
from tests.voice.speech import write_wav

ENGINE = [sys.executable, "-m", "importers.voice.engine"]


def test_the_engine_process_transcribes_with_progress(tmp_path, whisper_base, memo_speech):
    samples, rate = memo_speech
    wav = write_wav(tmp_path / "商談メモ.wav", samples, rate)
    seen = []
    heard = transcribe_outside(
        ENGINE, wav, str(whisper_base), progress=lambda d, t: seen.append((d, t))
    )
    assert "シャフト" in heard.text and "金曜日" in heard.text, heard.text
    assert heard.seconds == pytest.approx(len(samples) / rate, abs=0.1)
    assert heard.recorded_on is None  # a WAV carries no creation time
    # from 0 to the recording's length, never backwards, the last one the whole recording
    assert seen[0][0] == 0.0 and seen[-1][0] == seen[-1][1] == pytest.approx(heard.seconds)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen) and len(seen) >= 3


def test_what_the_engine_cannot_read_comes_back_as_its_problem(tmp_path, whisper_base):
    silent = write_wav(tmp_path / "無音.wav", np.zeros(16000 * 3, dtype=np.int16), 16000)
    with pytest.raises(VoiceProblem) as e:
        transcribe_outside(ENGINE, silent, str(whisper_base))
    assert e.value.args == ("voice_silent", {}, False)
    damaged = tmp_path / "壊れた.m4a"
    damaged.write_bytes(b"\0\0\0\x18ftypM4A " + b"\x07" * 4000)
    with pytest.raises(VoiceProblem) as e:
        transcribe_outside(ENGINE, damaged, str(whisper_base))
    assert e.value.args[0] == "voice_damaged" and e.value.args[2] is False


def test_an_engine_killed_mid_way_is_a_clear_problem_and_the_memo_waits(
    tmp_path, whisper_base, memo_speech
):
    """The engine process dies (what the OS's out-of-memory killer does) after its first
    progress line: the memo waits (retry) with the reason, not a traceback."""
    samples, rate = memo_speech
    wav = write_wav(tmp_path / "商談メモ.wav", samples, rate)

    def kill_the_engine(done, total):
        for child in psutil.Process().children():
            if "importers.voice.engine" in child.cmdline():
                child.kill()

    with pytest.raises(VoiceProblem) as e:
        transcribe_outside(ENGINE, wav, str(whisper_base), progress=kill_the_engine)
    key, params, retry = e.value.args
    assert key == "voice_engine_failed" and retry is True
    assert params["reason"] == "exit status -9"
    assert wav.read_bytes()[:4] == b"RIFF"  # the recording is untouched


def test_without_faster_whisper_and_no_component_the_memo_waits_for_the_engine(
    tmp_path, whisper_base, memo_speech
):
    """From source the component is never looked for (it is the packaged app's): the reader
    without the engine in its process says how to get one."""
    samples, rate = memo_speech
    wav = write_wav(tmp_path / "商談メモ.wav", samples, rate)
    with pytest.raises(VoiceProblem) as e:
        Transcriber(str(whisper_base), in_process=False).transcribe(wav)
    assert e.value.args == ("voice_no_engine", {}, True)
