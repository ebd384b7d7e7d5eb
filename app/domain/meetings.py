"""Meetings of the executive committee (засідання виконкому): the rules, without storage.

Sources: the regulation of the executive committee ([REG] 3.9–3.10, 5.2–5.8, 6.1–6.2, 6.14,
6.18, 6.21) and ЗУ «Про доступ до публічної інформації» ст. 15 ч. 3 as amended by Закон
№ 890-IX (drafts are published 10 working days before consideration; the regulation's 20 days of
3.3 are outdated). A term counted in days that falls on a day off moves to the preceding working
day, as every term of the program does (app/domain/deadlines.py).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from app.domain.calendar import WorkingCalendar
from app.domain.deadlines import adjust_term

#: 6.2: «як правило, у третій четвер щомісячно… Початок засідань — о 14.00 годині».
REGULAR_TIME = "14:00"
THURSDAY = 3
#: ЗУ «Про доступ до публічної інформації» ст. 15 ч. 3 (Закон № 890-IX): drafts published on
#: the council's website not later than 10 working days before their consideration.
PUBLISH_WORKING_DAYS = 10
SUBMIT_DAYS = 5  # 5.8: drafts filed with the general department 5 days before
AGREE_DAYS = 3  # 5.2: the agenda agreed with the mayor 3 days before
SEND_DAYS = 2  # 5.3: agenda and drafts sent to the members and the prosecutor 2 days before
PROTOCOL_SIGN_DAYS = 15  # 6.21: the protocol signed not later than 15 days after the meeting
DISTRIBUTE_DAYS = 5  # 6.18: signed decisions distributed within 5 days

ADOPTED, REJECTED, WITHDRAWN, POSTPONED = "adopted", "rejected", "withdrawn", "postponed"
OUTCOMES: dict[str, str] = {
    "": "не розглянуто",
    ADOPTED: "прийнято",
    REJECTED: "не прийнято",
    WITHDRAWN: "знято з розгляду",
    POSTPONED: "перенесено",
}

#: 3.9: who visas a draft decision (role code, title); the finance head only for financial
#: drafts; heads of other affected bodies are added by hand («affected»).
HEAD, AFFECTED, DEPUTY, LEGAL, AFFAIRS, FINANCE = (
    "head",
    "affected",
    "deputy",
    "legal",
    "affairs",
    "finance",
)
VISA_ROLES: dict[str, str] = {
    HEAD: "Керівник виконавчого органу, що готує проєкт",
    AFFECTED: "Керівник заінтересованого виконавчого органу",
    DEPUTY: "Заступник міського голови, що координує питання",
    LEGAL: "Начальник юридичного відділу",
    AFFAIRS: "Керуючий справами виконкому",
    FINANCE: "Начальник фінансового управління",
}
AGREED, REMARKS = "agreed", "remarks"
VERDICTS: dict[str, str] = {"": "не завізовано", AGREED: "погоджено", REMARKS: "із зауваженнями"}


def third_thursday(year: int, month: int) -> date:
    """The third Thursday of the month (6.2)."""
    first = date(year, month, 1)
    return first + timedelta(days=(THURSDAY - first.weekday()) % 7 + 14)


def year_plan(year: int) -> list[date]:
    """The regular meetings of a year: the third Thursday of every month (5.1, 6.2)."""
    return [third_thursday(year, month) for month in range(1, 13)]


@dataclass(frozen=True)
class MeetingDeadlines:
    """What must be done before a meeting, each a day by which it is done."""

    publish: date  # drafts on the website (ст. 15 ч. 3 ЗУ про доступ, 10 working days)
    submit: date  # drafts filed with the general department (5.8)
    agree: date  # agenda agreed with the mayor (5.2)
    send: date  # agenda and drafts sent to the members and the prosecutor (5.3)

    def items(self) -> list[tuple[str, date]]:
        return [
            ("Оприлюднення проєктів (10 робочих днів, ст. 15 ЗУ про доступ)", self.publish),
            ("Подання проєктів до загального відділу (п. 5.8)", self.submit),
            ("Погодження порядку денного з міським головою (п. 5.2)", self.agree),
            ("Надсилання членам виконкому і прокурору (п. 5.3)", self.send),
        ]


def deadlines(meeting: date, calendar: WorkingCalendar) -> MeetingDeadlines:
    """The deadlines of a meeting on `meeting`.

    Publication: the 10th working day before the meeting (the meeting day is not counted), a
    working day by construction. The others are counted in calendar days (5.2, 5.3, 5.8) and a
    day off moves them to the preceding working day.
    """
    return MeetingDeadlines(
        publish=calendar.add_working_days(meeting, -PUBLISH_WORKING_DAYS),
        submit=adjust_term(meeting - timedelta(days=SUBMIT_DAYS), calendar),
        agree=adjust_term(meeting - timedelta(days=AGREE_DAYS), calendar),
        send=adjust_term(meeting - timedelta(days=SEND_DAYS), calendar),
    )


def protocol_due(meeting: date, calendar: WorkingCalendar) -> date:
    """The last day to sign the protocol: 15 days after the meeting (6.21), on a working day."""
    return adjust_term(meeting + timedelta(days=PROTOCOL_SIGN_DAYS), calendar)


def distribution_due(decision: date, calendar: WorkingCalendar) -> date:
    """The last day to send out a decision: 5 days after it (6.18), on a working day."""
    return adjust_term(decision + timedelta(days=DISTRIBUTE_DAYS), calendar)


def has_quorum(total: int, present: int) -> bool:
    """6.1: the meeting is competent when more than half of the total membership takes part."""
    return total > 0 and present * 2 > total


def quorum_needed(total: int) -> int:
    """The fewest members present for a quorum (6.1)."""
    return total // 2 + 1


def vote_outcome(total: int, votes_for: int) -> str:
    """6.14: adopted by a majority of the TOTAL membership (not of those present)."""
    return ADOPTED if total > 0 and votes_for * 2 > total else REJECTED


class VoteError(ValueError):
    """Votes that cannot be right; the message is ready to show."""


def check_votes(present: int, votes: Sequence[int]) -> None:
    """Each count not negative and together not more than the members present."""
    if any(v < 0 for v in votes):
        raise VoteError("Кількість голосів не може бути від'ємною")
    if sum(votes) > present:
        raise VoteError(
            f"Голосів ({sum(votes)}) більше, ніж присутніх членів виконкому ({present})"
        )


@dataclass(frozen=True)
class Visa:
    role: str
    person: str = ""
    day: date | None = None
    verdict: str = ""  # AGREED, REMARKS or "" (not yet)
    remarks: str = ""


def required_roles(financial: bool) -> tuple[str, ...]:
    """The visas every draft needs (3.9): the finance head's only on a financial draft."""
    roles = (HEAD, DEPUTY, LEGAL, AFFAIRS)
    return (*roles, FINANCE) if financial else roles


def missing_visas(visas: Sequence[Visa], financial: bool) -> list[str]:
    """Roles of 3.9 whose visa the draft lacks. The legal department's written remarks stand
    for its visa (3.10: the draft goes to the meeting without the lawyer's visa, with them)."""
    given = {v.role for v in visas if v.verdict in (AGREED, REMARKS)}
    return [role for role in required_roles(financial) if role not in given]


def item_flags(
    visas: Sequence[Visa],
    financial: bool,
    submitted: date | None,
    published: date | None,
    restricted: bool,
    meeting: date,
    calendar: WorkingCalendar,
    extraordinary: bool = False,
) -> list[str]:
    """What is wrong with a draft on the agenda — flagged, never blocked (5.9: the mayor decides
    whether a late item is considered). An extraordinary meeting's drafts may be prepared the
    same day (6.2), so their terms are not checked."""
    flags = [f"немає візи: {VISA_ROLES[r].lower()}" for r in missing_visas(visas, financial)]
    flags += [f"зауваження: {VISA_ROLES[v.role].lower()}" for v in visas if v.verdict == REMARKS]
    if extraordinary:
        return flags
    terms = deadlines(meeting, calendar)
    if submitted is None:
        flags.append("не подано до загального відділу")
    elif submitted > terms.submit:
        flags.append("подано пізно (п. 5.8)")
    if not restricted:
        if published is None:
            flags.append("не оприлюднено")
        elif published > terms.publish:
            flags.append("оприлюднено менш як за 10 робочих днів")
    return flags


def protocol_number(seq: int) -> str:
    """A protocol's number within its calendar year (6.21)."""
    return str(seq)
