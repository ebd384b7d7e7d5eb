"""`report vacation_schedule --on ДД.ММ.РРРР -o FILE`: «Графік відпусток» of the year the date
falls in (app/reports/vacation_schedule.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.cli.reports import report

if TYPE_CHECKING:
    from app.domain.roles import Actor
    from app.reports.tables import ReportPeriod, TableReport
    from db.session import Database


def _build(db: Database, actor: Actor, period: ReportPeriod) -> TableReport:
    from app.reports.vacation_schedule import vacation_schedule

    return vacation_schedule(db, actor, period.date_to.year)


report(
    "vacation_schedule",
    "графік відпусток на рік, у який припадає дата (кадрова служба)",
    _build,
    period=False,
)
