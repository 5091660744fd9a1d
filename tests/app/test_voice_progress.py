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
    from importers.managed_settings import ManagedConfig

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
    qtbot.waitUntil(lambda: (-1, "商談メモ.wav") in seen, timeout=10_000)  # the file is done

    assert ctx.imports.last_pid != os.getpid()  # heard in the import process, shown here
    percents = [p for p, _ in seen if p >= 0]
    assert percents == sorted(percents) and (percents[0], percents[-1]) == (0, 100)
    assert any(0 < p < 100 for p in percents), percents  # partway, not only the end
    assert {n for _, n in seen} == {"商談メモ.wav"}
    label = window.transcribe_label
    assert label.isVisibleTo(window)
    assert label.text() == "音声メモを文字起こし中… 100%（商談メモ.wav）"
    assert finished[0].added == 1
    qtbot.waitUntil(lambda: not label.isVisibleTo(window), timeout=8000)  # done: it goes


def test_progress_arrives_too_when_the_import_runs_in_the_apps_process(
    qtbot, store, data_dir, whisper_base
):
    """No child process (GENBA_IMPORT_IN_PROCESS=1, or none could start): same progress."""
    from desktop.app.services.import_process import ImportProcess
    from importers.managed_settings import ManagedConfig

    ManagedConfig(data_dir).set_user_value("voice_model", str(whisper_base))
    memo = write_wav(data_dir.parent / "帰りの車.wav", *speech(MEMO))
    imports = ImportProcess(store, use_process=False)
    seen: list[tuple[str, float, float]] = []
    imports.on_progress = lambda *event: seen.append(event)
    try:
        out = imports.import_file(memo, "voice")
        assert imports.last_pid == os.getpid() and out.added == 1
        qtbot.waitUntil(lambda: ("帰りの車.wav", -1.0, -1.0) in seen, timeout=5000)
    finally:
        imports.shutdown()
    assert {name for name, _, _ in seen} == {"帰りの車.wav"}
    heard = [(done, total) for _, done, total in seen if done >= 0]
    assert heard == sorted(heard) and heard[0][0] == 0.0
    assert heard[-1][0] == heard[-1][1] > 0  # all of it heard
    assert not imports._listener.join(5) and not imports._listener.is_alive()


def test_a_transcription_cut_short_stops_showing_when_its_import_ends(qtbot, window, ctx):
    """A memo that fails partway (its problem goes to 問題) leaves no progress behind; one that
    finished shows 100 % a moment longer."""
    bus, label = ctx.bus, window.transcribe_label
    bus.transcribe_progress.emit(42, "長い会議.m4a")
    assert label.isVisibleTo(window) and "42%" in label.text()
    bus.transcribe_progress.emit(-1, "長い会議.m4a")  # what ImportProcess says when it ends
    assert not label.isVisibleTo(window)
    bus.transcribe_progress.emit(100, "商談メモ.m4a")
    bus.transcribe_progress.emit(-1, "商談メモ.m4a")
    assert label.text() == "音声メモを文字起こし中… 100%（商談メモ.m4a）"
    assert label.isVisibleTo(window)
    qtbot.waitUntil(lambda: not label.isVisibleTo(window), timeout=8000)
