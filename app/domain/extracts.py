"""Extracts from decisions (витяги з рішень), kept apart from the copies distributed.

6.18: «Після одержання рішень виконавці в 3-денний термін, в разі необхідності, готують витяги
з рішень, які засвідчують у загальному відділі і надсилають їх юридичним та фізичним особам».
A copy goes to the executors by the distribution list within 5 days; an extract is a part of
the decision (the points that concern one person), certified by the general department and sent
to that person within 3 days of the executor's receipt of the decision. The term counts from
the day the copies went out (the executor's receipt; the decision's date while none has gone),
in working days, as the orders' copies of 4.16 do — «протягом 3 днів» must not shrink to one
day over a weekend.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from app.domain.calendar import WorkingCalendar
from app.domain.dates import format_date

EXTRACT_DAYS = 3  # 6.18: within 3 days of receiving the decision


def extracts_due(received: date, calendar: WorkingCalendar) -> date:
    """The last day to send the extracts: 3 working days after the executor received the
    decision (6.18)."""
    return calendar.add_working_days(received, EXTRACT_DAYS)


def received_on(decision_day: date, copies_sent: Sequence[date | None]) -> date:
    """When the executors had the decision: the first copy sent, else the decision's day."""
    sent = [d for d in copies_sent if d is not None]
    return min(sent) if sent else decision_day


@dataclass(frozen=True)
class Extract:
    certified: date | None
    sent: date | None


@dataclass(frozen=True)
class ExtractsState:
    """What the register shows of a decision's extracts: how many were sent, how many were
    sent uncertified, and whether any was (or is by `today`) late."""

    total: int
    sent: int
    pending: int
    late: bool
    text: str


def extracts_state(
    extracts: Sequence[Extract], due: date, today: date | None = None
) -> ExtractsState:
    """«витягів 3: надіслано 2; із запізненням 1; не засвідчено 1; не надіслано вчасно 1 (до
    25.03.2026)» — an extract is late when sent after `due`, or not yet sent once `today` is
    past `due`; one sent without the general department's certification is named too."""
    if not extracts:
        return ExtractsState(0, 0, 0, False, "")
    today = today or date.today()
    sent = [e for e in extracts if e.sent is not None]
    late_sent = sum(1 for e in sent if e.sent is not None and e.sent > due)
    uncertified = sum(1 for e in sent if e.certified is None)
    pending = len(extracts) - len(sent)
    overdue = pending if today > due else 0
    parts = [f"витягів {len(extracts)}: надіслано {len(sent)}"]
    if late_sent:
        parts.append(f"із запізненням {late_sent}")
    if uncertified:
        parts.append(f"не засвідчено {uncertified}")
    if overdue:
        parts.append(f"не надіслано вчасно {overdue} (до {format_date(due)})")
    return ExtractsState(
        len(extracts), len(sent), pending, bool(late_sent or overdue), "; ".join(parts)
    )


def late_today(state_text: str, pending: int, due: date | None, today: date) -> str:
    """The stored state as of `today`: extracts still to send become late once `due` passed,
    though they were not when the decision was saved (the stored text was true then)."""
    if not pending or due is None or today <= due or "не надіслано вчасно" in state_text:
        return state_text
    late = f"не надіслано вчасно {pending} (до {format_date(due)})"
    return f"{state_text}; {late}" if state_text else late
