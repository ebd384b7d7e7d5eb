"""The working calendar: which days count when a term is computed in working days.

Control terms (regulation 9.11), «due soon» warnings and public-information requests all count
working days, and a wrong day off shifts every term in the register. The rules, in order of
precedence:

1. an administrator's override (:class:`CalendarOverride`) wins over everything — a local day off
   declared by the mayor, or a working day transferred by a Cabinet recommendation that the
   ``holidays`` package does not know yet;
2. Saturdays made working by a transfer (``holidays.Ukraine().weekend_workdays``) are working;
3. public holidays, their weekend-observed Mondays and substituted days off are days off — the
   ``holidays`` package's PUBLIC category already drops them from 2022 under martial law
   (Закон № 2136-IX), and keeps them in its WORKDAY category instead;
4. if ``martial_law_end`` is given, WORKDAY-category holidays *after* that date are days off again,
   with the pre-2022 rule that a holiday on a weekend is observed on the next working day;
5. otherwise Monday to Friday are working days.

The overdue scan asks about thousands of days, so everything is computed once per year and cached.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import holidays

__all__ = ["CalendarOverride", "WorkingCalendar"]

_ONE_DAY = timedelta(days=1)
_TRANSFER_RE = re.compile(r"перенесено з (\d{2}\.\d{2}\.\d{4})")

DAY_OFF_NOTE = "Вихідний день (рішення адміністратора)"
WORKING_NOTE = "Робочий день (рішення адміністратора)"
WORKING_WEEKEND_NOTE = "Робочий день (перенесено)"
MARTIAL_LAW_SUFFIX = " — робочий день (воєнний стан)"
OBSERVED_SUFFIX = " (вихідний)"


@dataclass(frozen=True)
class CalendarOverride:
    """An administrator's correction: an extra day off (``working=False``) or a working day."""

    day: date
    working: bool
    note: str = ""


@dataclass
class _Year:
    """Precomputed facts about one calendar year (overrides are applied on top, not stored)."""

    days_off: dict[date, str] = field(default_factory=dict)
    working_weekend: dict[date, str] = field(default_factory=dict)
    suspended: dict[date, str] = field(default_factory=dict)


class WorkingCalendar:
    """Answers «is this a working day?» for any date, and counts working days.

    ``martial_law_end`` is the last day of martial law: holidays from the next day on are days off
    again. Instances are immutable; build a new one when the administrator edits the overrides.
    """

    def __init__(
        self, overrides: Iterable[CalendarOverride] = (), martial_law_end: date | None = None
    ) -> None:
        self._overrides: dict[date, CalendarOverride] = {o.day: o for o in overrides}
        self._martial_law_end = martial_law_end
        self._years: dict[int, _Year] = {}

    @property
    def martial_law_end(self) -> date | None:
        return self._martial_law_end

    @property
    def overrides(self) -> tuple[CalendarOverride, ...]:
        return tuple(sorted(self._overrides.values(), key=lambda o: o.day))

    # -- single days -------------------------------------------------------------------------

    def is_working_day(self, d: date) -> bool:
        override = self._overrides.get(d)
        if override is not None:
            return override.working
        year = self._year(d.year)
        if d in year.working_weekend:
            return True
        if d in year.days_off:
            return False
        return d.weekday() < 5

    def holiday_name(self, d: date) -> str | None:
        """Why the day is special, in Ukrainian, or None for an ordinary weekday or weekend.

        A holiday that is a working day under martial law is named too, with the suffix
        «— робочий день (воєнний стан)», so a calendar view can explain it; whether the day is a
        day off is always :meth:`is_working_day`'s answer.
        """
        override = self._overrides.get(d)
        if override is not None:
            return override.note or (WORKING_NOTE if override.working else DAY_OFF_NOTE)
        year = self._year(d.year)
        if d in year.working_weekend:
            return year.working_weekend[d]
        if d in year.days_off:
            return year.days_off[d]
        if d in year.suspended:
            return year.suspended[d] + MARTIAL_LAW_SUFFIX
        return None

    def previous_working_day(self, d: date) -> date:
        """``d`` itself when it is a working day, otherwise the closest working day before it."""
        while not self.is_working_day(d):
            d -= _ONE_DAY
        return d

    def next_working_day(self, d: date) -> date:
        """``d`` itself when it is a working day, otherwise the closest working day after it."""
        while not self.is_working_day(d):
            d += _ONE_DAY
        return d

    # -- counting ----------------------------------------------------------------------------

    def add_working_days(self, start: date, n: int) -> date:
        """The ``n``-th working day after ``start`` (``start`` itself is not counted).

        ``n == 0`` returns ``start`` unchanged; a negative ``n`` counts backwards.
        """
        step = _ONE_DAY if n >= 0 else -_ONE_DAY
        remaining = abs(n)
        d = start
        while remaining:
            d += step
            if self.is_working_day(d):
                remaining -= 1
        return d

    def working_days_between(self, a: date, b: date) -> int:
        """Working days in the half-open interval (a, b]; negative when ``b`` is before ``a``.

        It is the inverse of :meth:`add_working_days`:
        ``working_days_between(a, add_working_days(a, n)) == n``.
        """
        if b < a:
            return -self.working_days_between(b, a)
        count = 0
        d = a
        while d < b:
            d += _ONE_DAY
            if self.is_working_day(d):
                count += 1
        return count

    def days_off(self, year: int) -> list[tuple[date, str]]:
        """Named days off of the year (holidays, transfers, overrides), without plain weekends."""
        data = self._year(year)
        named: dict[date, str] = dict(data.days_off)
        for override in self._overrides.values():
            if override.day.year == year and not override.working:
                named[override.day] = override.note or DAY_OFF_NOTE
        return sorted((d, name) for d, name in named.items() if not self.is_working_day(d))

    # -- building a year ---------------------------------------------------------------------

    def _year(self, year: int) -> _Year:
        cached = self._years.get(year)
        if cached is None:
            cached = self._build_year(year)
            self._years[year] = cached
        return cached

    def _build_year(self, year: int) -> _Year:
        # Neighbouring years are loaded too: a transfer can cross the new year (the working
        # Saturday 28.12.1996 belongs to the 1997 decree) and so can an observed Monday.
        span = (year - 1, year, year + 1)
        from holidays.constants import PUBLIC, WORKDAY  # imported with the first calendar year

        ukraine = _ukraine_holidays()
        public = ukraine(years=span, language="uk", categories=(PUBLIC,))
        suspended = ukraine(years=span, language="uk", categories=(WORKDAY,))

        days_off: dict[date, str] = {d: str(name) for d, name in public.items()}
        restored: dict[date, str] = {}
        end = self._martial_law_end
        if end is not None:
            restored = {d: str(name) for d, name in suspended.items() if d > end}
            days_off.update(restored)
            days_off.update(_observed(restored, days_off))

        working_weekend: dict[date, str] = {}
        for d in public.weekend_workdays:
            working_weekend[d] = WORKING_WEEKEND_NOTE
        by_text = {f"{d:%d.%m.%Y}": d for d in working_weekend}
        for off_day, name in days_off.items():
            match = _TRANSFER_RE.search(name)
            if match is not None and match.group(1) in by_text:
                working_weekend[by_text[match.group(1)]] = (
                    f"Робочий день (замість {off_day:%d.%m.%Y})"
                )

        result = _Year()
        result.days_off = {d: n for d, n in days_off.items() if d.year == year}
        result.working_weekend = {d: n for d, n in working_weekend.items() if d.year == year}
        result.suspended = {
            d: str(n) for d, n in suspended.items() if d.year == year and d not in restored
        }
        return result


def _observed(restored: dict[date, str], days_off: dict[date, str]) -> dict[date, str]:
    """Weekend holidays move to the next free weekday, in date order (as the law did pre-2022).

    Two weekend holidays in a row (1 May on Saturday, Easter on Sunday) give Monday and Tuesday.
    """
    taken = set(days_off)
    observed: dict[date, str] = {}
    for d in sorted(restored):
        if d.weekday() < 5:
            continue
        day = d + _ONE_DAY
        while day.weekday() >= 5 or day in taken:
            day += _ONE_DAY
        taken.add(day)
        observed[day] = restored[d] + OBSERVED_SUFFIX
    return observed


def _ukraine_holidays() -> type[holidays.HolidayBase]:
    """`holidays.Ukraine`, without importing the other 250 countries.

    `holidays.Ukraine` imports the package `holidays.countries`, whose __init__ imports every
    country (0.1–0.2 s, paid on the window's first page of rows). Ukraine's module alone is
    loaded under a stand-in for the package, which is then removed, so anyone importing
    `holidays.countries` later still gets the real one (reusing this module). Under a lock:
    two background tasks may build a calendar at the same moment.
    """
    import importlib
    import sys
    import types

    import holidays

    name = "holidays.countries.ukraine"
    with _UKRAINE_LOCK:
        module = sys.modules.get(name)
        if module is None and "holidays.countries" not in sys.modules:
            folder = Path(holidays.__file__).resolve().parent / "countries"
            stand_in = types.ModuleType("holidays.countries")
            stand_in.__path__ = [str(folder)]
            sys.modules["holidays.countries"] = stand_in
            try:
                module = importlib.import_module(name)
            finally:
                if sys.modules.get("holidays.countries") is stand_in:
                    del sys.modules["holidays.countries"]
    if module is None:
        return holidays.Ukraine  # type: ignore[no-any-return]
    return module.Ukraine  # type: ignore[no-any-return]


_UKRAINE_LOCK = threading.Lock()
