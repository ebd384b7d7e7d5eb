"""«Внутрішній опис документів особової справи» (Правила 1000/5, розд. IV гл. 2 п. 12: a personnel
file opens with an inventory; its form — sequence number, index, date, title, sheets): the
personal card, then each order of the person's history once (an order covering two entries is
one document), empty lines for what HR files by hand; printed and read back; HR only."""

from __future__ import annotations

import io
from datetime import date

import pytest
from pypdf import PdfReader

from app.domain import roles
from app.domain.roles import Actor, PermissionDenied
from app.services import personnel as hr
from app.services.personnel_printouts import inventory, inventory_pdf
from tests.personnel.helpers import hire, new_file, office, order

CLERK = Actor("clerk", frozenset({roles.CLERK}))


def test_the_inventory_lists_the_card_and_each_order_once(db):
    office(db)
    staff_id = new_file(db)
    hire(db, staff_id, date(2025, 3, 3))
    number = order(db, date(2025, 7, 1), "відпустка")
    for start, end in ((date(2025, 7, 7), date(2025, 7, 20)), (date(2025, 8, 4), date(2025, 8, 8))):
        hr.save_event(db, staff_id, hr.EventInput("vacation", start, end=end,
                      detail="щорічна основна", order_number=number,
                      order_date=date(2025, 7, 1)), "hr")  # fmt: skip
    table = inventory(db, staff_id, "hr", date(2026, 3, 2))
    assert table.title == "Внутрішній опис документів особової справи № 101"
    rows = [list(r) for r in table.rows]
    assert rows[0][1:4] == ["", "", "Особова картка працівника (типова форма № П-2)"]
    assert [r[1] for r in rows[1:3]] == [rows[1][1], number]
    assert rows[1][2] == "03.03.2025" and rows[1][3].startswith("Копія розпорядження")
    assert rows[2][2] == "01.07.2025" and "відпустка" in rows[2][3]
    assert [r[0] for r in rows[:3]] == [1, 2, 3]
    assert all(r[1:] == ["", "", "", "", ""] for r in rows[3:])  # to fill by hand
    assert any("3" in n and "документ" in n for n in table.notes)
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(
        inventory_pdf(db, staff_id, "hr", date(2026, 3, 2)))).pages)  # fmt: skip
    assert "Внутрішній опис документів особової справи № 101" in text
    assert "Ткачук Марія Іванівна" in text and number in text


def test_only_hr_prints_the_inventory(db):
    office(db)
    staff_id = new_file(db)
    with pytest.raises(PermissionDenied):
        inventory(db, staff_id, CLERK)
