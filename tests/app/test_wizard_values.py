"""The mapping wizard shows cells as the rep reads them in Excel."""

import datetime as dt


def test_cells_read_as_in_excel():
    from desktop.app.dialogs.mapping_parts import cell_text

    assert cell_text(1200000.0) == "1,200,000"
    assert cell_text(2025) == "2025"  # a year stays a year
    assert cell_text(0.8) == "0.8"
    assert cell_text(dt.datetime(2025, 4, 2)) == "2025-04-02"
    assert cell_text(True) == "TRUE" and cell_text(None) == ""
