"""Speech to text on the laptop: faster-whisper (CTranslate2, CPU, int8), in the import process.

Where faster-whisper cannot be imported (the packaged app: its onedir has no speech engine), the
voice component IT installs beside the app transcribes instead, in a process of its own
(importers/voice/external.py); without either, a voice memo waits with the "no engine" problem.

The model is a folder (setting ``voice_model``: a CTranslate2 Whisper model, config.json +
model.bin + tokenizer.json), never downloaded: without one, a voice memo waits with a problem
that says how to get one. One model is loaded per reader (per import process) and kept.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

MODEL_FILES = ("config.json", "model.bin")
MAX_SECONDS = 2 * 3600  # a longer file is a recorder left running: the rep is asked to split it


class VoiceProblem(Exception):
    """The recording cannot be transcribed; args: (message key, params, retry later?)."""


@dataclass
class Transcript:
    text: str
    seconds: float  # the recording's length
    recorded_on: dt.date | None  # from the file's own metadata (creation_time), if any


def model_problem(folder: str | None) -> tuple[str, dict] | None:
    """None when ``folder`` holds a model faster-whisper can load; else (message key, params)."""
    if not folder:
        return "voice_no_model", {}
    path = Path(folder)
    missing = [f for f in MODEL_FILES if not (path / f).is_file()]
    if missing:
        return "voice_bad_model", {"folder": str(path), "missing": ", ".join(missing)}
    return None


def probe(path: Path) -> tuple[float, dt.date | None]:
    """(seconds, recorded day) from the container, without decoding; VoiceProblem if damaged."""
    import av

    try:
        with av.open(str(path), metadata_errors="ignore") as c:
            if not c.streams.audio:
                raise VoiceProblem("voice_no_audio", {}, False)
            seconds = (c.duration or 0) / 1_000_000 if c.duration else 0.0
            if not seconds:
                s = c.streams.audio[0]
                seconds = float(s.duration * s.time_base) if s.duration and s.time_base else 0.0
            meta = {**c.metadata, **c.streams.audio[0].metadata}
    except av.error.FFmpegError as e:
        raise VoiceProblem("voice_damaged", {"reason": str(e).split(":")[0]}, False) from e
    day = None
    created = meta.get("creation_time") or meta.get("date")
    if created:  # ISO 8601, in UTC as recorders write it: the rep's day is the local one
        try:
            when = dt.datetime.fromisoformat(created.strip())
            day = (when.astimezone() if when.tzinfo else when).date()
        except ValueError:
            day = None
    return seconds, day


class Transcriber:
    """Loads the model once and transcribes recordings with it."""

    def __init__(self, folder: str, *, threads: int = 2, in_process: bool | None = None):
        self.folder = folder
        self.threads = threads
        self._model = None
        # None: in this process when faster-whisper can be imported, else the voice component
        self.in_process = _engine_importable() if in_process is None else in_process

    def model(self):
        if self._model is None:
            try:
                from faster_whisper import WhisperModel
            except ImportError as e:
                raise VoiceProblem("voice_no_engine", {}, True) from e
            try:
                self._model = WhisperModel(
                    self.folder, device="cpu", compute_type="int8", cpu_threads=self.threads
                )
            except (RuntimeError, ValueError, OSError) as e:
                params = {"folder": self.folder, "missing": str(e)[:200]}
                raise VoiceProblem("voice_bad_model", params, True) from e
        return self._model

    def transcribe(
        self, path: Path, *, progress: Callable[[float, float], None] | None = None
    ) -> Transcript:
        if not self.in_process:
            from importers.voice.external import engine_command, transcribe_outside

            command = engine_command()
            if command is None:
                raise VoiceProblem("voice_no_engine", {}, True)
            return transcribe_outside(
                command, path, self.folder, threads=self.threads, progress=progress
            )
        seconds, day = probe(path)
        if seconds > MAX_SECONDS:
            params = {"hours": f"{seconds / 3600:.1f}", "max_hours": MAX_SECONDS // 3600}
            raise VoiceProblem("voice_too_long", params, False)
        model = self.model()
        import av

        try:
            segments, info = model.transcribe(
                str(path),
                language="ja",
                beam_size=1,
                vad_filter=True,
                condition_on_previous_text=False,
            )
            parts = []
            if progress is not None:  # the audio is decoded: say so before the first segment
                progress(0.0, info.duration)
            for seg in segments:  # a generator: decoding happens here, segment by segment
                parts.append(seg.text.strip())
                if progress is not None:
                    progress(min(seg.end, info.duration), info.duration)
            if progress is not None:  # the trailing silence VAD skipped is heard too
                progress(info.duration, info.duration)
        except (av.error.FFmpegError, ValueError, IndexError) as e:
            raise VoiceProblem("voice_damaged", {"reason": type(e).__name__}, False) from e
        text = "".join(p for p in parts if p)
        if not text.strip():
            raise VoiceProblem("voice_silent", {}, False)
        return Transcript(text, info.duration or seconds, day)


def _engine_importable() -> bool:
    """faster-whisper and PyAV importable here, without importing them (seconds of start-up)."""
    import importlib.util

    return all(importlib.util.find_spec(m) is not None for m in ("faster_whisper", "av"))
