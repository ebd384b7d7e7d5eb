"""Resolutions and control of the demo's incoming documents (9.5–9.14), in one session.

Written with the control service's own helpers (the lead executor is the first executor;
`control.set_lead_executor` sets the denormalised executor columns); terms come from
`default_term` / `adjust_term` on the database's working calendar, so every register state
(on control, due soon, overdue, done, done late) is there to look at.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.calendar import WorkingCalendar
from app.domain.dates import format_date
from app.domain.deadlines import ControlState, ControlThresholds, adjust_term, default_term
from app.services import control
from app.services.demo.context import BATCH, random_working_day
from app.services.demo.data import EXTENSION_REASONS, INFO_TASK, PROGRESS_NOTES, TASKS
from app.services.demo.plans import Plan
from db.models import Document, Resolution, ResolutionExecutor, Staff
from db.session import Database

MANAGER = "Керуючий справами виконавчого комітету Ольга КРАВЧУК"
MAYOR = "Міський голова Андрій САВЧУК"


def _forced_overdue(plans: list[Plan], today: date, rng: random.Random) -> int | None:
    """One old document that stays open past its term, so even a tiny demo shows an overdue."""
    recent = [i for i, p in enumerate(plans) if 45 < (today - p.day).days <= 120]
    old = recent or [i for i, p in enumerate(plans) if (today - p.day).days > 45]
    return rng.choice(old) if old else None


def resolutions_and_control(
    db: Database,
    rng: random.Random,
    calendar: WorkingCalendar,
    today: date,
    plans: list[Plan],
    staff: dict[str, list[int]],
    user: str,
) -> dict[str, int]:
    """Resolutions for nearly every document, control for most, in one session; `user` is the
    login written in their history."""
    thresholds = ControlThresholds.for_day(today, calendar)
    leaders = staff[""]
    authors = leaders[:4] + leaders[-1:]  # the mayor, the deputies, the manager of affairs
    all_staff = [i for ids in staff.values() for i in ids]
    executors_pool = [i for i in all_staff if i not in leaders]
    forced = _forced_overdue(plans, today, rng)
    # The newest document is always due within 3 working days, so even a tiny demo has one.
    soon = len(plans) - 1 if plans and (today - plans[-1].day).days <= 14 else None
    states: list[ControlState] = []
    with db.write() as s:
        # Load the people and the documents once and hold them (the identity map keeps only
        # referenced objects): set_lead_executor and the updates then cost no query per document.
        people = s.execute(select(Staff).where(Staff.id.in_(all_staff))).scalars().all()
        docs: dict[int, Document] = {}
        ids = [p.doc_id for p in plans]
        for start in range(0, len(ids), BATCH):
            stmt = select(Document).where(Document.id.in_(ids[start : start + BATCH]))
            docs.update((d.id, d) for d in s.execute(stmt).scalars())
        for i, plan in enumerate(plans):
            doc = docs[plan.doc_id]
            fresh = (today - plan.day).days <= 14
            if i != forced and not fresh and rng.random() < 0.03:
                continue  # no resolution yet: the management has not seen it
            on_control = i == forced or fresh or rng.random() < 0.78
            res_day = min(
                today, calendar.next_working_day(plan.day + timedelta(days=rng.choice((0, 0, 1))))
            )
            executors = [rng.choice(staff.get(plan.department) or executors_pool)]
            for _ in range(rng.choices((0, 1, 2), weights=(60, 30, 10))[0]):
                other = rng.choice(executors_pool)
                if other not in executors:
                    executors.append(other)
            term = (
                _explicit_term(rng, calendar, today, plan, fresh, i == soon) if on_control else None
            )
            res = Resolution(
                document_id=doc.id,
                author_id=rng.choice(authors),
                task=rng.choice(TASKS) if on_control else INFO_TASK,
                term=term,
                resolution_date=res_day,
                changed_by=user,
            )
            res.executors = [
                ResolutionExecutor(position=n, staff_id=sid) for n, sid in enumerate(executors)
            ]
            s.add(res)
            control.set_lead_executor(s, doc, executors[0])
            if not on_control:
                continue
            due = term or default_term(doc.reg_date, doc.urgent, calendar)
            control.record_event(s, doc, "set", res_day, user, new_term=due)
            doc.on_control, doc.due_date = True, due
            if i in (forced, soon):
                states.append(thresholds.state(due, None))
                continue
            due = _maybe_extend(s, rng, calendar, today, doc, res_day, due, user)
            done = _outcome(rng, calendar, today, res_day, due)
            if done is not None:
                control.record_event(
                    s, doc, "remove", done, user, old_term=due, basis=_basis(rng, done, plan),
                    person=MANAGER,
                )  # fmt: skip
                doc.done_date = done
            states.append(thresholds.state(due, done))
        del people
    return {
        "on_control": len(states),
        "overdue": states.count(ControlState.OVERDUE),
        "due_soon": states.count(ControlState.DUE_SOON),
        "done_late": states.count(ControlState.DONE_LATE),
    }


def _explicit_term(
    rng: random.Random,
    calendar: WorkingCalendar,
    today: date,
    plan: Plan,
    fresh: bool,
    due_soon: bool = False,
) -> date | None:
    """A term the resolution names; None means the default of 9.11."""
    if due_soon or (fresh and rng.random() < 0.3):  # due within the next 3 working days
        base = calendar.previous_working_day(today)
        low = 0 if base == today else 1
        return calendar.add_working_days(base, rng.randint(low, 3))
    if plan.kind_of_sender == "prosecutor" or rng.random() < 0.1:
        return adjust_term(plan.day + timedelta(days=rng.choice((5, 10, 15, 20))), calendar)
    return None


def _maybe_extend(
    s: Session,
    rng: random.Random,
    calendar: WorkingCalendar,
    today: date,
    doc: Document,
    res_day: date,
    due: date,
    user: str,
) -> date:
    """Now and then the term is extended on the executor's request (9.12), with a reason."""
    if rng.random() >= 0.07:
        return due
    asked = calendar.previous_working_day(due - timedelta(days=rng.randint(3, 7)))
    if asked < res_day or asked > today:
        return due
    new_due = adjust_term(due + timedelta(days=rng.randint(14, 30)), calendar)
    control.record_event(
        s, doc, "extend", asked, user, old_term=due, new_term=new_due,
        text=rng.choice(EXTENSION_REASONS), person=MAYOR,
    )  # fmt: skip
    if (new_due - asked).days > 20 and asked + timedelta(days=10) <= today:
        note_day = calendar.next_working_day(asked + timedelta(days=10))
        if note_day <= today:
            control.record_event(
                s, doc, "progress", note_day, user, text=rng.choice(PROGRESS_NOTES)
            )
    doc.due_date = new_due
    return new_due


def _outcome(
    rng: random.Random, calendar: WorkingCalendar, today: date, res_day: date, due: date
) -> date | None:
    """The day of removal from control, or None while it stays on control."""
    if due < today:
        if (today - due).days <= 90 and rng.random() < 0.1:
            return None  # overdue: recent ones; older ones have been chased and closed by now
        if rng.random() < 0.1:  # done late
            late = calendar.add_working_days(due, rng.randint(1, 8))
            return late if late <= today else None
        low = max(res_day, due - timedelta(days=12))
        return random_working_day(rng, calendar, low, due) or due
    if rng.random() < 0.3:  # done early
        return random_working_day(rng, calendar, res_day, today - timedelta(days=1))
    return None


def _basis(rng: random.Random, done: date, plan: Plan) -> str:
    """The document that shows the task was done (9.13): never a promise."""
    day = format_date(done)
    n = rng.randint(100, 4000)
    return rng.choice(
        (
            f"Лист-відповідь від {day} № {n}/{plan.department}",
            f"Інформацію надано листом від {day} № {n}/{plan.department}",
            f"Рішення виконавчого комітету від {day} № {rng.randint(1, 450)}",
            f"Розпорядження міського голови від {day} № {rng.randint(1, 300)}-р",
        )
    )
