"""Writing a table to a file the clerk opens in Excel: CSV (UTF-8 with BOM, «;») and XLSX,
each under a temporary name until complete, every text cell neutralised against formulas.

Kept apart from the register exports (exports.py) so that the audit trail's own export uses
it without importing the exports, which write audit entries (no import circle).
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
from app.services.xlsx_stream import SheetTooLarge, write_workbook

FORMATS = ("csv", "xlsx")
DATE_FORMAT = "DD.MM.YYYY"
CSV_DELIMITER = ";"
MIN_WIDTH, MAX_WIDTH = 10, 60  # Excel's default column is 8.43
#: Column widths are measured on the first rows (the sheet's columns precede its rows).
WIDTH_SAMPLE = 2000


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
