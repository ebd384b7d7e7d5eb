"""The overdue check behind the background timer: counts on the partial index of open controls.

Pure service code (no Qt): the UI runs it off the GUI thread and only paints the result.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from app.domain.deadlines import ControlThresholds
from app.domain.roles import Actor
from app.services.access import control_scope
from app.services.calendar import load_calendar
from db.session import Database


@dataclass(frozen=True)
class NewlyOverdue:
    id: int
    register: str
    reg_number: str
    due_date: date


@dataclass(frozen=True)
class OverdueSummary:
    today: date
    overdue: int
    due_today: int
    due_soon: int
    by_register: dict[str, int]
    newly_overdue: tuple[NewlyOverdue, ...]

    @property
    def status_text(self) -> str:
        return f"Прострочено: {self.overdue} · Термін сьогодні: {self.due_today}"


def scan(
    db: Database,
    today: date | None = None,
    since: date | None = None,
    *,
    user: str | Actor = "",
) -> OverdueSummary:
    """Count overdue, due-today and due-soon documents of the registers `user` may read; list
    those that became overdue since the previous scan's day `since` (so the tray can announce
    each of them once). The status bar, the tab titles and the tray say no more than that."""
    from db.queries import documents as q  # SQLAlchemy: loaded after the first screen

    day = today or date.today()
    thresholds = ControlThresholds.for_day(day, load_calendar(db))
    scope = control_scope(user)
    with db.read() as s:
        counts = q.open_control_counts(s, day, thresholds.soon_limit, scope)
        newly = (
            tuple(NewlyOverdue(*r) for r in q.became_overdue(s, since, day, scope=scope))
            if since is not None and since < day
            else ()
        )
    by_register = {reg: c[0] for reg, c in counts.items() if c[0]}
    overdue, due_today, soon = (sum(c[i] for c in counts.values()) for i in range(3))
    return OverdueSummary(day, overdue, due_today, soon, by_register, newly)
