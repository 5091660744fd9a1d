"""Import one voice memo: transcript -> draft minutes, an activity of kind 'voice_draft' until
the rep confirms it (``confirm_minutes``: kind 'voice'), with the recording attached (a blob)
and its transcript kept on that attachment (``attachments.ocr_text``: the text read from it,
searchable like a memo photo's).

The activity's id comes from the recording's bytes, so importing it again (or a copy) never
duplicates it; a re-import fills only empty fields, so the rep's edits stay. Transcription runs
in ``parse``, outside the write transaction, in the import process.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from importers.ingest import Job, Parsed, Reader
from importers.messages import issue
from importers.normalize.reading_match import companies_in_text, contact_in_text
from importers.photos.blobs import store_blob
from importers.photos.memo import date_from_name
from importers.reading import FileBytes
from importers.settings import Settings
from importers.voice.drafts import confirm_minutes  # noqa: F401 (its home before drafts.py)
from importers.voice.minutes import draft_minutes
from importers.voice.transcribe import Transcriber, VoiceProblem, model_problem
from sync.store import Writer
from sync.store.ids import natural_id

_MIME = {
    ".m4a": "audio/mp4",
    ".mp3": "audio/mpeg",
    ".wav": "audio/wav",
    ".aac": "audio/aac",
    ".ogg": "audio/ogg",
    ".opus": "audio/ogg",
    ".wma": "audio/x-ms-wma",
}


class VoiceReader(Reader):
    """The reader of the 'voice' kind (importers.ingest)."""

    def __init__(self, importer):
        self.store = importer.store
        self.lang = importer.lang
        self.progress = importer.options.get("progress")  # (done s, total s) for long memos
        self.options = importer.options
        self.model_folder: str | None = None
        self.transcriber: Transcriber | None = None
        self._read_settings()

    def _read_settings(self) -> None:
        """The model folder and the rep's name, read for every file: IT may set ``voice_model``
        while the app's import process runs, and the waiting memos are then read. The loaded
        model is kept while the folder stays the same."""
        settings = _settings(self.store.data_dir)
        folder = self.options.get("voice_model") or settings.voice_model
        self.rep = self.options.get("rep") or settings.user_name
        if folder != self.model_folder:
            self.model_folder = folder
            self.transcriber = Transcriber(folder) if folder else None

    def parse(self, path: Path, fb: FileBytes, *, profile=None) -> Parsed:
        name = path.name
        self._read_settings()
        missing = model_problem(self.model_folder)
        try:
            if missing is not None:
                raise VoiceProblem(missing[0], missing[1], True)
            heard = self.transcriber.transcribe(path, progress=self.progress)
        except VoiceProblem as p:
            key, params, retry = p.args
            said = issue("warning" if retry else "error", key, self.lang, name, name=name, **params)
            if retry:  # waits for a model: read again next time, nothing stored yet
                return Parsed(None, [said], keep_hash=False)
            return Parsed(None, failure=[said])
        day = date_from_name(name) or heard.recorded_on or dt.date.fromtimestamp(fb.mtime)
        sha = store_blob(self.store.data_dir, fb.data)  # before the write
        return Parsed((heard, draft_minutes(heard.text, day), day, sha))

    def apply(self, w: Writer, job: Job) -> None:
        if job.parsed.payload is None:
            return
        heard, minutes, day, sha = job.parsed.payload
        out, name = job.outcome, job.path.name
        activity_id = natural_id("activities", "voice:" + sha)
        current = w.get("activities", activity_id)
        if current is not None and current["deleted"]:
            job.parsed.issues.append(issue("info", "voice_deleted", self.lang, name, name=name))
            return
        # the one matcher of names in free text: written as they are, else by their reading
        found = companies_in_text(w.conn, heard.text)
        company_id = found[0].company_id if found else None
        contact = contact_in_text(w.conn, company_id, heard.text) if company_id else None
        if company_id is None:
            job.parsed.issues.append(issue("info", "voice_no_customer", self.lang, name, name=name))
        row = {
            "kind": "voice_draft",
            "occurred_on": day.isoformat(),
            "rep": self.rep,
            "company_id": company_id,
            "contact_id": contact[0] if contact else None,
            "contact_name": contact[1] if contact else None,
            "purpose": "音声メモ",
            "summary": minutes.summary,
            "next_action": minutes.next_action,
            "next_action_due": minutes.next_action_due.isoformat()
            if minutes.next_action_due
            else None,
            "next_action_due_raw": minutes.next_action_due_raw,
            "amount_jpy": minutes.amount_jpy,
            "amount_raw": minutes.amount_raw,
            "probability": minutes.probability,
            "probability_raw": minutes.probability_raw,
            "source_id": job.source_id,
            "source_ref": "voice:" + sha,
        }
        if current is None:
            w.insert(
                "activities", {"id": activity_id, **{k: v for k, v in row.items() if v is not None}}
            )
            out.added = 1
            job.parsed.issues.append(issue("info", "voice_draft", self.lang, name, name=name))
        else:
            fill = {k: v for k, v in row.items() if v is not None and current[k] in (None, "")}
            if w.update("activities", activity_id, fill):
                out.updated = 1
        attachment_id = natural_id("attachments", "voice:" + sha)
        if w.get("attachments", attachment_id) is None:
            w.insert(
                "attachments",
                {
                    "id": attachment_id,
                    "sha256": sha,
                    "filename": name,
                    "mime": _MIME.get(job.path.suffix.lower(), "audio/mpeg"),
                    "size": job.fb.size,
                    "entity": "activities",
                    "entity_id": activity_id,
                    "taken_on": day.isoformat(),
                    "ocr_text": heard.text,
                },
            )
        out.entity, out.entity_id, out.attachment_id = "activities", activity_id, attachment_id


def _settings(data_dir: Path) -> Settings:
    try:
        from importers.managed_settings import ManagedConfig

        return ManagedConfig(Path(data_dir)).settings()
    except (OSError, ValueError):
        return Settings()
