"""Who the demo's orders name: the staff who prepare them and receive copies, the mayor who signs
(the first deputy while the mayor is away), and the council's ~500 employees the personnel
orders are about — only a few of them are on the demo's staff list, the rest are named in
titles only, as in a real journal. Also the cases the originals are filed in (4.17).
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy import select

from app.domain.names import Gender, PersonName
from app.domain.orders import MAIN, PERSONNEL
from app.services.demo.context import DemoContext
from app.services.demo.data import DEPARTMENTS, DEPARTMENTS_GENITIVE
from app.services.demo.office import person
from app.services.demo.orders_personnel import (
    POSITION_SHARES,
    POSITIONS,
    Employee,
    short_in_case,
)
from app.services.field_storage import staff_short
from app.services.reference import CaseFileInfo, save_case_file
from db.models import CaseFile, Staff

HR, ACCOUNTING = "17-03", "14-04"
EMPLOYEES = 500
# The general department keeps the originals five years (4.17): one case per series and year.
CASES = {
    MAIN: ("01-02", "Розпорядження міського голови з основної діяльності", "Пост."),
    PERSONNEL: ("01-03", "Розпорядження міського голови з кадрових питань", "75 р. ЕПК"),
}


@dataclass
class Office:
    names: dict[str, list[str]]  # body's index code → staff as registers name them, head first
    employees: list[Employee]
    absent: set[date] = field(default_factory=set)  # the mayor's days away
    # «першого заступника міського голови Гуменюка О. В.»: whom «контроль покласти на» names
    in_charge: dict[str, str] = field(default_factory=dict)

    @property
    def mayor(self) -> str:
        return self.names[""][0]

    @property
    def deputies(self) -> tuple[str, ...]:
        return tuple(self.names[""][1:4])

    @property
    def hr(self) -> list[str]:
        return self.staff_of(HR)

    def staff_of(self, code: str) -> list[str]:
        return self.names.get(code) or self.names["01-12"]

    def head_of(self, code: str) -> str:
        return self.staff_of(code)[0]

    def signatory(self, day: date) -> str:
        """The mayor; the first deputy (acting mayor) on the mayor's days away."""
        return self.deputies[0] if day in self.absent else self.mayor

    def personnel_executors(self, rng: random.Random, who: Employee) -> list[str]:
        """The accounts department (it pays), the person's head, the HR department."""
        wanted = [self.head_of(ACCOUNTING), self.head_of(who.department), rng.choice(self.hr)]
        return _distinct(rng.sample(wanted, rng.choice((1, 2, 2, 3))))

    def main_executors(self, rng: random.Random, department: str, lead: str) -> list[str]:
        """The body that prepared it, the deputy in charge, now and then another body."""
        other = self.head_of(rng.choice(DEPARTMENTS)[0])
        wanted = [self.head_of(department), lead or rng.choice(self.deputies), other]
        return _distinct(wanted[: rng.choice((1, 2, 2, 3))])


def _distinct(names: list[str]) -> list[str]:
    return list(dict.fromkeys(names))


def office_of(ctx: DemoContext) -> Office:
    """The demo's staff by body, the employees and the mayor's absences; the cases for the
    originals of both series each year are added to the nomenclature when missing."""
    ids = [i for group in ctx.staff.values() for i in group]
    with ctx.db.read() as s:
        rows = {row.id: row for row in s.execute(select(Staff).where(Staff.id.in_(ids))).scalars()}
        names = {code: [staff_short(rows[i]) for i in group] for code, group in ctx.staff.items()}
        people = [(rows[i], code) for code, group in ctx.staff.items() if code for i in group]
        employees = [
            Employee(
                _name(p),
                code,
                p.position.lower() if p.position.lower() in POSITIONS else "головний спеціаліст",
            )
            for p, code in people
        ]
        used = {(p.surname, p.given_name) for p in rows.values()}
        in_charge = {
            staff_short(
                p
            ): f"{_accusative_post(p.position, code)} {short_in_case(_name(p), 'accusative')}"
            for code, group in ctx.staff.items()
            for p in (rows[i] for i in group)
        }
    _case_files(ctx)
    codes = [code for code, _name in DEPARTMENTS if code in DEPARTMENTS_GENITIVE]
    positions = [p for p, _share in POSITION_SHARES]
    weights = [share for _p, share in POSITION_SHARES]
    while len(employees) < EMPLOYEES:
        surname, given, patronymic, gender = person(ctx.rng, used)
        name = PersonName(surname, given, patronymic, Gender(gender))
        position = ctx.rng.choices(positions, weights=weights)[0]
        employees.append(Employee(name, ctx.rng.choice(codes), position))
    return Office(names, employees, _absences(ctx), in_charge)


def _name(p: Staff) -> PersonName:
    return PersonName(p.surname, p.given_name, p.patronymic, Gender(p.gender))


def _accusative_post(position: str, code: str) -> str:
    """«першого заступника міського голови», «начальника управління освіти»"""
    if code in DEPARTMENTS_GENITIVE:
        post = POSITIONS.get(position.lower(), "начальника")
        post = "начальника" if post.startswith("начальника") else post
        return f"{post} {DEPARTMENTS_GENITIVE[code]}"
    words = position.lower().split(" ")
    leading = {"перший": "першого", "заступник": "заступника", "секретар": "секретаря"}
    leading |= {"керуючий": "керуючого", "справами": "справами", "міський": "міського"}
    return " ".join(leading.get(w, w) for w in words).replace("міського голова", "міського голови")


def _absences(ctx: DemoContext) -> set[date]:
    """Two weeks of the mayor's leave in summer, one in winter, and a few days of trips."""
    rng, days = ctx.rng, set[date]()
    for year in range(ctx.end.year - ctx.years + 1, ctx.end.year + 1):
        for first, length in (
            (date(year, 7, 1) + timedelta(days=rng.randint(0, 45)), 14),
            (date(year, 1, 12) + timedelta(days=rng.randint(0, 30)), 7),
        ):
            days.update(first + timedelta(days=i) for i in range(length))
        days.update(date(year, 1, 1) + timedelta(days=rng.randint(0, 364)) for _ in range(6))
    return days


def _case_files(ctx: DemoContext) -> None:
    general = ctx.departments.get("01-12")
    years = range(ctx.end.year - ctx.years + 1, ctx.end.year + 1)
    with ctx.db.read() as s:
        have = {(y, i) for y, i in s.execute(select(CaseFile.year, CaseFile.index))}
    for year in years:
        for index, title, retention in CASES.values():
            if (year, index) not in have:
                save_case_file(
                    ctx.db, CaseFileInfo(None, index, title, retention, year, general), ctx.user
                )
                ctx.case_files += 1
