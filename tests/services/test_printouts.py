"""Printouts built from the database: the PDF text carries the number, the date and the
executors in the dative case."""

from __future__ import annotations

import io
from datetime import date

import pytest
from pypdf import PdfReader

from app.registers import INCOMING
from app.services import control, printouts
from app.services.documents import DocumentError
from tests import factories


def _text(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


@pytest.fixture
def controlled(db):
    factories.organisation(db)
    people = factories.staff(db)
    reg = factories.incoming(db, date(2026, 3, 5), case_index="01-12", sheets="3")
    control.add_resolution(
        db,
        reg.id,
        control.ResolutionInput(
            executor_ids=(people["koval"].id, people["melnyk"].id),
            task="Розглянути та підготувати відповідь",
            author_id=people["mayor"].id,
            resolution_date=date(2026, 3, 5),
        ),
    )
    control.put_on_control(db, reg.id, today=date(2026, 3, 5))
    return reg


def test_stamps_carry_the_number_date_and_term(db, controlled):
    text = " ".join(_text(printouts.stamp_pdf(db, controlled.id)))
    assert "1/01-12" in text and "05.03.2026" in text
    assert "Шепетівська міська рада" in text
    assert "03.04.2026" in text  # the «Контроль» stamp's term
    assert "03.04.2026" in " ".join(_text(printouts.control_stamp_pdf(db, controlled.id)))


def test_resolution_slip_names_executors_in_the_dative(db, controlled):
    text = " ".join(_text(printouts.resolution_slip_pdf(db, controlled.id)))
    assert "Коваль О. П." in text
    assert "Мельнику І. І." in text
    assert "Віктор БОНДАР" in text
    assert "1/01-12" in text and "05.03.2026" in text


def test_card_in_three_copies(db, controlled):
    control.extend_term(db, controlled.id, date(2026, 4, 20), reason="Потрібен висновок юриста")
    pages = _text(printouts.card_pdf(db, controlled.id, copies=3))
    assert len(pages) == 3
    assert all("1/01-12" in p and "Мельник І. І." in p for p in pages)
    assert "Потрібен висновок юриста" in pages[0]


def test_journal_for_a_period(db, controlled):
    factories.incoming(db, date(2026, 3, 6), summary="Про освітлення вулиць")
    factories.incoming(db, date(2026, 5, 6), summary="Поза періодом")
    text = " ".join(_text(printouts.journal_pdf(db, INCOMING, date(2026, 3, 1), date(2026, 3, 31))))
    assert "Про освітлення вулиць" in text
    assert "Поза періодом" not in text
    assert "01.03.2026" in text and "31.03.2026" in text


def test_slip_without_resolution_is_explained(db):
    factories.organisation(db)
    reg = factories.incoming(db, date(2026, 3, 5))
    with pytest.raises(DocumentError, match="резолюції"):
        printouts.resolution_slip_pdf(db, reg.id)


def test_control_stamp_only_while_on_control(db, controlled):
    control.remove_from_control(db, controlled.id, "Лист № 5", date(2026, 3, 20), "Кравчук О.")
    with pytest.raises(DocumentError, match="контрол"):
        printouts.control_stamp_pdf(db, controlled.id)
    registration_only = " ".join(_text(printouts.stamp_pdf(db, controlled.id)))
    assert "Контроль".upper() not in registration_only.upper()


def test_card_names_executors_in_the_nominative_and_the_slip_keeps_its_own_term(db, controlled):
    control.extend_term(db, controlled.id, date(2026, 4, 20), reason="Потрібен висновок юриста")
    card = " ".join(_text(printouts.card_pdf(db, controlled.id, copies=1)))
    assert "Мельник І. І." in card and "Мельнику" not in card
    slip = " ".join(_text(printouts.resolution_slip_pdf(db, controlled.id)))
    assert "03.04.2026" in slip  # the term when the resolution was given, not the extension
    assert "20.04.2026" not in slip
