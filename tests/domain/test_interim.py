"""Interim report dates of a long control (3.4, 4.7, 9.12): monthly, quarterly or half-yearly
up to the final term, each on a working day and before the final term."""

from __future__ import annotations

from datetime import date

import pytest

from app.domain.calendar import WorkingCalendar
from app.domain.interim import InterimError, Report, checked_dates, next_due, periodic_dates

CAL = WorkingCalendar()


def test_quarterly_until_the_year_end_leaves_the_year_end_to_the_final_term() -> None:
    got = periodic_dates(date(2026, 3, 19), date(2026, 12, 31), 3, CAL)
    assert got == [date(2026, 3, 31), date(2026, 6, 30), date(2026, 9, 30)]


def test_a_period_end_on_a_day_off_moves_back_to_a_working_day() -> None:
    # 31.05.2026 is a Sunday, 28.02.2026 a Saturday
    got = periodic_dates(date(2026, 1, 20), date(2026, 7, 15), 1, CAL)
    assert got == [
        date(2026, 1, 30),  # 31.01 is a Saturday
        date(2026, 2, 27),
        date(2026, 3, 31),
        date(2026, 4, 30),
        date(2026, 5, 29),
        date(2026, 6, 30),
    ]


def test_half_yearly_across_years() -> None:
    got = periodic_dates(date(2026, 2, 1), date(2027, 12, 31), 6, CAL)
    assert got == [date(2026, 6, 30), date(2026, 12, 31), date(2027, 6, 30)]


def test_an_unknown_period_is_refused() -> None:
    with pytest.raises(InterimError, match="щокварталу"):
        periodic_dates(date(2026, 1, 1), date(2026, 12, 31), 2, CAL)


def test_dates_are_checked_against_the_control_and_the_final_term() -> None:
    kept = checked_dates(
        [date(2026, 6, 30), date(2026, 5, 31), date(2026, 5, 29)],
        date(2026, 3, 19),
        date(2026, 12, 31),
        CAL,
    )
    assert kept == [date(2026, 5, 29), date(2026, 6, 30)]  # 31.05 (Sunday) is 29.05 again
    with pytest.raises(InterimError, match="остаточний термін"):
        checked_dates([date(2026, 12, 31)], date(2026, 3, 19), date(2026, 12, 31), CAL)
    with pytest.raises(InterimError, match="раніша за взяття на контроль"):
        checked_dates([date(2026, 3, 2)], date(2026, 3, 19), date(2026, 12, 31), CAL)


def test_the_term_is_the_first_report_not_given_else_the_final_term() -> None:
    final = date(2026, 12, 31)
    reports = [Report(date(2026, 3, 31), date(2026, 3, 30)), Report(date(2026, 6, 30))]
    assert next_due(reports, final) == date(2026, 6, 30)
    assert next_due([Report(date(2026, 6, 30), date(2026, 6, 29))], final) == final
    assert next_due([], final) == final


def test_a_control_longer_than_three_months_is_long() -> None:
    from app.domain.interim import is_long

    assert not is_long(date(2026, 3, 19), date(2026, 6, 19))
    assert is_long(date(2026, 3, 19), date(2026, 6, 20))
    assert is_long(date(2026, 3, 19), date(2026, 12, 31))
    assert not is_long(date(2026, 3, 19), date(2026, 4, 30))
