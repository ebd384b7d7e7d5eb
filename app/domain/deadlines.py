"""Control terms and control states (regulation 9.7–9.14, 11.6).

A document on control is judged by one date, and an executor loses part of the bonus when it is
missed (regulation 29.4), so the rules that produce and judge that date live here, in one place,
with no database or Qt: the registers, the overdue scan, the printed «Контроль» stamp and the
reports all ask these functions.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from app.domain.calendar import WorkingCalendar
from app.domain.dates import format_date

__all__ = [
    "CO_EXECUTOR_REPORT_DAYS",
    "DEFAULT_TERM_DAYS",
    "DUE_SOON_WORKING_DAYS",
    "EXTENSION_REQUEST_DAYS",
    "URGENT_WORKING_DAYS",
    "ControlRuleError",
    "ControlState",
    "ControlThresholds",
    "adjust_term",
    "co_executor_deadline",
    "default_term",
    "extension_request_deadline",
    "validate_extension",
]

#: 9.11: a document without a term must be done within 30 calendar days of receipt.
DEFAULT_TERM_DAYS = 30
#: 9.11: a document marked «Терміново» — within 7 working days of receipt.
URGENT_WORKING_DAYS = 7
#: 11.6: reports are due 3 days before the term, so the last 3 working days are «due soon».
DUE_SOON_WORKING_DAYS = 3
#: 9.9: co-executors report to the lead executor no later than 3 days before the term.
CO_EXECUTOR_REPORT_DAYS = 3
#: 9.12: an extension is requested no later than 3 days before the term ends.
EXTENSION_REQUEST_DAYS = 3


class ControlRuleError(ValueError):
    """A control operation breaks a rule of the regulation; ``str(error)`` is ready to show."""


def adjust_term(term: date, cal: WorkingCalendar) -> date:
    """A term that falls on a day off moves to the preceding working day (9.11).

    Moving back, not forward, because the executor must deliver before the office closes, not
    after the holiday.
    """
    return cal.previous_working_day(term)


def default_term(received: date, urgent: bool, cal: WorkingCalendar) -> date:
    """The term when the resolution names none (9.11).

    Ordinary documents: 30 calendar days from receipt, moved back to a working day. «Терміново»:
    the 7th working day after the day of receipt (the day of receipt is not counted, as in
    Art. 253 of the Civil Code), which is a working day by construction.
    """
    if urgent:
        return cal.add_working_days(received, URGENT_WORKING_DAYS)
    return adjust_term(received + timedelta(days=DEFAULT_TERM_DAYS), cal)


def co_executor_deadline(term: date, cal: WorkingCalendar) -> date:
    """When co-executors must report to the lead executor: 3 days before the term (9.9).

    Counted in calendar days as the regulation says, then moved back to a working day.
    """
    return adjust_term(term - timedelta(days=CO_EXECUTOR_REPORT_DAYS), cal)


def extension_request_deadline(term: date, cal: WorkingCalendar) -> date:
    """The last day an executor may ask to extend the term: 3 days before it ends (9.12)."""
    return adjust_term(term - timedelta(days=EXTENSION_REQUEST_DAYS), cal)


def validate_extension(old_term: date, new_term: date, reason: str) -> None:
    """Check a change of term before it is written to the history (9.12).

    The regulation allows an extension only on the executor's *reasoned* request, so the reason is
    mandatory; and an «extension» to an earlier or the same date is a typing mistake.
    """
    if not reason or not reason.strip():
        raise ControlRuleError(
            "Вкажіть підставу продовження строку (обґрунтована пропозиція виконавця, п. 9.12)"
        )
    if new_term <= old_term:
        raise ControlRuleError(
            f"Новий строк ({format_date(new_term)}) має бути пізніше "
            f"за попередній ({format_date(old_term)})"
        )


_LABELS = {
    "none": "Не на контролі",
    "on_control": "На контролі",
    "due_soon": "Термін спливає",
    "overdue": "Прострочено",
    "done": "Виконано",
    "done_late": "Виконано із запізненням",
}


class ControlState(StrEnum):
    """Where a controlled document stands; the value is stored, the label is shown."""

    NONE = "none"
    ON_CONTROL = "on_control"
    DUE_SOON = "due_soon"
    OVERDUE = "overdue"
    DONE = "done"
    DONE_LATE = "done_late"

    @property
    def label(self) -> str:
        return _LABELS[self.value]

    @property
    def is_open(self) -> bool:
        """Still on control (not done and not «not on control»)."""
        return self in (ControlState.ON_CONTROL, ControlState.DUE_SOON, ControlState.OVERDUE)


@dataclass(frozen=True)
class ControlThresholds:
    """The two dates that classify every open document on a given day.

    Computed once per scan (one calendar lookup), then :meth:`state` is pure date comparison —
    and the same two dates can be handed to SQL for counting overdue and due-soon rows.
    """

    today: date
    soon_limit: date

    @classmethod
    def for_day(cls, today: date, cal: WorkingCalendar) -> ControlThresholds:
        """Due soon = due within the next 3 working days (today counts as not yet overdue)."""
        return cls(today=today, soon_limit=cal.add_working_days(today, DUE_SOON_WORKING_DAYS))

    def state(self, due: date | None, done: date | None, on_control: bool = True) -> ControlState:
        """Classify one document by its term and the date it was removed from control.

        A term of today is «due soon», not overdue: the executor still has the whole day.
        A document not on control (never taken, or cancelled while on it) has no state, even
        if it keeps a term from before.
        """
        if not on_control or due is None:
            return ControlState.NONE
        if done is not None:
            return ControlState.DONE if done <= due else ControlState.DONE_LATE
        if due < self.today:
            return ControlState.OVERDUE
        if due <= self.soon_limit:
            return ControlState.DUE_SOON
        return ControlState.ON_CONTROL
