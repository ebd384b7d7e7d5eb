"""The appeal's registration-control card and the notice of extension, read back from the PDF."""

from __future__ import annotations

import io
from datetime import date

import pytest
from pypdf import PdfReader

from app.services import control, printouts
from app.services.errors import DocumentError
from tests import factories


@pytest.fixture
def office_db(db):
    factories.organisation(db)
    factories.staff(db)
    return db


def _text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def test_the_card_lists_the_author_the_classification_and_the_term(office_db):
    done = factories.appeal(office_db, date(2026, 3, 2), category="")
    text = _text(printouts.print_document(office_db, "appeal_card_pdf", done.id))
    assert "РЕЄСТРАЦІЙНО-КОНТРОЛЬНА КАРТКА ЗВЕРНЕННЯ" in text
    assert "Петренко Ганна" in text and "вул. Миру, 1" in text
    assert "Житлова політика" in text
    assert "02.04.2026" in text  # one month from 02.03.2026
    assert "один місяць" in text


def test_the_notice_names_the_new_term_and_the_law(office_db):
    done = factories.appeal(office_db, date(2026, 3, 2))
    with pytest.raises(DocumentError, match="не продовжено"):
        printouts.print_document(office_db, "appeal_extension_pdf", done.id)
    control.extend_term(office_db, done.id, date(2026, 4, 15), "Потрібна перевірка на місці")
    text = _text(printouts.print_document(office_db, "appeal_extension_pdf", done.id))
    assert "продовжено до 15.04.2026" in " ".join(text.split())
    assert "Потрібна перевірка на місці" in text
    assert "Петренко Ганна" in text
