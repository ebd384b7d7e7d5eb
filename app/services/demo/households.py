"""Demo household books: three starosta districts of the demo council with their villages,
one book each for 2026–2030, objects of every type with families (a death and a departure
among them), the yearly sections for last year and this one (most confirmed in January), and
the work done on them this year — enough for the tab, the search, the card, the completeness
table and form № 6-сільрада to show something real.

Written in one transaction with the driver's executemany (`generate`), which the benchmark
uses too for tens of thousands of objects; the derived columns (head, search text) are
computed by the same functions as the services'.
"""

from __future__ import annotations

import random
import uuid
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import insert, select

from app.domain import households as dom
from app.domain.text import searchable_text, uk_sort_key
from app.services.demo.context import DemoContext
from app.services.demo.data import FEMALE_NAMES, MALE_NAMES, PATRONYMICS, SURNAMES
from db.exchange import transaction_usn
from db.models import (
    District,
    HouseholdBook,
    HouseholdEvent,
    HouseholdHolding,
    HouseholdMember,
    HouseholdObject,
    HouseholdYear,
    Settlement,
)
from db.session import Database

DISTRICTS = (
    ("ПР", "Прилуцький", "Олена Савчук", ("Прилуки", "Дачне")),
    ("ЗБ", "Заборольський", "Іван Ткачук", ("Забороль", "Антонівка")),
    ("КН", "Княгининівський", "Марія Гнатюк", ("Княгинінок", "Милуші", "Сапогове")),
)
VILLAGE_STREETS = (
    "вул. Шевченка",
    "вул. Лесі Українки",
    "вул. Центральна",
    "вул. Садова",
    "вул. Польова",
    "вул. Миру",
    "вул. Лісова",
    "вул. Молодіжна",
    "вул. Зарічна",
    "вул. Мар'янівська",
)
KIND_WEIGHTS = (("registered", 70), ("staying", 8), ("house", 12), ("land", 6), ("abandoned", 4))


def _person(rng: random.Random, surname: str, sex: str) -> tuple[str, str, str]:
    father = rng.choice(tuple(PATRONYMICS))
    given = rng.choice(MALE_NAMES if sex == "m" else FEMALE_NAMES)
    return surname, given, PATRONYMICS[father][0 if sex == "m" else 1]


def generate(
    db: Database,
    rng: random.Random,
    *,
    objects_per_district: int,
    districts: tuple[tuple[str, str, str, tuple[str, ...]], ...] = DISTRICTS,
    years: tuple[int, ...] = (),
    today: date | None = None,
    login: str = "demo",
) -> dict[str, int]:
    """Districts, one book each per cycle, objects with members, yearly sections and events."""
    today = today or date.today()
    years = years or (today.year - 1, today.year)
    start = dom.cycle_start(today.year)
    counts = {"districts": 0, "objects": 0, "members": 0, "events": 0}
    with db.write() as s:
        usn = transaction_usn(s)
        common = {"changed_by": login, "usn": usn}
        for code, name, starosta, villages in districts:
            if s.execute(select(District.id).where(District.code == code)).first():
                continue
            district = District(
                code=code, name=name, starosta_name=starosta, starosta_position="Староста", **common
            )
            s.add(district)
            s.flush()
            places = []
            for village in villages:
                place = Settlement(district_id=district.id, name=village, **common)
                s.add(place)
                places.append(place)
            book = HouseholdBook(district_id=district.id, number=1, cycle_start=start, **common)
            s.add(book)
            s.flush()
            counts["districts"] += 1
            objects: list[dict[str, Any]] = []
            members: list[dict[str, Any]] = []
            yearly: list[dict[str, Any]] = []
            holdings: list[dict[str, Any]] = []
            events: list[dict[str, Any]] = []
            for account in range(1, objects_per_district + 1):
                object_id = account  # the account until the row has its id
                kind = rng.choices([k for k, _ in KIND_WEIGHTS], [w for _, w in KIND_WEIGHTS])[0]
                place = rng.choice(places)
                street, house = rng.choice(VILLAGE_STREETS), str(rng.randint(1, 140))
                family = _family(rng, today) if kind in ("registered", "staying") else []
                if kind == "house" and rng.random() < 0.5:
                    family = _family(rng, today)[:1]
                    family[0]["registration"] = "none"
                for m in family:
                    m.update(object_id=object_id, uuid=uuid.uuid4(), **common)
                members.extend(family)
                present = [m for m in family if m["left_on"] is None]
                head = next((m for m in present if m["is_head"]), None)
                head_name = (
                    dom.full_name(head["surname"], head["given_name"], head["patronymic"])
                    if head
                    else ""
                )
                names = [
                    dom.full_name(m["surname"], m["given_name"], m["patronymic"]) for m in family
                ]
                objects.append(
                    {
                        "uuid": uuid.uuid4(),
                        "district_id": district.id,
                        "book_id": book.id,
                        "book_number": 1,
                        "account": account,
                        "kind": kind,
                        "settlement_id": place.id,
                        "street": street,
                        "house": house,
                        "flat": "",
                        "head_name": head_name,
                        "head_sort": uk_sort_key(head_name)[:200],
                        "note": "",
                        "search_text": searchable_text(
                            str(account), place.name, street, house, *names
                        ),
                        **common,
                    }
                )
                for year in years:
                    confirmed = year < today.year or rng.random() < 0.6
                    yearly.append(
                        {
                            "object_id": object_id,
                            "year": year,
                            "uuid": uuid.uuid4(),
                            "confirmed_on": date(year, 1, rng.randint(5, 28))
                            if confirmed and date(year, 1, 28) <= today
                            else None,
                            "confirmed_by": starosta if confirmed else "",
                            "dwelling_kind": "житловий будинок" if kind != "land" else "",
                            "built_year": rng.randint(1950, 2015) if kind != "land" else None,
                            "wall_material": rng.choice(("цегла", "дерево", "саман", "блоки")),
                            "total_area": Decimal(rng.randint(40, 140)),
                            "living_area": None,
                            "rooms": rng.randint(1, 5),
                            "notes": "",
                            **common,
                        }
                    )
                    holdings.extend(_holdings(rng, object_id, year, kind, common))
                for _ in range(rng.choice((0, 1, 1, 2, 3))):
                    day = date(today.year, 1, 1) + timedelta(
                        days=rng.randint(0, max(0, (today - date(today.year, 1, 1)).days))
                    )
                    events.append(
                        {
                            "object_id": object_id,
                            "district_id": district.id,
                            "kind": rng.choice(tuple(dom.EVENT_KINDS)),
                            "day": day,
                            "done_by": starosta,
                            "note": "",
                            "uuid": uuid.uuid4(),
                            **common,
                        }
                    )
            s.execute(insert(HouseholdObject), objects)
            ids = dict(
                s.execute(
                    select(HouseholdObject.account, HouseholdObject.id).where(
                        HouseholdObject.book_id == book.id
                    )
                ).all()
            )
            for rows in (members, yearly, holdings, events):
                for row in rows:
                    row["object_id"] = ids[row["object_id"]]
            for model, rows in (
                (HouseholdMember, members),
                (HouseholdYear, yearly),
                (HouseholdHolding, holdings),
                (HouseholdEvent, events),
            ):
                if rows:
                    s.execute(insert(model), rows)
            counts["objects"] += len(objects)
            counts["members"] += len(members)
            counts["events"] += len(events)
    return counts


def _family(rng: random.Random, today: date) -> list[dict[str, Any]]:
    surname = rng.choice(SURNAMES)
    head_sex = rng.choice("mf")
    people = [(head_sex, "голова", rng.randint(35, 80))]
    if rng.random() < 0.7:
        people.append(
            (
                "f" if head_sex == "m" else "m",
                "дружина" if head_sex == "m" else "чоловік",
                people[0][2] + rng.randint(-5, 5),
            )
        )
    for _ in range(rng.choice((0, 0, 1, 2, 3))):
        people.append((rng.choice("mf"), "", rng.randint(1, 30)))
    rows = []
    for index, (sex, relation, age) in enumerate(people):
        relation = relation or ("син" if sex == "m" else "донька")
        born = date(today.year - age, rng.randint(1, 12), rng.randint(1, 28))
        s, g, p = _person(rng, surname, sex)
        left_on, reason = None, ""
        if index > 0 and rng.random() < 0.05:
            left_on, reason = (
                today - timedelta(days=rng.randint(10, 300)),
                rng.choice(tuple(dom.LEFT_REASONS)),
            )
        rows.append(
            {
                "surname": s,
                "given_name": g,
                "patronymic": p,
                "sex": sex,
                "birth_date": born,
                "relation": relation,
                "is_head": index == 0,
                "registration": "registered",
                "registered_on": born if age < 18 else born + timedelta(days=365 * 18),
                "arrived_on": None,
                "left_on": left_on,
                "left_reason": reason,
                "note": "",
            }
        )
    return rows


def _holdings(
    rng: random.Random, object_id: int, year: int, kind: str, common: dict[str, Any]
) -> list[dict[str, Any]]:
    lines: list[tuple[str, str, Decimal]] = []
    if kind != "abandoned":
        lines.append(("land", "house", Decimal("0.25")))
        if rng.random() < 0.7:
            lines.append(("land", "osg", Decimal(rng.randint(10, 200)) / 100))
    if kind in ("registered", "staying"):
        if rng.random() < 0.3:
            lines.append(("livestock", "cattle", Decimal(rng.randint(1, 3))))
            lines.append(("livestock", "cows", Decimal(1)))
        if rng.random() < 0.6:
            lines.append(("livestock", "poultry", Decimal(rng.randint(5, 40))))
        if rng.random() < 0.2:
            lines.append(("livestock", "pigs", Decimal(rng.randint(1, 4))))
        if rng.random() < 0.05:
            lines.append(("livestock", "bees", Decimal(rng.randint(2, 20))))
        if rng.random() < 0.1:
            lines.append(("machinery", "tractor", Decimal(1)))
    return [
        {
            "object_id": object_id,
            "year": year,
            "section": sec,
            "kind": k,
            "amount": amount,
            "uuid": uuid.uuid4(),
            **common,
        }
        for sec, k, amount in lines
    ]


def fill(ctx: DemoContext) -> None:
    ctx.say("Погосподарські книги: три старостинські округи…")
    counts = generate(ctx.db, ctx.rng, objects_per_district=100, today=ctx.end, login=ctx.login)
    ctx.counts["households"] = counts["objects"]
    ctx.counts["household_members"] = counts["members"]
