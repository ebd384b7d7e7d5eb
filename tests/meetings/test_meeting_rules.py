"""The rules of meetings without storage: the plan (6.2), the deadlines (ст. 15 ЗУ про доступ,
5.2, 5.3, 5.8) moved back to a working day, quorum (6.1) and majority of the total membership
(6.14), visas (3.9–3.10), late protocols (6.21)."""

from __future__ import annotations

from datetime import date

import pytest

from app.domain import meetings as rules
from app.domain.calendar import CalendarOverride, WorkingCalendar


@pytest.fixture
def calendar() -> WorkingCalendar:
    return WorkingCalendar([])


def test_the_plan_is_the_third_thursday_of_every_month():
    plan = rules.year_plan(2026)
    assert len(plan) == 12
    assert all(d.weekday() == 3 and 15 <= d.day <= 21 for d in plan)
    assert plan[0] == date(2026, 1, 15)
    assert plan[9] == date(2026, 10, 15)


def test_deadlines_count_working_days_for_publication_and_move_back_from_days_off(calendar):
    terms = rules.deadlines(date(2026, 10, 15), calendar)  # a Thursday
    # 10 working days before Thursday 15.10 (no holidays in between under martial law rules:
    # weekends only) is Thursday 01.10.
    assert calendar.working_days_between(terms.publish, date(2026, 10, 15)) == 10
    assert terms.publish == date(2026, 10, 1)
    # 5 days before is Saturday 10.10 → Friday 09.10; 3 days: Monday 12.10; 2 days: Tuesday.
    assert terms.submit == date(2026, 10, 9)
    assert terms.agree == date(2026, 10, 12)
    assert terms.send == date(2026, 10, 13)


def test_a_day_off_set_by_the_administrator_moves_a_deadline_back():
    cal = WorkingCalendar([CalendarOverride(date(2026, 10, 12), False, "вихідний")])
    assert rules.deadlines(date(2026, 10, 15), cal).agree == date(2026, 10, 9)


def test_quorum_is_more_than_half_of_the_total_membership():
    assert not rules.has_quorum(11, 5)
    assert rules.has_quorum(11, 6)
    assert not rules.has_quorum(10, 5)
    assert rules.has_quorum(10, 6)
    assert rules.quorum_needed(10) == 6 and rules.quorum_needed(11) == 6
    assert not rules.has_quorum(0, 0)


def test_adopted_only_by_a_majority_of_the_total_membership_not_of_those_present():
    # 11 members, 7 present, 5 for: a majority of those present, not of the membership.
    assert rules.vote_outcome(11, 5) == rules.REJECTED
    assert rules.vote_outcome(11, 6) == rules.ADOPTED
    assert rules.vote_outcome(10, 5) == rules.REJECTED


def test_votes_cannot_exceed_those_present():
    rules.check_votes(7, (5, 1, 1, 0))
    with pytest.raises(rules.VoteError):
        rules.check_votes(7, (5, 2, 1, 0))
    with pytest.raises(rules.VoteError):
        rules.check_votes(7, (-1, 0, 0, 0))


def test_missing_visas_and_the_finance_head_only_on_financial_drafts():
    visas = [rules.Visa(rules.HEAD, "Коваль", date(2026, 10, 1), rules.AGREED)]
    assert rules.missing_visas(visas, False) == [rules.DEPUTY, rules.LEGAL, rules.AFFAIRS]
    assert rules.FINANCE in rules.missing_visas(visas, True)
    # 3.10: the legal department's written remarks stand for its visa.
    visas.append(rules.Visa(rules.LEGAL, "Юрист", date(2026, 10, 2), rules.REMARKS, "п. 2"))
    assert rules.LEGAL not in rules.missing_visas(visas, False)


def test_flags_late_submission_and_publication_but_not_for_extraordinary(calendar):
    day = date(2026, 10, 15)
    visas = [
        rules.Visa(r, "X", date(2026, 10, 1), rules.AGREED) for r in rules.required_roles(False)
    ]
    on_time = rules.item_flags(
        visas, False, date(2026, 10, 9), date(2026, 10, 1), False, day, calendar
    )
    assert on_time == []
    late = rules.item_flags(
        visas, False, date(2026, 10, 12), date(2026, 10, 2), False, day, calendar
    )
    assert "подано пізно (п. 5.8)" in late
    assert "оприлюднено менш як за 10 робочих днів" in late
    restricted = rules.item_flags(visas, False, date(2026, 10, 9), None, True, day, calendar)
    assert restricted == []
    same_day = rules.item_flags(visas, False, day, None, False, day, calendar, extraordinary=True)
    assert same_day == []


def test_protocol_due_fifteen_days_after_on_a_working_day(calendar):
    # 15.10.2026 + 15 = Friday 30.10.2026
    assert rules.protocol_due(date(2026, 10, 15), calendar) == date(2026, 10, 30)
    # 17.09.2026 + 15 = Friday 02.10
    assert rules.protocol_due(date(2026, 9, 19), calendar) == date(2026, 10, 2)  # Sun 04.10 → Fri
