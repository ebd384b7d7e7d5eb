"""Exporting a register view to CSV or XLSX, exactly as the register's tab shows it.

The columns are the register's own (`spec.columns`), the texts are what the table shows
(`DocumentRow.display`), the rows are the view's — its filter, search and sort — so the file
matches the screen and the printed journal. CSV is written the way Excel in Ukraine opens it
without a wizard: UTF-8 with a BOM, separated by «;». XLSX has real dates (sortable and
filterable in Excel), whole numbers as numbers, a bold frozen header, widths from the content and
an autofilter (app/services/xlsx_stream.py writes it with XlsxWriter).

Rows are streamed: the view's ids are read once (its order at that moment), then rows are read by
key a page at a time, so a 1,000,000-row view neither waits on deep OFFSETs nor sits in memory.
The file is written beside the target under a temporary name and renamed over it only when
complete: a failure or a cancel mid-way leaves the old file (or none) under the user's name.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from app.domain.dates import format_date
from app.domain.roles import Actor, actor_of
from app.registers.base import Column, RegisterSpec
from app.registers.entity import EntitySpec
from app.reports.control import ControlReport
from app.services import audit
from app.services.access import require_read
from app.services.register_view import DocumentRow, RegisterView, RowSource, ViewQuery
from app.services.table_files import (
    BeforeDone,
    ExportCancelled,
    ExportError,
    guess_format,
    rows_text,
    write_csv,
    write_xlsx,
)
from app.services.xlsx_stream import MAX_DATA_ROWS
from db.session import Database

#: Rows read by key per query while exporting (and between two progress reports).
PAGE_SIZE = 1000

#: `progress(rows_written, total)`; returning False cancels the export.
Progress = Callable[[int, int], bool | None]


def sort_key(spec: RegisterSpec, name: str) -> str:
    """The view's sort for `name`: a sortable column of the register, by its key or its sort."""
    for column in spec.columns:
        if column.sort and name in (column.key, column.sort):
            return column.sort
    names = ", ".join(c.sort for c in spec.columns if c.sort)
    raise ExportError(f"Невідоме сортування «{name}»: можливо {names}")


def export_view(
    db: Database,
    spec: RegisterSpec,
    view: ViewQuery,
    path: str | Path,
    fmt: str | None = None,
    today: date | None = None,
    progress: Progress | None = None,
    user: str | Actor = "",
) -> int:
    """Write the rows of `view` — filter, search, sort, the states as of `today` — to `path`
    in the spec's columns; returns the number of rows written.

    Raises ExportError (ExportCancelled when `progress` returned False), nothing written then;
    PermissionDenied unless the actor may see the register. A finished export is audited.
    """
    actor = actor_of(user)
    require_read(actor, spec.code)
    kind = guess_format(path, fmt)
    if view.register != spec.code:
        raise ValueError(f"a view of {view.register!r} exported as {spec.code!r}")
    if view.date_from and view.date_to and view.date_from > view.date_to:
        raise ExportError(
            f"Початок періоду ({format_date(view.date_from)}) пізніший "
            f"за його кінець ({format_date(view.date_to)})"
        )
    source = RegisterView(db, view, today=today, user=actor)

    def audited(count: int) -> None:
        period = [view.date_from, view.date_to]
        details = {"файл": Path(path).name, "рядків": count, "період": period}
        audit.log(db, actor, audit.EXPORT, register=spec.code, details=details)

    return write_rows(source, spec.columns, spec.title, path, kind, progress, audited)


def export_entities(
    db: Database,
    spec: EntitySpec,
    source: RowSource,
    path: str | Path,
    fmt: str | None = None,
    progress: Progress | None = None,
    user: str | Actor = "",
) -> int:
    """An entity register's view (the staff list) to `path`; audited like a register's."""
    actor = actor_of(user)

    def audited(count: int) -> None:
        details = {"файл": Path(path).name, "рядків": count}
        audit.log(db, actor, audit.EXPORT, register=spec.code, details=details)

    kind = guess_format(path, fmt)
    return write_rows(source, spec.columns, spec.title, path, kind, progress, audited)


def write_rows(
    source: RowSource,
    columns: Sequence[Column],
    title: str,
    path: str | Path,
    kind: str,
    progress: Progress | None = None,
    before_done: BeforeDone | None = None,
) -> int:
    """Every row of `source` in `columns` to `path` (xlsx or csv), a page at a time; the row
    source protocol serves document and entity registers alike. `before_done(rows)` runs once
    the file is complete and before it takes its name (the audit entry: no entry, no file)."""
    ids = source.ids()
    if kind == "xlsx" and len(ids) > MAX_DATA_ROWS:
        raise ExportError(
            f"В аркуші Excel уміщується не більше {rows_text(MAX_DATA_ROWS)}, а відібрано "
            f"{rows_text(len(ids))}. Звузьте відбір (період, стан) або вивантажте у CSV."
        )
    rows = _stream(source, ids, progress)
    titles = [c.title for c in columns]
    keys = [c.key for c in columns]
    if kind == "csv":
        texts = ([r.display(k) for k in keys] for r in rows)
        return write_csv(path, titles, texts, before_done=before_done)
    cells = ([_xlsx_value(r, k) for k in keys] for r in rows)
    return write_xlsx(path, titles, cells, sheet_title=title, before_done=before_done)


def export_register(
    db: Database,
    spec: RegisterSpec,
    path: str | Path,
    *,
    date_from: date | None = None,
    date_to: date | None = None,
    fmt: str | None = None,
    today: date | None = None,
    user: str | Actor = "",
) -> int:
    """Write the register for the period, oldest first (the order of the paper journal)."""
    view = ViewQuery(
        register=spec.code, date_from=date_from, date_to=date_to, sort="reg_date",
        descending=False,
    )  # fmt: skip
    return export_view(db, spec, view, path, fmt=fmt, today=today, user=user)


def _stream(
    source: RowSource, ids: Sequence[int], progress: Progress | None
) -> Iterator[DocumentRow]:
    """The rows of `ids` in order, a page at a time, reporting after each page."""
    total = len(ids)
    _report(progress, 0, total)
    for start in range(0, total, PAGE_SIZE):
        yield from source.rows_by_ids(list(ids[start : start + PAGE_SIZE]))
        _report(progress, min(total, start + PAGE_SIZE), total)


def _report(progress: Progress | None, done: int, total: int) -> None:
    if progress is not None and progress(done, total) is False:
        raise ExportCancelled


def _xlsx_value(row: DocumentRow, key: str) -> Any:
    value = row.value(key)
    if isinstance(value, date) or (isinstance(value, int) and not isinstance(value, bool)):
        return value
    return row.display(key)


#: Called with the rows written once the file is complete and before it takes its name; raising
#: (an audit entry that cannot be written) leaves no new file behind.
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
