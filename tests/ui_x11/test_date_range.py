"""The Activities period, driven by typing on a real X display (issue: the calendar opened at
2000年1月, typing 2025/06/01 gave 「-20250601」 and did not filter, the value was clipped)."""

from __future__ import annotations


def test_quick_ranges_and_typed_dates(run_scenario):
    r = run_scenario("date_range")
    # the demo's visits: 110 from its three known templates, and 2 from 訪問記録_2025年10月.xlsx,
    # whose headings Genba reads since it understands them as reps write them (issue #12)
    assert r["all"] == 112
    # At 1280 px and at 150 % the text filter ran into the period box: no box overlaps another.
    boxes = list(r["filter_boxes"].items())
    for i, (a, (ax, ay, aw, ah)) in enumerate(boxes):
        assert aw > 60, f"{a} is squeezed to {aw} px"
        for b, (bx, by, bw, bh) in boxes[i + 1 :]:
            apart = ax + aw <= bx or bx + bw <= ax or ay + ah <= by or by + bh <= ay
            assert apart, f"{a} overlaps {b}"
    ranges = r["ranges"]  # the demo's today is 2025/10/20 (fiscal year from April)
    assert ranges["month"][:2] == ["2025/10/01", "2025/10/20"]
    assert ranges["last_month"][:2] == ["2025/09/01", "2025/09/30"]
    assert ranges["fy"][:2] == ["2025/04/01", "2025/10/20"]
    assert ranges["last_fy"][:2] == ["2024/04/01", "2025/03/31"]
    assert 0 < ranges["month"][2] < ranges["fy"][2] <= r["all"]
    assert ranges["last_fy"][2] == 0  # the demo starts in April 2025
    for text, (shown, since) in r["typed"].items():
        assert (shown, since) == ("2025/06/01", "2025-06-01"), text
    assert r["period_after_typing"] == "custom"
    june = r["june"]
    assert june["count"] > 0
    assert "2025-06-01" <= june["min"] <= june["max"] <= "2025-06-30"
    assert r["since_fits"], "the typed date is clipped"
    error, since = r["bad"]
    assert "2025/06/01" in error and since is None  # said, and not filtered by
    assert r["calendar_opens_at"] == r["real_today"]
