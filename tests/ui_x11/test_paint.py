"""After a pre-visit brief, every view paints only itself (issue: the Today page showed through
every other view until a restart). Screenshots of the real X screen, before and after."""

from __future__ import annotations

from PIL import Image, ImageChops

from desktop.app.window import VIEW_NAMES


def changed_fraction(before: str, after: str, box: list[int]) -> float:
    x, y, w, h = box
    crop = (x, y, x + w, y + h)
    a = Image.open(before).convert("RGB").crop(crop)
    b = Image.open(after).convert("RGB").crop(crop)
    diff = ImageChops.difference(a, b).convert("L").point(lambda v: 255 if v > 40 else 0)
    return diff.histogram()[255] / (w * h)


def test_no_page_shows_through_after_a_brief(run_scenario):
    r = run_scenario("brief_paint")
    assert r["current"] == "sync"
    assert set(r["after"]) == set(VIEW_NAMES)
    for name in VIEW_NAMES:
        # A count may change by a digit (the brief records reuse); another page is thousands.
        fraction = changed_fraction(r["before"][name], r["after"][name], r["stack"])
        assert fraction < 0.003, f"{name}: {fraction:.1%} of the page differs after the brief"
    # The brief itself was on screen (not an empty page).
    brief = changed_fraction(r["before"]["customers"], r["brief"], r["stack"])
    assert brief > 0.05
    assert not [m for m in r["warnings"] if "QXcb" in m or "paint" in m.lower()], r["warnings"]
