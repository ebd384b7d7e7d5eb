"""Printouts of personnel files: the personal card (form П-2 layout) of an employee and the
inventory of the file's documents (внутрішній опис).

HR only; every print is recorded in the audit trail (personal data).
"""

from __future__ import annotations

import io
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain import personnel as rules
from app.domain.dates import format_date
from app.domain.names import Gender, PersonName
from app.domain.personnel_orders import DRAFTS, OrderDraft, draft
from app.domain.roles import Actor
from app.registers.personnel import PERSONNEL
from app.reports.tables import ReportPeriod, TableReport
from app.services import audit
from app.services import personnel as hr
from app.services.organisation import get_organisation
from db.models import Department, Document, PersonnelEvent, PersonnelFile, Staff
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


# --- the inventory of the file --------------------------------------------------------------

#: Empty lines after the documents the program knows of: the passport and diploma copies, the
#: oath, declarations … which HR files by hand (the 2024 НАДС list is not in the brief ❓).
INVENTORY_BLANK_LINES = 8


def inventory(
    db: Database, staff_id: int, user: str | Actor = "", on: date | None = None
) -> TableReport:
    """«Внутрішній опис документів особової справи»: Правила 1000/5 (наказ Мін'юсту від
    18.06.2015 № 1000/5), розд. IV гл. 2 п. 12 — a personnel file opens with an inventory;
    розд. VI гл. 2 п. 6 — its columns (number, index, date, title, sheets) and a closing
    record of how many documents it lists (kadroland.com, pidru4niki.com ✅; the form itself,
    додаток 16, not seen ⚠️). Lists the personal card and each order of the history once (an
    order covering several entries is one document), with its index (the order's number), date
    and title; the sheets are left blank — they are numbered when the file is closed (kadroland
    ✅); empty lines follow for what HR files by hand."""
    actor = hr.require_read(user)
    on = on or date.today()
    with db.read() as s:
        staff = s.get(Staff, staff_id)
        file = s.get(PersonnelFile, staff_id)
        if staff is None or file is None:
            raise rules.PersonnelError("Особову справу не знайдено")
        full = " ".join(p for p in (staff.surname, staff.given_name, staff.patronymic) if p)
        number = file.personnel_number
        titles = _order_titles(s, [e.order_id for e in _events(s, staff_id) if e.order_id])
    rows: list[list[object]] = [
        [1, "", "", "Особова картка працівника (типова форма № П-2)", "", ""]
    ]
    seen: set[tuple[str, date | None]] = set()
    for e in hr.history(db, staff_id, actor):
        key = (e.order_number, e.order_date)
        if not e.order_number or key in seen:
            continue
        seen.add(key)
        title = titles.get(e.order_id or 0) or f"Про {e.kind_title.lower()}"
        rows.append([len(rows) + 1, e.order_number,
                     format_date(e.order_date) if e.order_date else "",
                     f"Копія розпорядження «{title}»", "", ""])  # fmt: skip
    count = len(rows)
    rows += [[len(rows) + 1 + i, "", "", "", "", ""] for i in range(INVENTORY_BLANK_LINES)]
    for row in rows[count:]:
        row[0] = ""
    return TableReport(
        title=f"Внутрішній опис документів особової справи № {number}",
        period=ReportPeriod(None, on),
        columns=(
            "№ з/п",
            "Індекс документа",
            "Дата",
            "Заголовок документа",
            "Номери аркушів",
            "Примітка",
        ),
        rows=rows,
        notes=(
            f"Особова справа: {full}.",
            "Підсумковий запис: у внутрішній опис внесено ____ (____________) документів "
            f"(надруковано програмою — {count} документ{_plural(count)}, решту дописано від "
            "руки); кількість аркушів внутрішнього опису — ____.",
            f"Склав(ла): {actor.name}  ____________________  {format_date(on)}",
        ),
        widths=(0.5, 1.0, 0.9, 4.2, 0.9, 1.0),
    )


def _plural(n: int) -> str:
    if n % 10 == 1 and n % 100 != 11:
        return ""
    return "и" if n % 10 in (2, 3, 4) and n % 100 not in (12, 13, 14) else "ів"


def _events(s: Session, staff_id: int) -> list[PersonnelEvent]:
    from db.queries import personnel as q

    return q.events_of(s, staff_id)


def _order_titles(s: Session, ids: list[int]) -> dict[int, str]:
    if not ids:
        return {}
    rows = s.execute(select(Document.id, Document.title).where(Document.id.in_(ids)))
    return {i: t for i, t in rows if t}


def inventory_pdf(
    db: Database, staff_id: int, user: str | Actor = "", on: date | None = None
) -> bytes:
    """The inventory as PDF bytes (audited: it names the person)."""
    from app.services.report_files import report_pdf

    actor = hr.require_read(user)
    table = inventory(db, staff_id, actor, on)
    org = get_organisation(db)
    pdf = report_pdf(table, org.full_name if org else "")
    with db.read() as s:
        staff = s.get(Staff, staff_id)
        assert staff is not None
        record = hr.audit_record(staff)
    audit.log(
        db, actor, audit.PRINT, record=record, register=PERSONNEL.code,
        details={"друк": "внутрішній опис особової справи"},
    )  # fmt: skip
    return pdf
