"""The awards' figures for a period as a table: the HR report's section 6 (437 award materials
in 9 months: 367 Подяк, 43 Вітальні адреси, 27 Почесних грамот; 197 for one Independence
Day) — awards granted by orders dated in the period, by kind (to persons and to collectives),
then by occasion, and the petitions entered and still without an order."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from app.reports.tables import ReportPeriod, TableReport

if TYPE_CHECKING:
    from app.domain.roles import Actor
    from db.session import Database


def build(db: Database, actor: Actor, period: ReportPeriod) -> TableReport:
    from app.services.awards import statistics

    start = period.date_from or date(period.date_to.year, 1, 1)
    s = statistics(db, start, period.date_to, actor)
    rows: list[tuple[str, int, int | str, int | str]] = [
        (kind, persons + collectives, persons, collectives)
        for kind, persons, collectives in s.by_kind_and_type
    ]
    rows.append(("Усього нагороджено", s.total, s.persons, s.collectives))
    rows += [(f"з нагоди: {occasion}", count, "", "") for occasion, count in s.by_occasion]
    return TableReport(
        title="Нагородження відзнаками",
        period=ReportPeriod(start, period.date_to),
        columns=("Відзнака / привід", "Усього", "Особам", "Колективам"),
        rows=rows,
        notes=(
            "Враховано відзнаки, присуджені розпорядженнями, датованими в межах періоду.",
            f"Подань внесено за період: {s.petitions}; ще без розпорядження: {s.pending}.",
        ),
        widths=(4, 1, 1, 1),
    )
