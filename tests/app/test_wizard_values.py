"""The mapping wizard shows cells as the rep reads them in Excel, and as Genba will read them."""

import datetime as dt


def test_cells_read_as_in_excel():
    from desktop.app.dialogs.mapping_parts import cell_text

    assert cell_text(1200000.0) == "1,200,000"
    assert cell_text(2025) == "2025"  # a year stays a year
    assert cell_text(0.8) == "0.8"
    assert cell_text(dt.datetime(2025, 4, 2)) == "2025/04/02"
    assert cell_text(dt.date(2025, 6, 3)) == "2025/06/03"
    assert cell_text(True) == "TRUE" and cell_text(None) == ""


def test_values_as_the_chosen_field_reads_them():
    from desktop.app.dialogs.mapping_parts import shown_as

    assert shown_as(1200000.0, "amount") == "¥1,200,000"
    assert shown_as(1200, "amount", "受注見込み金額（税抜・千円）") == "¥1,200,000"
    assert shown_as(1.5, "amount", "想定売上（百万円）") == "¥1,500,000"
    assert shown_as("120万円", "amount", "金額（千円）") == "¥1,200,000"  # text names its unit
    assert shown_as(0.8, "probability") == "80%"
    assert shown_as("A", "probability") == "80%"
    # a value the field cannot read stays as written (the preview names the problem)
    assert shown_as("未定", "amount") == "未定"
    assert shown_as(1200000.0, None) == "1,200,000"
    assert shown_as(dt.date(2025, 6, 3), "occurred_on") == "2025/06/03"
