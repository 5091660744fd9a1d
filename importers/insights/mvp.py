"""The monthly MVP: recognition for knowledge that helped others — never for the number of notes.

For each author, over the month's reactions to their team notes by OTHER people (a reaction to
one's own note never counts; lead comments and private notes are not in the ranking):

    score = 3 x helpful marks (one per note per person)
          + 1 x reuse (the note shown in another rep's brief; one per note per person a month)
          + 2 x people reached (distinct teammates who marked or reused any of the notes)
          + 3 x each further department reached (when departments are known, see below)

Writing a note adds nothing by itself: two notes that helped three teammates outrank twenty
notes nobody used. Departments of people come from ``<data dir>/team.toml``::

    [members]
    "佐藤" = "営業1課"
    "品質 山田" = "品質保証"
"""

from __future__ import annotations

import tomllib
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from pathlib import Path

from importers.insights.categories import LEAD_COMMENT
from sync.store import Store

W_HELPFUL, W_REUSE, W_PERSON, W_DEPARTMENT = 3, 1, 2, 3


@dataclass
class MvpEntry:
    rank: int
    author: str
    score: int
    helpful: int  # distinct (note, person) helpful marks by others
    reuse: int  # distinct (note, person) reuses by others
    people: int  # distinct people reached
    departments: int  # distinct departments reached (0 when unknown)
    notes_used: int  # the author's notes that someone else marked or reused
    notes_written: int  # shown for context; not part of the score

    def to_dict(self) -> dict:
        return asdict(self)


def team_departments(data_dir: Path | str | None) -> dict[str, str]:
    """person -> department from <data dir>/team.toml ([members]); empty when absent/unreadable."""
    if data_dir is None:
        return {}
    path = Path(data_dir) / "team.toml"
    if not path.is_file():
        return {}
    try:
        data = tomllib.loads(path.read_text("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError):
        return {}
    return {str(k): str(v) for k, v in data.get("members", {}).items()}


def monthly_mvp(
    store: Store, month: str | None, departments: Mapping[str, str] | None = None
) -> list[MvpEntry]:
    """The ranking for month 'YYYY-MM' (None: all time), best first."""
    if departments is None:
        departments = team_departments(store.data_dir)
    prefix = f"{month}%" if month else "%"
    rows = store.query(
        """SELECT n.author, r.note_id, r.kind, r.user
           FROM reactions r JOIN notes n ON n.id = r.note_id
           WHERE r.deleted = 0 AND n.deleted = 0 AND r.kind IN ('helpful', 'reuse')
             AND coalesce(n.visibility, 'team') != 'private'
             AND coalesce(n.category, '') != ?
             AND n.author IS NOT NULL AND r.user IS NOT NULL AND r.user != n.author
             AND coalesce(r.created_at, '') LIKE ?""",
        (LEAD_COMMENT, prefix),
    )
    helpful: dict[str, set] = defaultdict(set)
    reuse: dict[str, set] = defaultdict(set)
    people: dict[str, set] = defaultdict(set)
    used: dict[str, set] = defaultdict(set)
    for r in rows:
        author, pair = r["author"], (r["note_id"], r["user"])
        (helpful if r["kind"] == "helpful" else reuse)[author].add(pair)
        people[author].add(r["user"])
        used[author].add(r["note_id"])
    written = {
        r[0]: r[1]
        for r in store.query(
            """SELECT author, count(*) FROM notes
               WHERE deleted = 0 AND author IS NOT NULL
                 AND coalesce(visibility, 'team') != 'private'
                 AND coalesce(category, '') != ? AND coalesce(created_at, '') LIKE ?
               GROUP BY author""",
            (LEAD_COMMENT, prefix),
        )
    }
    entries = []
    for author in set(people) | set(written):
        depts = {departments[u] for u in people[author] if u in departments}
        n_depts = len(depts)
        score = (
            W_HELPFUL * len(helpful[author])
            + W_REUSE * len(reuse[author])
            + W_PERSON * len(people[author])
            + W_DEPARTMENT * max(0, n_depts - 1)
        )
        entries.append(
            MvpEntry(
                rank=0,
                author=author,
                score=score,
                helpful=len(helpful[author]),
                reuse=len(reuse[author]),
                people=len(people[author]),
                departments=n_depts,
                notes_used=len(used[author]),
                notes_written=written.get(author, 0),
            )
        )
    # equal scores share a rank; writing more notes never breaks a tie
    entries.sort(key=lambda e: (-e.score, -e.people, -e.helpful, e.author))
    rank, last = 0, None
    for i, e in enumerate(entries, start=1):
        if e.score != last:
            rank, last = i, e.score
        e.rank = rank
    return entries
