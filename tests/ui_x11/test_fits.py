"""The window and every dialog fit the screen's available area, at 1366×768 and at 150 %
(issue: a fixed 1280×800 cut off the status bar; at 150 % 保存 was under the taskbar)."""

from __future__ import annotations


def test_window_and_dialogs_fit_the_screen(run_scenario):
    r = run_scenario("window_fits")
    assert r["window"]["fits"], r["window"]
    for name, g in r["dialogs"].items():
        assert g["fits"], f"{name} ({g['title']}) does not fit: {g}"
        assert g["layout_fits"], f"{name} is squeezed below what its fields need: {g}"
    assert r["maximized"]["fits"], r["maximized"]
    assert r["reopened_maximized"], "a maximised window should open maximised again"
