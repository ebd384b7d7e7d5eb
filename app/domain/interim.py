"""Interim reports on a long control (проміжні строки інформування про хід виконання).

A document with a long term names, beside its final term, the dates by which the executor
reports on the progress: the regulation asks the draft of a decision for «кінцевий термін
виконання документа, проміжні строки інформування про хід його виконання» (3.4), an order
executed over more than three months for «проміжні строки інформування міського голови» (4.7),
and a long control of the mayor's tasks for information «щомісячно» (9.12). The control centre
shows each next report as the document's term; a report given moves it to the next one; after
the last one the final term is the term, and only a result ends the control (9.14).

A report date falls before the final term and on a working day (a day off moves it back, as
every term of the program: app/domain/deadlines.py).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from app.domain.calendar import WorkingCalendar
from app.domain.dates import format_date
from app.domain.deadlines import adjust_term

#: 4.7: an order executed over more than three months names interim report dates.
LONG_CONTROL_MONTHS = 3
LONG_CONTROL_HINT = (
    "Строк довший за три місяці: задайте проміжні строки звітів — «Проміжні звіти…» "
    "(пп. 3.4, 4.7, 9.12)"
)

#: How often reports are due: months between them, and the name the dialog shows.
PERIODS: dict[int, str] = {1: "щомісяця", 3: "щокварталу", 6: "щопівроку"}


class InterimError(ValueError):
    """Report dates that cannot be right; the message is ready to show."""


def _period_end(year: int, month: int) -> date:
    """The last day of `month` of `year`."""
    if month == 12:
        return date(year, 12, 31)
    return date(year, month + 1, 1) - timedelta(days=1)


def periodic_dates(
    start: date, final: date, every_months: int, calendar: WorkingCalendar
) -> list[date]:
    """The report dates after `start` and before `final`: the last day of each calendar month,
    quarter or half-year (`every_months` 1, 3 or 6), moved back to a working day.

    «Щокварталу до кінця року» for a decision of 19.03.2026 with the term 31.12.2026 gives
    31.03, 30.06 and 30.09 (the year's end is the final term itself, not an interim report)."""
    if every_months not in PERIODS:
        raise InterimError("Звіти бувають щомісяця, щокварталу або щопівроку")
    dates: list[date] = []
    year, month = start.year, start.month
    while True:
        # the end of the period that contains `month`
        last_month = ((month - 1) // every_months + 1) * every_months
        end = adjust_term(_period_end(year, last_month), calendar)
        if end >= final:
            break
        if end > start:
            dates.append(end)
        month = last_month + 1
        if month > 12:
            year, month = year + 1, 1
    return dates


def is_long(start: date, term: date) -> bool:
    """A control longer than three months (4.7), for which report dates are named."""
    months = (term.year - start.year) * 12 + term.month - start.month
    return months > LONG_CONTROL_MONTHS or (months == LONG_CONTROL_MONTHS and term.day > start.day)


def checked_dates(
    dates: Iterable[date], taken_on: date, final: date, calendar: WorkingCalendar
) -> list[date]:
    """The report dates as they will be kept: moved back to working days, without repeats, in
    order; each after the day control began and before the final term."""
    kept = sorted({adjust_term(d, calendar) for d in dates})
    for day in kept:
        if day < taken_on:
            raise InterimError(
                f"Дата звіту {format_date(day)} раніша за взяття на контроль "
                f"({format_date(taken_on)})"
            )
        if day >= final:
            raise InterimError(
                f"Дата звіту {format_date(day)} не раніша за остаточний термін "
                f"({format_date(final)}): остаточний термін закінчує контроль, а проміжні звіти "
                "подають до нього"
            )
    return kept


@dataclass(frozen=True)
class Report:
    """One interim report: when it is due, when it was given (None: not yet) and what it said."""

    due: date
    given: date | None = None
    note: str = ""


def next_due(reports: Sequence[Report], final: date) -> date:
    """The document's term now: the first report not yet given, else the final term."""
    pending = [r.due for r in reports if r.given is None]
    return min(pending) if pending else final


def term_label(due: date | None, final: date | None, short: bool = False) -> str:
    """A term as the lists and printouts show it. With interim reports the term is the next
    report, not the term of execution: it is named so, with the final term beside it
    («31.03.2026 (проміжний звіт; кінцевий 31.12.2026)»; `short`, for a list's narrow
    column: «31.03.2026 (проміжний)»); any other term is its date."""
    if due is None:
        return ""
    if final is None or final <= due:
        return format_date(due)
    if short:
        return f"{format_date(due)} ({SHORT_MARK})"
    return f"{format_date(due)} (проміжний звіт; кінцевий {format_date(final)})"


#: How a list's narrow «Термін» column marks the next interim report.
SHORT_MARK = "проміжний"
