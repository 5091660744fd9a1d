"""What is not knowledge: a 所感 cell that says nothing (「本日の所感は特になし。」, 特になし, なし,
特記事項なし …), and the same sentence written on many visits (one note, several sources)."""

from __future__ import annotations

import re

from importers.normalize.text import nfkc

# After width folding and dropping punctuation and spaces: what "nothing to report" looks like.
_EMPTY = re.compile(
    r"^(?:本日の|今日の|今回の|当日の)?(?:所感|気づき|気付き|感想|特記事項|備考|コメント)?"
    r"(?:は|:)?"
    r"(?:特に|とくに|特段)?"
    r"(?:なし|無し|ナシ|ない|無い|ありません|ございません|無|無記入|未記入|特記事項なし|"
    r"特記なし|問題なし|変化なし|変わりなし|同上|none|nothing|na|n/a)?"
    r"(?:です|でした|であった)?$",
    re.IGNORECASE,
)
_PUNCT = re.compile(r"[\s。、．，.,!！?？・:：;；\-ー―─〜~()（）「」『』【】\[\]/]+")


def _folded(text: str) -> str:
    return _PUNCT.sub("", nfkc(text or "")).lower()


def is_empty_insight(text: str | None) -> bool:
    """True for a 所感 that carries no knowledge (blank, 特になし, 本日の所感は特になし。, -)."""
    folded = _folded(text or "")
    if not folded:
        return True
    if len(folded) > 24:  # a real sentence that happens to start like one of these
        return False
    return bool(_EMPTY.match(folded)) and folded not in {"所感", "備考", "コメント"}


def same_text_key(body: str | None) -> str:
    """Notes with this key say the same thing (width, spaces and punctuation aside)."""
    return _folded(body or "")


def merge_identical(notes: list[dict]) -> list[dict]:
    """One note per text, in the given order: the first keeps its place and gets ``sources``
    (author, date, id of every note saying the same, itself first) and ``same`` (how many)."""
    out: list[dict] = []
    by_key: dict[str, dict] = {}
    for n in notes:
        key = same_text_key(n.get("body"))
        source = {"id": n.get("id"), "author": n.get("author"), "date": n.get("date")}
        if key and key in by_key:
            first = by_key[key]
            first["sources"].append(source)
            first["same"] += 1
            continue
        merged = {**n, "sources": [source], "same": 1}
        if key:
            by_key[key] = merged
        out.append(merged)
    return out
