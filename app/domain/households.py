"""Household accounting (погосподарський облік): the classifiers and rules of the books.

Sources (see /work/shared/domain/next-registers.md §2): the instruction on household
accounting (наказ Держстату від 11.04.2016 № 56) — books opened for five years, data «станом на
1 січня», the card's sections I–V and «Додаткові відомості»; ЗУ «Про особисте селянське
господарство» ст. 4 (councils keep the records of personal peasant farms); form № 6-сільрада
(наказ Держстату від 05.10.2017 № 262). The completeness table is section 8 of the Lutsk HR
report: its rows count different work over a period, not nested subsets.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

#: Books are opened for five years (2006–2010, …, 2026–2030); a cycle is named by its first year.
CYCLE_YEARS = 5
FIRST_CYCLE = 2006

#: Object types (⚠️ the 2016 instruction's types as an open-source household app lists them).
OBJECT_KINDS: dict[str, str] = {
    "registered": "домогосподарство з реєстрацією місця проживання",
    "staying": "домогосподарство з реєстрацією місця перебування",
    "house": "домоволодіння без зареєстрованих осіб",
    "land": "землеволодіння",
    "abandoned": "закинутий об'єкт",
}

SEXES: dict[str, str] = {"m": "ч", "f": "ж"}

#: How a member's residence is registered.
REGISTRATIONS: dict[str, str] = {
    "registered": "зареєстроване місце проживання",
    "declared": "задеклароване місце проживання",
    "staying": "місце перебування",
    "none": "без реєстрації",
}

#: Why a member is no longer counted: left (вибув) or died (помер).
LEFT_REASONS: dict[str, str] = {"left": "вибув", "died": "помер"}

#: Section III «Земля в особистому користуванні … на 1 січня», by purpose; area in hectares.
LAND_KINDS: dict[str, str] = {
    "osg": "для ведення особистого селянського господарства",
    "house": "для будівництва і обслуговування житлового будинку",
    "garden": "для садівництва",
    "vegetable": "для городництва",
    "hay": "для сінокосіння і випасання худоби",
    "share": "земельна частка (пай)",
}
#: Section IV «Худоба, птиця та бджоли … на 1 січня», heads (bees: colonies).
LIVESTOCK_KINDS: dict[str, str] = {
    "cattle": "велика рогата худоба",
    "cows": "у тому числі корови",
    "pigs": "свині",
    "sheep": "вівці",
    "goats": "кози",
    "horses": "коні",
    "poultry": "птиця",
    "rabbits": "кролі",
    "bees": "бджолосім'ї",
}
#: Section V «Сільськогосподарська техніка … на 1 січня», units.
MACHINERY_KINDS: dict[str, str] = {
    "tractor": "трактори",
    "combine": "комбайни",
    "truck": "вантажні автомобілі",
    "plough": "плуги",
    "cultivator": "культиватори",
    "other": "інша техніка",
}
SECTIONS: dict[str, dict[str, str]] = {
    "land": LAND_KINDS,
    "livestock": LIVESTOCK_KINDS,
    "machinery": MACHINERY_KINDS,
}
SECTION_TITLES: dict[str, str] = {
    "land": "Земля в особистому користуванні, га",
    "livestock": "Худоба, птиця та бджоли, голів",
    "machinery": "Сільськогосподарська техніка, од.",
}

#: Work on an object, in the order of the completeness table's rows (HR report, section 8).
EVENT_KINDS: dict[str, str] = {
    "visit": "Кількість домогосподарств, по яких здійснено обхід",
    "paper_full": "Кількість домогосподарств, внесених в книги погосподарського обліку "
    "в повному обсязі",
    "paper_partial": "Кількість домогосподарств, внесених в книги погосподарського обліку частково",
    "program_full": "Кількість об'єктів погосподарського обліку, інформація щодо яких внесена "
    "до електронної програми в повному обсязі",
    "program_partial": "Кількість об'єктів погосподарського обліку, інформація щодо яких "
    "внесена до електронної програми частково",
    "desk_check": "Кількість домогосподарств, по яких проведено збір/уточнення інформації "
    "(звірка з реєстрами, збір інформації у дні прийому громадян — без виходу на місце)",
}
#: Short names of the events for the card's list.
EVENT_SHORT: dict[str, str] = {
    "visit": "обхід",
    "paper_full": "книга — повністю",
    "paper_partial": "книга — частково",
    "program_full": "програма — повністю",
    "program_partial": "програма — частково",
    "desk_check": "звірка без виходу",
}


class HouseholdError(ValueError):
    """A household record that cannot be stored as given; the message is for the user."""


def cycle_start(year: int) -> int:
    """The first year of the five-year cycle containing `year` (2026 → 2026, 2029 → 2026)."""
    return FIRST_CYCLE + (year - FIRST_CYCLE) // CYCLE_YEARS * CYCLE_YEARS


def cycle_text(start: int) -> str:
    return f"{start}–{start + CYCLE_YEARS - 1}"


def snapshot_year(day: date) -> int:
    """The year whose «станом на 1 січня» data a day belongs to: the day's own year."""
    return day.year


@dataclass(frozen=True)
class MemberState:
    """What a member's dates say about them on a day."""

    arrived_on: date | None
    left_on: date | None

    def present_on(self, day: date) -> bool:
        """Counted on `day`: arrived by then (or no arrival date) and not yet left or died."""
        if self.arrived_on is not None and self.arrived_on > day:
            return False
        return self.left_on is None or self.left_on > day


def full_name(surname: str, given: str, patronymic: str = "") -> str:
    return " ".join(p for p in (surname, given, patronymic) if p)


def address_text(settlement: str, street: str, house: str, flat: str = "") -> str:
    """«с. Прилуки, вул. Шевченка, 12, кв. 3» (the settlement's kind prefixed by the caller)."""
    text = ", ".join(p for p in (settlement, street, house) if p)
    if flat:
        text += f", кв. {flat}"
    return text


def certificate_number(district_code: str, year: int, seq: int) -> str:
    """A certificate's number in its district's series: «ПР-17/2026». The district's code
    makes numbers of two districts (working offline apart) never collide."""
    return f"{district_code}-{seq}/{year}"


def genitive_adjective(name: str) -> str:
    """A district's adjectival name in the genitive: «Прилуцький» → «Прилуцького» (for
    «Староста Прилуцького старостинського округу»); other names are kept as they are."""
    if name.endswith("ький") or name.endswith("ський") or name.endswith("ий"):
        return name[:-2] + "ого"
    if name.endswith("ій"):
        return name[:-2] + "ього"
    return name
