"""Memo photos pasted or dropped in the app (a customer's page, a table row, an activity's
editor): checked as the photo importer checks a file, then attached through the store.

The checks run on the writer thread with the write: a picture that is too large, damaged or HEIC
is reported and nothing of it is stored. No widgets here; the callers say the outcome.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtGui import QImage, QPixmap

from desktop.app import fmt
from desktop.app.data import edits
from desktop.app.i18n import speaking
from importers.kinds import picture_suffixes

# The photo kind's pictures (importers.kinds). HEIC cannot be attached, but claiming it lets
# the rep read why here rather than in Problems.
IMAGE_SUFFIXES = tuple(sorted(picture_suffixes(attachable=True)))
PICTURE_SUFFIXES = picture_suffixes()
MB = 1024 * 1024


@dataclass(frozen=True)
class Picture:
    """One picture a drop or a paste carries: a file, or image data without a file."""

    name: str
    path: Path | None = None
    image: QImage | None = None


@dataclass(frozen=True)
class Problem:
    kind: str  # 'too_large' | 'heic' | 'not_a_picture' | 'unreadable'
    name: str
    size_mb: int = 0
    max_mb: int = 0
    reason: str = ""


@dataclass
class Outcome:
    target: dict | None  # what the row is, for the confirmation; None when it no longer exists
    attached: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def carries_pictures(mime) -> bool:
    """Whether a drag (or the clipboard) holds pictures only; cheap enough for every move."""
    files = [u.toLocalFile() for u in mime.urls() if u.isLocalFile()]
    if files:
        return all(Path(f).suffix.lower() in PICTURE_SUFFIXES for f in files)
    return mime.hasImage()


def pictures_in(mime) -> list[Picture]:
    """The pictures to attach (files first: a file keeps its name and original bytes)."""
    if not carries_pictures(mime):
        return []
    files = [Path(u.toLocalFile()) for u in mime.urls() if u.isLocalFile()]
    if files:
        return [Picture(f.name, path=f) for f in files]
    data = mime.imageData()
    image = data.toImage() if isinstance(data, QPixmap) else QImage(data)
    return [Picture(memo_name(), image=image)]


def attach_pictures(store, entity: str, entity_id: str, pictures: list[Picture]) -> Outcome:
    """Check and attach each picture to the row (work for the writer thread). A picture that is
    too large, damaged or HEIC is reported and nothing of it is stored."""
    outcome = Outcome(describe_row(store, entity, entity_id))
    if outcome.target is None:
        return outcome
    for pic in pictures:
        data = _checked_bytes(pic, store.data_dir)
        if isinstance(data, Problem):
            outcome.problems.append(data)
            continue
        mime = "image/png" if pic.path is None else None  # a file's is guessed from its name
        edits.attach_image(
            store, data, filename=pic.name, entity=entity, entity_id=entity_id, mime=mime
        )
        outcome.attached.append(pic.name)
    return outcome


def describe_row(store, entity: str, entity_id: str) -> dict | None:
    """The customer (and the day of an activity) named in the confirmation."""
    if entity == "activities":
        rows = store.query(
            "SELECT a.occurred_on, a.occurred_on_raw, c.name, c.name_normalized "
            "FROM activities a LEFT JOIN companies c ON c.id = a.company_id "
            "WHERE a.id = ? AND a.deleted = 0",
            (entity_id,),
        )
        if not rows:
            return None
        r = rows[0]
        day = fmt.day(r["occurred_on"], weekday=False) or r["occurred_on_raw"] or ""
        return {"customer": r["name"] or r["name_normalized"] or "", "day": day}
    rows = store.query(
        "SELECT name, name_normalized FROM companies WHERE id = ? AND deleted = 0", (entity_id,)
    )
    return {"customer": rows[0]["name"] or rows[0]["name_normalized"] or ""} if rows else None


def _checked_bytes(pic: Picture, data_dir) -> bytes | Problem:
    # Lazy, like the photo importer's own PIL import: needed only once a picture arrives.
    from importers.messages import resolve
    from importers.photos.apply import MAX_PHOTO_BYTES, picture_problem

    max_mb = MAX_PHOTO_BYTES // MB
    if pic.path is None:
        data = image_png_bytes(pic.image) if pic.image is not None else b""
    else:
        try:
            size = pic.path.stat().st_size
            if size > MAX_PHOTO_BYTES:  # never read a huge file into memory
                return Problem("too_large", pic.name, round(size / MB), max_mb)
            data = pic.path.read_bytes()
        except OSError as exc:
            return Problem("unreadable", pic.name, reason=exc.strerror or str(exc))
    if len(data) > MAX_PHOTO_BYTES:
        return Problem("too_large", pic.name, round(len(data) / MB), max_mb)
    issue = picture_problem(Path(pic.name), data, lang=resolve(None, data_dir))
    if issue is not None:
        return Problem("heic" if issue.code == "unsupported_type" else "not_a_picture", pic.name)
    return data


def memo_name() -> str:
    """The file name of a picture pasted without one."""
    return dt.datetime.now().strftime("memo-%Y%m%d-%H%M%S.png")


def image_png_bytes(image: QImage) -> bytes:
    ba = QByteArray()
    buf = QBuffer(ba)
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buf, "PNG")
    buf.close()
    return bytes(ba.data())


def problem_text(p: Problem, lang: str | None = None) -> str:
    """Why a picture was not attached, and what to do, in ``lang`` (None: the running app's;
    the texts keep the context they were first written in, the row drop, so one translation
    serves every caller)."""
    said = speaking(lang)
    if p.kind == "too_large":
        return said.translate(
            "RowDrop",
            "“{0}” was not attached: it is {1} MB, and a photo can be at most {2} MB. "
            "Save a smaller copy (for example at a lower resolution) and drop it again.",
        ).format(p.name, p.size_mb, p.max_mb)
    if p.kind == "heic":
        return said.translate(
            "RowDrop",
            "“{0}” was not attached: HEIC photos are not supported. Set the camera to JPEG "
            "(Most Compatible) or export the photo as JPEG, then drop it again.",
        ).format(p.name)
    if p.kind == "unreadable":
        return said.translate(
            "RowDrop",
            "“{0}” was not attached: the file could not be read ({1}). Check that it is "
            "still there and not open in another program, then drop it again.",
        ).format(p.name, p.reason)
    return said.translate(
        "RowDrop",
        "“{0}” was not attached: it is damaged, or not a picture Genba can read (JPEG, "
        "PNG, GIF, BMP or WebP). Check that it opens in a photo viewer, or take the photo "
        "again.",
    ).format(p.name)
