"""Terms of appeals (ст. 20 ЗУ «Про звернення громадян») and information requests (ст. 20 ЗУ «Про
доступ до публічної інформації») across weekends, holidays, month ends and martial-law years."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from app.domain.appeals import (
    COPYING_RULE,
    PAGE_SHARE,
    appeal_extension_problem,
    appeal_limit,
    appeal_term,
    copying_cost,
    notice_state,
    request_extension_problem,
    request_limit,
    request_term,
)
from app.domain.calendar import WorkingCalendar


@pytest.fixture(scope="module")
def cal() -> WorkingCalendar:
    return WorkingCalendar()


@pytest.fixture(scope="module")
def peace() -> WorkingCalendar:
    """Before martial law holidays are days off (ч. 6 ст. 6 ЗУ № 2136-IX suspends that)."""
    return WorkingCalendar(martial_law_end=date(2021, 12, 31))


@pytest.mark.parametrize(
    ("received", "term"),
    [
        (date(2026, 3, 2), date(2026, 4, 2)),  # a month, on a Thursday
        (date(2026, 1, 31), date(2026, 2, 27)),  # → 28.02 (Saturday) → Friday
        (date(2024, 1, 31), date(2024, 2, 29)),  # leap year: the last day of February
        (date(2026, 4, 30), date(2026, 5, 29)),  # → 30.05 (Saturday) → Friday
    ],
)
def test_an_appeal_has_a_calendar_month(cal: WorkingCalendar, received: date, term: date) -> None:
    assert appeal_term(received, False, cal) == term


def test_a_holiday_moves_the_term_back_in_peace_but_not_under_martial_law(
    cal: WorkingCalendar, peace: WorkingCalendar
) -> None:
    # 08.03.2021, a Monday, was a day off: the term goes back to Friday 05.03.
    assert appeal_term(date(2021, 2, 8), False, peace) == date(2021, 3, 5)
    # 08.03.2023, a Wednesday, was a working day under martial law.
    assert appeal_term(date(2023, 2, 8), False, cal) == date(2023, 3, 8)


def test_no_additional_study_is_fifteen_days(cal: WorkingCalendar) -> None:
    assert appeal_term(date(2026, 3, 2), True, cal) == date(2026, 3, 17)
    # 06.03.2026 + 15 = Saturday 21.03 → Friday 20.03.
    assert appeal_term(date(2026, 3, 6), True, cal) == date(2026, 3, 20)


def test_an_appeal_may_take_45_days_and_no_more() -> None:
    assert appeal_limit(date(2026, 3, 2)) == date(2026, 4, 16)
    assert appeal_extension_problem(date(2026, 3, 2), date(2026, 4, 16)) is None
    problem = appeal_extension_problem(date(2026, 3, 2), date(2026, 4, 17))
    assert problem is not None and "45 днів" in problem and "16.04.2026" in problem


def test_a_request_has_five_working_days(cal: WorkingCalendar, peace: WorkingCalendar) -> None:
    assert request_term(date(2026, 3, 6), False, cal) == date(2026, 3, 13)
    # 02.03.2021: 3, 4, 5, (weekend), (8 March, a day off then), 9, 10.
    assert request_term(date(2021, 3, 2), False, peace) == date(2021, 3, 10)


def test_an_urgent_request_has_48_hours_never_before_receipt(cal: WorkingCalendar) -> None:
    assert request_term(date(2026, 3, 4), True, cal) == date(2026, 3, 6)
    # Friday + 48 hours is Sunday: the office answers by Friday.
    assert request_term(date(2026, 3, 6), True, cal) == date(2026, 3, 6)


def test_a_request_extends_to_twenty_working_days(cal: WorkingCalendar) -> None:
    limit = request_limit(date(2026, 3, 2), cal)
    assert limit == date(2026, 3, 30)
    assert request_extension_problem(date(2026, 3, 2), limit, cal) is None
    assert "20 робочих днів" in str(
        request_extension_problem(date(2026, 3, 2), date(2026, 3, 31), cal)
    )


def test_the_notice_of_an_extension_is_late_after_five_working_days(cal: WorkingCalendar) -> None:
    received = date(2026, 3, 2)
    assert notice_state(received, True, date(2026, 3, 9), date(2026, 3, 20), cal).late is False
    late = notice_state(received, True, date(2026, 3, 10), date(2026, 3, 20), cal)
    assert late.late and "із запізненням" in late.text
    missing = notice_state(received, True, None, date(2026, 3, 20), cal)
    assert missing.late and "не надіслано" in missing.text
    assert notice_state(received, False, None, date(2026, 3, 20), cal).text == ""


def test_copies_cost_from_the_eleventh_page() -> None:
    # ПКМУ № 740 in the edition of ПКМУ № 4 of 15.01.2020: an A4 page costs at most 0.2 % of
    # the subsistence minimum for able-bodied persons (3328 грн from 01.01.2026) = 6,66 грн.
    base = Decimal("3328")
    assert copying_cost(10, base) == Decimal("0.00")
    assert copying_cost(11, base) == Decimal("6.66")
    assert copying_cost(30, base) == Decimal("133.20")
    assert copying_cost(30, base, free=True) == Decimal("0.00")


def test_the_page_limit_is_a_fifth_of_a_percent_not_a_tenth_of_the_minimum_wage() -> None:
    # The 2011 wording (0.1 % of the minimum wage) was replaced in 2020.
    assert Decimal("0.002") == PAGE_SHARE
    assert "прожиткового мінімуму" in COPYING_RULE and "№ 4" in COPYING_RULE
