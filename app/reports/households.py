"""The household books' statistics: the completeness table of the HR report's section 8 and the
annual form № 6-сільрада, by starosta district.

* Completeness (Lutsk HR report for 9 months of 2022, section 8; next-registers.md §1.2, Table 2):
  one row per kind of work, one column per district, for a period. A row counts the objects that
  had that work in the period (an object visited twice is one household visited); the rows are
  counted each on its own and are **not** subsets of one another («entered in full» may exceed
  «visited»: a desk entry needs no visit).
* Form № 6-сільрада (річна) «Звіт про об'єкти погосподарського обліку» (наказ Держстату від
  05.10.2017 № 262). The form's blank was **not** retrieved; the only source is the row of
  next-registers.md §2.1, which names its indicators as «number of objects whose members have
  land for ОСГ, area of such land, livestock etc.» (✅ search.ligazakon.ua RE31184). Each line
  checked against it (and against the rest of /work/shared/domain, which says no more):

  ===================================================================  =========================
  line                                                                  source
  ===================================================================  =========================
  title «Звіт про об'єкти погосподарського обліку», «(річна)»          ✅ §2.1
  Кількість об'єктів погосподарського обліку                            ❓ not named
  Кількість наявних осіб                                                ❓ not named
  Кількість об'єктів, члени яких мають земельні ділянки для ОСГ         ✅ §2.1
  Площа земельних ділянок для ведення ОСГ, га                           ✅ §2.1 («area of such
                                                                        land»; unit ha ❓)
  Площа всіх земель в особистому користуванні, га                       ❓ not named
  livestock lines (ВРХ, у т. ч. корови, свині, вівці, кози, коні,       ⚠️ «livestock» is named;
  птиця, кролі), голів                                                  the kinds, the split
                                                                        and the unit are the
                                                                        card's section IV (a
                                                                        reprint ⚠️, the kinds
                                                                        an illustration ❓)
  Бджолосім'ї                                                           ❓ not named (section IV
                                                                        title mentions bees ⚠️)
  date «станом на 1 січня»                                              ⚠️ the card's sections
                                                                        are «на 1 січня»; the
                                                                        form's date ❓
  ===================================================================  =========================

  The unconfirmed lines are kept (a council needs them for the report the instruction
  describes) but `FORM6_UNCONFIRMED` lists them and the printed report says the blank was not
  checked: compare with the blank in force before submitting (ask the customer for it).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.domain import households as dom
from app.domain.roles import Actor
from app.domain.text import uk_sort_key
from app.reports.tables import ReportPeriod, TableReport
from app.services.households import district_ids, scope
from db.models import District, HouseholdHolding, HouseholdMember, HouseholdObject
from db.queries import households as q
from db.session import Database

#: Lines of form № 6-сільрада that next-registers.md does not confirm (see the docstring).
FORM6_UNCONFIRMED: frozenset[str] = frozenset(
    {
        "Кількість об'єктів погосподарського обліку",
        "Кількість наявних осіб",
        "Площа всіх земель в особистому користуванні, га",
        *(f"{t[0].upper()}{t[1:]}, голів" for k, t in dom.LIVESTOCK_KINDS.items() if k != "bees"),
        "Бджолосім'ї",
    }
)
FORM6_CHECK_NOTE = (
    "Перелік рядків складено за описом форми в інструкції (наказ Держстату від 05.10.2017 "
    "№ 262); бланк форми з програмою не звірено — перед поданням звірте рядки з чинним бланком."
)


@dataclass(frozen=True)
class _District:
    id: int
    name: str


def _districts(s: Session, actor: Actor) -> list[_District]:
    """The actor's districts in Ukrainian alphabetical order (a starosta: their own)."""
    allowed = district_ids(s, scope(actor))
    rows = [
        _District(i, n)
        for i, n in s.execute(select(District.id, District.name)).all()
        if allowed is None or i in allowed
    ]
    return sorted(rows, key=lambda d: uk_sort_key(d.name))


def completeness(db: Database, actor: Actor, period: ReportPeriod) -> TableReport:
    """The section-8 table for a period, by district (the actor's districts only)."""
    assert period.date_from is not None
    with db.read() as s:
        districts = _districts(s, actor)
        ids = tuple(d.id for d in districts)
        counts = q.event_counts(s, period.date_from, period.date_to, ids)
    rows = [
        [label, *(counts.get((d.id, kind), 0) for d in districts)]
        for kind, label in dom.EVENT_KINDS.items()
    ]
    return TableReport(
        title="Робота щодо ведення погосподарського обліку",
        period=period,
        columns=[
            "Завдання та обов'язки щодо погосподарського обліку",
            *(d.name for d in districts),
        ],
        rows=rows,
        notes=(
            "Кожен рядок — кількість об'єктів, з якими в періоді виконано таку роботу (за "
            "записами «Робота з об'єктом»); рядки рахуються окремо і не є частинами один одного.",
        ),
        widths=(4.0, *(1.0 for _ in districts)),
    )


def _number(value: Decimal | int) -> str | int:
    if isinstance(value, int):
        return value
    text = f"{value.quantize(Decimal('0.0001')):f}".rstrip("0").rstrip(".")
    return text or "0"


def form6(db: Database, actor: Actor, period: ReportPeriod) -> TableReport:
    """Form № 6-сільрада as of 1 January of the year of `period.date_to`."""
    year = period.date_to.year
    on = date(year, 1, 1)
    with db.read() as s:
        districts = _districts(s, actor)
        ids = [d.id for d in districts]
        objects = dict(
            s.execute(
                select(HouseholdObject.district_id, func.count())
                .where(HouseholdObject.district_id.in_(ids or [-1]))
                .group_by(HouseholdObject.district_id)
            ).all()
        )
        persons = dict(
            s.execute(
                select(HouseholdObject.district_id, func.count())
                .join(HouseholdMember, HouseholdMember.object_id == HouseholdObject.id)
                .where(
                    HouseholdObject.district_id.in_(ids or [-1]),
                    (HouseholdMember.arrived_on.is_(None)) | (HouseholdMember.arrived_on <= on),
                    (HouseholdMember.left_on.is_(None)) | (HouseholdMember.left_on > on),
                )
                .group_by(HouseholdObject.district_id)
            ).all()
        )
        lines = s.execute(
            select(
                HouseholdObject.district_id,
                HouseholdHolding.section,
                HouseholdHolding.kind,
                func.count(HouseholdHolding.object_id.distinct()),
                func.sum(HouseholdHolding.amount),
            )
            .join(HouseholdObject, HouseholdObject.id == HouseholdHolding.object_id)
            .where(HouseholdObject.district_id.in_(ids or [-1]), HouseholdHolding.year == year)
            .group_by(HouseholdObject.district_id, HouseholdHolding.section, HouseholdHolding.kind)
        ).all()
    with_kind: dict[tuple[int, str, str], int] = {}
    amount: dict[tuple[int, str, str], Decimal] = {}
    land_total: dict[int, Decimal] = {}
    for district_id, section, kind, n, total in lines:
        with_kind[(district_id, section, kind)] = int(n)
        amount[(district_id, section, kind)] = Decimal(total or 0)
        if section == "land":
            land_total[district_id] = land_total.get(district_id, Decimal(0)) + Decimal(total or 0)

    def row(label: str, values: Sequence[Decimal | int]) -> list[object]:
        total = sum(values, Decimal(0)) if values else 0
        if all(isinstance(v, int) for v in values):
            total = int(total)
        return [label, *(_number(v) for v in values), _number(total)]

    rows = [
        row("Кількість об'єктів погосподарського обліку", [objects.get(i, 0) for i in ids]),
        row("Кількість наявних осіб", [persons.get(i, 0) for i in ids]),
        row(
            "Кількість об'єктів, члени яких мають земельні ділянки для ведення особистого "
            "селянського господарства",
            [with_kind.get((i, "land", "osg"), 0) for i in ids],
        ),
        row(
            "Площа земельних ділянок для ведення особистого селянського господарства, га",
            [amount.get((i, "land", "osg"), Decimal(0)) for i in ids],
        ),
        row(
            "Площа всіх земель в особистому користуванні, га",
            [land_total.get(i, Decimal(0)) for i in ids],
        ),
    ]
    for kind, title in dom.LIVESTOCK_KINDS.items():
        rows.append(
            row(
                f"{title[0].upper()}{title[1:]}, голів" if kind != "bees" else "Бджолосім'ї",
                [int(amount.get((i, "livestock", kind), Decimal(0))) for i in ids],
            )
        )
    return TableReport(
        title="Звіт про об'єкти погосподарського обліку (форма № 6-сільрада)",
        period=ReportPeriod(None, on),
        columns=["Показник", *(d.name for d in districts), "Усього"],
        rows=rows,
        notes=(
            f"Дані розділів «станом на 1 січня {year} року»; особи — наявні на цю дату "
            "(без тих, що вибули чи померли раніше).",
            FORM6_CHECK_NOTE,
        ),
        widths=(4.0, *(1.0 for _ in districts), 1.0),
    )
