from __future__ import annotations

import pytest

from tests.voice.speech import MEMO, assemble_whisper_base, speech


@pytest.fixture(scope="session")
def whisper_base(tmp_path_factory):
    return assemble_whisper_base(tmp_path_factory.mktemp("models") / "whisper-base")


@pytest.fixture(scope="session")
def memo_speech():
    return speech(MEMO)
