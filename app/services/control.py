"""Resolutions and control (9.5–9.14): who executes, by when, and how control ends.

Rules enforced here, below any window: the first executor of a resolution is the lead; a term
set by default follows 9.11 (30 calendar days, «Терміново» 7 working days) and a term on a
non-working day moves to the preceding working day; a term is extended only with a reason and
every earlier term stays in the history; removal from control needs its basis, the date and who
removed it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.calendar import WorkingCalendar
from app.domain.dates import format_date
from app.domain.deadlines import ControlRuleError, adjust_term, validate_extension
from app.domain.roles import Actor, actor_of
from app.domain.text import uk_sort_key
from app.registers import REGISTERS
from app.registers.base import CorrespondenceTerm, TermPolicy
from app.services import audit
from app.services.access import require_write
from app.services.calendar import load_calendar
from app.services.errors import DocumentError
from app.services.field_storage import detail_of, staff_short
from db.models import ControlEvent, Document, Resolution, ResolutionExecutor, Staff
from db.session import Database


class ControlError(DocumentError):
    """A control action that the rules do not allow, with a Ukrainian message."""


@dataclass(frozen=True)
class ResolutionInput:
    executor_ids: tuple[int, ...]
    task: str = ""
    term: date | None = None
    author_id: int | None = None
    resolution_date: date | None = None
    parent_id: int | None = None


def _document(s: Session, doc_id: int, actor: Actor) -> Document:
    """The document, locked for this transaction: two clerks acting on the same document at
    once are served one after the other, and the second sees what the first did. Refused
    unless `actor` may write to the document's register."""
    doc = s.get(Document, doc_id, with_for_update=True)
    if doc is None:
        raise ControlError("Документ не знайдено")
    require_write(actor, doc.register, doc.series)
    if doc.cancelled:
        raise ControlError(f"Документ {doc.reg_number} анульовано")
    return doc


def add_resolution(db: Database, doc_id: int, data: ResolutionInput, user: str | Actor = "") -> int:
    """Record a resolution; its first executor becomes the document's lead executor.

    A resolution with a term on a document already on control sets the control term too.
    """
    if not data.executor_ids:
        raise ControlError("Вкажіть хоча б одного виконавця")
    if len(set(data.executor_ids)) != len(data.executor_ids):
        raise ControlError("Виконавець повторюється")
    calendar = load_calendar(db)
    actor = actor_of(user)
    user = actor.login
    with db.write() as s:
        doc = _document(s, doc_id, actor)
        if data.parent_id is not None:
            parent = s.get(Resolution, data.parent_id)
            if parent is None or parent.document_id != doc_id:
                raise ControlError("Резолюція, яку деталізують, не належить цьому документу")
        term = adjust_term(data.term, calendar) if data.term else None
        _check_term_after_registration(doc, data.term)
        given = data.resolution_date or date.today()
        if given > date.today() or given < doc.reg_date:
            raise ControlError(
                "Дата резолюції має бути не раніше дати реєстрації "
                f"({format_date(doc.reg_date)}) і не пізніше сьогоднішньої"
            )
        res = Resolution(
            document_id=doc_id,
            parent_id=data.parent_id,
            author_id=data.author_id,
            task=data.task.strip(),
            term=term,
            resolution_date=given,
            changed_by=user,
        )
        res.executors = [
            ResolutionExecutor(position=i, staff_id=sid) for i, sid in enumerate(data.executor_ids)
        ]
        s.add(res)
        s.flush()
        if data.parent_id is None:
            set_lead_executor(s, doc, data.executor_ids[0])
        # A main resolution sets the term (9.11: the mayor or a deputy fixes it); a detailing
        # one keeps its own, often earlier, internal term on the resolution only.
        is_main = data.parent_id is None
        if is_main and term and doc.on_control and doc.done_date is None and term != doc.due_date:
            record_event(
                s,
                doc,
                "extend" if doc.due_date else "set",
                date.today(),  # when the change was recorded, as for every other entry
                user,
                old_term=doc.due_date,
                new_term=term,
                text="Термін за резолюцією",
            )
            doc.due_date = term
        doc.version += 1
        audit.add(s, actor, audit.CONTROL, doc=doc, details={"резолюція": res.task, "термін": term})
        return res.id


def set_lead_executor(s: Session, doc: Document, staff_id: int) -> None:
    """Make `staff_id` the document's lead executor, with the columns the table sorts on."""
    staff = s.get(Staff, staff_id)
    if staff is None:
        raise ControlError("Виконавця не знайдено в довіднику")
    shown = staff_short(staff)  # named as field_storage names every person of the staff list
    doc.lead_executor_id = staff.id
    doc.lead_executor_name = shown
    doc.lead_executor_sort = uk_sort_key(shown)[:80]
    doc.department_id = staff.department_id


def record_event(s: Session, doc: Document, kind: str, day: date, user: str, **kw: object) -> None:
    """Append an entry to the document's control history (never updated afterwards)."""
    s.add(ControlEvent(document_id=doc.id, kind=kind, event_date=day, changed_by=user, **kw))


def _latest_resolution_term(s: Session, doc_id: int) -> date | None:
    """The term of the latest MAIN resolution: a detailing one's term is internal to it."""
    stmt = (
        select(Resolution.term)
        .where(
            Resolution.document_id == doc_id,
            Resolution.term.is_not(None),
            Resolution.parent_id.is_(None),
        )
        .order_by(Resolution.id.desc())
        .limit(1)
    )
    return s.execute(stmt).scalar_one_or_none()


def control_term(
    typed: date | None,
    resolution_term: date | None,
    reg_date: date,
    urgent: bool,
    calendar: WorkingCalendar,
    policy: TermPolicy | None = None,
) -> date:
    """The term a document goes on control with: the one typed, else the main resolution's,
    else the register's default (`policy`, 9.11 for correspondence) from the registration date;
    never on a non-working day. A register whose documents state their own term (orders) has no
    default: the term must be given.

    One rule for the service and for the dialogs' «what will be stored» line."""
    chosen = typed or resolution_term
    if chosen:
        return adjust_term(chosen, calendar)
    policy = policy or CorrespondenceTerm()
    term = policy.default_term(reg_date, urgent, calendar)
    if term is None:
        raise ControlError(f"Вкажіть {policy.wording.full}: його визначає сам документ")
    return term


def put_on_control(
    db: Database,
    doc_id: int,
    term: date | None = None,
    today: date | None = None,
    user: str | Actor = "",
) -> date:
    """Put a document on control and return its term.

    The term is the one given, else the latest resolution's, else the default of 9.11 counted
    from the registration date; a non-working day moves to the preceding working day.
    """
    calendar = load_calendar(db)
    actor = actor_of(user)
    user = actor.login
    with db.write() as s:
        doc = _document(s, doc_id, actor)
        if doc.on_control and doc.done_date is None:
            raise ControlError(f"Документ {doc.reg_number} уже на контролі")
        _check_term_after_registration(doc, term)
        spec = REGISTERS.get(doc.register)
        due = control_term(
            term,
            _latest_resolution_term(s, doc_id),
            doc.reg_date,
            doc.urgent,
            calendar,
            spec.term if spec else None,
        )
        kind = "reopen" if doc.done_date else "set"
        record_event(s, doc, kind, today or date.today(), user, old_term=doc.due_date, new_term=due)
        audit.add(s, actor, audit.CONTROL, doc=doc, details={"на контроль до": due})
        doc.on_control, doc.due_date, doc.done_date = True, due, None
        _drop_pending_reports(s, doc)  # a new control: one term until report dates are set
        doc.version += 1
        return due


def extend_term(
    db: Database,
    doc_id: int,
    new_term: date,
    reason: str,
    today: date | None = None,
    person: str = "",
    user: str | Actor = "",
) -> date:
    """Extend the term (9.12): only with a reason; the old term stays in the history."""
    calendar = load_calendar(db)
    actor = actor_of(user)
    user = actor.login
    with db.write() as s:
        doc = _open_control(s, doc_id, actor)
        assert doc.due_date is not None
        # With interim reports the final term is extended; the next report stays the term.
        final = doc.final_due or doc.due_date
        adjusted = adjust_term(new_term, calendar)
        try:
            validate_extension(final, adjusted, reason)
        except ControlRuleError as exc:
            raise ControlError(str(exc)) from exc
        spec = REGISTERS.get(doc.register)
        # A law's ceiling on the total term (appeals: 45 days; requests: 20 working days).
        problem = spec.term.extension_problem(doc.reg_date, adjusted, calendar) if spec else None
        if problem:
            raise ControlError(problem)
        record_event(
            s,
            doc,
            "extend",
            today or date.today(),
            user,
            old_term=final,
            new_term=adjusted,
            text=reason.strip(),
            person=person.strip(),
        )
        audit.add(s, actor, audit.CONTROL, doc=doc, details={"термін": [final, adjusted]})
        if doc.final_due is not None:
            if doc.due_date == doc.final_due:  # every report given: the final term is the term
                doc.due_date = adjusted
            doc.final_due = adjusted
        else:
            doc.due_date = adjusted
        doc.version += 1
        if spec is not None and spec.after_store is not None and spec.detail is not None:
            # What the register derives from the term (a request's notice of extension, due
            # within 5 working days of receipt) is up to date at once, not at the next save.
            s.info["calendar"] = calendar
            s.flush()
            spec.after_store(s, doc, detail_of(s, spec, doc))
        return adjusted


def add_progress(
    db: Database, doc_id: int, note: str, today: date | None = None, user: str | Actor = ""
) -> None:
    """A progress note (хід виконання): monthly for long controls (9.12)."""
    if not note.strip():
        raise ControlError("Напишіть, що зроблено")
    actor = actor_of(user)
    with db.write() as s:
        doc = _open_control(s, doc_id, actor)
        record_event(s, doc, "progress", today or date.today(), actor.login, text=note.strip())


def remove_from_control(
    db: Database,
    doc_id: int,
    basis: str,
    done_date: date,
    person: str,
    user: str | Actor = "",
) -> None:
    """Remove from control (9.13–9.14): the basis document, the date of the «до справи» mark
    and who removed it are all required — never on a promise."""
    with db.write() as s:
        close_control(s, doc_id, basis, done_date, person, user)


def close_control(
    s: Session, doc_id: int, basis: str, done_date: date, person: str, user: str | Actor
) -> Document:
    """Remove from control inside the caller's transaction (an answer registered as the basis
    closes the control it answers in the same transaction as its own registration)."""
    if not basis.strip():
        raise ControlError("Вкажіть підставу зняття з контролю (документ про виконання)")
    if not person.strip():
        raise ControlError("Вкажіть, хто зняв документ з контролю")
    if done_date > date.today():
        raise ControlError("Дата зняття з контролю не може бути в майбутньому")
    actor = actor_of(user)
    doc = _open_control(s, doc_id, actor)
    taken = _taken_on_control(s, doc)
    if done_date < taken:
        raise ControlError(
            f"Дата зняття з контролю раніша за дату взяття на контроль ({format_date(taken)})"
        )
    if doc.final_due is not None:
        # judged by the final term (done in time or late), not by a report still to come
        doc.due_date = doc.final_due
    record_event(
        s,
        doc,
        "remove",
        done_date,
        actor.login,
        old_term=doc.due_date,
        basis=basis.strip(),
        person=person.strip(),
    )
    doc.done_date = done_date
    doc.version += 1
    audit.add(
        s,
        actor,
        audit.REMOVE_CONTROL,
        doc=doc,
        details={"підстава": basis.strip(), "дата": done_date, "хто зняв": person.strip()},
    )
    return doc


def _drop_pending_reports(s: Session, doc: Document) -> None:
    """Interim reports not given belong to the control that ended (given ones stay as its
    history); the new control has its one term until report dates are set again."""
    from db.models import ControlReport

    doc.final_due = None
    pending = select(ControlReport).where(
        ControlReport.document_id == doc.id, ControlReport.given.is_(None)
    )
    for row in s.execute(pending).scalars():
        s.delete(row)


def _check_term_after_registration(doc: Document, term: date | None) -> None:
    if term is not None and term < doc.reg_date:
        raise ControlError(
            f"Термін {format_date(term)} раніший за дату реєстрації документа "
            f"({format_date(doc.reg_date)})"
        )


def _taken_on_control(s: Session, doc: Document) -> date:
    """When the current control began: the latest «set» or «reopen» entry, else registration."""
    stmt = (
        select(ControlEvent.event_date)
        .where(ControlEvent.document_id == doc.id, ControlEvent.kind.in_(("set", "reopen")))
        .order_by(ControlEvent.id.desc())
        .limit(1)
    )
    return s.execute(stmt).scalar_one_or_none() or doc.reg_date


def _open_control(s: Session, doc_id: int, actor: Actor) -> Document:
    doc = _document(s, doc_id, actor)
    if not doc.on_control or doc.done_date is not None or doc.due_date is None:
        raise ControlError(f"Документ {doc.reg_number} не перебуває на контролі")
    return doc
