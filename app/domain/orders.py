"""The rules of the mayor's orders (розпорядження міського голови).

- Two series registered separately, each numbered from 1 within the calendar year (regulation
  4.13–4.14; Правила організації діловодства, наказ Мін'юсту 1000/5, розділ ІІІ.3): on main
  activity (suffix «-р») and on personnel (suffix «-к»); the suffixes are settings.
- The date of an order is the date of signing (4.14).
- Copies go to the executors within 3 days of signing (4.16); the program counts working days
  and flags a copy handed later, or not handed when the day has passed.
- Originals stay 5 years in the general department, then go to the archive (4.17). The term of
  keeping is counted from 1 January of the year after the year of the documents (the archival
  rule for the term of a case: Правила 1000/5, розділ V), so orders of year Y are due for
  transfer from 1 January of Y + 6.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from app.domain.calendar import WorkingCalendar
from app.domain.dates import format_date

MAIN = "main"
PERSONNEL = "personnel"
#: A third series an administrator may add (orders on administrative and household matters).
ADMINISTRATIVE = "administrative"

#: Kinds of personnel orders (the HR report counts orders by them: [HR] section 1).
PERSONNEL_KINDS = (
    "прийняття/призначення",
    "переведення",
    "звільнення",
    "відпустка",
    "відпустка без збереження заробітної плати",
    "відрядження",
    "матеріальна допомога",
    "премія",
    "нагородження",
    "інше",
)
#: Kinds of orders on main activity (an editable list: the clerk may type another).
MAIN_KINDS = (
    "організаційні питання",
    "скликання засідання виконавчого комітету",
    "утворення комісії, робочої групи",
    "проведення заходів",
    "затвердження положень, інструкцій, планів",
    "фінансові та бюджетні питання",
    "господарські питання",
    "зупинення дії рішення виконавчого комітету",
    "інше",
)
#: 4.16: copies to the executors within this many (working) days of signing.
COPIES_DAYS = 3
#: 4.17: originals are kept this many years in the general department.
KEPT_YEARS = 5


def copies_due(signed: date, calendar: WorkingCalendar) -> date:
    """The last day the copies may be handed: 3 working days after signing (4.16)."""
    return calendar.add_working_days(signed, COPIES_DAYS)


@dataclass(frozen=True)
class CopiesState:
    """What the table shows about an order's copies: how many were handed, how many are still
    to hand, and whether any was (or is now) late."""

    handed: int
    pending: int
    late: bool
    text: str


def copies_state(
    handed_dates: Iterable[date | None], due: date, today: date | None = None
) -> CopiesState:
    """«видано 3 з 4; 1 із запізненням» — a copy is late when handed after `due`, or not yet
    handed once `today` is past `due`."""
    dates = list(handed_dates)
    if not dates:
        return CopiesState(0, 0, False, "")
    today = today or date.today()
    handed = [d for d in dates if d is not None]
    late_handed = sum(1 for d in handed if d > due)
    pending = len(dates) - len(handed)
    overdue = pending if today > due else 0
    parts = [f"видано {len(handed)} з {len(dates)}"]
    if late_handed:
        parts.append(f"із запізненням {late_handed}")
    if overdue:
        parts.append(f"не видано вчасно {overdue} (до {format_date(due)})")
    return CopiesState(len(handed), pending, bool(late_handed or overdue), "; ".join(parts))


def archive_year(year: int) -> int:
    """The first year in which orders of `year` are due for transfer to the archive (4.17)."""
    return year + KEPT_YEARS + 1


def due_for_archive(year: int, on: date) -> bool:
    return on.year >= archive_year(year)


def lost_force_text(number: str, signed: date) -> str:
    """«втратило чинність: розп. № 45-р від 12.03.2026»"""
    return f"втратило чинність: розп. № {number} від {format_date(signed)}"


def title_warning(title: str) -> str | None:
    """An order's title begins with «Про» (Правила 1000/5: the title answers «про що?»)."""
    text = title.strip()
    if text and not text.casefold().startswith("про "):
        return f"Заголовок розпорядження зазвичай починається з «Про …» (зараз: «{text[:40]}»)"
    return None
