"""Demo awards: two years of petitions for the city's holidays and jubilees, granted by the
demo's own orders «Про нагородження…», some handed over — about 150 records, registered in one
transaction (well under three seconds).

The shares follow the HR report's section 6 (367 Подяк, 43 Вітальні адреси, 27 Почесних
грамот in 9 months): mostly Подяки, a tenth Вітальні адреси, a few Почесні грамоти and
Грамоти, now and then a Почесна відзнака; a fifth go to collectives. A few petitions come late
(less than a week before the ceremony, 28.10); the newest are not granted yet.
"""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import select

from app.domain import awards as rules
from app.registers import AWARDS
from app.services import awards, documents
from app.services.demo.context import DemoContext
from app.services.demo.data import (
    COMPANIES,
    FEMALE_NAMES,
    MALE_NAMES,
    PATRONYMICS,
    SURNAMES,
)
from db.models import Document

# (occasion, month, day, how many awards in a year at the full demo)
CEREMONIES = (
    ("Міжнародний жіночий день", 3, 6, 8),
    ("День Конституції України", 6, 27, 8),
    ("День Незалежності України", 8, 22, 30),
    ("День захисників і захисниць України", 9, 30, 10),
    ("День місцевого самоврядування", 12, 5, 8),
)
KINDS = (("Подяка", 0.78), ("Вітальна адреса", 0.09), ("Почесна грамота", 0.07), ("Грамота", 0.05))
POSITIONS = (
    "слюсар",
    "лікар-терапевт",
    "вчитель",
    "водій",
    "медична сестра",
    "інженер",
    "бухгалтер",
    "майстер дільниці",
    "двірник",
    "вихователь",
)
MERITS = (
    "сумлінну працю, високий професіоналізм та вагомий внесок у розвиток громади",
    "багаторічну бездоганну працю та активну громадську діяльність",
    "мужність і самовідданість, виявлені під час виконання службових обов'язків",
    "активну волонтерську діяльність та допомогу Збройним Силам України",
    "вагомий особистий внесок у забезпечення життєдіяльності міста",
)


def _person(ctx: DemoContext) -> tuple[str, str]:
    rng = ctx.rng
    father = rng.choice(tuple(PATRONYMICS))
    if rng.random() < 0.5:
        name, patronymic = rng.choice(MALE_NAMES), PATRONYMICS[father][0]
    else:
        name, patronymic = rng.choice(FEMALE_NAMES), PATRONYMICS[father][1]
    return f"{rng.choice(SURNAMES)} {name} {patronymic}", rng.choice(POSITIONS)


def _kind(ctx: DemoContext) -> str:
    roll, total = ctx.rng.random(), 0.0
    for title, share in KINDS:
        total += share
        if roll < total:
            return title
    return KINDS[0][0]


def _orders(ctx: DemoContext) -> list[tuple[date, str]]:
    """The demo's orders on awards (date, number), oldest first."""
    with ctx.db.read() as s:
        rows = s.execute(
            select(Document.reg_date, Document.reg_number)
            .where(Document.register == "orders", Document.kind == "нагородження")
            .order_by(Document.reg_date, Document.id)
        ).all()
    return [(r[0], r[1]) for r in rows]


def _ceremonies(ctx: DemoContext) -> list[tuple[str, date, int]]:
    scale = max(0.3, min(1.0, ctx.documents_count / 3000))
    found = []
    for year in range(ctx.start.year, ctx.end.year + 1):
        for occasion, month, day, count in CEREMONIES:
            on = date(year, month, day)
            if ctx.start + timedelta(days=20) <= on <= ctx.end + timedelta(days=14):
                found.append((occasion, on, max(2, round(count * scale))))
    return found


def fill(ctx: DemoContext) -> None:
    ctx.say("Нагородження…")
    rng = ctx.rng
    items: list[tuple[documents.Registration, date]] = []
    for occasion, ceremony, count in _ceremonies(ctx):
        for _ in range(count):
            kind = _kind(ctx)
            collective = kind != "Вітальна адреса" and rng.random() < 0.2
            if collective:
                recipient, position = f"Колектив {rng.choice(COMPANIES)}", ""
                workplace = ""
            else:
                recipient, position = _person(ctx)
                workplace = rng.choice(COMPANIES)
            lead = rng.choice((8, 10, 12, 14, 20)) if rng.random() > 0.08 else rng.choice((3, 5))
            petitioned = ceremony - timedelta(days=lead)
            entered = min(petitioned + timedelta(days=1), ctx.end)
            raw = {
                "kind": kind,
                "recipient_type": rules.COLLECTIVE if collective else rules.PERSON,
                "recipient": recipient,
                "position": position,
                "workplace": workplace,
                "years_of_work": str(rng.randint(1, 30)) if not collective else "",
                "petitioner": rng.choice(COMPANIES),
                "summary": f"за {rng.choice(MERITS)}",
                "occasion": occasion,
                "petition_date": petitioned.strftime("%d.%m.%Y"),
                "ceremony_date": ceremony.strftime("%d.%m.%Y"),
            }
            items.append((documents.Registration(AWARDS.parse(raw), entered), ceremony))
    if not items:
        return
    items.sort(key=lambda pair: pair[0].reg_date)
    done = documents.register_many(ctx.db, AWARDS, [i for i, _ in items], ctx.user)
    orders = _orders(ctx)
    by_order: dict[str, list[int]] = {}
    handed: dict[date, list[int]] = {}
    for reg, (_, ceremony) in zip(done, items, strict=True):
        # the last order on awards signed in the 45 days before the ceremony grants it
        signed = [o for o in orders if ceremony - timedelta(days=45) <= o[0] <= ceremony]
        if not signed:
            continue
        day, number = signed[-1]
        by_order.setdefault(f"{number} від {day:%d.%m.%Y}", []).append(reg.id)
        if ceremony <= ctx.end:
            handed.setdefault(ceremony, []).append(reg.id)
    for number, ids in by_order.items():
        awards.grant(ctx.db, ids, number, ctx.user)
    for day, ids in handed.items():
        awards.hand_over(ctx.db, ids, day, "Савчук А. М.", ctx.user)
    ctx.counts["awards"] = len(done)
    ctx.counts["awards_granted"] = granted = sum(len(ids) for ids in by_order.values())
    ctx.say(f"Нагороджень: {len(done)}, з них за розпорядженнями: {granted}.")
