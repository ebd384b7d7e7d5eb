"""Tracking the effectiveness of a regulatory act (відстеження результативності), ЗУ «Про засади
державної регуляторної політики у сфері господарської діяльності» № 1160-IV ст. 10, as the
regulation of the executive committee quotes it (7.7):

* базове — before the act (or most of its provisions) enters into force;
* повторне — a year after its entry into force, but not later than two years after it;
* періодичне — once every three years, counted from the end of the repeated tracking.

A due day that falls on a day off moves to the preceding working day, as every term of the
program does. The measures of one tracking take at most 45 working days; its report is published
within 10 days of signing (7.7) — both shown to the clerk, not enforced.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from app.domain.calendar import WorkingCalendar
from app.domain.deadlines import adjust_term

BASE, REPEATED, PERIODIC = "base", "repeated", "periodic"
KINDS: dict[str, str] = {BASE: "базове", REPEATED: "повторне", PERIODIC: "періодичне"}
PERIODIC_YEARS = 3
#: How many periodic trackings the schedule shows ahead (the next ones follow when done).
PERIODIC_AHEAD = 2


def add_years(day: date, years: int) -> date:
    """The same day `years` later; 29 February becomes 28 February in a common year."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


@dataclass(frozen=True)
class Tracking:
    kind: str
    position: int  # 1 for base and repeated; 1, 2, … for periodic
    due_from: date | None  # the earliest day (repeated: a year after entry into force)
    due: date

    @property
    def title(self) -> str:
        label = KINDS[self.kind]
        return f"{label} № {self.position}" if self.kind == PERIODIC else label


def schedule(
    entry_into_force: date,
    calendar: WorkingCalendar,
    repeated_done: date | None = None,
) -> list[Tracking]:
    """The trackings of an act entering into force on `entry_into_force`.

    Base: the last working day before it. Repeated: from a year after it, due not later than
    two years after it. Periodic: every three years from the end of the repeated tracking (its
    actual day when recorded, else its due day).
    """
    base = Tracking(BASE, 1, None, adjust_term(entry_into_force - timedelta(days=1), calendar))
    repeated = Tracking(
        REPEATED,
        1,
        add_years(entry_into_force, 1),
        adjust_term(add_years(entry_into_force, 2), calendar),
    )
    start = repeated_done or repeated.due
    periodic = [
        Tracking(PERIODIC, n, None, adjust_term(add_years(start, PERIODIC_YEARS * n), calendar))
        for n in range(1, PERIODIC_AHEAD + 1)
    ]
    return [base, repeated, *periodic]


def state(due: date, done: date | None, today: date) -> str:
    """«виконано», «прострочено» or «очікується» as of `today`."""
    if done is not None:
        return "виконано" if done <= due else "виконано із запізненням"
    return "прострочено" if today > due else "очікується"
