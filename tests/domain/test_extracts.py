"""Extracts from decisions (6.18): 3 working days from the executor's receipt, certified by the
general department before they are sent; late ones flagged, and those still to send become late
as days pass."""

from __future__ import annotations

from datetime import date

from app.domain.calendar import WorkingCalendar
from app.domain.extracts import Extract, extracts_due, extracts_state, late_today, received_on

CAL = WorkingCalendar()


def test_the_term_counts_three_working_days_from_the_first_copy_sent() -> None:
    decision = date(2026, 3, 19)  # Thursday
    assert received_on(decision, []) == decision
    assert received_on(decision, [None, date(2026, 3, 23), date(2026, 3, 20)]) == date(2026, 3, 20)
    assert extracts_due(date(2026, 3, 20), CAL) == date(2026, 3, 25)  # Fri → Mon, Tue, Wed


def test_the_state_names_sent_late_uncertified_and_overdue() -> None:
    due = date(2026, 3, 25)
    extracts = [
        Extract(date(2026, 3, 24), date(2026, 3, 24)),
        Extract(date(2026, 3, 26), date(2026, 3, 27)),  # late
        Extract(None, date(2026, 3, 24)),  # sent without the certification
        Extract(date(2026, 3, 24), None),  # still to send
    ]
    state = extracts_state(extracts, due, today=date(2026, 3, 25))
    assert (state.total, state.sent, state.pending, state.late) == (4, 3, 1, True)
    assert state.text == "витягів 4: надіслано 3; із запізненням 1; не засвідчено 1"
    later = extracts_state(extracts, due, today=date(2026, 3, 26))
    assert later.text.endswith("не надіслано вчасно 1 (до 25.03.2026)")
    assert extracts_state([], due).text == ""
    ontime = extracts_state([Extract(date(2026, 3, 23), date(2026, 3, 23))], due)
    assert (ontime.late, ontime.text) == (False, "витягів 1: надіслано 1")


def test_what_time_alone_changes_is_added_when_shown() -> None:
    due = date(2026, 3, 25)
    stored = "витягів 2: надіслано 1"
    assert late_today(stored, 1, due, date(2026, 3, 25)) == stored
    assert late_today(stored, 1, due, date(2026, 3, 26)) == (
        "витягів 2: надіслано 1; не надіслано вчасно 1 (до 25.03.2026)"
    )
    assert late_today(stored, 0, due, date(2026, 4, 30)) == stored
