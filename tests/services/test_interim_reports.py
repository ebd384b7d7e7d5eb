"""Interim reports on a long control (3.4, 4.7, 9.12) on the platform's control: a decision on
control until the year's end reporting quarterly — each next report is the document's term in
the control centre and the register, a missed one is overdue, a report given moves the term to
the next, after the last the final term is the term, an extension moves the final term, and a
result ends the control. Orders use the same ability."""

from __future__ import annotations

from datetime import date

import pytest

from app.registers import DECISIONS, ORDERS
from app.services import control, documents
from app.services import interim_reports as reports
from app.services.control import ControlError
from app.services.control_centre import CentreState, cell_documents
from app.services.details import get_document
from app.services.register_view import RegisterView, ViewQuery

ADOPTED = date(2026, 3, 19)
FINAL = date(2026, 12, 31)
QUARTERS = [date(2026, 3, 31), date(2026, 6, 30), date(2026, 9, 30)]


def on_control(db, spec=DECISIONS, values=None) -> int:
    values = values or {"title": "Про програму благоустрою на 2026 рік"}
    doc = documents.register_document(db, spec, spec.parse(values), reg_date=ADOPTED)
    assert control.put_on_control(db, doc.id, term=FINAL, today=ADOPTED) == FINAL
    return doc.id


def overdue_ids(db, register: str, today: date) -> list[int]:
    view = RegisterView(db, ViewQuery(register, state="overdue"), today=today)
    return [r.id for r in view.all_rows()]


def test_quarterly_reports_until_the_year_end_move_the_term_one_by_one(db):
    doc_id = on_control(db)
    assert reports.periodic(db, doc_id, 3) == QUARTERS
    assert reports.set_report_dates(db, doc_id, QUARTERS, today=ADOPTED) == QUARTERS[0]
    plan = reports.schedule(db, doc_id)
    assert (plan.final, plan.due) == (FINAL, QUARTERS[0])
    assert [r.due for r in plan.pending] == QUARTERS
    # the next report is the document's term in the control centre
    listing = cell_documents(db, state=CentreState.DUE_SOON, today=date(2026, 3, 27))
    assert [(d.id, d.due_date) for d in listing.documents] == [(doc_id, QUARTERS[0])]
    # a report not given by its day is overdue like any term
    assert overdue_ids(db, "decisions", date(2026, 4, 1)) == [doc_id]
    due = reports.record_report(db, doc_id, date(2026, 4, 2), "Звіт за I квартал", "Коваль О. П.")
    assert due == QUARTERS[1]
    assert overdue_ids(db, "decisions", date(2026, 4, 2)) == []
    assert (
        reports.record_report(db, doc_id, date(2026, 6, 29), "Звіт за II квартал") == (QUARTERS[2])
    )
    assert reports.record_report(db, doc_id, date(2026, 9, 30), "Звіт за III квартал") == FINAL
    with pytest.raises(ControlError, match="Проміжних звітів більше немає"):
        reports.record_report(db, doc_id, date(2026, 10, 1), "Ще один")
    plan = reports.schedule(db, doc_id)
    assert [(r.due, r.given) for r in plan.reports] == [
        (QUARTERS[0], date(2026, 4, 2)),
        (QUARTERS[1], date(2026, 6, 29)),
        (QUARTERS[2], date(2026, 9, 30)),
    ]
    assert plan.reports[0].person == "Коваль О. П."
    detail = get_document(db, doc_id)
    kinds = [e.kind for e in detail.control_events]
    assert kinds == ["set", "schedule", "report", "report", "report"]
    assert detail.control_events[2].label == "Проміжний звіт"
    # the final term ends the control, with a result (9.14); done in time by the final term
    control.remove_from_control(db, doc_id, "Звіт про виконання програми", date(2026, 12, 1), "Я")
    done = get_document(db, doc_id)
    assert (done.due_date, done.done_date) == (FINAL, date(2026, 12, 1))
    assert done.state.value == "done"


def test_a_removal_before_the_reports_are_all_given_is_judged_by_the_final_term(db):
    doc_id = on_control(db)
    reports.set_report_dates(db, doc_id, QUARTERS, today=ADOPTED)
    control.remove_from_control(db, doc_id, "Рішення виконано достроково", date(2026, 5, 4), "Я")
    done = get_document(db, doc_id)
    assert (done.due_date, done.state.value) == (FINAL, "done")
    # put back on control: a plain control with its one term, no old report dates
    assert control.put_on_control(db, doc_id, term=date(2026, 12, 30)) == date(2026, 12, 30)
    plan = reports.schedule(db, doc_id)
    assert (plan.final, plan.due, plan.pending) == (date(2026, 12, 30), date(2026, 12, 30), ())


def test_an_extension_moves_the_final_term_and_keeps_the_next_report(db):
    doc_id = on_control(db)
    reports.set_report_dates(db, doc_id, QUARTERS, today=ADOPTED)
    new_final = control.extend_term(
        db, doc_id, date(2027, 3, 31), "Роботи перенесено на I квартал 2027 року"
    )
    assert new_final == date(2027, 3, 31)
    plan = reports.schedule(db, doc_id)
    assert (plan.final, plan.due) == (date(2027, 3, 31), QUARTERS[0])
    with pytest.raises(ControlError, match="пізніше за попередній"):
        control.extend_term(db, doc_id, date(2026, 12, 1), "Раніше")


def test_report_dates_are_checked_and_clearing_them_leaves_one_term(db):
    doc_id = on_control(db)
    with pytest.raises(ControlError, match="остаточний термін"):
        reports.set_report_dates(db, doc_id, [FINAL])
    with pytest.raises(ControlError, match="раніша за взяття на контроль"):
        reports.set_report_dates(db, doc_id, [date(2026, 3, 2)])
    # a day off moves back: 31.05.2026 is a Sunday
    assert reports.set_report_dates(db, doc_id, [date(2026, 5, 31)]) == date(2026, 5, 29)
    reports.record_report(db, doc_id, date(2026, 5, 28), "Звіт за травень")
    # new dates replace the reports not given; the given one stays in the schedule
    reports.set_report_dates(db, doc_id, [date(2026, 5, 29), date(2026, 8, 31)])
    plan = reports.schedule(db, doc_id)
    assert [(r.due, r.given) for r in plan.reports] == [
        (date(2026, 5, 29), date(2026, 5, 28)),
        (date(2026, 8, 31), None),
    ]
    assert reports.set_report_dates(db, doc_id, []) == FINAL
    assert get_document(db, doc_id).due_date == FINAL
    with pytest.raises(ControlError, match="Проміжних звітів більше немає"):
        reports.record_report(db, doc_id, date(2026, 9, 1), "Звіт")
    with pytest.raises(ControlError, match="Напишіть"):
        reports.record_report(db, doc_id, date(2026, 9, 1), "  ")


def test_an_order_executed_over_months_reports_the_same_way(db):
    """4.7: an order executed over more than three months names interim report dates."""
    doc_id = on_control(db, ORDERS, {"series": "main", "title": "Про підготовку до зими"})
    assert reports.periodic(db, doc_id, 1)[:2] == [date(2026, 3, 31), date(2026, 4, 30)]
    reports.set_report_dates(db, doc_id, [date(2026, 6, 30)])
    assert get_document(db, doc_id).due_date == date(2026, 6, 30)
    assert overdue_ids(db, "orders", date(2026, 7, 1)) == [doc_id]


def test_no_reports_off_control(db):
    doc = documents.register_document(
        db, DECISIONS, DECISIONS.parse({"title": "Про тарифи"}), reg_date=ADOPTED
    )
    with pytest.raises(ControlError, match="не перебуває на контролі"):
        reports.set_report_dates(db, doc.id, QUARTERS)
    assert reports.schedule(db, doc.id).on_control is False


def test_the_registration_card_keeps_the_final_term_and_the_reports_as_progress(db):
    import io

    from pypdf import PdfReader

    from app.services import printouts
    from tests import factories

    factories.organisation(db)
    doc_id = on_control(db)
    reports.set_report_dates(db, doc_id, QUARTERS, today=ADOPTED)
    reports.record_report(db, doc_id, date(2026, 3, 30), "Заходи першого кварталу виконано")
    pdf = printouts.card_pdf(db, doc_id, copies=1)
    text = " ".join(PdfReader(io.BytesIO(pdf)).pages[0].extract_text().split())
    assert "31.12.2026" in text
    assert "Проміжний звіт: Заходи першого кварталу виконано" in text


def test_the_control_report_replays_the_reports_as_changes_of_the_term():
    from app.reports.control import ControlFact, status_as_of

    facts = [
        ControlFact("set", ADOPTED, FINAL),
        ControlFact("schedule", ADOPTED, QUARTERS[0]),
        ControlFact("report", date(2026, 3, 30), QUARTERS[1]),
    ]
    assert status_as_of(facts, date(2026, 3, 25)).due_date == QUARTERS[0]
    assert status_as_of(facts, date(2026, 4, 15)).due_date == QUARTERS[1]
