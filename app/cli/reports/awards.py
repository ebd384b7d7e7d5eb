"""`report awards --from … --to … -o FILE`: awards by kind and occasion (HR report, section 6;
app/reports/awards.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.cli.reports import report

if TYPE_CHECKING:
    from app.domain.roles import Actor
    from app.reports.tables import ReportPeriod, TableReport
    from db.session import Database


def _build(db: Database, actor: Actor, period: ReportPeriod) -> TableReport:
    from app.reports.awards import build

    return build(db, actor, period)


report("awards", "нагородження за період: за видами відзнак і приводами (розділ 6 звіту)", _build)
