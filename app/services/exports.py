"""Exporting a register for a period to CSV or XLSX, as the register's table shows it.

The columns are the register's own (`spec.columns`), the texts are what the table shows
(`DocumentRow.display`), so the file matches the screen and the printed journal. CSV is written
the way Excel in Ukraine opens it without a wizard: UTF-8 with a BOM, separated by «;». XLSX has
real dates (sortable and filterable in Excel), a bold frozen header and an autofilter.
"""

from __future__ import annotations

import csv
import errno
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from app.domain.dates import format_date
from app.registers.base import RegisterSpec
from app.reports.control import ControlReport
from app.services.register_view import DocumentRow, RegisterView, ViewQuery
from db.session import Database

FORMATS = ("csv", "xlsx")
DATE_FORMAT = "DD.MM.YYYY"
CSV_DELIMITER = ";"
MIN_WIDTH, MAX_WIDTH = 8, 60


class ExportError(ValueError):
    """The export cannot be written; a Ukrainian message."""


_OS_ERRORS = {
    errno.ENOENT: "немає такої теки",
    errno.EACCES: "немає дозволу на запис",
    errno.EPERM: "немає дозволу на запис",
    errno.ENOSPC: "на диску немає місця",
    errno.EISDIR: "це тека, а не файл",
    errno.EROFS: "диск лише для читання",
}


def os_error_text(exc: OSError) -> str:
    """Why a file could not be written, in Ukrainian where the reason is a common one
    (a file open in Excel on Windows shows up as «немає дозволу на запис»)."""
    return _OS_ERRORS.get(exc.errno or 0, exc.strerror or str(exc))


def cannot_write(path: str | Path, exc: OSError) -> ExportError:
    return ExportError(f"Не вдається записати файл «{path}»: {os_error_text(exc)}")


def guess_format(path: str | Path, requested: str | None) -> str:
    """The requested format, else the file's extension, else CSV."""
    if requested:
        if requested not in FORMATS:
            raise ExportError(f"Невідомий формат «{requested}»: можливо csv або xlsx")
        return requested
    suffix = Path(path).suffix.lower().lstrip(".")
    return suffix if suffix in FORMATS else "csv"


def register_rows(
    db: Database,
    spec: RegisterSpec,
    date_from: date | None = None,
    date_to: date | None = None,
    today: date | None = None,
) -> list[DocumentRow]:
    """The register's rows for the period, oldest first (the order of the paper journal)."""
    if date_from and date_to and date_from > date_to:
        raise ExportError(
            f"Початок періоду ({format_date(date_from)}) пізніший "
            f"за його кінець ({format_date(date_to)})"
        )
    view = ViewQuery(
        register=spec.code,
        date_from=date_from,
        date_to=date_to,
        sort="reg_date",
        descending=False,
    )
    return RegisterView(db, view, today=today).all_rows()


def export_register(
    db: Database,
    spec: RegisterSpec,
    path: str | Path,
    *,
    date_from: date | None = None,
    date_to: date | None = None,
    fmt: str | None = None,
    today: date | None = None,
) -> int:
    """Write the register for the period to `path`; returns the number of rows written."""
    kind = guess_format(path, fmt)
    rows = register_rows(db, spec, date_from, date_to, today)
    titles = [c.title for c in spec.columns]
    keys = [c.key for c in spec.columns]
    if kind == "csv":
        write_csv(path, titles, ([r.display(k) for k in keys] for r in rows))
    else:
        cells = [[_xlsx_value(r, k) for k in keys] for r in rows]
        write_xlsx(path, titles, cells, sheet_title=spec.title)
    return len(rows)


def _xlsx_value(row: DocumentRow, key: str) -> Any:
    value = getattr(row, key)
    if isinstance(value, date) or (isinstance(value, int) and not isinstance(value, bool)):
        return value
    return row.display(key)


def write_csv(path: str | Path, titles: Sequence[str], rows: Any) -> None:
    """UTF-8 with BOM and «;»: what Excel with Ukrainian regional settings opens directly."""
    try:
        with open(path, "w", encoding="utf-8-sig", newline="") as fh:
            writer = csv.writer(fh, delimiter=CSV_DELIMITER, quoting=csv.QUOTE_MINIMAL)
            writer.writerow(titles)
            writer.writerows(rows)
    except OSError as exc:
        raise cannot_write(path, exc) from exc


def _width(title: str, values: Sequence[Any]) -> float:
    longest = len(title)
    for value in values[:2000]:
        text = format_date(value) if isinstance(value, date) else str(value or "")
        longest = max(longest, max((len(line) for line in text.splitlines()), default=0))
    return float(min(MAX_WIDTH, max(MIN_WIDTH, longest + 2)))


def write_xlsx(
    path: str | Path,
    titles: Sequence[str],
    rows: Sequence[Sequence[Any]],
    sheet_title: str = "Аркуш1",
) -> None:
    """A streamed workbook: bold frozen header, widths from the content, real dates, autofilter."""
    try:
        fh = open(path, "wb")  # noqa: SIM115 - opened first, so a bad path fails before any work
    except OSError as exc:
        raise cannot_write(path, exc) from exc
    with fh:
        _fill_workbook(fh, titles, rows, sheet_title)


def _fill_workbook(
    fh: Any, titles: Sequence[str], rows: Sequence[Sequence[Any]], sheet_title: str
) -> None:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    wb = Workbook(write_only=True)
    ws = wb.create_sheet(title=sheet_title[:31] or "Аркуш1")
    for i, title in enumerate(titles):
        letter = get_column_letter(i + 1)
        ws.column_dimensions[letter].width = _width(title, [r[i] for r in rows])
    ws.freeze_panes = "A2"
    last = get_column_letter(max(1, len(titles)))
    ws.auto_filter.ref = f"A1:{last}{len(rows) + 1}"
    bold = Font(bold=True)
    header = []
    for title in titles:
        cell = WriteOnlyCell(ws, value=title)
        cell.font = bold
        cell.alignment = Alignment(vertical="center", wrap_text=True)
        header.append(cell)
    ws.append(header)
    for row in rows:
        out: list[Any] = []
        for value in row:
            if isinstance(value, date):
                cell = WriteOnlyCell(ws, value=value)
                cell.number_format = DATE_FORMAT
                out.append(cell)
            else:
                out.append(None if value == "" else value)
        ws.append(out)
    wb.save(fh)


CONTROL_REPORT_TITLES = (
    "№ з/п",
    "Реєстр",
    "Реєстр. номер",
    "Дата реєстрації",
    "Кореспондент",
    "Короткий зміст",
    "Головний виконавець",
    "Взято на контроль",
    "Термін виконання",
    "Стан виконання",
)


def write_control_report_csv(report: ControlReport, path: str | Path) -> None:
    """The control report as CSV for Excel: one row per document, the states in words."""
    rows = (
        [
            str(i),
            line.register_title,
            line.reg_number,
            format_date(line.reg_date),
            line.correspondent,
            line.summary,
            line.lead_executor,
            format_date(line.taken_on),
            format_date(line.due_date),
            line.state_label,
        ]
        for i, line in enumerate(report.lines, start=1)
    )
    write_csv(path, CONTROL_REPORT_TITLES, rows)
