"""The duplicate warning's rules: same sender and number, or same sender and a similar summary
within 30 days; cancelled and other registers' documents never count."""

from __future__ import annotations

from datetime import date, timedelta

from app.registers import INCOMING
from app.services import documents
from app.services.duplicates import find_duplicates, similar
from tests import factories

DAY = date(2026, 3, 10)
SENDER = "Хмельницька обласна державна адміністрація"


def _values(**kw):
    raw = {"correspondent": SENDER, "summary": "Про ремонт доріг"}
    raw.update(kw)
    return INCOMING.parse(raw)


def test_the_same_sender_and_number_is_a_duplicate(db):
    first = factories.incoming(db, DAY, ext_number="01-12/345", ext_date="05.03.2026")
    found = find_duplicates(db, "incoming", _values(ext_number="01-12/345"), DAY + timedelta(5))
    assert [d.id for d in found] == [first.id]
    assert "вихідний номер" in found[0].reason
    assert first.reg_number in found[0].describe()
    # Another number and another summary: not a duplicate.
    assert not find_duplicates(
        db, "incoming", _values(ext_number="01-12/346", summary="Про інше"), DAY
    )


def test_a_similar_summary_from_the_same_sender_within_30_days(db):
    first = factories.incoming(db, DAY, summary="Про ремонт доріг комунальної власності")
    typed = _values(summary="про ремонт  доріг комунальної власностi")
    assert [d.id for d in find_duplicates(db, "incoming", typed, DAY + timedelta(30))] == [first.id]
    assert not find_duplicates(db, "incoming", typed, DAY + timedelta(31))
    other_sender = _values(correspondent="Міністерство фінансів України", summary=typed["summary"])
    assert not find_duplicates(db, "incoming", other_sender, DAY + timedelta(1))


def test_cancelled_documents_and_the_name_written_differently(db):
    first = factories.incoming(db, DAY, ext_number="77")
    found = find_duplicates(
        db, "incoming", _values(correspondent=SENDER.upper(), ext_number="77"), DAY
    )
    assert [d.id for d in found] == [first.id]
    documents.cancel_document(db, first.id, "Помилково зареєстровано")
    assert not find_duplicates(db, "incoming", _values(ext_number="77"), DAY)


def test_a_new_sender_has_no_duplicates(db):
    factories.incoming(db, DAY)
    assert not find_duplicates(db, "incoming", _values(correspondent="Нова установа"), DAY)


def test_similar():
    assert similar("Про ремонт доріг", "ПРО РЕМОНТ ДОРІГ")
    assert similar("Про стан мар'янівської школи", "Про стан марʼянівської школи")
    assert not similar("Про ремонт доріг", "Про виділення коштів на ремонт школи")
    assert not similar("", "Про ремонт доріг")
