"""Printouts as a reader finds them (issue 10): long words hyphenated, initials kept together,
a department's heading kept with its executors, signatures on the довідка and the reminders,
numbered РКК copies, the «КОНТРОЛЬ» box only while on control, and each term where it belongs
(the slip and the РКК's resolution: as signed; the РКК's control: the term in force and its
history)."""

from __future__ import annotations

import io
import re
from datetime import date

import pytest
from pypdf import PdfReader
from reportlab.pdfbase.pdfmetrics import stringWidth

from app.printing import fonts
from app.printing.control_centre_data import ExecutionReportData, ExecutionRow
from app.printing.execution_report import print_execution_report
from app.printing.wrapping import LineBreaker
from app.reports.execution import execution_report, report_pdf
from app.reports.reminders import reminders, reminders_pdf
from app.services import control, printouts
from tests import factories

from . import page_texts


@pytest.fixture
def breaker() -> LineBreaker:
    fonts.register_fonts()
    return LineBreaker(9)


def _w(text: str) -> float:
    return stringWidth(text, fonts.REGULAR, 9)


def test_a_long_word_breaks_at_a_syllable_with_a_hyphen(breaker) -> None:
    text = "Головне управління Держпродспоживслужби в Хмельницькій області"
    for extra in (0, 8, 16, 24):
        avail = _w("Держпродспожи") + extra
        assert avail < _w("Держпродспоживслужби")
        lines = breaker.wrap(text, fonts.REGULAR, avail)
        assert all(_w(line) <= avail + 0.01 for line in lines), lines
        broken = [line for line in lines if line.endswith("-")]
        assert broken, lines  # the word is broken, and with a hyphen
        joined = "".join(line[:-1] if line.endswith("-") else line + " " for line in lines)
        assert "Держпродспоживслужби" in joined
        for line in broken:  # at least two letters stay on either side of the break
            assert len(line.split()[-1]) >= 3
    # A word with a slash of its own breaks after the slash, no hyphen added.
    lines = breaker.wrap("прийняття/призначення", fonts.REGULAR, _w("прийняття/приз"))
    assert lines == ["прийняття/", "призначення"]


def test_initials_never_part(breaker) -> None:
    for name in ("Ковальська С. В.", "Ковальська С.В.", "Ковальська-Мельничук А.-М. В."):
        for avail in range(50, 200, 3):  # a name column, narrow to wide
            lines = breaker.wrap(f"Виконавець {name} доповідає", fonts.REGULAR, float(avail))
            flat = "\n".join(lines)
            assert not re.search(r"[А-ЯІЇЄҐ]\.-?\n[А-ЯІЇЄҐ]\.", flat), (avail, lines)


def _report(names_before: int) -> bytes:
    """A довідка whose second department heading falls somewhere near a page's foot."""
    rows = [ExecutionRow("Відділ перший", "department", 1, 0, 0, 0, "100,0")]
    rows += [
        ExecutionRow(f"Виконавець Перший{i} А. Б.", "executor", 1, 0, 0, 0, "100,0")
        for i in range(names_before)
    ]
    rows.append(ExecutionRow("Відділ другий", "department", 1, 0, 0, 0, "100,0"))
    rows += [
        ExecutionRow(f"Виконавець Другий{i} В. Г.", "executor", 1, 0, 0, 0, "100,0")
        for i in range(3)
    ]
    data = ExecutionReportData(
        "Виконавчий комітет",
        date(2026, 1, 1),
        date(2026, 3, 31),
        date(2026, 4, 1),
        rows,
        ExecutionRow("Усього", "total", 1, 0, 0, 0, "100,0"),
        signatory_position="Керуючий справами виконавчого комітету",
        signatory_name="Ольга КРАВЧУК",
    )
    out = io.BytesIO()
    print_execution_report(data, out)
    return out.getvalue()


def _lowest_row(pdf: bytes, index: int) -> str:
    """The text of the lowest table row on a page (the page number below it left out)."""
    drawn: list[tuple[float, str]] = []

    def visit(text: str, cm: list[float], tm: list[float], *_: object) -> None:
        if text.strip() and not text.strip().startswith("Сторінка"):
            drawn.append((cm[3] * tm[5] + cm[5], text.strip()))  # on the page, not in a cell

    PdfReader(io.BytesIO(pdf)).pages[index].extract_text(visitor_text=visit)
    lowest = min(y for y, _ in drawn)
    return " ".join(text for y, text in drawn if abs(y - lowest) < 1)


def test_a_department_heading_is_never_alone_at_a_page_foot() -> None:
    carried = 0
    for count in range(24, 40):
        pdf = _report(count)
        pages = page_texts(pdf)
        assert len(pages) >= 2
        for index in range(len(pages) - 1):
            last = _lowest_row(pdf, index)
            assert not last.startswith("Відділ"), (count, last)
        # Without the rule, one of these counts puts «Відділ другий» last on page 1.
        carried += "Відділ другий" in pages[1] and "Відділ другий" not in pages[0]
    assert carried


def test_the_dovidka_ends_with_a_signature(office_db_printing) -> None:
    db, _letter = office_db_printing
    text = page_texts(report_pdf(execution_report(db, date(2026, 1, 1), date(2026, 3, 31))))[-1]
    assert "Керуючий справами виконавчого комітету" in text
    assert "Ольга КРАВЧУК" in text
    assert text.index("Дата складання") < text.index("Ольга КРАВЧУК")


def test_each_reminder_sheet_is_signed(office_db_printing) -> None:
    db, _letter = office_db_printing
    pdf = reminders_pdf(reminders(db, 3, today=date(2026, 3, 20)))
    pages = page_texts(pdf)
    sheets = [p for p in pages if "НАГАДУВАННЯ" in p]
    assert sheets
    signed = [p for p in pages if "Ольга КРАВЧУК" in p]
    assert len(signed) == len(sheets)
    for page in signed:
        assert "Керуючий справами виконавчого комітету" in page


@pytest.fixture
def office_db_printing(db):
    """An organisation (its manager signs), staff, a letter on control with a resolution."""
    factories.organisation(db)
    people = factories.staff(db)
    reg = factories.incoming(db, date(2026, 3, 5))
    control.add_resolution(
        db,
        reg.id,
        control.ResolutionInput(
            executor_ids=(people["koval"].id,),
            task="Розглянути",
            author_id=people["mayor"].id,
            resolution_date=date(2026, 3, 5),
        ),
    )
    control.put_on_control(db, reg.id, date(2026, 3, 20), today=date(2026, 3, 5))
    return db, reg.id


def _texts(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


def test_the_rkk_copies_are_numbered(office_db_printing) -> None:
    db, letter = office_db_printing
    pages = _texts(printouts.card_pdf(db, letter, copies=3))
    assert len(pages) == 3
    for number, page in enumerate(pages, start=1):
        assert f"Примірник {number} з 3" in page
    single = _texts(printouts.card_pdf(db, letter, copies=1))[0]
    assert "Примірник" not in single


def test_the_control_box_only_while_on_control(office_db_printing) -> None:
    db, letter = office_db_printing
    on_control = _texts(printouts.card_pdf(db, letter, copies=1))[0].replace("\n", " ")
    assert "КОНТРОЛЬ термін 20.03.2026" in on_control
    control.remove_from_control(db, letter, "Лист № 5", date(2026, 3, 19), "Коваль О. П.")
    removed = _texts(printouts.card_pdf(db, letter, copies=1))[0].replace("\n", " ")
    assert "КОНТРОЛЬ термін" not in removed  # the box is gone …
    assert "Зняття з контролю" in removed and "Лист № 5" in removed  # … the record stays


def test_each_term_where_it_belongs(office_db_printing) -> None:
    """A resolution without a term of its own, put on control to 20.03.2026, extended to
    03.04.2026: the slip and the РКК's resolution say 20.03.2026 (as signed); the РКК's control
    says 03.04.2026 in force, 20.03.2026 at first, and the extension with its reason."""
    db, letter = office_db_printing
    control.extend_term(db, letter, date(2026, 4, 3), reason="Потрібен висновок юриста")
    slip = " ".join(_texts(printouts.resolution_slip_pdf(db, letter)))
    assert "Термін: 20.03.2026" in slip and "03.04.2026" not in slip
    card = _texts(printouts.card_pdf(db, letter, copies=1))[0]
    resolution = card[card.index("Резолюція") : card.index("Контроль\n")]
    assert "Термін 20.03.2026" in resolution.replace("\n", " ")
    assert "—" not in resolution
    section = card[card.index("Контроль\n") :].replace("\n", " ")
    assert "Термін виконання (чинний) 03.04.2026" in section
    assert "Початковий термін 20.03.2026" in section
    assert "Потрібен висновок юриста" in section
