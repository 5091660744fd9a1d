"""The voice component: the speech engine as a separate executable beside the packaged app.

The app's onedir carries no speech engine (its size budget); installer.spec builds the engine as
a second onedir, ``genba-voice/``, that IT copies beside the app. It is looked for, in order, in

    <the app's folder>/genba-voice/genba-voice[.exe]        (inside the installed app)
    <the app's folder>/../genba-voice/genba-voice[.exe]     (the two onedirs side by side)

where the app's folder is the one of the running executable (``sys.executable``, the frozen
``genba``). One process per recording: it loads the model, transcribes and prints JSON lines
(importers/voice/engine.py), relayed here as the progress the status bar shows.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from importers.voice.transcribe import Transcript, VoiceProblem

COMPONENT = "genba-voice"


def engine_command() -> list[str] | None:
    """The voice component's executable as a command, or None when it is not installed."""
    if not getattr(sys, "frozen", False):
        return None  # from source, faster-whisper is installed with the `voice` extra instead
    name = COMPONENT + (".exe" if sys.platform == "win32" else "")
    app = Path(sys.executable).resolve().parent
    for folder in (app / COMPONENT, app.parent / COMPONENT):
        if (folder / name).is_file():
            return [str(folder / name)]
    return None


def transcribe_outside(
    command: list[str],
    path: Path,
    model: str,
    *,
    threads: int = 2,
    progress: Callable[[float, float], None] | None = None,
) -> Transcript:
    """``path`` transcribed by ``command`` (the component, or ``python -m
    importers.voice.engine``); VoiceProblem for what it reports, and ``voice_engine_failed``
    (the memo waits, nothing stored) when it dies or prints no result."""
    args = [*command, str(path), "--model", str(model), "--threads", str(threads)]
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    # stderr to a file, not a pipe: a library's chatter there cannot fill a pipe nobody reads
    # while stdout is being read, and its last line is the reason when the engine dies
    with tempfile.TemporaryFile() as errors:
        try:
            proc = subprocess.Popen(
                args,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE,
                stderr=errors,
                env=env,
                # no console window flashing up on Windows for each memo
                creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0),
            )
        except OSError as e:
            raise VoiceProblem("voice_engine_failed", {"reason": str(e)[:200]}, True) from e
        result = _results(proc, progress)
        errors.seek(0)
        err = errors.read().decode("utf-8", "replace")
    if result is None or proc.returncode != 0:
        last = err.strip().splitlines()[-1] if err.strip() else f"exit status {proc.returncode}"
        raise VoiceProblem("voice_engine_failed", {"reason": last[:200]}, True)
    if "problem" in result:
        p = result["problem"]
        raise VoiceProblem(p["key"], p["params"], p["retry"])
    t = result["transcript"]
    day = dt.date.fromisoformat(t["recorded_on"]) if t["recorded_on"] else None
    return Transcript(t["text"], t["seconds"], day)


def _results(proc: subprocess.Popen, progress) -> dict | None:
    """The engine's result line, relaying its progress lines as they come; when it has ended."""
    result = None
    with proc:
        for raw in proc.stdout:  # a line at a time, as the engine prints them
            try:
                line = json.loads(raw)
            except ValueError:
                continue  # a library's own print: not ours
            if not isinstance(line, dict):
                continue
            if "progress" in line and progress is not None:
                progress(*line["progress"])
            elif "transcript" in line or "problem" in line:
                result = line
    return result
