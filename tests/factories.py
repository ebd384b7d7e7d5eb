"""Small builders of realistic reference data for tests."""

from __future__ import annotations

from datetime import date

from app.registers import INCOMING
from app.services import documents
from app.services.organisation import OrganisationInfo, save_organisation
from app.services.reference import DepartmentInfo, StaffInfo, save_department, save_staff
from db.session import Database


def organisation(db: Database) -> None:
    save_organisation(
        db,
        OrganisationInfo(
            full_name="Виконавчий комітет Шепетівської міської ради",
            short_name="Шепетівська міська рада",
            address="вул. Островського, 4, м. Шепетівка, 30400",
            edrpou="04060772",
            postal_code="30400",
            mayor_name="Віктор Бондар",
            manager_name="Ольга Кравчук",
        ),
    )


def staff(db: Database) -> dict[str, StaffInfo]:
    """A department with a mayor and two executors: a man and a woman."""
    dept = save_department(db, DepartmentInfo(None, "Загальний відділ", "01-12"))
    other = save_department(db, DepartmentInfo(None, "Управління праці", "05-01"))
    return {
        "mayor": save_staff(
            db, StaffInfo(None, "Бондар", "Віктор", "Петрович", "m", "Міський голова")
        ),
        "melnyk": save_staff(
            db, StaffInfo(None, "Мельник", "Іван", "Іванович", "m", "Начальник відділу", dept.id)
        ),
        "koval": save_staff(
            db,
            StaffInfo(None, "Коваль", "Олена", "Петрівна", "f", "Начальник управління", other.id),
        ),
    }


def incoming(db: Database, day: date, summary: str = "Про ремонт доріг", **values: object):
    raw = {"correspondent": "Хмельницька обласна державна адміністрація", "summary": summary}
    raw.update({k: v for k, v in values.items()})
    return documents.register_document(db, INCOMING, INCOMING.parse(raw), reg_date=day)


def outgoing(
    db: Database,
    day: date,
    addressees: object = "Хмельницька обласна державна адміністрація",
    summary: str = "Про стан доріг",
    **values: object,
):
    from app.registers import OUTGOING

    raw = {"addressees": addressees, "summary": summary}
    raw.update(values)
    reply = raw.pop("close_controls", ())
    item = documents.Registration(OUTGOING.parse(raw), day, close_controls=tuple(reply))  # type: ignore[arg-type]
    return documents.register_many(db, OUTGOING, [item], user="тест")[0]


def appeal(db: Database, day: date, surname: str = "Петренко", **values: object):
    """An appeal of one author on housing, by post (ст. 20: on control for a month)."""
    from app.registers import APPEALS

    raw: dict[str, object] = {
        "applicants": [{"surname": surname, "given_name": "Ганна", "address": "вул. Миру, 1"}],
        "received_way": "Поштою (електронною поштою)",
        "sign": "Первинне",
        "appeal_type": "Заява (клопотання)",
        "subject": "Індивідуальне",
        "form": "Лист",
        "summary": "Про ремонт даху будинку",
        "topics": [{"topic": "Житлова політика"}],
    }
    raw.update(values)
    return documents.register_document(db, APPEALS, APPEALS.parse(raw), reg_date=day)
