"""The printouts of a meeting, as PDF bytes: the agenda for the mayor's signature (5.2), the
drafts with their visas (3.9), the protocol as a draft (6.21), the decisions adopted (6.18), and
the year's plan of meetings as CSV. Each print is written in the audit trail."""

from __future__ import annotations

from datetime import date
from typing import Any

from app.domain import meetings as rules
from app.domain.dates import format_date
from app.domain.roles import Actor, actor_of
from app.services import audit
from app.services.committee import MEETINGS
from app.services.meetings import MeetingError, MeetingView, list_meetings, open_meeting
from app.services.printouts import _organisation, _render
from db.session import Database


def _printed(db: Database, actor: Actor, what: str, view: MeetingView) -> None:
    details = {"що": what, "засідання": format_date(view.meeting.day)}
    audit.log(db, actor, audit.PRINT, register=MEETINGS, details=details)


def _considered(view: MeetingView) -> list[Any]:
    return [i for i in view.items if i.outcome != rules.WITHDRAWN]


def agenda_pdf(db: Database, meeting_id: int, user: str | Actor = "") -> bytes:
    """The agenda: items not withdrawn, in their order, numbered from 1."""
    from app.printing.meetings import AgendaData, AgendaLine, print_agenda

    actor = actor_of(user)
    view = open_meeting(db, meeting_id, actor)
    org = _organisation(db)
    lines = [
        AgendaLine(n, i.data.title, i.data.department, i.data.reporter, i.data.invitees)
        for n, i in enumerate(_considered(view), start=1)
    ]
    m = view.meeting
    data = AgendaData(
        org.full_name,
        m.day,
        m.start_time,
        m.place,
        m.extraordinary,
        lines,
        org.mayor_position,
        org.mayor_name,
    )
    pdf = _render(print_agenda, data)
    _printed(db, actor, "порядок денний", view)
    return pdf


def protocol_pdf(db: Database, meeting_id: int, user: str | Actor = "") -> bytes:
    """The protocol's draft: attendance, the items with speakers, proposals and votes."""
    from app.printing.meetings import ProtocolData, ProtocolItem, print_protocol

    actor = actor_of(user)
    view = open_meeting(db, meeting_id, actor)
    org = _organisation(db)
    m = view.meeting
    present = [x.full_name for x in view.members if x.id in view.present]
    absent = [x.full_name for x in view.members if x.id not in view.present]
    invitees: list[str] = []
    items = []
    for n, i in enumerate(_considered(view), start=1):
        for name in (i.data.reporter, *i.data.invitees.split(";")):
            name = name.strip()
            if name and name not in invitees and name not in present:
                invitees.append(name)
        votes = tuple(v or 0 for v in i.votes) if i.votes[0] is not None else None
        items.append(
            ProtocolItem(
                n,
                i.data.title,
                i.data.reporter,
                i.data.speakers,
                i.data.proposals,
                votes,  # type: ignore[arg-type]
                i.outcome_text if i.outcome else "",
                i.decision_number,
            )
        )
    data = ProtocolData(
        org.full_name,
        m.protocol_number,
        m.day,
        m.start_time,
        m.place,
        m.chair or org.mayor_name,
        view.total,
        present,
        absent,
        invitees,
        items,
        org.manager_position,
        org.manager_name,
    )
    pdf = _render(print_protocol, data)
    _printed(db, actor, "протокол", view)
    return pdf


def _table(
    db: Database, title: str, view: MeetingView, columns: list[tuple[str, float]], rows: list[Any]
) -> bytes:
    from app.printing.data import JournalColumn
    from app.printing.tables import TableDocument, render_table_document

    org = _organisation(db)
    document = TableDocument(
        organisation=org.full_name,
        title=title,
        subtitle=view.meeting.title,
        columns=[JournalColumn(t, w) for t, w in columns],
        rows=rows,
        pdf_title=f"{title} {format_date(view.meeting.day)}",
    )
    return _render(render_table_document, document)


def drafts_pdf(db: Database, meeting_id: int, user: str | Actor = "") -> bytes:
    """The drafts of the agenda with their visas (3.9) and what is flagged about them."""
    actor = actor_of(user)
    view = open_meeting(db, meeting_id, actor)
    rows = []
    for n, i in enumerate(_considered(view), start=1):
        visas = "\n".join(
            f"{rules.VISA_ROLES[v.role]}: {v.person} "
            f"{format_date(v.day) if v.day else ''} — {rules.VERDICTS[v.verdict]}"
            + (f" ({v.remarks})" if v.remarks else "")
            for v in i.visas
        )
        rows.append(
            [
                str(n),
                i.data.title,
                i.data.department,
                format_date(i.data.submitted) if i.data.submitted else "",
                format_date(i.data.published) if i.data.published else "",
                visas,
                "\n".join(i.flags),
            ]
        )
    columns = [
        ("№", 0.4),
        ("Проєкт рішення", 3.0),
        ("Підготував", 1.6),
        ("Подано", 0.9),
        ("Оприлюднено", 1.0),
        ("Візи (п. 3.9)", 3.2),
        ("Позначки", 1.8),
    ]
    pdf = _table(db, "Проєкти рішень із візами", view, columns, rows)
    _printed(db, actor, "проєкти рішень із візами", view)
    return pdf


def decisions_pdf(db: Database, meeting_id: int, user: str | Actor = "") -> bytes:
    """The decisions adopted at a meeting, by number."""
    actor = actor_of(user)
    view = open_meeting(db, meeting_id, actor)
    adopted = [i for i in view.items if i.decision_id is not None]
    rows = [
        [
            i.decision_number,
            format_date(view.meeting.day),
            i.data.title,
            i.data.department,
            i.votes_text,
        ]
        for i in adopted
    ]
    columns = [("№", 0.6), ("Дата", 0.9), ("Назва рішення", 4.0), ("Підготував", 1.8),
               ("Голосування", 1.8)]  # fmt: skip
    pdf = _table(db, "Перелік рішень, прийнятих на засіданні", view, columns, rows)
    _printed(db, actor, "перелік прийнятих рішень", view)
    return pdf


PRINTOUTS = {
    "agenda": ("Порядок денний", agenda_pdf),
    "drafts": ("Проєкти рішень із візами", drafts_pdf),
    "protocol": ("Протокол (проєкт)", protocol_pdf),
    "decisions": ("Перелік прийнятих рішень", decisions_pdf),
}


def meeting_pdf(db: Database, what: str, day: date, user: str | Actor = "") -> bytes:
    """A printout of the meeting held on `day` (the command line names meetings by date)."""
    from app.services.meetings import meeting_on

    meeting_id = meeting_on(db, day)
    if meeting_id is None:
        raise MeetingError(f"Засідання {format_date(day)} немає в плані")
    return PRINTOUTS[what][1](db, meeting_id, user)


PLAN_HEADERS = (
    "Дата",
    "Час",
    "Вид",
    "Місце",
    "Оприлюднення проєктів до",
    "Подання проєктів до",
    "Погодження порядку денного до",
    "Надсилання членам виконкому до",
    "Питань",
    "Протокол №",
)


def plan_rows(db: Database, year: int, user: str | Actor = "") -> list[list[Any]]:
    """The year's plan of meetings with their deadlines, one meeting a row."""
    rows = []
    for m in list_meetings(db, year, user):
        t = m.deadlines
        rows.append(
            [
                format_date(m.day),
                m.start_time,
                "позачергове" if m.extraordinary else "чергове",
                m.place,
                format_date(t.publish),
                format_date(t.submit),
                format_date(t.agree),
                format_date(t.send),
                m.items,
                m.protocol_number,
            ]
        )
    return rows


def write_plan_csv(db: Database, year: int, path: str, user: str | Actor = "") -> int:
    """The plan as CSV (UTF-8 with BOM and «;», formula-safe cells); returns the rows written."""
    from app.services.table_files import write_csv

    return write_csv(path, PLAN_HEADERS, plan_rows(db, year, user))
