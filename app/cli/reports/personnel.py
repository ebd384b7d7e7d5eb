"""`report personnel --from … --to … -o FILE`: the HR department's report for a period (the
layout of a real council's 9-month report; app/reports/personnel.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.cli.reports import report

if TYPE_CHECKING:
    from app.domain.roles import Actor
    from app.reports.tables import ReportPeriod, TableReport
    from db.session import Database


def _build(db: Database, actor: Actor, period: ReportPeriod) -> TableReport:
    from app.reports.personnel import build

    return build(db, actor, period)


report("personnel", "звіт кадрової служби за період (особові справи, розпорядження -к)", _build)
