"""What happens to the demo's orders after signing: the ones with tasks go on control with the
term the order states (`control.put_on_control`), and are removed from it on a report
(`control.remove_from_control`, 9.13) — most on time, some late, a few still overdue; and the
incoming orders of higher bodies that an order on main activity executes.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from sqlalchemy import select

from app.domain.dates import format_date
from app.domain.deadlines import ControlState, ControlThresholds
from app.services import control
from app.services.demo.context import DemoContext, random_working_day
from app.services.demo.plans import OrderPlan
from app.services.demo.resolutions import MANAGER
from db.models import Document
from db.session import Database

Ref = tuple[date, str, str]  # registration date, number, «розпорядження від … № …»
LAW = "Закону України «Про доступ до публічної інформації»"


def incoming_orders(db: Database, start: date) -> list[Ref]:
    """Orders and instructions of higher bodies registered as incoming mail since `start`."""
    stmt = (
        select(Document.reg_date, Document.reg_number, Document.kind, Document.ext_number,
               Document.ext_date)
        .where(Document.register == "incoming", Document.reg_date >= start,
               Document.kind.in_(("Розпорядження", "Доручення")))
        .order_by(Document.reg_date)
    )  # fmt: skip
    with db.read() as s:
        return [
            (day, number, f"{kind.lower()} від {format_date(ext_day or day)} № {ext or '—'}")
            for day, number, kind, ext, ext_day in s.execute(stmt)
        ]


def executes(rng: random.Random, plan: OrderPlan, refs: list[Ref]) -> None:
    """«Про заходи щодо виконання розпорядження від … № …» linked to the incoming document; a
    law when no such document came in the month before."""
    recent = [r for r in refs if plan.day - timedelta(days=30) <= r[0] <= plan.day]
    if not recent:
        plan.title = plan.title.replace("{ref}", LAW)
        return
    _day, number, text = rng.choice(recent)
    plan.title, plan.ref = plan.title.replace("{ref}", text), number


def put_on_control(ctx: DemoContext, plans: list[OrderPlan]) -> dict[str, int]:
    """Put `plans` on control with their terms, then remove most of them on a report."""
    rng, calendar, today = ctx.rng, ctx.calendar, ctx.end
    outcomes: dict[int, date | None] = {}
    for plan in plans:
        assert plan.term is not None
        if plan.term >= today:  # not due yet: now and then reported early
            early = rng.random() < 0.25 and plan.day < today
            low, high = plan.day, today - timedelta(days=1)
            outcomes[plan.doc_id] = random_working_day(rng, calendar, low, high) if early else None
        elif (today - plan.term).days <= 120 and rng.random() < 0.3:
            outcomes[plan.doc_id] = None  # overdue: the recent ones are still chased
        elif rng.random() < 0.2:  # done late
            late = calendar.add_working_days(plan.term, rng.randint(1, 8))
            outcomes[plan.doc_id] = late if late <= today else None
        else:
            low = max(plan.day, plan.term - timedelta(days=12))
            outcomes[plan.doc_id] = random_working_day(rng, calendar, low, plan.term) or plan.term
    past = [p for p in plans if p.term and p.term < today]
    if past and all(outcomes[p.doc_id] is not None for p in past):
        outcomes[past[-1].doc_id] = None  # even a small demo shows an overdue order
    thresholds = ControlThresholds.for_day(today, calendar)
    states = []
    for plan in plans:
        assert plan.term is not None
        due = control.put_on_control(ctx.db, plan.doc_id, plan.term, today=plan.day, user=ctx.user)
        done = outcomes[plan.doc_id]
        if done is not None:
            basis = f"Інформація про виконання від {format_date(done)} № {rng.randint(10, 900)}"
            control.remove_from_control(ctx.db, plan.doc_id, basis, done, MANAGER, user=ctx.user)
        states.append(thresholds.state(due, done))
    return {
        "orders.on_control": len(plans),
        "orders.overdue": states.count(ControlState.OVERDUE),
        "orders.done": sum(1 for p in plans if outcomes[p.doc_id] is not None),
    }
