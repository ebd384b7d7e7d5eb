"""`report households --from … --to …` (the completeness table of the HR report's section 8)
and `report household-form6 --on 01.01.2026` (form № 6-сільрада), by starosta district."""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.cli.reports import report

if TYPE_CHECKING:
    from app.domain.roles import Actor
    from app.reports.tables import ReportPeriod, TableReport
    from db.session import Database


def _completeness(db: Database, actor: Actor, period: ReportPeriod) -> TableReport:
    from app.reports.households import completeness

    return completeness(db, actor, period)


def _form6(db: Database, actor: Actor, period: ReportPeriod) -> TableReport:
    from app.reports.households import form6

    return form6(db, actor, period)


report(
    "households",
    "погосподарський облік: повнота обліку за старостинськими округами за період",
    _completeness,
)
report(
    "household-form6",
    "форма № 6-сільрада: об'єкти погосподарського обліку станом на 1 січня",
    _form6,
    period=False,
)
