"""Reading an import file into rows of cells: CSV (UTF-8 or Windows-1251) or the first sheet
of an XLSX workbook. Nothing here knows a register."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

from app.services.imports.problems import ImportFileError


def decode(data: bytes) -> str:
    """UTF-8 (with or without BOM), else Windows-1251, which older Ukrainian programs write."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1251")


DELIMITERS = ";,\t"


def csv_delimiters(text: str) -> list[str]:
    """Separators to try, the sniffed one first (a summary full of commas can fool the sniffer,
    so the others are tried too: the right one is the one that yields the header row)."""
    sample = "\n".join(text.splitlines()[:20])
    try:
        first = csv.Sniffer().sniff(sample, delimiters=DELIMITERS).delimiter
    except csv.Error:
        first = ";"
    return [first, *(d for d in DELIMITERS if d != first)]


def read_csv(data: bytes, delimiter: str | None = None) -> list[list[Any]]:
    """Rows of a CSV file: UTF-8 with or without BOM, or Windows-1251."""
    text = decode(data)
    if not text.strip():
        return []
    sep = delimiter or csv_delimiters(text)[0]
    return [list(row) for row in csv.reader(io.StringIO(text, newline=""), delimiter=sep)]


def read_xlsx(path: Path) -> list[list[Any]]:
    from openpyxl import load_workbook

    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:
        raise ImportFileError(f"Не вдається прочитати файл Excel «{path.name}»: {exc}") from exc
    try:
        ws = wb.worksheets[0]
        return [list(row) for row in ws.iter_rows(values_only=True)]
    finally:
        wb.close()


def check_path(path: str | Path) -> Path:
    p = Path(path)
    if not p.is_file():
        raise ImportFileError(f"Файл «{p}» не знайдено")
    if p.suffix.lower() == ".xls":
        raise ImportFileError(
            "Старий формат Excel (.xls) не підтримується: збережіть файл як .xlsx або .csv"
        )
    return p


def is_xlsx(p: Path) -> bool:
    return p.suffix.lower() in (".xlsx", ".xlsm")


def read_rows(path: str | Path) -> list[list[Any]]:
    """Every row of the file's first sheet, as cells (str, or typed values from Excel)."""
    p = check_path(path)
    return read_xlsx(p) if is_xlsx(p) else read_csv(p.read_bytes())
