"""The XLSX writer (XlsxWriter, constant memory): what openpyxl reads back from awkward values."""

from __future__ import annotations

import io
from datetime import UTC, date, datetime

import pytest
from openpyxl import load_workbook

from app.services import xlsx_stream
from app.services.xlsx_stream import SheetTooLarge, column_letter, safe_sheet_title, write_workbook

CREATED = datetime(2026, 11, 22, 10, 0, tzinfo=UTC)


def _write(rows, titles=("Текст", "Число", "Дата"), sheet_title="Вхідні") -> io.BytesIO:
    buffer = io.BytesIO()
    write_workbook(buffer, titles, rows, [20.0] * len(titles), sheet_title, "DD.MM.YYYY", CREATED)
    buffer.seek(0)
    return buffer


def test_awkward_text_numbers_and_dates_read_back():
    rows = [
        [" «A & B» <тест>\x07 ", 7, date(2026, 3, 5)],
        ["рядок 1\nрядок 2", 2.5, datetime(2026, 12, 31, 15, 30)],
        ["", None, date(1899, 1, 2)],  # before Excel's calendar: kept as text
        [True, -3, "x" * 40_000],
    ]
    wb = load_workbook(_write(rows))
    ws = wb.active
    assert ws.title == "Вхідні"
    assert [c.value for c in ws[1]] == ["Текст", "Число", "Дата"]
    values = [list(r) for r in ws.iter_rows(min_row=2, values_only=True)]
    assert values[0] == [" «A & B» <тест> ", 7, datetime(2026, 3, 5)]  # the bell is dropped
    assert values[1] == ["рядок 1\nрядок 2", 2.5, datetime(2026, 12, 31)]
    assert values[2] == [None, None, "1899-01-02"]
    assert values[3][:2] == ["True", -3] and len(values[3][2]) == 32_767
    assert ws["C2"].number_format == "DD.MM.YYYY"
    assert ws["B2"].number_format == "General"
    assert ws.print_title_rows == "$1:$1"
    assert ws.page_setup.orientation == "landscape"


def test_frozen_header_autofilter_widths_and_author():
    wb = load_workbook(_write([["a", 1, date(2026, 1, 2)], ["b", 2, None]]))
    ws = wb.active
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref == "A1:C3"
    assert ws.column_dimensions["A"].width >= 20
    assert ws["A1"].font.bold
    assert wb.properties.creator == "Діловод"


def test_text_that_looks_like_a_number_or_a_formula_stays_text():
    ws = load_workbook(_write([["0012", 1, None], ["=SUM(A1)", 2, None]])).active
    assert [ws["A2"].value, ws["A3"].value] == ["0012", "=SUM(A1)"]
    assert ws["A3"].data_type == "s"


def test_names_and_limits(monkeypatch):
    assert [column_letter(i) for i in (0, 25, 26, 51, 701, 702)] == [
        "A", "Z", "AA", "AZ", "ZZ", "AAA"
    ]  # fmt: skip
    assert safe_sheet_title("Вхідні: 01/2026 [копія]") == "Вхідні  01 2026  копія"
    assert safe_sheet_title("") == "Аркуш1"
    assert len(safe_sheet_title("Я" * 40)) == 31
    assert load_workbook(_write([], sheet_title="Звіт: «О'Ніл»")).active.title == "Звіт  «О'Ніл»"
    monkeypatch.setattr(xlsx_stream, "MAX_DATA_ROWS", 2)
    with pytest.raises(SheetTooLarge):
        _write([["a", 1, None]] * 3)
