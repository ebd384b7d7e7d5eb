"""The mayor's orders on paper, registered through the services and read back from the PDF:
the heading of the order's blank and the register of copies handed to the executors."""

from __future__ import annotations

import io
from datetime import date
from typing import Any

import pytest
from pypdf import PdfReader
from reportlab.pdfbase.pdfmetrics import stringWidth

from app.printing import fonts
from app.printing.orders import LEFT, TITLE_WIDTH
from app.registers.orders import ORDERS
from app.services import documents, printouts
from app.services.order_printouts import order_copies_register_period_pdf
from app.services.organisation import OrganisationInfo, get_organisation, save_organisation
from tests import factories
from tests.printing import MM, page_size_mm, page_texts

D = date
TITLE = (
    "Про скликання засідання виконавчого комітету міської ради та затвердження порядку "
    "денного засідання"
)


def order(
    db: Any, day: date, title: str, series: str = "-р", copies: tuple[tuple[str, str], ...] = ()
) -> documents.Registered:
    raw = {
        "series": series,
        "title": title,
        "signatory": "Бондар В. П.",
        "prepared_by": "Мельник І. І.",
        "copies_to": [{"executor": who, "handed_date": when} for who, when in copies],
    }
    return documents.register_document(db, ORDERS, ORDERS.parse(raw), reg_date=day)


def lines(pdf: bytes) -> list[tuple[str, float, float, str]]:
    """(text, x, y, font) of every line drawn on the first page, in page coordinates
    (paragraphs are drawn through a translation: cm and tm together)."""
    found: list[tuple[str, float, float, str]] = []

    def visit(text: str, cm: list[float], tm: list[float], font: Any, size: float) -> None:
        if text.strip():
            name = str(font.get("/BaseFont", "")).split("+")[-1] if font else ""
            found.append((text.strip(), cm[4] + tm[4], cm[5] + tm[5], name))

    PdfReader(io.BytesIO(pdf)).pages[0].extract_text(visitor_text=visit)
    return found


# --- the heading of the order's blank ---------------------------------------------------------


def test_the_heading_carries_the_blank_the_date_the_place_the_number_and_the_title(db):
    factories.organisation(db)
    reg = order(db, D(2026, 11, 2), TITLE)
    pdf = printouts.print_document(db, "order_heading_pdf", reg.id)
    assert page_size_mm(pdf) == (210.0, 297.0)  # A4 portrait
    (text,) = page_texts(pdf)
    assert text.startswith("УКРАЇНА ВИКОНАВЧИЙ КОМІТЕТ ШЕПЕТІВСЬКОЇ МІСЬКОЇ РАДИ")
    assert "РОЗПОРЯДЖЕННЯ міського голови 02.11.2026 м. Шепетівка № 1-р" in text
    assert text.endswith(TITLE)  # nothing after the title: the clerk types the text


def test_the_heading_lays_out_the_line_and_the_title_as_dstu_4163_does(db):
    factories.organisation(db)
    reg = order(db, D(2026, 11, 2), TITLE)
    drawn = {t: (x, y, font) for t, x, y, font in lines(printouts.order_heading_pdf(db, reg.id))}
    page_width = 210 * MM
    date_x, date_y, _ = drawn["02.11.2026"]
    place_x, place_y, _ = drawn["м. Шепетівка"]
    number_x, number_y, _ = drawn["№ 1-р"]
    assert date_y == place_y == number_y  # one line
    assert date_x == pytest.approx(LEFT)  # the date at the left margin (30 mm)
    fonts.register_fonts()
    place_middle = place_x + stringWidth("м. Шепетівка", fonts.REGULAR, 14) / 2
    assert place_middle == pytest.approx(LEFT + (page_width - LEFT - 10 * MM) / 2, abs=0.5)
    number_end = number_x + stringWidth("№ 1-р", fonts.REGULAR, 14)
    assert number_end == pytest.approx(page_width - 10 * MM, abs=0.5)  # right margin 10 mm
    assert drawn["РОЗПОРЯДЖЕННЯ"][2].endswith("Bold")
    title_lines = [(t, x, y, f) for t, (x, y, f) in drawn.items() if y < date_y]
    assert len(title_lines) >= 2  # wrapped at about half the page
    for text, x, y, font in title_lines:
        assert font.endswith("Bold") and x == pytest.approx(LEFT)
        assert stringWidth(text, fonts.BOLD, 14) <= TITLE_WIDTH
        assert y > 180 * MM  # the top third of the sheet: the rest is the clerk's
    assert " ".join(t for t, *_ in title_lines) == TITLE


def test_a_personnel_order_keeps_its_number_and_the_place_may_stay_empty(db):
    factories.organisation(db)
    info = get_organisation(db)
    assert info is not None
    save_organisation(db, OrganisationInfo(**{**info.__dict__, "address": "вул. Свободи, 4"}))
    reg = order(db, D(2026, 11, 3), "Про відпустку Коваль О. П.", series="-к")
    (text,) = page_texts(printouts.print_document(db, "order_heading_pdf", reg.id))
    # No settlement in the address: the centre is left for the clerk, nothing is guessed.
    assert "03.11.2026 № 1-к Про відпустку Коваль О. П." in text


# --- the register of copies handed to the executors -------------------------------------------


@pytest.fixture
def orders(db):
    """Three orders of November 2026: copies in time, late and still to hand; none; personnel."""
    factories.organisation(db)
    first = order(
        db,
        D(2026, 11, 6),  # a Friday: 3 working days run to Wednesday 11.11
        TITLE,
        copies=(
            ("Коваль О. П.", "11.11.2026"),  # 5 calendar days, 3 working days: in time
            ("Мельник І. І.", "12.11.2026"),  # the 4th working day: late
            ("Шевчук Г. М.", ""),  # not handed yet: the date is written in by hand
        ),
    )
    second = order(db, D(2026, 11, 9), "Про утворення робочої групи")
    third = order(
        db, D(2026, 11, 10), "Про відпустку Коваль О. П.", "-к", (("Коваль О. П.", "10.11.2026"),)
    )
    return first, second, third


def test_the_register_has_a_row_per_copy_in_the_order_chosen(db, orders):
    first, second, third = orders
    pdf = printouts.print_selection(
        db, "order_copies_register_pdf", [third.id, first.id, second.id]
    )
    assert page_size_mm(pdf) == (297.0, 210.0)  # landscape A4
    (text,) = page_texts(pdf)
    assert "Виконавчий комітет Шепетівської міської ради" in text
    assert "Реєстр видачі копій розпоряджень міського голови вибрані розпорядження" in text
    assert (
        "№ з/п № і дата розпорядження Заголовок Кому видано (виконавець) Дата видачі Підпис" in text
    )
    assert "1 1-к від 10.11.2026 Про відпустку Коваль О. П. Коваль О. П. 10.11.2026 2 1-р" in text
    assert f"2 1-р від 06.11.2026 {TITLE} Коваль О. П. 11.11.2026 3 1-р від 06.11.2026" in text
    assert "3 1-р від 06.11.2026 Мельник І. І. 12.11.2026 (із запізненням) 4 1-р" in text
    assert "4 1-р від 06.11.2026 Шевчук Г. М. 5 2-р" in text  # no date: not handed yet
    assert "5 2-р від 09.11.2026 Про утворення робочої групи копії не видавались" in text
    assert text.count("(із запізненням)") == 1 and text.count(TITLE) == 1
    assert "Усього розпоряджень: 3; копій: 4, з них видано: 3, із запізненням: 1." in text
    assert "Сторінка 1 з 1" in text


def test_lateness_counts_working_days_of_the_calendar(db, orders):
    from app.services import calendar

    first, *_ = orders
    # An extra day off on Tuesday moves the last day to Thursday: 12.11 is in time then.
    calendar.set_override(db, D(2026, 11, 10), working=False, note="вихідний")
    (text,) = page_texts(printouts.order_copies_register_pdf(db, [first.id]))
    assert "(із запізненням)" not in text
    assert "Мельник І. І. 12.11.2026" in text


def test_the_register_for_a_period_and_a_series(db, orders):
    order(db, D(2026, 12, 1), "Поза періодом")
    pdf = order_copies_register_period_pdf(db, D(2026, 11, 1), D(2026, 11, 30))
    (text,) = page_texts(pdf)
    assert "з 01.11.2026 по 30.11.2026" in text and "Поза періодом" not in text
    assert text.index("1-р від 06.11.2026") < text.index("2-р") < text.index("1-к")
    personnel = order_copies_register_period_pdf(
        db, D(2026, 11, 1), D(2026, 11, 30), series="personnel"
    )
    (text,) = page_texts(personnel)
    assert "розпорядження з кадрових питань; з 01.11.2026 по 30.11.2026" in text
    assert "1-к від 10.11.2026" in text and "-р від" not in text
    empty = order_copies_register_period_pdf(db, D(2026, 1, 1), D(2026, 1, 31), series="-к")
    (text,) = page_texts(empty)
    assert "Розпоряджень немає." in text and "Усього" not in text


def test_a_long_register_repeats_its_header_and_numbers_its_pages(db):
    factories.organisation(db)
    copies = (("Коваль О. П.", "10.11.2026"), ("Мельник І. І.", "10.11.2026"))
    ids = [order(db, D(2026, 11, 10), f"{TITLE} № {n}", copies=copies).id for n in range(30)]
    pages = page_texts(printouts.order_copies_register_pdf(db, ids))
    assert len(pages) > 2
    for number, text in enumerate(pages, start=1):
        assert "Кому видано (виконавець) Дата видачі Підпис" in text
        assert f"Сторінка {number} з {len(pages)}" in text
    joined = " ".join(pages)
    assert all(f"{TITLE} № {n} " in joined for n in range(30))
    assert "Усього розпоряджень: 30; копій: 60, з них видано: 60." in pages[-1]
