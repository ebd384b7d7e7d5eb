"""Importing registers kept before the program: CSV or XLSX journals, all rows or none.

A department arrives with years of journals in Excel or exported from older programs. The import
keeps their numbers (the register's counter then continues after the largest one), and it is
strict in the one way that matters: every row is checked first — with the same field rules as the
registration form — and if anything is wrong nothing is written, and the report names each bad
row (as numbered in the file, the header being row 1) and column (by its header text), so the
clerk can fix the file and run it again.

The package: `reading` turns a file into rows of cells, `parsing` checks them by the register's
spec, `committing` writes them all or none.
"""

from __future__ import annotations

from app.services.imports.committing import ImportResult, find_document_id, import_file
from app.services.imports.parsing import (
    DATE_HEADERS,
    DATE_KEY,
    HEADER_SEARCH_ROWS,
    NUMBER_HEADERS,
    NUMBER_KEY,
    header_aliases,
    load_table,
    parse_number,
)
from app.services.imports.problems import ImportFileError, ImportProblem
from app.services.imports.reading import DELIMITERS, read_csv, read_rows, read_xlsx

__all__ = [
    "DATE_HEADERS",
    "DATE_KEY",
    "DELIMITERS",
    "HEADER_SEARCH_ROWS",
    "NUMBER_HEADERS",
    "NUMBER_KEY",
    "ImportFileError",
    "ImportProblem",
    "ImportResult",
    "find_document_id",
    "header_aliases",
    "import_file",
    "load_table",
    "parse_number",
    "read_csv",
    "read_rows",
    "read_xlsx",
]
