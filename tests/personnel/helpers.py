"""Builders for the personnel tests: an office with HR's orders and a hired person."""

from __future__ import annotations

from datetime import date

from app.registers import ORDERS
from app.registers.personnel import PERSONNEL
from app.services import documents
from app.services import personnel as hr
from db.session import Database
from tests import factories


def order(db: Database, day: date, kind: str = "прийняття/призначення") -> str:
    """A personnel order («-к») signed on `day`; returns its number."""
    values = ORDERS.parse({"series": "personnel", "kind": kind, "title": f"Про {kind}"})
    doc = documents.register_document(db, ORDERS, values, reg_date=day)
    return doc.reg_number


def office(db: Database) -> dict[str, object]:
    factories.organisation(db)
    return dict(factories.staff(db))


def new_file(db: Database, number: str = "101", surname: str = "Ткачук", gender: str = "f") -> int:
    values = PERSONNEL.parse(
        {
            "personnel_number": number,
            "surname": surname,
            "given_name": "Марія" if gender == "f" else "Петро",
            "patronymic": "Іванівна" if gender == "f" else "Іванович",
            "gender": gender,
            "birth_date": "12.05.1990",
            "education": "вища, ВНУ імені Лесі Українки, 2012, правознавство",
        }
    )
    return hr.save_file(db, None, values, "hr")


def hire(
    db: Database,
    staff_id: int,
    day: date,
    basis: str = "як переможець конкурсу",
    category: int = 6,
    rank: int | None = 13,
) -> int:
    number = order(db, day)
    return hr.save_event(
        db,
        staff_id,
        hr.EventInput(
            "hire", day, detail=basis, post="головний спеціаліст",
            department="Загальний відділ", category=category, rank=rank,
            order_number=number, order_date=day,
        ),
        "hr",
    )  # fmt: skip
