"""What an import reports: a file it cannot use, and a problem of one row and column."""

from __future__ import annotations

from dataclasses import dataclass


class ImportFileError(ValueError):
    """The file as a whole cannot be imported (unreadable, no header); a Ukrainian message."""


@dataclass(frozen=True)
class ImportProblem:
    row: int  # as numbered in the file; the header is row 1 when it is the first row
    column: str  # the header text as written in the file ("" for the row as a whole)
    message: str

    def __str__(self) -> str:
        where = f"рядок {self.row}" + (f", стовпець «{self.column}»" if self.column else "")
        return f"{where}: {self.message}"
