"""Interim reports on a long control, for any register whose documents go on control.

The platform keeps one term per document (`document.due_date`), which the control centre, the
overdue scan, the register's «Термін» and the reminders read. A long control with interim
report dates (3.4, 4.7, 9.12; app/domain/interim.py) keeps its final term in
`document.final_due` and its report dates in `control_report`; `due_date` is then the next
report not yet given, so each report in turn is the term everyone sees — missed, it is overdue
like any term (29.4) — and recording it moves the term to the next one; after the last, the
final term. Only a result ends the control (9.14: `control.remove_from_control`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain import interim
from app.domain.dates import format_date
from app.domain.roles import Actor, actor_of
from app.services import audit
from app.services.access import require_read
from app.services.calendar import load_calendar
from app.services.control import ControlError, _open_control, _taken_on_control, record_event
from db.models import ControlReport, Document
from db.session import Database


@dataclass(frozen=True)
class ReportLine:
    due: date
    given: date | None
    note: str
    person: str


@dataclass(frozen=True)
class ReportSchedule:
    """A document's control as the dialog shows it: the final term, the term now (the next
    report, or the final term) and the reports, given or not, in order of their dates."""

    on_control: bool
    final: date | None
    due: date | None
    reports: tuple[ReportLine, ...]
    taken_on: date | None = None

    @property
    def pending(self) -> tuple[ReportLine, ...]:
        return tuple(r for r in self.reports if r.given is None)

    @property
    def next_report(self) -> ReportLine | None:
        return self.pending[0] if self.pending else None


def _rows(s: Session, doc_id: int) -> list[ControlReport]:
    stmt = select(ControlReport).where(ControlReport.document_id == doc_id)
    return list(s.execute(stmt.order_by(ControlReport.due)).scalars())


def final_term(doc: Document) -> date | None:
    """The term that ends the control: the final one of a schedule, else the one term."""
    return doc.final_due or doc.due_date


def schedule(db: Database, doc_id: int, user: str | Actor = "") -> ReportSchedule:
    actor = actor_of(user)
    with db.read() as s:
        doc = s.get(Document, doc_id)
        if doc is None:
            raise ControlError("Документ не знайдено")
        require_read(actor, doc.register, doc.series)
        is_open = doc.on_control and doc.done_date is None and doc.due_date is not None
        rows = _rows(s, doc_id)
        lines = tuple(ReportLine(r.due, r.given, r.note, r.person) for r in rows)
        if is_open:  # reports of an earlier control ended are history, not this schedule
            taken = _taken_on_control(s, doc)
            lines = tuple(r for r in lines if r.given is None or r.given >= taken)
            return ReportSchedule(True, final_term(doc), doc.due_date, lines, taken)
        return ReportSchedule(False, final_term(doc), doc.due_date, lines)


def _refresh_term(doc: Document, rows: Sequence[ControlReport]) -> date:
    final = final_term(doc)
    assert final is not None
    due = interim.next_due([interim.Report(r.due, r.given) for r in rows], final)
    doc.due_date = due
    return due


def set_report_dates(
    db: Database,
    doc_id: int,
    dates: Sequence[date],
    today: date | None = None,
    user: str | Actor = "",
) -> date:
    """The report dates of a document on control (the reports not yet given are replaced;
    those given stay). Each date on a working day, after control began and before the final
    term. Returns the document's term now: the first report not given, else the final term.
    No dates left: a plain control with its one term again."""
    calendar = load_calendar(db)
    actor = actor_of(user)
    with db.write() as s:
        doc = _open_control(s, doc_id, actor)
        final = final_term(doc)
        assert final is not None
        try:
            kept = interim.checked_dates(dates, _taken_on_control(s, doc), final, calendar)
        except interim.InterimError as exc:
            raise ControlError(str(exc)) from exc
        rows = _rows(s, doc_id)
        given = {r.due for r in rows if r.given is not None}
        for row in rows:
            if row.given is None:
                s.delete(row)
        s.flush()
        added = [
            ControlReport(document_id=doc_id, due=d, changed_by=actor.login)
            for d in kept
            if d not in given
        ]
        s.add_all(added)
        old = doc.due_date
        if kept:
            doc.final_due = final
            due = _refresh_term(doc, [r for r in rows if r.given is not None] + added)
        else:  # no report left to come: a plain control with its one term
            doc.final_due, doc.due_date = None, final
            due = final
        shown = ", ".join(format_date(d) for d in kept) or "немає"
        record_event(
            s,
            doc,
            "schedule",
            today or date.today(),
            actor.login,
            old_term=old,
            new_term=due,
            text=f"Проміжні звіти: {shown}; остаточний термін {format_date(final)}",
        )
        doc.version += 1
        audit.add(s, actor, audit.CONTROL, doc=doc, details={"проміжні звіти": shown})
        return due


def record_report(
    db: Database,
    doc_id: int,
    day: date,
    note: str,
    person: str = "",
    user: str | Actor = "",
) -> date:
    """The next report due was given on `day`: kept with what it said, and the term moves to
    the next report, or to the final term after the last one. Returns the new term."""
    if not note.strip():
        raise ControlError("Напишіть, що повідомив виконавець у звіті")
    if day > date.today():
        raise ControlError("Дата звіту не може бути в майбутньому")
    actor = actor_of(user)
    with db.write() as s:
        doc = _open_control(s, doc_id, actor)
        rows = _rows(s, doc_id)
        pending = [r for r in rows if r.given is None]
        final = final_term(doc)
        assert final is not None
        if not pending:
            raise ControlError(
                "Проміжних звітів більше немає: остаточний термін "
                f"{format_date(final)}, після виконання документ знімають з контролю (п. 9.14)"
            )
        taken = _taken_on_control(s, doc)
        if day < taken:
            raise ControlError(
                f"Дата звіту раніша за дату взяття на контроль ({format_date(taken)})"
            )
        report = pending[0]
        report.given, report.note, report.person = day, note.strip(), person.strip()
        report.changed_by = actor.login
        old = doc.due_date
        due = _refresh_term(doc, rows)
        record_event(
            s,
            doc,
            "report",
            day,
            actor.login,
            old_term=old,
            new_term=due,
            text=note.strip(),
            person=person.strip(),
        )
        doc.version += 1
        audit.add(
            s,
            actor,
            audit.CONTROL,
            doc=doc,
            details={"проміжний звіт": report.due, "наступний термін": due},
        )
        return due


def periodic(db: Database, doc_id: int, every_months: int) -> list[date]:
    """Report dates every month, quarter or half-year from the day control began to the final
    term (the dialog offers them; nothing is stored)."""
    calendar = load_calendar(db)
    current = schedule(db, doc_id)
    if not current.on_control or current.final is None or current.taken_on is None:
        raise ControlError("Документ не перебуває на контролі")
    try:
        return interim.periodic_dates(current.taken_on, current.final, every_months, calendar)
    except interim.InterimError as exc:
        raise ControlError(str(exc)) from exc
