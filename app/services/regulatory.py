"""Regulatory acts among the decisions: their tracking schedule (ЗУ № 1160-IV ст. 10, regulation
7.7), the report of a tracking done, and the year's plan of trackings as a printable table.

The schedule itself is kept by the decisions register (app/registers/decisions.py,
`sync_trackings`) whenever a decision marked regulatory has its entry into force; here the
clerk records a tracking done — the repeated one moves the periodic ones, counted three years
from its end — and lists what is due.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select

from app.domain import regulatory as rules
from app.domain.dates import format_date
from app.domain.roles import Actor, actor_of
from app.registers import DECISIONS
from app.services import audit
from app.services.access import require_read
from app.services.calendar import load_calendar
from app.services.committee import require_write
from db.models import DecisionDetail, Document, RegulatoryTracking
from db.session import Database


class TrackingError(ValueError):
    """A tracking cannot be recorded so; the message is ready to show."""


@dataclass(frozen=True)
class TrackingRow:
    id: int
    document_id: int
    number: str
    adopted: date
    title: str
    department: str
    entry_into_force: date | None
    kind: str
    position: int
    due_from: date | None
    due: date
    done: date | None
    report: str

    @property
    def title_of_tracking(self) -> str:
        return rules.Tracking(self.kind, self.position, self.due_from, self.due).title

    def state(self, today: date) -> str:
        return rules.state(self.due, self.done, today)


def trackings(
    db: Database, year: int | None = None, user: str | Actor = "", document_id: int | None = None
) -> list[TrackingRow]:
    """Trackings due in `year` (every one without it), or those of one decision, by due day."""
    require_read(actor_of(user), DECISIONS.code)
    stmt = (
        select(RegulatoryTracking, Document, DecisionDetail)
        .join(Document, Document.id == RegulatoryTracking.document_id)
        .join(DecisionDetail, DecisionDetail.document_id == Document.id)
        .where(Document.cancelled.is_(False))
        .order_by(RegulatoryTracking.due, Document.reg_date, Document.seq)
    )
    if year is not None:
        stmt = stmt.where(
            RegulatoryTracking.due >= date(year, 1, 1), RegulatoryTracking.due <= date(year, 12, 31)
        )
    if document_id is not None:
        stmt = stmt.where(RegulatoryTracking.document_id == document_id)
    with db.read() as s:
        return [
            TrackingRow(
                t.id,
                doc.id,
                doc.reg_number,
                doc.reg_date,
                doc.title,
                detail.department,
                detail.entry_into_force,
                t.kind,
                t.position,
                t.due_from,
                t.due,
                t.done,
                t.report,
            )
            for t, doc, detail in s.execute(stmt)
        ]


def record_tracking(
    db: Database, tracking_id: int, done: date, report: str, user: str | Actor = ""
) -> None:
    """A tracking done on `done` with its report (7.7). The repeated one cannot be done before
    a year after the entry into force unless the decision set an earlier term — the program
    only warns of that in the plan, it does not refuse. A done repeated tracking moves the
    periodic ones: three years from its end (ст. 10)."""
    actor = actor_of(user)
    require_write(actor)
    if done > date.today():
        raise TrackingError("Дата відстеження ще не настала")
    calendar = load_calendar(db)
    with db.write() as s:
        row = s.get(RegulatoryTracking, tracking_id)
        if row is None:
            raise TrackingError("Відстеження не знайдено")
        doc = s.get(Document, row.document_id)
        detail = s.get(DecisionDetail, row.document_id)
        assert doc is not None and detail is not None
        if detail.entry_into_force and row.kind != rules.BASE and done < detail.entry_into_force:
            raise TrackingError("Це відстеження проводять після набрання актом чинності")
        row.done, row.report, row.changed_by = done, report.strip(), actor.login
        if row.kind == rules.REPEATED:
            from app.registers.decisions import sync_trackings

            s.flush()
            sync_trackings(s, doc, detail, calendar)
        audit.add(
            s,
            actor,
            audit.UPDATE,
            doc=doc,
            details={"відстеження": rules.KINDS[row.kind], "проведено": format_date(done)},
        )


def plan_pdf(db: Database, year: int, user: str | Actor = "", today: date | None = None) -> bytes:
    """The plan of the year's trackings of regulatory acts (landscape A4 table)."""
    from app.printing.data import JournalColumn
    from app.printing.tables import TableDocument, render_table_document
    from app.services.printouts import _organisation, _render

    actor = actor_of(user)
    rows = trackings(db, year, actor)
    today = today or date.today()
    cells: list[list[Any]] = [
        [
            f"№ {r.number} від {format_date(r.adopted)}",
            r.title,
            r.department,
            format_date(r.entry_into_force) if r.entry_into_force else "",
            r.title_of_tracking,
            (f"з {format_date(r.due_from)} " if r.due_from else "") + f"до {format_date(r.due)}",
            format_date(r.done) if r.done else "",
            r.state(today),
        ]
        for r in rows
    ]
    columns = [
        ("Рішення", 1.3),
        ("Назва регуляторного акта", 3.2),
        ("Відповідальний виконавчий орган", 2.0),
        ("Набрав чинності", 1.0),
        ("Відстеження", 1.1),
        ("Строк", 1.4),
        ("Проведено", 0.9),
        ("Стан", 1.1),
    ]
    document = TableDocument(
        organisation=_organisation(db).full_name,
        title="План-графік відстеження результативності регуляторних актів",
        subtitle=f"на {year} рік (ст. 10 ЗУ «Про засади державної регуляторної політики…»)",
        columns=[JournalColumn(t, w) for t, w in columns],
        rows=cells,
        pdf_title=f"Відстеження регуляторних актів {year}",
    )
    pdf = _render(render_table_document, document)
    audit.log(db, actor, audit.PRINT, register=DECISIONS.code, details={"що": document.title})
    return pdf
