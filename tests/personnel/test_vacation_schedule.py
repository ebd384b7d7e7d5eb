"""«Графік відпусток» for a year (ч. 4 ст. 79 КЗпП, ч. 10 ст. 10 ЗУ «Про відпустки»): everyone in
service during the year by department and name, the annual vacations entered for the year with
their dates and days, an empty line to fill by hand for whoever has none; printed and read
back."""

from __future__ import annotations

from datetime import date

import pytest
from pypdf import PdfReader

from app.domain import roles
from app.domain.roles import Actor, PermissionDenied
from app.reports.vacation_schedule import vacation_schedule
from app.services import personnel as hr
from app.services.report_files import report_pdf
from tests.personnel.helpers import hire, new_file, office

CLERK = Actor("clerk", frozenset({roles.CLERK}))


def _vacation(db, staff_id: int, start: date, end: date, kind: str = "щорічна основна") -> None:
    hr.save_event(db, staff_id, hr.EventInput("vacation", start, end=end, detail=kind), "hr")


def test_the_year_lists_everyone_in_service_with_their_vacations(db):
    office(db)
    tkachuk = new_file(db, "101", "Ткачук", "f")
    hire(db, tkachuk, date(2024, 3, 1))
    _vacation(db, tkachuk, date(2026, 7, 1), date(2026, 7, 24))
    _vacation(db, tkachuk, date(2026, 10, 5), date(2026, 10, 9), "щорічна додаткова")
    _vacation(db, tkachuk, date(2025, 7, 1), date(2025, 7, 24))  # another year
    oliinyk = new_file(db, "102", "Олійник", "m")
    hire(db, oliinyk, date(2025, 9, 1))
    gone = new_file(db, "103", "Бойко", "m")
    hire(db, gone, date(2020, 1, 10))
    hr.save_event(db, gone, hr.EventInput("dismissal", date(2025, 12, 31),
                  detail="ст. 38 КЗпП (власне бажання)"), "hr")  # fmt: skip

    table = vacation_schedule(db, "hr", 2026)
    assert table.title == "Графік відпусток на 2026 рік"
    rows = [list(r) for r in table.rows]
    assert [r[3] for r in rows] == [
        "Олійник Петро Іванович",
        "Ткачук Марія Іванівна",
        "Ткачук Марія Іванівна",
    ]
    assert rows[0][1:3] == ["Загальний відділ", "головний спеціаліст"]
    assert rows[0][5:8] == ["", "", ""]  # to fill by hand
    assert rows[1][4:8] == ["101", "щорічна основна", 24, "01.07.2026 — 24.07.2026"]
    assert rows[2][5:8] == ["щорічна додаткова", 5, "05.10.2026 — 09.10.2026"]
    text = " ".join(p.extract_text() for p in PdfReader(_pdf(table)).pages)
    assert "Графік відпусток на 2026 рік" in text and "01.07.2026" in text
    assert "ст. 10" in text


def _pdf(table):
    import io

    return io.BytesIO(report_pdf(table, "Шепетівська міська рада"))


def test_only_hr_prints_the_schedule(db):
    with pytest.raises(PermissionDenied):
        vacation_schedule(db, CLERK, 2026)
