"""A voice memo dropped on the window is transcribed in the import process; the status bar says
how far it is (seconds heard of the recording's length), up to 100 %."""

from __future__ import annotations

import os

import numpy as np
import pytest

from tests.voice.speech import MEMO, assemble_whisper_base, speech, write_wav


@pytest.fixture(scope="module")
def whisper_base(tmp_path_factory):
    return assemble_whisper_base(tmp_path_factory.mktemp("models") / "whisper-base")


def test_transcription_progress_reaches_the_status_bar(qtbot, window, ctx, data_dir, whisper_base):
    from importers.managed_config import ManagedConfig

    ManagedConfig(data_dir).set_user_value("voice_model", str(whisper_base))
    samples, rate = speech(MEMO)
    pause = np.zeros(rate * 2, dtype=samples.dtype)  # two sentences apart: several segments
    memo = write_wav(
        data_dir.parent / "商談メモ.wav", np.concatenate([samples, pause, samples]), rate
    )
    seen: list[tuple[int, str]] = []
    ctx.bus.transcribe_progress.connect(lambda p, n: seen.append((p, n)))
    finished = []
    window.import_finished.connect(finished.append)

    window.import_dropped([memo])
    qtbot.waitUntil(lambda: bool(finished), timeout=180_000)
    qtbot.waitUntil(lambda: bool(seen) and seen[-1][0] == 100, timeout=10_000)

    assert ctx.imports.last_pid != os.getpid()  # heard in the import process, shown here
    percents = [p for p, _ in seen]
    assert percents == sorted(percents) and (percents[0], percents[-1]) == (0, 100)
    assert any(0 < p < 100 for p in percents), percents  # partway, not only the end
    assert {n for _, n in seen} == {"商談メモ.wav"}
    label = window.transcribe_label
    assert label.isVisibleTo(window)
    assert label.text() == "音声メモを文字起こし中… 100%（商談メモ.wav）"
    assert finished[0].added == 1
    qtbot.waitUntil(lambda: not label.isVisibleTo(window), timeout=8000)  # done: it goes
