"""Demo outgoing mail: answers to the demo's incoming documents and letters of the council's own.

Registered through `register_many` like a clerk's: addressees with postal addresses (some letters
to more than four addressees, which makes a distribution list), the signatory from the
leadership, the executor with the phone from the staff list, «у відповідь на» links to incoming
documents registered earlier, and the way and day of sending (the last days' post still unsent).
"""

from __future__ import annotations

import random
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from datetime import date, timedelta
from operator import itemgetter

from sqlalchemy import select

from app.domain.calendar import WorkingCalendar
from app.domain.correspondence import Addressee
from app.domain.roles import Actor
from app.registers import OUTGOING
from app.services import documents
from app.services.demo.context import BATCH, USER, DemoContext
from app.services.demo.data import STREETS
from db.models import Document, Staff
from db.session import Database

TOWNS = (
    ("м. Хмельницький", "29000"),
    ("м. Шепетівка", "30400"),
    ("м. Київ", "01001"),
    ("м. Славута", "30000"),
    ("м. Полонне", "30500"),
    ("м. Нетішин", "30100"),
)
METHODS = ("Пошта", "Пошта", "Рекомендований лист", "Електронна пошта", "СЕВ ОВВ", "Нарочно")
TITLES = (
    "Про надання інформації",
    "Про виконання доручення",
    "Про розгляд звернення",
    "Про стан підготовки до опалювального сезону",
    "Про погодження проєкту рішення",
    "Про участь у нараді",
    "Про надання пропозицій до програми",
    "Щодо ремонту доріг комунальної власності",
)


def _names(db: Database, ids: Sequence[int]) -> list[str]:
    from app.services.field_storage import staff_short

    with db.read() as s:
        rows = s.execute(select(Staff).where(Staff.id.in_(list(ids)))).scalars()
        by_id = {row.id: staff_short(row) for row in rows}
    return [by_id[i] for i in ids if i in by_id]


def _addressee(rng: random.Random, name: str) -> Addressee:
    town, code = rng.choice(TOWNS)
    address = f"{rng.choice(STREETS)}, {rng.randint(1, 90)}, {town}"
    email = f"info{rng.randint(10, 999)}@example.gov.ua" if rng.random() < 0.5 else ""
    return Addressee(name, address, code, email)


def _incoming(db: Database, start: date) -> list[tuple[date, str]]:
    stmt = (
        select(Document.reg_date, Document.reg_number)
        .where(Document.register == "incoming", Document.reg_date >= start)
        .order_by(Document.reg_date)
    )
    with db.read() as s:
        return [(d, n) for d, n in s.execute(stmt)]


def fill(ctx: DemoContext) -> None:
    """A third as many letters go out as come in."""
    ctx.say("Вихідна кореспонденція…")
    ctx.counts["outgoing"] = fill_outgoing(
        ctx.db, ctx.rng, ctx.calendar, ctx.start, ctx.end, ctx.documents_count // 3,
        ctx.correspondents, ctx.staff, ctx.user,
    )  # fmt: skip


def fill_outgoing(
    db: Database,
    rng: random.Random,
    calendar: WorkingCalendar,
    start: date,
    end: date,
    count: int,
    correspondents: Sequence[tuple[str, str]],
    staff: dict[str, list[int]],
    user: str | Actor = USER,
) -> int:
    """Register `count` outgoing documents between `start` and `end`; returns how many."""
    days = [
        start + timedelta(days=i)
        for i in range((end - start).days + 1)
        if calendar.is_working_day(start + timedelta(days=i))
    ]
    if not days or count <= 0:
        return 0
    signatories = _names(db, staff.get("", [])[:4] + staff.get("", [])[5:6])
    executors = _names(db, [i for code, ids in staff.items() if code for i in ids])
    incoming = _incoming(db, start)
    names = [name for name, kind in correspondents if kind != "citizen"]
    citizens = [name for name, kind in correspondents if kind == "citizen"]
    people = (signatories, executors)
    items = [
        documents.Registration(_values(rng, day, end, names, citizens, people, incoming), day)
        for day in sorted(rng.choice(days) for _ in range(count))
    ]
    for offset in range(0, len(items), BATCH):
        documents.register_many(db, OUTGOING, items[offset : offset + BATCH], user=user)
    return len(items)


def _values(
    rng: random.Random,
    day: date,
    end: date,
    names: Sequence[str],
    citizens: Sequence[str],
    people: tuple[Sequence[str], Sequence[str]],
    incoming: Sequence[tuple[date, str]],
) -> dict[str, object]:
    signatories, executors = people
    roll = rng.random()
    if roll < 0.08:  # a circular letter: a distribution list (10.2)
        chosen = rng.sample(list(names), min(len(names), rng.randint(5, 9)))
    elif roll < 0.3 and citizens:
        chosen = [rng.choice(list(citizens))]
    else:
        chosen = rng.sample(list(names), rng.choice((1, 1, 1, 2, 3)))
    # `incoming` is in date order: the month before `day` by bisection, not a scan of the
    # whole list for each of the thousand letters.
    first = bisect_left(incoming, day - timedelta(days=30), key=itemgetter(0))
    earlier = [n for _, n in incoming[first : bisect_right(incoming, day, key=itemgetter(0))]]
    reply = [rng.choice(earlier)] if earlier and rng.random() < 0.45 else []
    title = rng.choice(TITLES)
    method = rng.choice(METHODS)
    sent = day if (end - day).days > 3 or rng.random() < 0.5 else None
    raw = {
        "addressees": [_addressee(rng, name) for name in chosen],
        "title": title,
        "summary": f"{title} ({rng.choice(('на запит', 'до відома', 'для розгляду'))})",
        "kind": "Лист",
        "reply_to": ", ".join(reply),
        "signatory": rng.choice(list(signatories)) if signatories else "",
        "lead_executor": rng.choice(list(executors)) if executors else "",
        "copies": str(len(chosen) + 1),
        "sheets": str(rng.randint(1, 4)),
        "send_method": method if sent else "",
        "sent_date": sent,
    }
    return OUTGOING.parse(raw)
