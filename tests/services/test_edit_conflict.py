"""Two clerks edit one card: the second save is refused and says what the first one changed."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from app.domain.correspondence import Addressee
from app.registers import INCOMING, OUTGOING
from app.services import documents
from app.services.changes import FieldChange, as_text, changed_fields
from app.services.details import get_document
from tests import factories


def _edit(values: dict[str, object], **changes: object) -> dict[str, object]:
    return INCOMING.parse({**values, **changes})


def test_the_refusal_names_each_field_the_other_clerk_changed(db):
    reg = factories.incoming(db, date(2026, 3, 2), sheets=2)
    opened = get_document(db, reg.id)  # both clerks open the same version
    first = _edit(opened.values, summary="Про ремонт мосту", sheets="3", ext_date="01.03.2026")
    documents.update_document(db, INCOMING, reg.id, first, opened.version, user="Коваль О. П.")

    second = _edit(opened.values, notes="Моя примітка")
    with pytest.raises(documents.ConflictError) as caught:
        documents.update_document(
            db, INCOMING, reg.id, second, opened.version, user="Бойко", opened=opened.values
        )
    exc = caught.value
    assert exc.changes == (
        FieldChange("ext_date", "Дата документа", "", "01.03.2026"),
        FieldChange("summary", "Короткий зміст", "Про ремонт доріг", "Про ремонт мосту"),
        FieldChange("sheets", "Кількість аркушів", "2", "3"),
    )
    assert exc.changed_by == "Коваль О. П."
    assert isinstance(exc.changed_at, datetime)
    message = str(exc)
    assert "змінив Коваль О. П." in message
    assert "Короткий зміст: Про ремонт доріг → Про ремонт мосту" in message
    assert "Дата документа: (порожньо) → 01.03.2026" in message
    # Nothing of the second save reached the database.
    assert get_document(db, reg.id).values["notes"] == ""


def test_without_the_opened_values_the_refusal_still_names_who(db):
    reg = factories.incoming(db, date(2026, 3, 2))
    opened = get_document(db, reg.id)
    documents.update_document(db, INCOMING, reg.id, {"summary": "Інше"}, opened.version, user="А")
    with pytest.raises(documents.ConflictError) as caught:
        documents.update_document(db, INCOMING, reg.id, {"summary": "Б"}, opened.version)
    assert caught.value.changes == ()
    assert "змінив А" in str(caught.value)


def test_changed_addressees_are_listed_by_name_and_address(db):
    reg = factories.outgoing(db, date(2026, 3, 2))
    opened = get_document(db, reg.id)
    new = OUTGOING.parse(
        {**opened.values, "addressees": [Addressee("Сільрада", "вул. Миру, 1", "29000")]}
    )
    documents.update_document(db, OUTGOING, reg.id, new, opened.version, user="Коваль")
    with pytest.raises(documents.ConflictError) as caught:
        documents.update_document(
            db, OUTGOING, reg.id, opened.values, opened.version, opened=opened.values
        )
    [change] = caught.value.changes
    assert change.key == "addressees"
    assert change.before == "Хмельницька обласна державна адміністрація"
    assert change.after == "Сільрада (вул. Миру, 1, 29000)"


def test_empty_text_and_missing_value_are_no_change():
    before = {"summary": "", "sheets": None, "urgent": False, "ext_date": None}
    after = {"summary": None, "sheets": None, "urgent": True, "ext_date": date(2026, 3, 1)}
    assert [c.key for c in changed_fields(INCOMING, before, after)] == ["ext_date", "urgent"]
    assert as_text(True) == "так"
    assert as_text(("1/01", "2/01")) == "1/01; 2/01"
