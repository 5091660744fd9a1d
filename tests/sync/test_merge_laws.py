"""The merge rule's laws: any order, any duplication of the same changes gives the same state."""

from __future__ import annotations

import functools

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sync.hlc import encode
from sync.merge import wins
from tests.sync.helpers import snapshot

hlcs = st.builds(encode, st.integers(1_700_000_000_000, 1_700_000_000_050), st.integers(0, 3))
sites = st.sampled_from(["aaaa", "bbbb", "cccc"])
change = st.fixed_dictionaries(
    {
        "entity": st.just("companies"),
        "row_id": st.sampled_from(["r1", "r2"]),
        "field": st.sampled_from(["name", "name_kana"]),
        "value": st.sampled_from(["A", "B", "C", None]),
        "hlc": hlcs,
        "site": sites,
    }
)


def fold(changes):
    state: dict = {}
    for c in changes:
        key = (c["row_id"], c["field"])
        cur = state.get(key)
        if wins(c["hlc"], c["site"], cur[1] if cur else None, cur[2] if cur else None):
            state[key] = (c["value"], c["hlc"], c["site"])
    return state


def _unique(changes):
    """One value per (hlc, site, row, field): a clock reading never carries two values."""
    seen, out = set(), []
    for c in changes:
        k = (c["hlc"], c["site"], c["row_id"], c["field"])
        if k not in seen:
            seen.add(k)
            out.append(c)
    return out


@given(st.lists(change, max_size=30), st.randoms())
@settings(max_examples=300, deadline=None)
def test_fold_is_order_and_duplicate_insensitive(changes, rnd):
    changes = _unique(changes)
    shuffled = changes * 2
    rnd.shuffle(shuffled)
    assert fold(changes) == fold(shuffled)


@given(hlcs, sites, hlcs, sites)
def test_wins_is_a_strict_total_order(h1, s1, h2, s2):
    assert not wins(h1, s1, h1, s1)  # irreflexive: a replay never re-applies
    if (h1, s1) != (h2, s2):
        assert wins(h1, s1, h2, s2) != wins(h2, s2, h1, s1)
    assert wins(h1, s1, None, None)


@given(st.lists(change, min_size=1, max_size=15), st.randoms())
@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_store_apply_remote_converges_in_any_order(make_store, changes, rnd):
    changes = _unique(changes)
    a, b = make_store(), make_store()
    with a.write() as w:
        w.apply_remote(changes)
    replay = changes * 2
    rnd.shuffle(replay)
    with b.write() as w:
        half = len(replay) // 2
        w.apply_remote(replay[:half])
    with b.write() as w:
        w.apply_remote(replay[half:])
    expected = {("companies", r, f): v for (r, f), v in fold(changes).items()}
    assert snapshot(a) == snapshot(b) == expected
    a.close()
    b.close()


def test_fold_matches_max():
    cs = [
        {"row_id": "r", "field": "name", "value": v, "hlc": encode(1, i), "site": s}
        for i, (v, s) in enumerate([("x", "b"), ("y", "a"), ("z", "c")])
    ]
    assert fold(cs)[("r", "name")][0] == "z"
    assert functools.reduce(lambda a, b: max(a, b), [(c["hlc"], c["site"]) for c in cs]) == (
        encode(1, 2),
        "c",
    )
