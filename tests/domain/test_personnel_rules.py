"""The personnel rules without a database: ranks by category, seniority, the state the
reminders are computed from, and what the reminders say when."""

from __future__ import annotations

from datetime import date

import pytest

from app.domain import personnel as rules
from app.domain.personnel import Event, Period


def test_ranks_follow_the_category():
    assert rules.ranks_of(7) == (15, 14, 13)
    assert rules.ranks_of(1) == (3, 2, 1)
    with pytest.raises(rules.PersonnelError):
        rules.ranks_of(8)


def test_seniority_counts_overlaps_once_and_names_the_next_threshold():
    periods = [Period(date(2015, 1, 1), date(2019, 12, 31)), Period(date(2019, 6, 1), None)]
    s = rules.seniority(periods, date(2025, 1, 1))
    assert (s.years, s.reached, s.next_threshold) == (10, 10, 15)
    assert s.next_date == date(2030, 1, 1)


def test_the_ladder_is_data_and_refuses_thresholds_the_law_does_not_know():
    assert rules.parse_ladder("3:10; 5:15; 25:40")[25] == 40
    assert rules.parse_ladder("") == rules.DEFAULT_LADDER
    with pytest.raises(rules.PersonnelError, match="пороги"):
        rules.parse_ladder("4:10")


def _hired(day: date, basis: str = "за загальним трудовим законодавством") -> list[Event]:
    return [Event(rules.HIRE, day, None, basis, 6, 13)]


def test_attestation_waits_while_martial_law_lasts_and_is_due_after():
    events = _hired(date(2015, 3, 1))
    periods = [Period(date(2015, 3, 1), None)]
    during = rules.reminders(1, events, periods, date(2025, 3, 1), None)
    assert rules.ATTESTATION not in {r.kind for r in during}
    after = rules.reminders(1, events, periods, date(2025, 3, 1), date(2024, 12, 31))
    assert rules.ATTESTATION in {r.kind for r in after}


def test_martial_law_appointees_must_compete_within_six_months_after_it_ends():
    events = _hired(date(2023, 5, 2), rules.MARTIAL_BASIS)
    periods = [Period(date(2023, 5, 2), None)]
    found = rules.reminders(1, events, periods, date(2025, 7, 20), date(2025, 1, 31))
    competition = [r for r in found if r.kind == "competition"]
    assert competition and competition[0].due == date(2025, 7, 31)


def test_probation_end_and_the_december_reserve_review():
    events = [
        *_hired(date(2025, 10, 1)),
        Event(rules.PROBATION, date(2025, 10, 1), date(2025, 12, 31), "до 3 місяців"),
        Event(rules.RESERVE, date(2024, 12, 10), None, "зараховано"),
    ]
    periods = [Period(date(2025, 10, 1), None)]
    kinds = {r.kind: r for r in rules.reminders(1, events, periods, date(2025, 12, 5))}
    assert kinds[rules.PROBATION].due == date(2025, 12, 31)
    assert rules.RESERVE in kinds


def test_a_martial_law_vacation_over_the_cap_is_refused_but_not_before_it():
    long = Event(rules.VACATION, date(2021, 7, 1), date(2021, 7, 28), "щорічна основна")
    rules.check_event(long, martial_law=False)
    with pytest.raises(rules.PersonnelError, match="24"):
        rules.check_event(long, martial_law=True)


def test_order_drafts_name_the_person_in_the_case_the_verb_asks_for():
    from app.domain.names import Gender, PersonName
    from app.domain.personnel_orders import draft, genitive_phrase

    man = PersonName("Мельник", "Іван", "Іванович", Gender.MALE)
    woman = PersonName("Коваль", "Олена", "Петрівна", Gender.FEMALE)
    vacation = draft("vacation", man, day="07.07.2025", end="20.07.2025", detail="щорічна основна")
    assert vacation.title == "Про надання відпустки Мельнику І. І."
    assert vacation.text.startswith("Надати МЕЛЬНИКУ Івану Івановичу щорічну основну відпустку")
    hired = draft("hire", woman, day="01.10.2025", post="Головний спеціаліст",
                  department="Загальний відділ")  # fmt: skip
    assert hired.text.startswith(
        "Призначити КОВАЛЬ Олену Петрівну з 01.10.2025 на посаду головного спеціаліста "
        "загального відділу"
    )
    gone = draft("dismissal", man, day="01.10.2025", detail="п. 1 ст. 36 КЗпП (угода сторін)")
    assert gone.title == "Про звільнення Мельника І. І."
    assert genitive_phrase("Служба у справах дітей") == "служби у справах дітей"
