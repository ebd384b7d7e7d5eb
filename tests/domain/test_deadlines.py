"""Control terms (regulation 9.11, 9.12) and control states on real calendars."""

from __future__ import annotations

from datetime import date

import pytest

from app.domain.calendar import CalendarOverride, WorkingCalendar
from app.domain.deadlines import (
    DEFAULT_TERM_DAYS,
    DUE_SOON_WORKING_DAYS,
    URGENT_WORKING_DAYS,
    ControlRuleError,
    ControlState,
    ControlThresholds,
    adjust_term,
    co_executor_deadline,
    default_term,
    extension_request_deadline,
    validate_extension,
)


@pytest.fixture(scope="module")
def cal() -> WorkingCalendar:
    return WorkingCalendar()


def test_constants() -> None:
    assert (DEFAULT_TERM_DAYS, URGENT_WORKING_DAYS, DUE_SOON_WORKING_DAYS) == (30, 7, 3)


def test_default_term_plain(cal: WorkingCalendar) -> None:
    assert default_term(date(2026, 3, 2), False, cal) == date(2026, 4, 1)


def test_default_term_saturday_moves_to_friday(cal: WorkingCalendar) -> None:
    assert default_term(date(2026, 2, 5), False, cal) == date(2026, 3, 6)  # 07.03 is Saturday


def test_default_term_sunday_moves_to_friday(cal: WorkingCalendar) -> None:
    assert default_term(date(2026, 2, 6), False, cal) == date(2026, 3, 6)  # 08.03 is Sunday


def test_default_term_on_holiday_before_martial_law(cal: WorkingCalendar) -> None:
    # 30 days after 25.07.2021 is 24.08 (holiday), 23.08 substituted, then the weekend
    assert default_term(date(2021, 7, 25), False, cal) == date(2021, 8, 20)


def test_default_term_on_holiday_under_martial_law(cal: WorkingCalendar) -> None:
    assert default_term(date(2026, 7, 25), False, cal) == date(2026, 8, 24)


def test_urgent_term_across_new_year(cal: WorkingCalendar) -> None:
    assert default_term(date(2025, 12, 26), True, cal) == date(2026, 1, 6)


def test_urgent_term_2021_skips_holidays_counts_working_saturday(cal: WorkingCalendar) -> None:
    # 20, 25, 26, 27, 28 (Saturday worked), 30, 31 August
    assert default_term(date(2021, 8, 19), True, cal) == date(2021, 8, 31)


def test_urgent_term_received_on_weekend(cal: WorkingCalendar) -> None:
    assert default_term(date(2026, 3, 7), True, cal) == date(2026, 3, 17)


def test_override_day_off_shifts_terms() -> None:
    plain = WorkingCalendar()
    local = WorkingCalendar([CalendarOverride(date(2026, 4, 1), working=False, note="День міста")])
    assert default_term(date(2026, 3, 2), False, plain) == date(2026, 4, 1)
    assert default_term(date(2026, 3, 2), False, local) == date(2026, 3, 31)
    assert default_term(date(2026, 3, 25), True, plain) == date(2026, 4, 3)
    assert default_term(date(2026, 3, 25), True, local) == date(2026, 4, 6)


def test_adjust_term(cal: WorkingCalendar) -> None:
    assert adjust_term(date(2026, 3, 7), cal) == date(2026, 3, 6)
    assert adjust_term(date(2026, 3, 5), cal) == date(2026, 3, 5)
    assert adjust_term(date(2021, 8, 24), cal) == date(2021, 8, 20)


def test_report_deadlines(cal: WorkingCalendar) -> None:
    assert co_executor_deadline(date(2026, 3, 10), cal) == date(2026, 3, 6)
    assert co_executor_deadline(date(2026, 3, 13), cal) == date(2026, 3, 10)
    assert extension_request_deadline(date(2026, 3, 10), cal) == date(2026, 3, 6)


class TestThresholds:
    # Thursday 05.03.2026: the next three working days are 06, 09 and 10 March.
    today = date(2026, 3, 5)

    @pytest.fixture
    def th(self, cal: WorkingCalendar) -> ControlThresholds:
        return ControlThresholds.for_day(self.today, cal)

    def test_soon_limit(self, th: ControlThresholds) -> None:
        assert th == ControlThresholds(today=self.today, soon_limit=date(2026, 3, 10))

    @pytest.mark.parametrize(
        ("due", "state"),
        [
            (date(2026, 3, 4), ControlState.OVERDUE),
            (date(2026, 2, 1), ControlState.OVERDUE),
            (date(2026, 3, 5), ControlState.DUE_SOON),  # today is not yet overdue
            (date(2026, 3, 9), ControlState.DUE_SOON),
            (date(2026, 3, 10), ControlState.DUE_SOON),  # the limit itself
            (date(2026, 3, 11), ControlState.ON_CONTROL),
            (date(2026, 12, 31), ControlState.ON_CONTROL),
        ],
    )
    def test_open(self, th: ControlThresholds, due: date, state: ControlState) -> None:
        assert th.state(due, None) is state

    @pytest.mark.parametrize(
        ("due", "done", "state"),
        [
            (date(2026, 3, 4), date(2026, 3, 4), ControlState.DONE),
            (date(2026, 3, 4), date(2026, 3, 1), ControlState.DONE),
            (date(2026, 3, 4), date(2026, 3, 5), ControlState.DONE_LATE),
            (date(2026, 4, 1), date(2026, 3, 2), ControlState.DONE),
        ],
    )
    def test_done(self, th: ControlThresholds, due: date, done: date, state: ControlState) -> None:
        assert th.state(due, done) is state

    def test_not_on_control(self, th: ControlThresholds) -> None:
        assert th.state(None, None) is ControlState.NONE
        assert th.state(None, date(2026, 3, 1)) is ControlState.NONE

    def test_weekend_today(self, cal: WorkingCalendar) -> None:
        th = ControlThresholds.for_day(date(2026, 3, 7), cal)  # Saturday
        assert th.soon_limit == date(2026, 3, 11)
        assert th.state(date(2026, 3, 6), None) is ControlState.OVERDUE


def test_state_values_and_labels() -> None:
    assert [s.value for s in ControlState] == [
        "none",
        "on_control",
        "due_soon",
        "overdue",
        "done",
        "done_late",
    ]
    assert ControlState.NONE.label == "Не на контролі"
    assert ControlState.ON_CONTROL.label == "На контролі"
    assert ControlState.DUE_SOON.label == "Термін спливає"
    assert ControlState.OVERDUE.label == "Прострочено"
    assert ControlState.DONE.label == "Виконано"
    assert ControlState.DONE_LATE.label == "Виконано із запізненням"
    assert ControlState("overdue") is ControlState.OVERDUE
    assert [s for s in ControlState if s.is_open] == [
        ControlState.ON_CONTROL,
        ControlState.DUE_SOON,
        ControlState.OVERDUE,
    ]


def test_validate_extension_ok() -> None:
    validate_extension(date(2026, 3, 10), date(2026, 3, 20), "Потрібен висновок юриста")


@pytest.mark.parametrize("reason", ["", "   ", "\n"])
def test_validate_extension_needs_reason(reason: str) -> None:
    with pytest.raises(ControlRuleError, match="підставу"):
        validate_extension(date(2026, 3, 10), date(2026, 3, 20), reason)


@pytest.mark.parametrize("new_term", [date(2026, 3, 10), date(2026, 3, 9)])
def test_validate_extension_needs_later_term(new_term: date) -> None:
    with pytest.raises(ControlRuleError, match=r"пізніше за попередній \(10\.03\.2026\)"):
        validate_extension(date(2026, 3, 10), new_term, "Причина")


def test_control_rule_error_is_value_error() -> None:
    assert issubclass(ControlRuleError, ValueError)


def test_a_document_not_on_control_has_no_state_even_with_a_term() -> None:
    th = ControlThresholds(today=date(2026, 3, 9), soon_limit=date(2026, 3, 12))
    assert th.state(date(2026, 3, 1), None, on_control=False) is ControlState.NONE
