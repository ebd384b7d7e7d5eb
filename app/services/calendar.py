"""The working calendar as this database knows it: the library's holidays plus the
administrator's days off and transferred working days."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from app.domain.calendar import CalendarOverride, WorkingCalendar
from app.domain.roles import CALENDAR_WRITE, Actor, actor_of
from app.services import settings
from db.plain import as_bool, as_date
from db.session import Database

_CACHE_KEY = "working_calendar"


@dataclass(frozen=True)
class CalendarDayInfo:
    id: int
    day: date
    working: bool
    note: str


def load_calendar(db: Database) -> WorkingCalendar:
    """The calendar for `db`, cached until an administrator changes it in this process.

    Read in plain SQL (`Database.plain`): every register's first screen judges its terms by it,
    before SQLAlchemy is loaded (issue 10)."""
    cached = db.cache.get(_CACHE_KEY)
    if isinstance(cached, WorkingCalendar):
        return cached
    with db.plain() as read:
        rows = read("SELECT day, working, note FROM calendar_day ORDER BY day", None)
    overrides = [
        CalendarOverride(day=as_date(day), working=bool(as_bool(working)), note=note or "")  # type: ignore[arg-type]
        for day, working, note in rows
    ]
    calendar = WorkingCalendar(overrides, martial_law_end=settings.martial_law_end(db))
    db.cache[_CACHE_KEY] = calendar
    return calendar


def invalidate(db: Database) -> None:
    db.cache.pop(_CACHE_KEY, None)


def list_overrides(db: Database) -> list[CalendarDayInfo]:
    from sqlalchemy import select

    from db.models import CalendarDay

    with db.read() as s:
        rows = s.execute(select(CalendarDay).order_by(CalendarDay.day)).scalars()
        return [CalendarDayInfo(r.id, r.day, r.working, r.note) for r in rows]


def set_override(
    db: Database, day: date, working: bool, note: str = "", user: str | Actor = ""
) -> None:
    """Make `day` a day off (working=False) or a working day (working=True).

    The calendar moves every term of control: only the administrator changes it (a plain
    `user` string is the system, as everywhere in the services)."""
    from sqlalchemy import select

    from db.models import CalendarDay

    actor_of(user).require(CALENDAR_WRITE)
    with db.write() as s:
        row = s.execute(select(CalendarDay).where(CalendarDay.day == day)).scalar_one_or_none()
        if row is None:
            s.add(CalendarDay(day=day, working=working, note=note))
        else:
            row.working, row.note = working, note
    invalidate(db)


def remove_override(db: Database, day: date, user: str | Actor = "") -> None:
    from sqlalchemy import select

    from db.models import CalendarDay

    actor_of(user).require(CALENDAR_WRITE)
    with db.write() as s:
        row = s.execute(select(CalendarDay).where(CalendarDay.day == day)).scalar_one_or_none()
        if row is not None:
            s.delete(row)
    invalidate(db)


def set_martial_law_end(db: Database, end: date | None, user: str | Actor = "") -> None:
    from app.domain.dates import format_date

    actor_of(user).require(CALENDAR_WRITE)
    settings.set_setting(db, settings.MARTIAL_LAW_END, format_date(end) if end else "")
    invalidate(db)
