"""Extracts from decisions apart from the copies distributed (6.18): to whom, which points, when
certified in the general department and by whom, when sent; 3 working days from the executor's
receipt (the first copy sent), late ones flagged — also those still to send once the day passed —
and the certified printout «Витяг з рішення … від … № …» with «Згідно з оригіналом»."""

from __future__ import annotations

import io
from datetime import date

import pytest
from pypdf import PdfReader

from app.registers import DECISIONS
from app.services import documents, printouts
from app.services.details import get_document
from app.services.errors import DocumentError
from app.services.register_view import RegisterView, ViewQuery
from tests import factories

ADOPTED = date(2026, 3, 19)  # Thursday

EXTRACTS = [
    {
        "recipient": "ТОВ «Світанок»",
        "points": "1, 3",
        "wording": "1. Надати дозвіл ТОВ «Світанок» на розміщення літнього майданчика.\n"
        "3. Контроль покласти на заступника міського голови.",
        "certified_date": "23.03.2026",
        "certified_by": "Коваль О. П.",
        "sent_date": "24.03.2026",
    },
    {"recipient": "Іваненко Петро Степанович", "points": "2"},
]


def decision(db, extracts=EXTRACTS, copies=None) -> int:
    copies = (
        copies
        if copies is not None
        else [{"recipient": "Відділ освіти", "sent_date": "20.03.2026"}]
    )
    values = DECISIONS.parse(
        {
            "title": "Про розміщення літніх майданчиків",
            "copies_to": copies,
            "extracts": extracts,
        }
    )
    return documents.register_document(db, DECISIONS, values, reg_date=ADOPTED).id


def row(db, doc_id: int, today: date):
    rows = RegisterView(db, ViewQuery("decisions"), today=today).all_rows()
    return next(r for r in rows if r.id == doc_id)


def test_extracts_are_kept_apart_from_copies_and_their_term_is_flagged(db):
    doc_id = decision(db)
    detail = get_document(db, doc_id)
    assert list(detail.values["copies_to"]) == [
        {"recipient": "Відділ освіти", "sent_date": date(2026, 3, 20)}
    ]
    kept = detail.values["extracts"]
    assert [e["recipient"] for e in kept] == ["ТОВ «Світанок»", "Іваненко Петро Степанович"]
    assert kept[0]["certified_by"] == "Коваль О. П."
    assert kept[0]["certified_date"] == date(2026, 3, 23)
    # received with the copy on Friday 20.03 → due Wednesday 25.03 (3 working days)
    on_time = row(db, doc_id, date(2026, 3, 25))
    assert on_time.copies_state == "розіслано 1 з 1"
    assert on_time.extracts_state == "витягів 2: надіслано 1"
    assert on_time.extracts_text == "ТОВ «Світанок»; Іваненко Петро Степанович"
    late = row(db, doc_id, date(2026, 3, 26))
    assert late.extracts_state == ("витягів 2: надіслано 1; не надіслано вчасно 1 (до 25.03.2026)")


def test_late_and_uncertified_extracts_are_named_the_term_from_the_decision_without_copies(
    db,
):
    doc_id = decision(
        db,
        [{"recipient": "ФОП Мельник", "points": "2", "sent_date": "26.03.2026"}],
        copies=[],
    )
    state = row(db, doc_id, date(2026, 3, 27)).extracts_state
    # from Thursday 19.03: due Tuesday 24.03; sent 26.03 and never certified
    assert state == "витягів 1: надіслано 1; із запізненням 1; не засвідчено 1"


def test_the_certified_extracts_print_one_page_each(db):
    factories.organisation(db)
    factories.staff(db)
    doc_id = decision(db)
    pdf = printouts.print_document(db, "decision_extracts_pdf", doc_id)
    pages = PdfReader(io.BytesIO(pdf)).pages
    assert len(pages) == 2
    first = " ".join(pages[0].extract_text().split())
    assert "ВИКОНАВЧИЙ КОМІТЕТ ШЕПЕТІВСЬКОЇ МІСЬКОЇ РАДИ" in first
    assert "ВИТЯГ з рішення виконавчого комітету від 19.03.2026 № 1" in first
    assert "Про розміщення літніх майданчиків" in first
    assert "Пункти 1, 3:" in first and "літнього майданчика" in first
    assert "Згідно з оригіналом" in first
    assert "Начальник управління" in first and "Олена КОВАЛЬ" in first  # from the staff list
    assert "23.03.2026" in first and "Видано: ТОВ «Світанок»" in first
    second = " ".join(pages[1].extract_text().split())
    assert "Пункт 2:" in second
    assert "Начальник загального відділу" in second  # nobody named yet: the default title
    assert "«___» ____________ 20___ р." in second


def test_no_extracts_no_printout(db):
    factories.organisation(db)
    doc_id = decision(db, extracts=[])
    with pytest.raises(DocumentError, match="немає витягів"):
        printouts.print_document(db, "decision_extracts_pdf", doc_id)


def test_extracts_come_in_with_an_import_row(db, tmp_path):
    from app.services import imports

    path = tmp_path / "decisions.csv"
    path.write_text(
        "№;Дата;Заголовок;Розіслано;Витяги\n"
        "12;19.03.2026;Про майданчики;Відділ економіки | 20.03.2026;"
        "ТОВ «Світанок» | 1, 3 | | 23.03.2026 | | 24.03.2026\n",
        encoding="utf-8",
    )
    result = imports.import_file(db, DECISIONS, path, allow_gaps=True, today=date(2026, 4, 1))
    assert result.problems == ()
    found = row(db, 1, date(2026, 4, 1))
    assert found.reg_number == "12"
    assert found.extracts_text == "ТОВ «Світанок»"
    assert found.extracts_state == "витягів 1: надіслано 1"  # certified, in time
