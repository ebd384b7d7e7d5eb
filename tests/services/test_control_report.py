"""The control report as of a date, answered from the control history."""

from __future__ import annotations

import csv
from datetime import date

import pytest

from app.domain.deadlines import ControlState
from app.reports.control import ControlFact, StatusOn, control_report, printable, status_as_of
from app.services import control, documents
from app.services.exports import write_control_report_csv
from tests import factories

D = date


def test_history_replay_is_pure():
    facts = [
        ControlFact("set", D(2026, 3, 5), D(2026, 4, 3)),
        ControlFact("extend", D(2026, 3, 30), D(2026, 4, 20)),
        ControlFact("remove", D(2026, 4, 15)),
        ControlFact("reopen", D(2026, 5, 4), D(2026, 5, 29)),
    ]
    assert status_as_of(facts, D(2026, 3, 4)) is None
    assert status_as_of(facts, D(2026, 3, 5)) == StatusOn(D(2026, 3, 5), D(2026, 4, 3), None)
    assert status_as_of(facts, D(2026, 3, 30)).due_date == D(2026, 4, 20)
    # «as of» a day is the end of that day: removed that day, no longer on control
    assert status_as_of(facts, D(2026, 4, 14)).due_date == D(2026, 4, 20)
    assert status_as_of(facts, D(2026, 4, 15)) is None
    assert status_as_of(facts, D(2026, 5, 4)) == StatusOn(D(2026, 5, 4), D(2026, 5, 29), None)


@pytest.fixture
def known(db):
    """Five documents whose control history we know by heart.

    A: on control 05.03 with the default term 03.04, removed late on 10.04.
    B: on control 10.03 with term 20.03, extended on 18.03 to 30.04, still open.
    C: never on control.  D: on control only from 05.04.  E: on control, then cancelled.
    """
    factories.organisation(db)
    people = factories.staff(db)
    a = factories.incoming(db, D(2026, 3, 5), summary="Про ремонт доріг", case_index="01-12")
    control.add_resolution(
        db, a.id, control.ResolutionInput((people["koval"].id, people["melnyk"].id),
                                          resolution_date=D(2026, 3, 5)),
    )  # fmt: skip
    control.put_on_control(db, a.id, today=D(2026, 3, 5))
    b = factories.incoming(db, D(2026, 3, 10), summary="Про стан укриттів")
    control.put_on_control(db, b.id, term=D(2026, 3, 20), today=D(2026, 3, 10))
    control.extend_term(db, b.id, D(2026, 4, 30), "Потрібен висновок", today=D(2026, 3, 18))
    factories.incoming(db, D(2026, 3, 11), summary="Не на контролі")
    d = factories.incoming(db, D(2026, 3, 12), summary="Пізніше на контролі")
    control.put_on_control(db, d.id, term=D(2026, 4, 24), today=D(2026, 4, 5))
    e = factories.incoming(db, D(2026, 3, 13), summary="Анульований")
    control.put_on_control(db, e.id, today=D(2026, 3, 13))
    documents.cancel_document(db, e.id, "Зареєстровано помилково")
    # A is removed from control after the dates the report is asked about
    control.remove_from_control(
        db, a.id, "Лист від 10.04.2026 № 45/01-12", D(2026, 4, 10), "Кравчук"
    )
    return {"a": a, "b": b, "d": d}


def _by_summary(report):
    return {line.summary: line for line in report.lines}


def test_report_as_of_past_dates(known, db):
    on_17 = _by_summary(control_report(db, D(2026, 3, 17)))
    assert set(on_17) == {"Про ремонт доріг", "Про стан укриттів"}
    assert on_17["Про стан укриттів"].due_date == D(2026, 3, 20)  # before the extension
    assert on_17["Про стан укриттів"].state is ControlState.DUE_SOON
    assert on_17["Про ремонт доріг"].state is ControlState.ON_CONTROL
    assert on_17["Про ремонт доріг"].lead_executor == "Коваль О. П."
    assert on_17["Про ремонт доріг"].reg_number == "1/01-12"

    on_25 = _by_summary(control_report(db, D(2026, 3, 25)))
    assert on_25["Про стан укриттів"].due_date == D(2026, 4, 30)
    assert on_25["Про стан укриттів"].state is ControlState.ON_CONTROL

    # 07.04: A's term (03.04) has passed and it was removed only on 10.04 — overdue THEN
    report = control_report(db, D(2026, 4, 7))
    on_7 = _by_summary(report)
    assert set(on_7) == {"Про ремонт доріг", "Про стан укриттів", "Пізніше на контролі"}
    assert on_7["Про ремонт доріг"].state is ControlState.OVERDUE
    assert on_7["Про ремонт доріг"].overdue
    assert report.overdue == 1
    assert report.lines[0].summary == "Про ремонт доріг"  # ordered by term
    assert report.organisation == "Виконавчий комітет Шепетівської міської ради"

    on_9 = _by_summary(control_report(db, D(2026, 4, 9)))
    assert on_9["Про ремонт доріг"].state is ControlState.OVERDUE
    on_10 = _by_summary(control_report(db, D(2026, 4, 10)))
    assert "Про ремонт доріг" not in on_10  # removed on 10.04: the report counts the day's end

    on_11 = _by_summary(control_report(db, D(2026, 4, 11)))
    assert set(on_11) == {"Про стан укриттів", "Пізніше на контролі"}
    assert control_report(db, D(2026, 3, 4)).lines == ()


def test_report_renders_to_csv_and_pdf(known, db, tmp_path):
    report = control_report(db, D(2026, 4, 7))
    path = tmp_path / "control.csv"
    write_control_report_csv(report, path)
    rows = list(csv.reader(path.read_text(encoding="utf-8-sig").splitlines(), delimiter=";"))
    assert rows[0][2] == "Реєстр. номер" and len(rows) == 4
    assert rows[1][2:4] == ["1/01-12", "05.03.2026"] and rows[1][-1] == "Прострочено"

    from app.printing.control_report import print_control_report

    data = printable(report)
    assert [r.overdue for r in data.rows] == [True, False, False]
    pdf = tmp_path / "control.pdf"
    print_control_report(data, pdf)
    assert pdf.read_bytes().startswith(b"%PDF")
