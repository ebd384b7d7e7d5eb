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

import csv
import errno
import io
import os
import secrets
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, date, datetime
from itertools import chain, islice
from pathlib import Path
from typing import IO, Any

from app.domain.dates import format_date
from app.domain.roles import Actor, actor_of
from app.registers.base import Column, RegisterSpec
from app.registers.entity import EntitySpec
from app.reports.control import ControlReport
from app.services import audit
from app.services.access import require_read
from app.services.register_view import DocumentRow, RegisterView, RowSource, ViewQuery
from app.services.xlsx_stream import MAX_DATA_ROWS, SheetTooLarge, write_workbook
from db.session import Database

FORMATS = ("csv", "xlsx")
DATE_FORMAT = "DD.MM.YYYY"
CSV_DELIMITER = ";"
MIN_WIDTH, MAX_WIDTH = 10, 60  # Excel's default column is 8.43
#: Rows read by key per query while exporting (and between two progress reports).
PAGE_SIZE = 1000
#: Column widths are measured on the first rows (the sheet's columns precede its rows).
WIDTH_SAMPLE = 2000

#: `progress(rows_written, total)`; returning False cancels the export.
Progress = Callable[[int, int], bool | None]


class ExportError(ValueError):
    """The export cannot be written; a Ukrainian message."""


class ExportCancelled(ExportError):
    """The user cancelled the export; nothing was written under the file's name."""

    def __init__(self) -> None:
        super().__init__("Експорт скасовано")


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


def rows_text(n: int) -> str:
    """«1 рядок», «3 рядки», «11 рядків», «1 000 рядків»."""
    word = "рядків"
    if n % 10 == 1 and n % 100 != 11:
        word = "рядок"
    elif 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        word = "рядки"
    return f"{n:,}".replace(",", "\u00a0") + f" {word}"


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


def _stream(source: RowSource, ids: list[int], progress: Progress | None) -> Iterator[DocumentRow]:
    """The rows of `ids` in order, a page at a time, reporting after each page."""
    total = len(ids)
    _report(progress, 0, total)
    for start in range(0, total, PAGE_SIZE):
        yield from source.rows_by_ids(ids[start : start + PAGE_SIZE])
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
BeforeDone = Callable[[int], None]


@contextmanager
def _replacing(
    path: str | Path, before_done: Callable[[], None] | None = None
) -> Iterator[IO[bytes]]:
    """A new file that takes `path`'s place only once it is complete (a temporary file beside
    it, then an atomic rename); on any failure — `before_done` too — the temporary file is
    removed and an older file of that name stays as it was."""
    target = Path(path)
    if target.is_dir():
        raise cannot_write(path, IsADirectoryError(errno.EISDIR, "is a directory"))
    if target.exists() and not os.access(target, os.W_OK):  # read-only: Windows refuses too
        raise cannot_write(path, PermissionError(errno.EACCES, "read-only"))
    part = target.with_name(f".~{target.name}.{secrets.token_hex(4)}.part")
    try:
        fh = open(part, "xb")  # noqa: SIM115 - closed below, before the rename
    except OSError as exc:
        raise cannot_write(path, exc) from exc
    try:
        with fh:
            yield fh
        if before_done is not None:
            before_done()
        os.replace(part, target)
    except OSError as exc:
        part.unlink(missing_ok=True)
        raise cannot_write(path, exc) from exc
    except BaseException:
        part.unlink(missing_ok=True)
        raise


#: A text cell starting with one of these is a formula to Excel and LibreOffice (OWASP «CSV
#: injection»: «=HYPERLINK(…)», «=cmd|' /C calc'!A0», «+1+1», «@SUM(1,1)»).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: Any) -> Any:
    """A text cell that a spreadsheet would run as a formula, with the usual leading apostrophe
    (Excel shows «-10 %» for «'-10 %» and keeps it text); numbers and other text unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def write_csv(
    path: str | Path,
    titles: Sequence[str],
    rows: Iterable[Sequence[Any]],
    before_done: BeforeDone | None = None,
) -> int:
    """UTF-8 with BOM and «;»: what Excel with Ukrainian regional settings opens directly.
    Every text cell goes through `safe_cell`: a summary, a correspondent or a failed login
    typed as «=…» must not run in the clerk's Excel. Returns the number of rows written (the
    header not counted)."""
    count = 0
    with _replacing(path, lambda: before_done(count) if before_done else None) as fh:
        text = io.TextIOWrapper(fh, encoding="utf-8-sig", newline="")
        try:
            writer = csv.writer(text, delimiter=CSV_DELIMITER, quoting=csv.QUOTE_MINIMAL)
            writer.writerow([safe_cell(t) for t in titles])
            for row in rows:
                writer.writerow([safe_cell(v) for v in row])
                count += 1
        finally:
            text.detach()  # flushed; the file itself is closed by _replacing
    return count


def _width(title: str, values: Sequence[Any]) -> float:
    longest = len(title)
    for value in values:
        text = format_date(value) if isinstance(value, date) else str(value or "")
        longest = max(longest, max((len(line) for line in text.splitlines()), default=0))
    return float(min(MAX_WIDTH, max(MIN_WIDTH, longest + 2)))


def write_xlsx(
    path: str | Path,
    titles: Sequence[str],
    rows: Iterable[Sequence[Any]],
    sheet_title: str = "Аркуш1",
    before_done: BeforeDone | None = None,
) -> int:
    """A workbook of one sheet: bold frozen header, widths from the first rows, real dates,
    autofilter. Returns the number of rows written (the header not counted)."""
    written = [0]
    with _replacing(path, lambda: before_done(written[0]) if before_done else None) as fh:
        stream = iter(rows)
        sample = list(islice(stream, WIDTH_SAMPLE))
        widths = [_width(t, [r[i] for r in sample]) for i, t in enumerate(titles)]
        try:
            written[0] = write_workbook(
                fh, titles, chain(sample, stream), widths, sheet_title, DATE_FORMAT,
                created=datetime.now(UTC),
            )  # fmt: skip
            return written[0]
        except SheetTooLarge as exc:
            raise ExportError(
                "Забагато даних для одного аркуша Excel: звузьте відбір або вивантажте у CSV."
            ) from exc


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
