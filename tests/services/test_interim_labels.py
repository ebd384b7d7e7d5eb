"""A term that is the next interim report says so wherever the term is read: the control
centre's list, the executors' reminders and the report on documents on control name it an
interim report and give the final term beside it."""

from __future__ import annotations

import io
from datetime import date

from app.domain.interim import term_label
from app.registers import DECISIONS
from app.reports.control import control_report
from app.reports.control import printable as control_printable
from app.reports.reminders import reminders, reminders_pdf
from app.services import control, documents
from app.services import interim_reports as reports
from app.services.control_centre import CentreState, cell_documents
from tests import factories
from tests.printing import page_texts

ADOPTED = date(2026, 3, 19)
FINAL = date(2026, 12, 31)
QUARTERS = [date(2026, 3, 31), date(2026, 6, 30), date(2026, 9, 30)]
TODAY = date(2026, 3, 27)
LABEL = "31.03.2026 (проміжний звіт; кінцевий 31.12.2026)"


def test_the_label_names_an_interim_report_and_the_final_term() -> None:
    assert term_label(QUARTERS[0], FINAL) == LABEL
    assert term_label(FINAL, FINAL) == "31.12.2026"  # every report given: the final term
    assert term_label(FINAL, None) == "31.12.2026"
    assert term_label(None, None) == ""


def _decision(db, with_reports: bool = True) -> int:
    factories.organisation(db)
    factories.staff(db)
    values = {"title": "Про програму благоустрою", "lead_executor": "Мельник І. І."}
    doc = documents.register_document(db, DECISIONS, DECISIONS.parse(values), reg_date=ADOPTED)
    control.put_on_control(db, doc.id, term=FINAL, today=ADOPTED)
    if with_reports:
        reports.set_report_dates(db, doc.id, QUARTERS, today=ADOPTED)
    return doc.id


def test_the_centre_lists_the_next_report_with_the_final_term(db) -> None:
    doc_id = _decision(db)
    listing = cell_documents(db, state=CentreState.DUE_SOON, today=TODAY)
    [doc] = listing.documents
    assert (doc.id, doc.due_date, doc.final_due) == (doc_id, QUARTERS[0], FINAL)
    assert doc.term_text == LABEL


def test_a_plain_term_is_shown_as_it_is(db) -> None:
    _decision(db, with_reports=False)
    [doc] = cell_documents(db, state=CentreState.ON_CONTROL, today=TODAY).documents
    assert doc.term_text == "31.12.2026"


def test_the_reminder_names_the_interim_report(db) -> None:
    _decision(db)
    batch = reminders(db, 5, today=TODAY)
    [sheet] = batch.sheets
    [line] = sheet.documents
    assert line.term_text == LABEL
    text = " ".join(page_texts(reminders_pdf(batch)))
    assert "проміжний звіт; кінцевий 31.12.2026" in text


def test_the_report_on_control_names_the_interim_report(db) -> None:
    _decision(db)
    report = control_report(db, TODAY)
    [line] = report.lines
    assert line.term_text == LABEL
    [row] = control_printable(report).rows
    assert row.term == LABEL
    from app.printing.control_report import print_control_report

    buffer = io.BytesIO()
    print_control_report(control_printable(report), buffer)
    text = " ".join(page_texts(buffer.getvalue()))
    assert "проміжний звіт; кінцевий 31.12.2026" in text
