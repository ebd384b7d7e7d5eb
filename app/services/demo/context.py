"""What every register's demo filler shares: the database, the random source, the period, the
office (bodies, staff, correspondents) and the counts each filler reports back.

A filler is `fill(ctx)`: it registers its register's documents through the services, says what
it is doing through `ctx.say`, and puts its numbers into `ctx.counts` (the CLI and the tests
read them from `DemoResult`).
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta

from app.domain.calendar import WorkingCalendar
from app.domain.roles import Actor, actor_of
from db.session import Database

USER = "demo"
BATCH = 500

Progress = Callable[[str], None]


class DemoError(ValueError):
    """Demo data cannot be written here; a Ukrainian message."""


@dataclass
class DemoContext:
    """The office the fillers work in, built once by `office.setup`."""

    db: Database
    rng: random.Random
    calendar: WorkingCalendar
    start: date  # the first day of the period (correspondence: `years` back from `end`)
    end: date  # today
    years: int
    documents_count: int  # incoming documents asked for; other registers scale from it
    say: Progress
    user: str | Actor = USER  # who registers: the services check and audit this person
    departments: dict[str, int] = field(default_factory=dict)  # index code → id
    # Staff ids by the body's index code ("" for the leadership, the mayor first); the head of
    # each body first.
    staff: dict[str, list[int]] = field(default_factory=dict)
    correspondents: list[tuple[str, str]] = field(default_factory=list)  # (name, kind of sender)
    case_files: int = 0
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def login(self) -> str:
        """The login written in `changed_by` and the control history."""
        return actor_of(self.user).login


Filler = Callable[[DemoContext], None]


def working_days(calendar: WorkingCalendar, start: date, end: date) -> list[date]:
    days, d = [], start
    while d <= end:
        if calendar.is_working_day(d):
            days.append(d)
        d += timedelta(days=1)
    return days


def random_working_day(
    rng: random.Random, calendar: WorkingCalendar, low: date, high: date
) -> date | None:
    days = working_days(calendar, low, high)
    return rng.choice(days) if days else None
