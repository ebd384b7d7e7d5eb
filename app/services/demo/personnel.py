"""Demo personnel files: a file for every person of the demo's staff list, with a realistic
service history over the years before today.

Shares follow the real HR report (next-registers.md §1.2): appointments mostly under the general
labour law or, since 24.02.2022, without competition under martial law; dismissals mostly by
agreement (п. 1 ст. 36) or at one's own wish (ст. 38); annual evaluation mostly «висока»
(311 of 383). Each entry names a personnel order of its kind signed within the ten days before
it when the orders' demo has one (the orders' titles name other people: the demo's orders are
planned apart). Written in one transaction through the ORM; a few tens of people take well
under a second.
"""

from __future__ import annotations

import bisect
import random
from datetime import date, timedelta

from sqlalchemy import select

from app.domain import personnel as rules
from app.services.demo.context import DemoContext
from app.services.personnel import MARTIAL_LAW_START, refresh_derived
from db.models import Document, PersonnelEvent, PersonnelFile, PriorService, Staff

HIRE_SHARES = (
    ("за загальним трудовим законодавством", 42),
    ("без конкурсу в умовах воєнного стану", 24),
    ("як переможець конкурсу", 6),
    ("з кадрового резерву за рекомендацією конкурсної комісії", 6),
    ("по переводу з державної установи", 1),
)
DISMISSAL_SHARES = (
    ("п. 1 ст. 36 КЗпП (угода сторін)", 37),
    ("ст. 38 КЗпП (власне бажання)", 13),
    ("п. 2 ст. 36 КЗпП (закінчення строку договору)", 19),
    ("п. 1 ст. 40 КЗпП (скорочення штату)", 2),
    ("інша підстава", 1),
)
EVALUATION_SHARES = (("висока", 311), ("добра", 71), ("задовільна", 1))
EMPLOYERS = (
    "Шепетівська районна державна адміністрація",
    "Головне управління ДПС у Хмельницькій області",
    "Шепетівська районна рада",
    "КП «Шепетівська житлово-комунальна служба»",
    "Управління ПФУ в Шепетівському районі",
)
TRAINING = (
    "Хмельницький регіональний центр підвищення кваліфікації",
    "Діловодство в органах місцевого самоврядування (онлайн)",
    "Запобігання корупції та забезпечення доброчесності",
)


def _weighted(rng: random.Random, shares: tuple[tuple[str, int], ...]) -> str:
    values, weights = zip(*shares, strict=True)
    return rng.choices(values, weights)[0]


class _Orders:
    """Personnel orders by kind and date, to name the one that made an entry."""

    def __init__(self, rows: list[tuple[int, str, date, str, str]]) -> None:
        self.by_kind: dict[str, list[tuple[date, int, str]]] = {}
        for doc_id, kind, day, number, _series in rows:
            self.by_kind.setdefault(kind, []).append((day, doc_id, number))
        for items in self.by_kind.values():
            items.sort()

    def near(self, event_kind: str, day: date) -> tuple[int | None, str, date | None]:
        kind = rules.ORDER_KIND_OF.get(event_kind, "інше")
        items = self.by_kind.get(kind, [])
        i = bisect.bisect_right(items, (day, 1 << 62, ""))
        if i and items[i - 1][0] >= day - timedelta(days=10):
            found = items[i - 1]
            return found[1], found[2], found[0]
        return None, "", None


def _category(position: str) -> int:
    text = position.casefold()
    if "голова" in text or "секретар" in text:
        return 1 if "міський голова" in text else 3
    if "заступник міського" in text or "керуючий" in text:
        return 3
    if text.startswith("начальник"):
        return 5
    if text.startswith("заступник"):
        return 6
    return 6 if "головний" in text else 7


def fill(ctx: DemoContext) -> None:
    rng, end = ctx.rng, ctx.end
    with ctx.db.write() as s:
        people = s.execute(
            select(Staff.id, Staff.position, Staff.department_id).order_by(Staff.id)
        ).all()
        have = set(s.execute(select(PersonnelFile.staff_id)).scalars())
        orders = _Orders(
            [
                (r[0], r[1], r[2], r[3], r[4])
                for r in s.execute(
                    select(
                        Document.id, Document.kind, Document.reg_date, Document.reg_number,
                        Document.series,
                    ).where(Document.register == "orders", Document.series == "personnel")
                )
            ]
        )  # fmt: skip
        heads = {ids[0] for ids in ctx.staff.values() if ids}
        events = files = 0
        for number, (staff_id, position, department_id) in enumerate(people, start=1):
            if staff_id in have:
                continue
            files += 1
            s.add(
                PersonnelFile(
                    staff_id=staff_id,
                    personnel_number=str(number),
                    birth_date=date(
                        rng.randint(1964, 2000), rng.randint(1, 12), rng.randint(1, 28)
                    ),
                    education=rng.choice(
                        (
                            "вища, магістр публічного управління та адміністрування",
                            "вища, спеціаліст з правознавства",
                            "вища, магістр економіки",
                            "вища, бакалавр менеджменту",
                        )
                    ),
                    changed_by=ctx.login,
                )
            )
            s.flush()
            history = _history(rng, end, position, staff_id in heads)
            prior_years = rng.choice((0, 0, 1, 3, 6))
            hired = history[0].day
            if prior_years:
                start = hired - timedelta(days=365 * prior_years + rng.randint(20, 200))
                s.add(
                    PriorService(
                        staff_id=staff_id, date_from=start, date_to=hired - timedelta(days=10),
                        employer=rng.choice(EMPLOYERS), counts=True, changed_by=ctx.login,
                    )
                )  # fmt: skip
            history += _seniority(history, hired, prior_years, end)
            for e in sorted(history, key=lambda e: e.day):
                order_id, order_number, order_date = orders.near(e.kind, e.day)
                s.add(
                    PersonnelEvent(
                        staff_id=staff_id, kind=e.kind, event_date=e.day, end_date=e.end,
                        detail=e.detail, post=position if e.kind in rules.WITH_POST else "",
                        department_id=department_id if e.kind in rules.WITH_POST else None,
                        category=e.category, rank=e.rank, amount=e.amount,
                        percent=rules.DEFAULT_LADDER.get(e.amount or 0)
                        if e.kind == rules.SENIORITY else None,
                        order_id=order_id, order_number=order_number, order_date=order_date,
                        changed_by=ctx.login,
                    )
                )  # fmt: skip
                events += 1
            s.flush()
            refresh_derived(s, staff_id)
    ctx.counts["personnel.files"] = files
    ctx.counts["personnel.events"] = events
    ctx.say(f"Особових справ: {files}, записів послужних списків: {events}.")


def _history(rng: random.Random, end: date, position: str, head: bool) -> list[rules.Event]:
    """One person's service: the appointment (years ago or lately), probation for the newly
    appointed, ranks, yearly evaluation, vacations, trips, aid, training, and for a few a
    transfer, a fixed-term contract or a dismissal."""
    category = _category(position)
    ranks = sorted(rules.ranks_of(category), reverse=True)  # lowest rank first (15, 14, 13)
    recent = rng.random() < 0.25
    hired = end - timedelta(days=rng.randint(40, 700) if recent else rng.randint(800, 6000))
    while hired.weekday() >= 5:
        hired -= timedelta(days=1)
    basis = _weighted(rng, HIRE_SHARES)
    if basis == rules.MARTIAL_BASIS and hired < MARTIAL_LAW_START:
        basis = "за загальним трудовим законодавством"
    found = [rules.Event(rules.HIRE, hired, None, basis, category, ranks[0])]
    found.append(rules.Event(rules.RANK, hired, None, "", category, ranks[0]))
    if hired > end - timedelta(days=400):
        found.append(
            rules.Event(rules.PROBATION, hired, rules.add_months(hired, 3) - timedelta(days=1),
                        "до 3 місяців")
        )  # fmt: skip
    for step, rank in enumerate(ranks[1:], start=1):
        day = rules.add_years(hired, 3 * step)
        if day <= end:
            found.append(rules.Event(rules.RANK, day, None, "", category, rank))
    for year in range(max(hired.year, end.year - 2), end.year + 1):
        if date(year, 1, 20) > hired and date(year, 1, 20) <= end:
            found.append(
                rules.Event(rules.EVALUATION, date(year, 1, 20), None,
                            _weighted(rng, EVALUATION_SHARES))
            )  # fmt: skip
        for month in sorted(rng.sample(range(5, 10), 2)):
            start = date(year, month, rng.randint(1, 14))
            if hired < start and start + timedelta(days=14) <= end:
                found.append(
                    rules.Event(rules.VACATION, start, start + timedelta(days=11),
                                "щорічна основна", amount=12)
                )  # fmt: skip
        if rng.random() < 0.3:
            day = date(year, rng.randint(2, 11), rng.randint(1, 25))
            if hired < day <= end:
                found.append(rules.Event(rules.MATERIAL_AID, day, None, "для оздоровлення"))
        if rng.random() < 0.2:
            day = date(year, rng.randint(2, 11), rng.randint(1, 25))
            if hired < day <= end - timedelta(days=3):
                found.append(
                    rules.Event(rules.TRIP, day, day + timedelta(days=2),
                                rng.choice(rules.TRIP_KINDS[:1] * 3 + rules.TRIP_KINDS[1:]))
                )  # fmt: skip
        if rng.random() < 0.25:
            day = date(year, rng.randint(2, 11), rng.randint(1, 20))
            if hired < day <= end - timedelta(days=5):
                found.append(
                    rules.Event(rules.TRAINING, day, day + timedelta(days=4), rng.choice(TRAINING))
                )
    roll = rng.random()
    if not head and roll < 0.08:
        day = end - timedelta(days=rng.randint(5, 600))
        if day > hired + timedelta(days=60):
            found = [e for e in found if e.day < day]
            found.append(rules.Event(rules.DISMISSAL, day, None, _weighted(rng, DISMISSAL_SHARES)))
    elif not head and roll < 0.16:
        day = end - timedelta(days=rng.randint(5, 500))
        if day > hired + timedelta(days=60):
            kind = rng.choice(rules.TRANSFER_KINDS[:2])
            found.append(rules.Event(rules.TRANSFER, day, None, kind, category, ranks[0]))
    elif not head and roll < 0.22:
        start = end - timedelta(days=rng.randint(200, 330))
        if start > hired:
            found.append(
                rules.Event(rules.CONTRACT, start, start + timedelta(days=365), "вперше укладений")
            )
    return found


def _seniority(
    history: list[rules.Event], hired: date, prior_years: int, end: date
) -> list[rules.Event]:
    """A bonus set on the day each threshold was reached while in service."""
    out = next((e.day for e in history if e.kind == rules.DISMISSAL), end)
    start = hired - timedelta(days=365 * prior_years)
    found = []
    for years in rules.THRESHOLDS:
        day = rules.add_years(start, years)
        if hired <= day <= out:
            found.append(rules.Event(rules.SENIORITY, day, None, "", amount=years))
    return found
