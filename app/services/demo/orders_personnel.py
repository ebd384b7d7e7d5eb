"""What the demo's personnel orders («-к») are about: kinds with their shares, and titles in
proper officialese.

The shares of personnel kinds follow the HR report of a real council (Lutsk, 9 months of 2022,
shared/domain/next-registers.md §1.2: of 1945 personnel orders 597 on vacations, 333 on
material assistance, 79 on hiring, 76 on dismissal, 76 on unpaid leave, 55 on business trips; the
rest transfers, bonuses, awards, ranks, length-of-service allowances, internships, mobilisation).
A person is named as a title names them: «Про надання відпустки Коваленку І. П.» (dative),
«Про звільнення Коваленка І. П.» (genitive) — declined by app/domain/names.py.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

from app.domain.dates import format_date
from app.domain.names import (
    GrammaticalCase,
    PersonName,
    dative_short,
    full_name,
    full_name_in_case,
    initials,
)
from app.services.demo.data import DEPARTMENTS_GENITIVE

#: Personnel kinds (app/domain/orders.PERSONNEL_KINDS) and their shares, per cent.
PERSONNEL_SHARES = {
    "відпустка": 32.0,
    "матеріальна допомога": 17.0,
    "прийняття/призначення": 4.2,
    "звільнення": 4.0,
    "відпустка без збереження заробітної плати": 3.9,
    "відрядження": 2.9,
    "переведення": 3.5,
    "премія": 2.5,
    "нагородження": 2.5,
    "інше": 24.0,
}

# Positions of the council's employees: nominative → genitive («на посаду головного спеціаліста»).
POSITIONS = {
    "головний спеціаліст": "головного спеціаліста",
    "провідний спеціаліст": "провідного спеціаліста",
    "спеціаліст І категорії": "спеціаліста І категорії",
    "спеціаліст": "спеціаліста",
    "заступник начальника": "заступника начальника",
    "начальник відділу": "начальника відділу",
    "начальник управління": "начальника управління",
    "начальник служби": "начальника служби",
    "начальник центру": "начальника центру",
    "адміністратор": "адміністратора",
    "інспектор": "інспектора",
}
POSITION_SHARES: tuple[tuple[str, int], ...] = (
    ("головний спеціаліст", 40),
    ("провідний спеціаліст", 20),
    ("спеціаліст І категорії", 12),
    ("спеціаліст", 8),
    ("інспектор", 6),
    ("заступник начальника", 8),
    ("адміністратор", 6),
)


def short_in_case(p: PersonName, case: GrammaticalCase) -> str:
    """«Коваленка І. П.» (genitive), «Коваль О. П.» — the surname declined, initials kept."""
    if case == "dative":
        return dative_short(p)
    surname = full_name_in_case(p, case).split(" ")[0]
    return f"{surname} {initials(p)}"


@dataclass(frozen=True)
class Employee:
    """Someone a personnel order is about (most are not on the demo's short staff list)."""

    name: PersonName
    department: str  # index code
    position: str  # nominative, lower case

    @property
    def where(self) -> str:
        """«головного спеціаліста загального відділу»"""
        position = POSITIONS.get(self.position, self.position)
        return f"{position} {DEPARTMENTS_GENITIVE[self.department]}"

    @property
    def post(self) -> str:
        """«головний спеціаліст загального відділу» (after the name in the nominative)"""
        return f"{self.position} {DEPARTMENTS_GENITIVE[self.department]}"

    def forms(self) -> dict[str, str]:
        return {
            "D": short_in_case(self.name, "dative"),
            "G": short_in_case(self.name, "genitive"),
            "A": short_in_case(self.name, "accusative"),
            "pos": self.where,
        }


# Titles by kind: (template, weight). {D}, {G}, {A}: the person in the dative, genitive,
# accusative; {pos}: their position and body in the genitive; a template without a person is an
# order about several people.
PERSONNEL_TITLES: dict[str, tuple[tuple[str, int], ...]] = {
    "відпустка": (
        ("Про надання щорічної основної відпустки {D}", 40),
        ("Про надання щорічної основної та додаткової відпусток {D}", 20),
        ("Про надання частини щорічної основної відпустки {D}", 15),
        ("Про надання соціальної відпустки на дітей {D}", 8),
        ("Про перенесення щорічної основної відпустки {D}", 4),
        ("Про відкликання {G} із щорічної основної відпустки", 2),
        ("Про надання щорічних відпусток працівникам {dept}", 6),
    ),
    "матеріальна допомога": (
        ("Про надання матеріальної допомоги для вирішення соціально-побутових питань {D}", 45),
        ("Про виплату допомоги на оздоровлення при наданні щорічної відпустки {D}", 40),
        ("Про надання матеріальної допомоги на оздоровлення працівникам {dept}", 8),
        ("Про надання матеріальної допомоги {D} у зв'язку зі смертю близького родича", 3),
    ),
    "прийняття/призначення": (
        ("Про призначення {G} на посаду {pos}", 55),
        ("Про призначення {G} на посаду {pos} за результатами конкурсу", 15),
        ("Про прийняття на роботу {G} за строковим трудовим договором", 20),
        ("Про призначення {G} на посаду {pos} з кадрового резерву", 10),
    ),
    "звільнення": (
        ("Про звільнення {G}", 60),
        ("Про звільнення {G} з посади {pos}", 40),
    ),
    "відпустка без збереження заробітної плати": (
        ("Про надання відпустки без збереження заробітної плати {D}", 85),
        ("Про надання {D} відпустки без збереження заробітної плати на період воєнного стану", 15),
    ),
    "відрядження": (
        ("Про відрядження {G}", 50),
        ("Про направлення у службове відрядження {G}", 35),
        ("Про відрядження працівників {dept}", 15),
    ),
    "переведення": (
        ("Про переведення {G} на посаду {newpos}", 75),
        ("Про тимчасове переведення {G} на посаду {newpos}", 25),
    ),
    "премія": (
        ("Про преміювання працівників виконавчих органів міської ради за {month} {myear} року", 55),
        ("Про преміювання {G} з нагоди ювілею", 25),
        ("Про виплату премії за підсумками роботи за {quarter} квартал {qyear} року", 20),
    ),
    "нагородження": (
        ("Про нагородження Почесною грамотою виконавчого комітету міської ради {G}", 35),
        ("Про відзначення Подякою міського голови {G}", 45),
        ("Про нагородження працівників {dept} з нагоди професійного свята", 20),
    ),
    "інше": (
        ("Про встановлення надбавки за вислугу років {D}", 20),
        ("Про присвоєння {D} {rank} рангу посадової особи місцевого самоврядування", 10),
        ("Про стажування {G} на посаді {pos}", 18),
        ("Про встановлення надбавки за високі досягнення у праці {D}", 10),
        ("Про покладення виконання обов'язків начальника {dept} на {A}", 12),
        ("Про увільнення від роботи {G} у зв'язку з призовом на військову службу", 5),
        ("Про встановлення доплати за суміщення посад {D}", 8),
        ("Про затвердження графіка щорічних відпусток на {next_year} рік", 2),
        ("Про внесення змін до штатного розпису {dept}", 4),
    ),
}
MONTHS_NOMINATIVE = (
    "січень", "лютий", "березень", "квітень", "травень", "червень",
    "липень", "серпень", "вересень", "жовтень", "листопад", "грудень",
)  # fmt: skip
# Grounds of dismissal with their counts in the HR report.
DISMISSAL_GROUNDS = {
    "за угодою сторін (пункт 1 статті 36 КЗпП України)": 37,
    "за власним бажанням (стаття 38 КЗпП України)": 13,
    "у зв'язку із закінченням строку трудового договору (пункт 2 статті 36 КЗпП України)": 19,
    "за скороченням штату (пункт 1 статті 40 КЗпП України)": 2,
    "у зв'язку з переведенням на іншу роботу (пункт 5 статті 36 КЗпП України)": 1,
}
TRIP_PLACES = ("м. Київ", "м. Хмельницький", "м. Львів", "м. Вінниця", "м. Житомир", "м. Рівне")
TRIP_PURPOSES = (
    "для участі в семінарі з питань місцевого самоврядування",
    "для подання звітності",
    "для участі в нараді",
    "для проходження навчання за програмою підвищення кваліфікації",
    "для отримання матеріальних цінностей",
)


def personnel_title(
    rng: random.Random, kind: str, who: Employee, others: list[Employee], day: date
) -> tuple[str, str]:
    """(title, summary) of a personnel order about `who` signed on `day`."""
    templates = [t for t, _w in PERSONNEL_TITLES[kind]]
    template = rng.choices(templates, weights=[w for _t, w in PERSONNEL_TITLES[kind]])[0]
    last_month = date(day.year, day.month, 1) - timedelta(days=1)
    last_quarter = date(day.year, (day.month - 1) // 3 * 3 + 1, 1) - timedelta(days=1)
    new = rng.choice([o for o in others if o.department != who.department] or others)
    new_position = POSITIONS[rng.choice(("головний спеціаліст", "провідний спеціаліст"))]
    values = who.forms() | {
        "dept": DEPARTMENTS_GENITIVE[who.department],
        "newpos": f"{new_position} {DEPARTMENTS_GENITIVE[new.department]}",
        "month": MONTHS_NOMINATIVE[last_month.month - 1],
        "myear": str(last_month.year),
        "quarter": ("I", "II", "III", "IV")[(last_quarter.month - 1) // 3],
        "qyear": str(last_quarter.year),
        "rank": rng.choice(("7", "9", "11", "13", "15")),
        "next_year": str(day.year + 1),
    }
    return template.format(**values), _summary(rng, kind, who, day)


def _summary(rng: random.Random, kind: str, who: Employee, day: date) -> str:
    person = f"{full_name(who.name)}, {who.post}"
    start = format_date(day + timedelta(days=rng.randint(1, 12)))
    if kind == "відпустка":
        days = rng.choice((14, 14, 10, 7, 24, 28, 31))
        return f"{person}: з {start} на {days} календарних днів"
    if kind == "відпустка без збереження заробітної плати":
        return f"{person}: з {start} на {rng.choice((1, 2, 3, 5, 7, 14))} календарних днів"
    if kind == "звільнення":
        grounds = list(DISMISSAL_GROUNDS)
        ground = rng.choices(grounds, weights=list(DISMISSAL_GROUNDS.values()))[0]
        return f"{person}: {start} {ground}"
    if kind == "відрядження":
        return f"{person}: {rng.choice(TRIP_PLACES)}, {rng.choice(TRIP_PURPOSES)}, з {start}"
    if kind == "прийняття/призначення":
        return f"{person}: з {start}, з випробуванням строком три місяці"
    if kind == "матеріальна допомога":
        return f"{person}: у розмірі посадового окладу"
    return person
