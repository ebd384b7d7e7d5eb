"""Input dataclasses of the control centre's printouts: the period report and the reminders.

Plain values only (no reportlab, no ORM): app/reports maps its figures to these, and the
printing modules (execution_report.py, reminders.py) never see the database.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Literal

RowLevel = Literal["department", "executor", "total"]


@dataclass(frozen=True)
class ExecutionRow:
    """One line of «Довідка про стан виконання документів»."""

    name: str
    level: RowLevel
    on_time: int
    late: int
    overdue: int
    pending: int
    share: str  # «87,5» or «—»


@dataclass(frozen=True)
class ExecutionReportData:
    organisation: str
    date_from: date
    date_to: date
    made_on: date
    rows: Sequence[ExecutionRow]
    totals: ExecutionRow
    title: str = "Довідка про стан виконання документів"
    # Who signs it (the manager of affairs, who keeps the control): «Керуючий справами
    # виконавчого комітету», «Ольга КРАВЧУК». An empty position: no signature block.
    signatory_position: str = ""
    signatory_name: str = ""
    # The registers it holds when its maker may not read them all («Вхідні, Вихідні»); "": all.
    covered: str = ""


@dataclass(frozen=True)
class ReminderLine:
    """A document on one executor's reminder sheet."""

    register: str  # «Вхідні»
    number: str
    reg_date: date
    correspondent: str
    summary: str
    due_date: date
    state: str  # «Прострочено», «Термін спливає»
    overdue: bool
    term: str = ""  # the term as printed when it says more than the date (an interim report)


@dataclass(frozen=True)
class ReminderSheetData:
    executor: str  # nominative, «Коваль О. П.» (running header of a continued sheet)
    addressee: str  # dative, «Мельнику І. І.», «Коваль О. П.»
    department: str
    lines: Sequence[ReminderLine]


@dataclass(frozen=True)
class RemindersData:
    organisation: str
    as_of: date
    limit_date: date  # terms up to this day are reminded of
    sheets: Sequence[ReminderSheetData]
    signatory_position: str = ""  # who signs each sheet, as on the довідка
    signatory_name: str = ""
