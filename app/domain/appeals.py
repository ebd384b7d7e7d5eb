"""Citizens' appeals and public-information requests: the terms the laws set, and the copying fee.

Pure rules (no database, no Qt), each with its source:

* ЗУ «Про звернення громадян» від 02.10.1996 № 393/96-ВР, ст. 20: an appeal is considered within
  one month of receipt; one that needs no additional study — at once, but within 15 days; when
  a month is not enough the head sets a longer term and tells the author (an interim reply),
  the total never beyond 45 days. The days are calendar days counted from the day of receipt.
  A term that falls on a day off moves to the preceding working day, as every term of the
  office does (regulation 9.11): the answer must leave before the office closes.
* ЗУ «Про доступ до публічної інформації» від 13.01.2011 № 2939-VI, ст. 20: a request is
  answered within 5 working days of receipt; within 48 hours when urgency (life, freedom,
  environment, accidents…) is claimed and accepted; a large volume allows an extension to 20
  working days, the requester told in writing within 5 working days of receipt. Ст. 21: free,
  except copies beyond 10 pages (actual costs within the Cabinet's limits).
* The Cabinet's limits: ПКМУ від 13.07.2011 № 740 «Про затвердження граничних норм витрат на
  копіювання або друк документів, що надаються за запитом на інформацію», in the edition of
  ПКМУ від 15.01.2020 № 4: an A4 (or smaller) page — no more than **0.2 % of the subsistence
  minimum for able-bodied persons**; A3 and larger 0.3 %; a page with restricted information
  to be separated 0.4 %; a scanned page 0.1 %. The 2011 wording («0,1 відсотка розміру
  мінімальної заробітної плати») is no longer in force. Seen in reprints of the edition on
  court sites (sl.lg.court.gov.ua/sud1229/gromadyanam/vidshkoduvaniye, a court's instruction
  on reimbursement) and the news of the change (protocol.ua, 2020), not on zakon.rada.gov.ua.
  The subsistence minimum for able-bodied persons from 01.01.2026 is 3328 грн (ЗУ «Про
  Державний бюджет України на 2026 рік», adopted 03.12.2025 — expertus.com.ua; the draft
  № 14000 had the same figure) — a setting, since the budget law changes it every year.
  Only the A4 rate is applied: the card records pages, not their format.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

from dateutil.relativedelta import relativedelta

from app.domain.calendar import WorkingCalendar
from app.domain.dates import format_date

#: ст. 20 ЗУ «Про звернення громадян»: the days an appeal may take.
APPEAL_NO_STUDY_DAYS = 15
APPEAL_MAX_DAYS = 45
#: ст. 20 ЗУ «Про доступ до публічної інформації»: working days for a request.
REQUEST_WORKING_DAYS = 5
REQUEST_URGENT_DAYS = 2  # 48 hours
REQUEST_EXTENDED_WORKING_DAYS = 20
REQUEST_NOTICE_WORKING_DAYS = 5
#: ст. 21: copies up to this many pages are free.
FREE_PAGES = 10
#: ПКМУ № 740 in the edition of ПКМУ № 4 of 15.01.2020: an A4 page from the 11th costs at most
#: 0.2 % of the subsistence minimum for able-bodied persons (the minimum is a setting).
PAGE_SHARE = Decimal("0.002")
COPYING_RULE = (
    "ПКМУ від 13.07.2011 № 740 (в редакції ПКМУ від 15.01.2020 № 4): не більше 0,2 % "
    "прожиткового мінімуму для працездатних осіб за сторінку формату А4"
)


def _earlier_working_day(term: date, not_before: date, cal: WorkingCalendar) -> date:
    """`term` moved back to a working day, never before `not_before` (the day of receipt)."""
    moved = cal.previous_working_day(term)
    return moved if moved >= not_before else not_before


def appeal_term(received: date, no_study: bool, cal: WorkingCalendar) -> date:
    """The term of an appeal (ст. 20): a calendar month from receipt (31 January → the last
    day of February), or 15 days when it needs no additional study; on a day off — the
    preceding working day."""
    if no_study:
        raw = received + timedelta(days=APPEAL_NO_STUDY_DAYS)
    else:
        raw = received + relativedelta(months=1)
    return _earlier_working_day(raw, received, cal)


def appeal_limit(received: date) -> date:
    """The last day an extended appeal may reach: 45 calendar days from receipt (ст. 20)."""
    return received + timedelta(days=APPEAL_MAX_DAYS)


def appeal_extension_problem(received: date, new_term: date) -> str | None:
    """Why an appeal cannot be extended to `new_term` (None: it can)."""
    limit = appeal_limit(received)
    if new_term > limit:
        return (
            f"Строк розгляду звернення не може перевищувати {APPEAL_MAX_DAYS} днів від дня "
            f"надходження ({format_date(received)}): найпізніше {format_date(limit)} "
            f"(ст. 20 ЗУ «Про звернення громадян»), а не {format_date(new_term)}"
        )
    return None


def request_term(received: date, urgent: bool, cal: WorkingCalendar) -> date:
    """The term of an information request (ст. 20): the 5th working day after receipt; 48
    hours when urgency is accepted (two days, moved back to a working day, never before the
    day of receipt)."""
    if urgent:
        return _earlier_working_day(received + timedelta(days=REQUEST_URGENT_DAYS), received, cal)
    return cal.add_working_days(received, REQUEST_WORKING_DAYS)


def request_limit(received: date, cal: WorkingCalendar) -> date:
    """The last day an extended request may reach: 20 working days after receipt."""
    return cal.add_working_days(received, REQUEST_EXTENDED_WORKING_DAYS)


def request_notice_deadline(received: date, cal: WorkingCalendar) -> date:
    """The last day to tell the requester of an extension: 5 working days after receipt."""
    return cal.add_working_days(received, REQUEST_NOTICE_WORKING_DAYS)


def request_extension_problem(received: date, new_term: date, cal: WorkingCalendar) -> str | None:
    """Why a request cannot be extended to `new_term` (None: it can)."""
    limit = request_limit(received, cal)
    if new_term > limit:
        return (
            f"Строк розгляду запиту можна продовжити не більше ніж до "
            f"{REQUEST_EXTENDED_WORKING_DAYS} робочих днів від дня надходження "
            f"({format_date(received)}): найпізніше {format_date(limit)} "
            f"(ст. 20 ЗУ «Про доступ до публічної інформації»), а не {format_date(new_term)}"
        )
    return None


@dataclass(frozen=True)
class NoticeState:
    """Whether the requester was told of an extension in time (ст. 20 ч. 4)."""

    deadline: date
    late: bool
    text: str


def notice_state(
    received: date, extended: bool, notice: date | None, today: date, cal: WorkingCalendar
) -> NoticeState:
    """The notice of an extension: due within 5 working days of receipt; flagged when sent
    later, or not sent once that day has passed."""
    deadline = request_notice_deadline(received, cal)
    if not extended:
        return NoticeState(deadline, False, "")
    if notice is None:
        late = today > deadline
        text = "повідомлення не надіслано" + (
            f" (мало бути до {format_date(deadline)})" if late else ""
        )
        return NoticeState(deadline, late, text)
    if notice > deadline:
        return NoticeState(
            deadline,
            True,
            f"повідомлено {format_date(notice)} — із запізненням (до {format_date(deadline)})",
        )
    return NoticeState(deadline, False, f"повідомлено {format_date(notice)}")


def copying_cost(pages: int, subsistence_minimum: Decimal, free: bool = False) -> Decimal:
    """What the requester pays for copies (ст. 21): nothing up to 10 pages or when the
    information is about the requester himself or of public interest (`free`); beyond that,
    each page from the 11th at the Cabinet's limit (`PAGE_SHARE` of the subsistence minimum
    for able-bodied persons)."""
    if free or pages <= FREE_PAGES:
        return Decimal("0.00")
    per_page = (subsistence_minimum * PAGE_SHARE).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    return (per_page * (pages - FREE_PAGES)).quantize(Decimal("0.01"))
