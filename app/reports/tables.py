"""A report as a table of figures: what appeals, personnel and household statistics produce.

A statistical report of the office is a title, a period, and rows of a label and figures
(«Надійшло звернень — 120 — 98»). Kept as plain data so that one writer puts it on screen, in
CSV, in XLSX and in PDF alike (`app.services.report_files`), and each register's report module
computes only its figures.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from app.domain.dates import format_date


@dataclass(frozen=True)
class ReportPeriod:
    """The period a report covers, both ends included; `on` alone for a report «станом на»."""

    date_from: date | None
    date_to: date

    @property
    def text(self) -> str:
        if self.date_from is None:
            return f"станом на {format_date(self.date_to)}"
        return f"з {format_date(self.date_from)} по {format_date(self.date_to)}"


@dataclass(frozen=True)
class TableReport:
    """Columns (the first is usually the row's label) and rows of cells (str, int, date)."""

    title: str
    period: ReportPeriod
    columns: Sequence[str]
    rows: Sequence[Sequence[Any]]
    #: Lines printed after the table: notes on how a figure is counted, totals.
    notes: Sequence[str] = ()
    #: Relative widths of the columns in the PDF (the label column wider), one per column.
    widths: Sequence[float] = field(default=())

    def __post_init__(self) -> None:
        for number, row in enumerate(self.rows, start=1):
            if len(row) != len(self.columns):
                raise ValueError(
                    f"Рядок {number} звіту «{self.title}» має {len(row)} клітинок "
                    f"замість {len(self.columns)}"
                )
        if self.widths and len(self.widths) != len(self.columns):
            raise ValueError(f"Ширини колонок звіту «{self.title}» не відповідають колонкам")


def row_level(label: str) -> int:
    """How deep a row sits under the rows above it: a breakdown row («  у т. ч. …», «    • …»)
    is marked by the leading spaces of its label, shown as they are on screen and in XLSX."""
    return len(label) - len(label.lstrip(" "))


def cell_text(value: Any) -> str:
    """A cell as printed: dates as ДД.ММ.РРРР, None as empty, numbers as they are."""
    if value is None:
        return ""
    if isinstance(value, date):
        return format_date(value)
    return str(value)
