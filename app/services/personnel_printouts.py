"""Printouts of personnel files: the personal card (form П-2 layout) of an employee.

HR only; every print is recorded in the audit trail (personal data).
"""

from __future__ import annotations

import io
from datetime import date

from app.domain import personnel as rules
from app.domain.dates import format_date
from app.domain.names import Gender, PersonName
from app.domain.personnel_orders import DRAFTS, OrderDraft, draft
from app.domain.roles import Actor
from app.registers.personnel import PERSONNEL
from app.services import audit
from app.services import personnel as hr
from app.services.organisation import get_organisation
from db.models import Department, PersonnelFile, Staff
from db.session import Database

APPOINTMENTS = (rules.HIRE, rules.TRANSFER, rules.RANK)
VACATIONS = (rules.VACATION, rules.UNPAID_LEAVE)


def card_pdf(db: Database, staff_id: int, user: str | Actor = "", on: date | None = None) -> bytes:
    """The personal card as PDF bytes."""
    from app.printing.personnel_card import HistoryLine, PersonalCardData, render_personal_card

    actor = hr.require_read(user)
    on = on or date.today()
    with db.read() as s:
        staff = s.get(Staff, staff_id)
        if staff is None:
            raise rules.PersonnelError("Працівника не знайдено")
        file = s.get(PersonnelFile, staff_id)
        department = s.get(Department, staff.department_id) if staff.department_id else None
        record = hr.audit_record(staff)
        full = " ".join(p for p in (staff.surname, staff.given_name, staff.patronymic) if p)
        sex = "жіноча" if staff.gender == "f" else "чоловіча"
        position, phone, active = staff.position, staff.phone, staff.active
        f = {
            "number": file.personnel_number if file else "",
            "birth": format_date(file.birth_date) if file else "",
            "email": file.email if file else "",
            "address": file.address if file else "",
            "education": file.education if file else "",
            "category": f"{file.category} категорія" if file and file.category else "",
            "rank": f"{file.rank} ранг" if file and file.rank else "",
        }
        department_name = department.name if department else ""
    events = hr.history(db, staff_id, actor)
    prior = hr.prior_periods(db, staff_id)
    seniority = hr.seniority_of(db, staff_id, on)

    def line(e: hr.EventView) -> HistoryLine:
        return HistoryLine(e.period_text, e.kind_title, e.summary, e.order_text)

    from app.services.awards import awards_of_employee

    awarded = [
        HistoryLine(
            format_date(a.award_date) if a.award_date else "клопотання",
            a.kind,
            ", ".join(x for x in (a.occasion, a.merits) if x),
            a.order,
        )
        for a in awards_of_employee(db, staff_id, actor)
    ]
    dismissal = next((e for e in reversed(events) if e.kind == rules.DISMISSAL), None)
    org = get_organisation(db)
    data = PersonalCardData(
        organisation=org.full_name if org else "",
        printed=format_date(on),
        personnel_number=f["number"],
        full_name=full,
        sex=sex,
        birth_date=f["birth"],
        phone=phone,
        email=f["email"],
        address=f["address"],
        education=f["education"],
        position=position,
        department=department_name,
        category=f["category"],
        rank=f["rank"],
        seniority=f"{seniority.text} станом на {format_date(on)}",
        prior=[
            (f"{format_date(p.date_from)} – {format_date(p.date_to)}", p.employer)
            for p in prior
            if p.counts
        ],
        appointments=[line(e) for e in events if e.kind in APPOINTMENTS],
        vacations=[line(e) for e in events if e.kind in VACATIONS],
        other=[
            line(e) for e in events if e.kind not in (*APPOINTMENTS, *VACATIONS, rules.DISMISSAL)
        ]
        + awarded,
        dismissal=(
            f"{format_date(dismissal.day)}, {dismissal.detail} {dismissal.order_text}".strip()
            if dismissal and not active
            else ""
        ),
        hr_officer=actor.name,
    )
    buffer = io.BytesIO()
    render_personal_card(data, buffer)
    audit.log(
        db, actor, audit.PRINT, record=record, register=PERSONNEL.code,
        details={"друк": "особова картка"},
    )  # fmt: skip
    return buffer.getvalue()


def order_draft(db: Database, staff_id: int, event_id: int, user: str | Actor = "") -> OrderDraft:
    """The draft text of the personnel order making an entry of the history (hiring, transfer,
    vacation, unpaid leave, business trip, dismissal); PersonnelError for other kinds."""
    actor = hr.require_read(user)
    entry = next((e for e in hr.history(db, staff_id, actor) if e.id == event_id), None)
    if entry is None:
        raise rules.PersonnelError("Запис послужного списку не знайдено")
    if entry.kind not in DRAFTS:
        raise rules.PersonnelError(
            f"Проєкт розпорядження готується для призначення, переведення, відпусток, "
            f"відряджень і звільнення (не для «{entry.kind_title}»)"
        )
    with db.read() as s:
        staff = s.get(Staff, staff_id)
        assert staff is not None
        person = PersonName(staff.surname, staff.given_name, staff.patronymic, Gender(staff.gender))
    days = entry.amount or ((entry.end - entry.day).days + 1 if entry.end else None)
    return draft(
        entry.kind,
        person,
        day=format_date(entry.day),
        end=format_date(entry.end) if entry.end else "",
        detail=entry.detail,
        post=entry.post,
        department=entry.department,
        days=days if entry.kind in (rules.VACATION, rules.UNPAID_LEAVE) else None,
    )
