"""Demo incoming mail: a few thousand documents over the last years from the correspondents a
council really hears from, registered by `register_many` (numbers from the register's counter,
search text, correspondents) in batches of one transaction each; then resolutions and control
(resolutions.py), so every register state is there to look at.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from app.domain.calendar import WorkingCalendar
from app.registers import INCOMING
from app.services import documents
from app.services.demo.context import BATCH, DemoContext, DemoError, working_days
from app.services.demo.data import (
    CITIZEN_SUMMARIES,
    COMPANY_SUMMARIES,
    COUNCIL_SUMMARIES,
    PROSECUTOR_TEMPLATES,
    STATE_TEMPLATES,
    STREETS,
    TOPICS,
)
from app.services.demo.plans import Plan
from app.services.demo.resolutions import resolutions_and_control


def fill(ctx: DemoContext) -> None:
    """Register `ctx.documents_count` incoming documents, then their resolutions and control."""
    plans = _plan_documents(
        ctx.rng, ctx.calendar, ctx.start, ctx.end, ctx.documents_count, ctx.correspondents
    )
    for offset in range(0, len(plans), BATCH):
        batch = plans[offset : offset + BATCH]
        registered = documents.register_many(
            ctx.db,
            INCOMING,
            [documents.Registration(p.values, p.day) for p in batch],
            user=ctx.user,
        )
        for plan, reg in zip(batch, registered, strict=True):
            plan.doc_id = reg.id
        ctx.say(f"Зареєстровано документів: {offset + len(batch)} з {len(plans)}")
    ctx.counts["incoming"] = len(plans)
    ctx.counts.update(
        resolutions_and_control(ctx.db, ctx.rng, ctx.calendar, ctx.end, plans, ctx.staff, ctx.login)
    )


def _plan_documents(
    rng: random.Random,
    calendar: WorkingCalendar,
    start: date,
    end: date,
    count: int,
    correspondents: list[tuple[str, str]],
) -> list[Plan]:
    days = working_days(calendar, start, end)
    if not days:
        raise DemoError("У вибраному періоді немає робочих днів")
    # Mail is heavier early in the week and lighter in summer: weights keep the journal lively.
    weights = [
        (1.3 if d.weekday() == 0 else 1.0) * (0.7 if d.month in (7, 8) else 1.0) for d in days
    ]
    chosen = rng.choices(days, weights=weights, k=count)
    recent = days[-10:]
    for i in range(min(count, max(3, count // 60))):  # a few fresh ones: terms that are near
        chosen[i] = rng.choice(recent)
    chosen.sort()
    senders = {kind: [n for n, k in correspondents if k == kind] for _, kind in correspondents}
    kinds_of_sender = ("state", "prosecutor", "council", "company", "citizen")
    sender_weights = (0.45, 0.06, 0.12, 0.15, 0.22)
    plans = []
    for day in chosen:
        sender_kind = rng.choices(kinds_of_sender, weights=sender_weights)[0]
        name = rng.choice(senders[sender_kind])
        summary, dept, kind = _summary(rng, sender_kind)
        urgent = kind in ("Телефонограма", "Доручення") or rng.random() < 0.03
        ext_date = calendar.previous_working_day(day - timedelta(days=rng.randint(0, 6)))
        raw = {
            "correspondent": name,
            "ext_number": _ext_number(rng, sender_kind, day),
            "ext_date": ext_date if sender_kind != "citizen" else None,
            "kind": kind,
            "summary": summary,
            "sheets": rng.choice((1, 1, 1, 2, 2, 3, 4, 5, 7, 12)),
            "case_index": dept,
            "urgent": urgent,
            "notes": "Надійшло електронною поштою" if kind == "Електронний лист" else "",
        }
        plans.append(Plan(day, INCOMING.parse(raw), dept, sender_kind))
    return plans


def _summary(rng: random.Random, sender_kind: str) -> tuple[str, str, str]:
    """(summary, index code of the body that answers, kind of document)."""
    street = rng.choice(STREETS)
    if sender_kind == "state":
        topic, dept = rng.choice(TOPICS)
        kind = rng.choices(
            ("Лист", "Електронний лист", "Доручення", "Запит", "Телефонограма", "Розпорядження"),
            weights=(55, 15, 10, 10, 5, 5),
        )[0]
        return rng.choice(STATE_TEMPLATES).format(t=topic), dept, kind
    if sender_kind == "prosecutor":
        topic, _dept = rng.choice(TOPICS)
        kind = rng.choice(("Запит", "Лист", "Подання", "Протест прокурора"))
        if kind == "Протест прокурора":
            summary = f"Протест на рішення виконавчого комітету № {rng.randint(10, 400)}"
            return summary, "02-05", kind
        return rng.choice(PROSECUTOR_TEMPLATES).format(t=topic), "02-05", kind
    if sender_kind == "council":
        summary, dept = rng.choice(COUNCIL_SUMMARIES)
        return summary, dept, "Лист"
    if sender_kind == "company":
        summary, dept = rng.choice(COMPANY_SUMMARIES)
        kind = rng.choice(("Лист", "Лист", "Клопотання", "Електронний лист"))
        return summary.format(s=street), dept, kind
    summary, dept = rng.choice(CITIZEN_SUMMARIES)
    if rng.random() < 0.08:
        topic, dept = rng.choice(TOPICS)
        return f"Запит на інформацію щодо {topic}", "01-12", "Запит на публічну інформацію"
    return summary.format(s=street, n=rng.randint(1, 120)), dept, "Лист"


def _ext_number(rng: random.Random, sender_kind: str, day: date) -> str:
    if sender_kind == "citizen":
        return ""
    if sender_kind == "prosecutor":
        return f"{rng.choice((15, 31, 58))}-{rng.randint(100, 9999)}вих-{day.year % 100:02d}"
    if sender_kind == "state":
        return f"{rng.randint(1, 12):02d}-{rng.randint(1, 40):02d}/{rng.randint(100, 9999)}"
    return str(rng.randint(1, 900))
