"""Reading an import file into rows of cells: CSV (UTF-8 or Windows-1251) or the first sheet
of an XLSX workbook. Nothing here knows a register.

A file is data from outside, so it is read within limits and refused with a sentence naming the
place when it goes beyond them: a 5 KB workbook with one cell at XFD1048576 declares a sheet of
17 billion cells, and reading it the usual way (every row padded to the declared width) grows
to tens of gigabytes. Only the cells really written are read here, and the used area is capped
(`MAX_ROWS`, `MAX_COLUMNS`, `MAX_CELLS`), as are the file (`MAX_FILE_BYTES`) and the workbook
unpacked (`MAX_UNPACKED_BYTES`). Rows keep their numbers in the file (row 1 is index 0); rows
without a value are empty lists.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from app.services.imports.problems import ImportFileError
from app.services.xlsx_stream import column_letter

#: A journal of a council is tens of thousands of rows and a dozen columns; these leave ample room
#: and still keep a hostile file to a few hundred megabytes at most.
MAX_ROWS = 500_000
MAX_COLUMNS = 200
MAX_CELLS = 5_000_000
MAX_FILE_BYTES = 100 * 2**20
MAX_UNPACKED_BYTES = 512 * 2**20

# A cell may be long (the import's field limits name the row and column of one that is too
# long); csv's own 131,072-character limit would end the reading with an English traceback.
csv.field_size_limit(max(csv.field_size_limit(), MAX_FILE_BYTES))

_UNREADABLE = (
    "трапився символ, який не вдається прочитати: файл збережено не в кодуванні UTF-8 і не в "
    "Windows-1251. Збережіть його як «CSV UTF-8 (розділювач — кома)» і повторіть імпорт."
)


def _too_big(what: str) -> ImportFileError:
    return ImportFileError(
        f"Файл завеликий для імпорту: {what}. Розділіть журнал на кілька файлів (наприклад, "
        "за роками) або видаліть зайві рядки і стовпці."
    )


def decode(data: bytes, delimiter: str = ";") -> str:
    """UTF-8 (with or without BOM), else Windows-1251, which older Ukrainian programs write.
    Neither: ImportFileError naming the row (and the column, counted by `delimiter`)."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1251")
    except UnicodeDecodeError as exc:
        raise _undecodable(data, exc.start, delimiter) from exc


def _undecodable(data: bytes, at: int, delimiter: str) -> ImportFileError:
    """Where the first byte Windows-1251 cannot read is (it reads all but one byte value, so
    that is where neither encoding can): the row and the column (the header's text)."""
    row = data.count(b"\n", 0, at) + 1
    line_start = data.rfind(b"\n", 0, at) + 1
    before = data[line_start:at].decode("cp1251", errors="replace")
    header_line = data.split(b"\n", 1)[0].decode("cp1251", errors="replace").strip("\r\ufeff")
    headers = next(csv.reader([header_line], delimiter=delimiter), [])
    index = before.count(delimiter)
    column = headers[index].strip() if index < len(headers) and row > 1 else ""
    where = f"рядок {row}" + (f", стовпець «{column}»" if column else "")
    return ImportFileError(f"{where}: {_UNREADABLE}")


DELIMITERS = ";,\t"


def csv_delimiters(data: bytes) -> list[str]:
    """Separators to try, the sniffed one first (a summary full of commas can fool the sniffer,
    so the others are tried too: the right one is the one that yields the header row)."""
    text = data[:65536].decode("utf-8", errors="replace")
    sample = "\n".join(text.splitlines()[:20])
    try:
        first = csv.Sniffer().sniff(sample, delimiters=DELIMITERS).delimiter
    except csv.Error:
        first = ";"
    return [first, *(d for d in DELIMITERS if d != first)]


def read_csv(data: bytes, delimiter: str | None = None) -> list[list[Any]]:
    """Rows of a CSV file: UTF-8 with or without BOM, or Windows-1251."""
    sep = delimiter or csv_delimiters(data)[0]
    text = decode(data, sep)
    if not text.strip():
        return []
    rows: list[list[Any]] = []
    cells = 0
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sep)
    try:
        for row in reader:
            if len(row) > MAX_COLUMNS and any(c.strip() for c in row[MAX_COLUMNS:]):
                raise _too_big(f"у рядку {len(rows) + 1} заповнено понад {MAX_COLUMNS} стовпців")
            row = [_unguarded(c) for c in row[:MAX_COLUMNS]]
            cells += len(row)
            rows.append(row)
            if len(rows) > MAX_ROWS:
                raise _too_big(f"понад {MAX_ROWS:,} рядків".replace(",", " "))
            if cells > MAX_CELLS:
                raise _too_big(f"понад {MAX_CELLS:,} клітинок".replace(",", " "))
    except csv.Error as exc:
        raise ImportFileError(
            f"рядок {len(rows) + 1}: рядок не вдається розібрати як CSV (лапки без пари або "
            "зайвий символ). Відкрийте файл в Excel, перевірте цей рядок і збережіть знову."
        ) from exc
    return rows


def _unguarded(cell: str) -> str:
    """A cell as typed before an export guarded it against formulas («'=…» → «=…»), so that
    a register exported to CSV imports back as it was."""
    if len(cell) > 1 and cell[0] == "'" and cell[1] in "=+-@\t\r":
        return cell[1:]
    return cell


def _check_workbook(path: Path) -> None:
    """A workbook is a zip: its parts unpacked must stay within MAX_UNPACKED_BYTES."""
    try:
        with zipfile.ZipFile(path) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError) as exc:
        raise ImportFileError(
            f"Файл «{path.name}» не є книгою Excel (.xlsx) або пошкоджений. Відкрийте його в "
            "Excel і збережіть як «Книга Excel (.xlsx)» або як CSV."
        ) from exc
    if unpacked > MAX_UNPACKED_BYTES:
        raise _too_big(f"розпакована книга займає {unpacked // 2**20} МБ")


def _sheet_cells(ws: Any) -> Iterator[tuple[int, dict[int, Any]]]:
    """(row number, {column number: value}) of the cells that hold a value, as written in the
    sheet's XML: the declared dimensions are never used to pad anything."""
    from openpyxl.worksheet._reader import WorkSheetParser

    workbook = ws.parent
    with workbook._archive.open(ws._worksheet_path) as source:
        parser = WorkSheetParser(
            source,
            ws._shared_strings,
            data_only=workbook.data_only,
            epoch=workbook.epoch,
            date_formats=workbook._date_formats,
            timedelta_formats=workbook._timedelta_formats,
        )
        for index, cells in parser.parse():
            values = {c["column"]: c["value"] for c in cells if c["value"] not in (None, "")}
            if values:
                yield index, values


def read_xlsx(path: Path) -> list[list[Any]]:
    from openpyxl import load_workbook

    _check_workbook(path)
    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:
        raise ImportFileError(
            f"Не вдається прочитати файл Excel «{path.name}». Відкрийте його в Excel і збережіть "
            "як «Книга Excel (.xlsx)» або як CSV."
        ) from exc
    rows: list[list[Any]] = []
    cells = 0
    try:
        for index, values in _sheet_cells(wb.worksheets[0]):
            last = max(values)
            if last > MAX_COLUMNS:
                where = f"{column_letter(last - 1)}{index}"
                raise _too_big(
                    f"заповнено клітинку {where}, а в журналі може бути щонайбільше "
                    f"{MAX_COLUMNS} стовпців (до {column_letter(MAX_COLUMNS - 1)})"
                )
            if index > MAX_ROWS:
                raise _too_big(
                    f"заповнено рядок {index}, а імпортувати можна щонайбільше "
                    f"{MAX_ROWS:,} рядків".replace(",", " ")
                )
            cells += last
            if cells > MAX_CELLS:
                raise _too_big(f"понад {MAX_CELLS:,} клітинок".replace(",", " "))
            rows.extend([] for _ in range(index - 1 - len(rows)))
            row: list[Any] = [None] * last
            for column, value in values.items():
                row[column - 1] = value
            rows.append(row)
    except ImportFileError:
        raise
    except Exception as exc:
        raise ImportFileError(
            f"Не вдається прочитати аркуш файлу Excel «{path.name}». Відкрийте його в Excel і "
            "збережіть знову або збережіть як CSV."
        ) from exc
    finally:
        wb.close()
    return rows


def check_path(path: str | Path) -> Path:
    p = Path(path)
    if not p.is_file():
        raise ImportFileError(f"Файл «{p}» не знайдено")
    if p.suffix.lower() == ".xls":
        raise ImportFileError(
            "Старий формат Excel (.xls) не підтримується: збережіть файл як .xlsx або .csv"
        )
    if p.stat().st_size > MAX_FILE_BYTES:
        raise _too_big(f"{p.stat().st_size // 2**20} МБ, можна до {MAX_FILE_BYTES // 2**20} МБ")
    return p


def is_xlsx(p: Path) -> bool:
    return p.suffix.lower() in (".xlsx", ".xlsm")


def read_rows(path: str | Path) -> list[list[Any]]:
    """Every row of the file's first sheet, as cells (str, or typed values from Excel)."""
    p = check_path(path)
    return read_xlsx(p) if is_xlsx(p) else read_csv(p.read_bytes())
