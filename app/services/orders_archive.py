"""Orders due for transfer to the archive (regulation 4.17: originals are kept five years in the
general department, then handed to the archive for permanent keeping).

The term is counted from 1 January of the year after the orders' year (app/domain/orders.py),
so on 02.12.2026 the orders of 2020 and earlier are due. The list groups them by year and
series (each series is a case of its own in the nomenclature), with the first and last number
and the count, which is what an inventory for the archive (опис) needs.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from app.domain import orders as rules
from app.domain.roles import Actor, actor_of
from app.registers.orders import ORDERS
from app.services import audit
from app.services.access import readable_series, require_read
from db.queries import orders as q
from db.session import Database


@dataclass(frozen=True)
class ArchiveBatch:
    year: int
    series: str  # its title («з кадрових питань»)
    count: int
    first_number: str
    last_number: str
    due_from: date  # 1 January of the year the transfer is due


def due_for_archive(
    db: Database, on: date | None = None, user: str | Actor = ""
) -> list[ArchiveBatch]:
    """The years and series of orders due for the archive on `on` (default today)."""
    actor = actor_of(user)
    require_read(actor, ORDERS.code)
    on = on or date.today()
    last_year = on.year - rules.KEPT_YEARS - 1
    allowed = readable_series(ORDERS, actor)
    titles = {s.code: s.title for s in ORDERS.series}
    with db.read() as s:
        rows = q.by_year_and_series(s, ORDERS.code, last_year, allowed)
    return [
        ArchiveBatch(
            r.year,
            titles.get(r.series, r.series),
            int(r.count),
            r.first_number,
            r.last_number,
            date(rules.archive_year(r.year), 1, 1),
        )
        for r in rows
    ]


def archive_list_pdf(db: Any, user: str | Actor = "", on: date | None = None) -> bytes:
    """The list of orders due for the archive as a printed table; audited as a print."""
    from app.printing.data import JournalColumn
    from app.printing.tables import TableDocument, render_table_document
    from app.services.organisation import get_organisation

    actor = actor_of(user)
    on = on or date.today()
    batches = due_for_archive(db, on, actor)
    org = get_organisation(db)
    columns = [
        JournalColumn("Рік", 0.6),
        JournalColumn("Серія", 1.6),
        JournalColumn("Кількість", 0.8),
        JournalColumn("Перший №", 0.9),
        JournalColumn("Останній №", 0.9),
        JournalColumn("Підлягає передачі з", 1.1),
    ]
    rows = [
        [
            str(b.year),
            b.series,
            str(b.count),
            b.first_number,
            b.last_number,
            f"{b.due_from:%d.%m.%Y}",
        ]
        for b in batches
    ]
    subtitle = f"станом на {on:%d.%m.%Y} (п. 4.17: оригінали зберігаються п'ять років)"
    document = TableDocument(
        organisation=org.full_name if org else "",
        title="Розпорядження міського голови, що підлягають передачі до архіву",
        subtitle=subtitle,
        columns=columns,
        rows=rows,
        empty_text="Розпоряджень, строк зберігання яких у відділі минув, немає.",
        pdf_title="Розпорядження до передачі в архів",
    )
    import io

    buffer = io.BytesIO()
    render_table_document(document, buffer)
    audit.log(db, actor, audit.PRINT, register=ORDERS.code, details={"що": "до передачі в архів"})
    return buffer.getvalue()
