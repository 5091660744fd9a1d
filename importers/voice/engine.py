"""The voice component's transcriber: one recording, as JSON lines on stdout.

    genba-voice AUDIO --model FOLDER [--threads N]
    python -m importers.voice.engine AUDIO --model FOLDER [--threads N]

The packaged app's onedir has no speech engine (faster-whisper, CTranslate2, ONNX Runtime and
PyAV are ~190 MB, over its budget): installer.spec freezes this module as a separate onedir,
``genba-voice/``, that IT installs beside the app, and the import process runs it
(importers/voice/external.py). Each line is one JSON object:

    {"progress": [done_s, total_s]}         while decoding, segment by segment
    {"transcript": {"text": …, "seconds": …, "recorded_on": "YYYY-MM-DD" | null}}
    {"problem": {"key": …, "params": {…}, "retry": true | false}}   a VoiceProblem

and the exit status is 0 whenever one of the last two was printed. Anything else (a traceback on
stderr, a signal, no result line) is the engine failing, which the app reports as such.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


def _say(obj: dict) -> None:
    # one object per line, flushed: the app shows the progress as it comes
    sys.stdout.write(json.dumps(obj, ensure_ascii=False) + "\n")
    sys.stdout.flush()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="genba-voice", description=__doc__.splitlines()[0])
    ap.add_argument("audio", type=Path)
    ap.add_argument("--model", required=True, help="a CTranslate2 Whisper model folder")
    ap.add_argument("--threads", type=int, default=2)
    args = ap.parse_args(argv)
    # stdout carries only the JSON lines: the UTF-8 of the transcript whatever the console's code
    # page (cp932 on a Japanese Windows)
    sys.stdout.reconfigure(encoding="utf-8")
    from importers.voice.transcribe import Transcriber, VoiceProblem

    transcriber = Transcriber(args.model, threads=args.threads, in_process=True)
    try:
        heard = transcriber.transcribe(
            args.audio, progress=lambda done, total: _say({"progress": [done, total]})
        )
    except VoiceProblem as p:
        key, params, retry = p.args
        if p.__cause__ is not None:  # for IT: what a broken install lacks, say
            print(f"genba-voice: {key}: {p.__cause__!r}", file=sys.stderr)
        if key == "voice_no_engine":  # this is the engine: a library of its own is missing
            lines = [line for line in str(p.__cause__).splitlines() if line.strip()]
            params = {"reason": (lines[-1] if lines else key)[:200]}
            key = "voice_engine_failed"
        _say({"problem": {"key": key, "params": params, "retry": retry}})
        return 0
    day = heard.recorded_on.isoformat() if heard.recorded_on else None
    _say({"transcript": {"text": heard.text, "seconds": heard.seconds, "recorded_on": day}})
    return 0


if __name__ == "__main__":
    sys.exit(main())
