"""Decisions and protocols of the executive committee due for transfer to the archive (6.19,
6.22: the originals with their appendices and the protocols are kept three years in the general
department, then handed to the archive for permanent keeping).

The term is counted from 1 January of the year after the year of the decisions, as for the
orders (app/services/orders_archive.py): on 02.12.2026 those of 2022 and earlier are due. One
row per year and kind, with the first and last number and the count — what an inventory for
the archive (опис) needs.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import func, select

from app.domain.roles import Actor, actor_of
from app.registers import DECISIONS
from app.services import audit
from app.services.access import require_read
from db.models import Meeting
from db.queries import orders as q
from db.session import Database

KEPT_YEARS = 3  # 6.19, 6.22


@dataclass(frozen=True)
class ArchiveBatch:
    year: int
    what: str  # «рішення виконкому» / «протоколи засідань»
    count: int
    first_number: str
    last_number: str
    due_from: date


def due_for_archive(
    db: Database, on: date | None = None, user: str | Actor = ""
) -> list[ArchiveBatch]:
    """The years of decisions and protocols due for the archive on `on` (default today)."""
    actor = actor_of(user)
    require_read(actor, DECISIONS.code)
    on = on or date.today()
    last_year = on.year - KEPT_YEARS - 1
    batches = []
    with db.read() as s:
        decisions = {r.year: r for r in q.by_year_and_series(s, DECISIONS.code, last_year, None)}
        protocols = {
            int(r.protocol_year): r
            for r in s.execute(
                select(
                    Meeting.protocol_year,
                    func.count().label("total"),
                    func.min(Meeting.protocol_seq).label("first"),
                    func.max(Meeting.protocol_seq).label("last"),
                )
                .where(Meeting.protocol_year.is_not(None), Meeting.protocol_year <= last_year)
                .group_by(Meeting.protocol_year)
            )
        }
    for year in sorted(set(decisions) | set(protocols)):
        due = date(year + KEPT_YEARS + 1, 1, 1)
        if (d := decisions.get(year)) is not None:
            batches.append(
                ArchiveBatch(
                    year, "рішення виконкому", int(d.count), d.first_number, d.last_number, due
                )
            )
        if (p := protocols.get(year)) is not None:
            batches.append(
                ArchiveBatch(
                    year, "протоколи засідань", int(p.total), str(p.first), str(p.last), due
                )
            )
    return batches


def archive_list_pdf(db: Any, user: str | Actor = "", on: date | None = None) -> bytes:
    """The list as a printed table; audited as a print."""
    from app.printing.data import JournalColumn
    from app.printing.tables import TableDocument, render_table_document
    from app.services.organisation import get_organisation

    actor = actor_of(user)
    on = on or date.today()
    batches = due_for_archive(db, on, actor)
    org = get_organisation(db)
    columns = [("Рік", 0.6), ("Документи", 1.6), ("Кількість", 0.8), ("Перший №", 0.9),
               ("Останній №", 0.9), ("Підлягає передачі з", 1.1)]  # fmt: skip
    rows = [
        [
            str(b.year),
            b.what,
            str(b.count),
            b.first_number,
            b.last_number,
            f"{b.due_from:%d.%m.%Y}",
        ]
        for b in batches
    ]
    document = TableDocument(
        organisation=org.full_name if org else "",
        title="Рішення та протоколи засідань виконкому, що підлягають передачі до архіву",
        subtitle=f"станом на {on:%d.%m.%Y} (пп. 6.19, 6.22: зберігаються три роки у відділі)",
        columns=[JournalColumn(t, w) for t, w in columns],
        rows=rows,
        empty_text="Рішень і протоколів, строк зберігання яких у відділі минув, немає.",
        pdf_title="Рішення виконкому до передачі в архів",
    )
    buffer = io.BytesIO()
    render_table_document(document, buffer)
    audit.log(db, actor, audit.PRINT, register=DECISIONS.code, details={"що": "до архіву"})
    return buffer.getvalue()
