"""One-sheet XLSX written a row at a time with XlsxWriter (constant memory).

Why XlsxWriter and not openpyxl for writing: openpyxl's write-only mode builds an element per
cell and writes every Cyrillic letter as a character reference, so 100,000 register rows took
11–17 s; XlsxWriter in constant-memory mode writes them in about 5 s and is tested against real
Excel files by its authors. openpyxl still reads files (the import, the tests).

What a register sheet needs: text, numbers, real dates in one number format, a bold frozen
header repeated on printed pages, column widths, an autofilter and a landscape page fitted to
the width.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from typing import IO, Any

#: Excel's sheet holds 1,048,576 rows; one is the header.
MAX_DATA_ROWS = 1_048_575
#: Longer text does not fit into one Excel cell.
MAX_CELL_TEXT = 32_767
#: Excel's calendar starts on 1 January 1900; an earlier date is written as its text.
_FIRST_DAY = date(1900, 1, 1)
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


class SheetTooLarge(Exception):
    """More rows than one Excel sheet holds."""


def column_letter(index: int) -> str:
    """0 → A, 25 → Z, 26 → AA (Excel's column names)."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def safe_sheet_title(title: str) -> str:
    """Excel's rules for a sheet name: at most 31 characters, none of []:*?/\\."""
    cleaned = re.sub(r"[\[\]:*?/\\]", " ", title).strip().strip("'")[:31]
    return cleaned or "Аркуш1"


def _text(value: str) -> str:
    """Text Excel accepts: control characters dropped, cut at the cell's limit."""
    return _FORBIDDEN.sub("", value)[:MAX_CELL_TEXT]


def _fits(value: str) -> str:
    return value if len(value) <= MAX_CELL_TEXT and not _FORBIDDEN.search(value) else _text(value)


def write_workbook(
    fh: IO[bytes],
    titles: Sequence[str],
    rows: Iterable[Sequence[Any]],
    widths: Sequence[float],
    sheet_title: str,
    date_format: str,
    created: datetime,
) -> int:
    """Write a workbook of one sheet to `fh` (a seekable binary file); returns the data rows.

    Row values: None or '' (an empty cell), str, int, float, date (a real date shown in
    `date_format`); anything else is written as its text. Raises SheetTooLarge.
    """
    import xlsxwriter

    options = {
        "constant_memory": True,  # rows are written out as they come
        "strings_to_numbers": False,  # «0012» and «12/01-12» stay text, as in the register
        "strings_to_formulas": False,  # «=…» typed in a summary is text, not a formula
        "strings_to_urls": False,
        "default_date_format": date_format,
    }
    workbook = xlsxwriter.Workbook(fh, options)
    workbook.set_properties({"author": "Діловод", "created": created.replace(tzinfo=None)})
    sheet = workbook.add_worksheet(safe_sheet_title(sheet_title))
    header = workbook.add_format({"bold": True, "text_wrap": True, "valign": "vcenter"})
    dates = workbook.add_format({"num_format": date_format})
    for i, width in enumerate(widths):
        sheet.set_column(i, i, width)
    sheet.freeze_panes(1, 0)
    sheet.repeat_rows(0)
    sheet.set_landscape()
    sheet.fit_to_pages(1, 0)
    sheet.write_row(0, 0, [_text(t) for t in titles], header)
    count = 0
    write_string, write_number = sheet.write_string, sheet.write_number
    for values in rows:
        count += 1
        if count > MAX_DATA_ROWS:
            workbook.close()
            raise SheetTooLarge(f"more than {MAX_DATA_ROWS} rows")
        for column, value in enumerate(values):
            # The common cases inline (a million cells per 100,000 rows), the rest below.
            if value is None or value == "":
                continue
            kind = type(value)
            if kind is str:
                write_string(count, column, _fits(value))
            elif kind is int or kind is float:
                write_number(count, column, value)
            else:
                _write_cell(sheet, count, column, value, dates)
    sheet.autofilter(0, 0, count, max(0, len(titles) - 1))
    workbook.close()
    return count


def _write_cell(sheet: Any, row: int, column: int, value: Any, dates: Any) -> None:
    if value is None or value == "":
        return
    if isinstance(value, bool):
        sheet.write_string(row, column, str(value))
    elif isinstance(value, int | float):
        sheet.write_number(row, column, value)
    elif isinstance(value, date):
        day = value.date() if isinstance(value, datetime) else value
        if day < _FIRST_DAY:
            sheet.write_string(row, column, day.isoformat())
        else:
            sheet.write_datetime(row, column, datetime(day.year, day.month, day.day), dates)
    else:
        sheet.write_string(row, column, _text(str(value)))
