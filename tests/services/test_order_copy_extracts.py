"""4.16: the general department hands an order's copies «повністю або витяги з них» within 3
days: a copy handed as an extract names its points, and the copies' state counts the extracts."""

from __future__ import annotations

from datetime import date

from app.registers import ORDERS
from app.services import documents
from app.services.details import get_document
from app.services.register_view import RegisterView, ViewQuery
from tests import factories


def test_a_copy_handed_as_an_extract_keeps_its_points(db):
    factories.staff(db)
    values = ORDERS.parse(
        {
            "series": "main",
            "title": "Про підготовку до опалювального сезону",
            "copies_to": [
                {"executor": "Мельник І. І.", "handed_date": "03.03.2026"},
                {"executor": "Коваль О. П.", "handed_date": "04.03.2026", "points": "2, 4"},
            ],
        }
    )
    doc = documents.register_document(db, ORDERS, values, reg_date=date(2026, 3, 2))
    copies = get_document(db, doc.id).values["copies_to"]
    assert [c["points"] for c in copies] == ["", "2, 4"]
    row = RegisterView(db, ViewQuery("orders"), today=date(2026, 3, 5)).all_rows()[0]
    assert row.copies_state == "видано 2 з 2 (з них витягів 1)"
