"""One assignment of columns to fields over a whole header row.

Each field goes to one column and each column to one field, highest score first; when two columns
claim a field with the same score, the left one takes it and the tie is reported, so two columns
never silently fight for one field (the other keeps its values as an extra field).
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Assignment:
    columns: dict[int, str] = field(default_factory=dict)  # column -> field
    scores: dict[int, int] = field(default_factory=dict)  # column -> the score it won with
    reasons: dict[int, str] = field(default_factory=dict)
    ties: list[tuple[str, int, int]] = field(default_factory=list)  # (field, winner, loser)

    @property
    def total(self) -> int:
        return sum(self.scores.values())


def assign(
    candidates: dict[int, dict[str, int]],
    reasons: dict[int, dict[str, str]] | None = None,
    *,
    min_score: int = 55,
) -> Assignment:
    """``candidates``: column -> {field: score}. Greedy by score, ties broken to the left."""
    ranked = sorted(
        (
            (-score, col, name)
            for col, fields in candidates.items()
            for name, score in fields.items()
            if score >= min_score
        ),
    )
    out = Assignment()
    owner: dict[str, int] = {}
    for neg, col, name in ranked:
        if col in out.columns:
            continue
        if name in owner:
            winner = owner[name]
            if out.scores[winner] == -neg and _best_of(candidates[col]) == name:
                out.ties.append((name, winner, col))
            continue
        out.columns[col] = name
        out.scores[col] = -neg
        out.reasons[col] = (reasons or {}).get(col, {}).get(name, "")
        owner[name] = col
    return out


def _best_of(fields: dict[str, int]) -> str | None:
    return max(fields, key=fields.get) if fields else None
