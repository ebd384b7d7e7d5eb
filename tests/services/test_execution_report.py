"""«Довідка про стан виконання документів», the executors' figures and the reminders, on the
data set of tests/control_data.py (every answer worked out by hand there)."""

from __future__ import annotations

import csv
from datetime import date

import pytest
from openpyxl import load_workbook

from app.reports.execution import (
    EXECUTOR_TITLES,
    ExecutionFigures,
    PeriodError,
    execution_report,
    executor_rows,
    export_executor_figures,
    format_share,
)
from app.reports.grouping import NO_EXECUTOR
from app.reports.reminders import ReminderError, reminders
from tests import control_data
from tests.control_data import TODAY

D = date


@pytest.fixture
def known(db):
    return control_data.build(db)


def _by_executor(report):
    return {line.name: line.figures for line in report.figures.executor_lines()}


def test_march_as_of_the_18th(db, known):
    report = execution_report(db, D(2026, 3, 1), D(2026, 3, 31), TODAY)
    # on time 5 11; late 6 14; overdue (term 01.03–17.03, open) 1 9 12; pending 2 3 4 10
    assert report.total == ExecutionFigures(on_time=2, late=2, overdue=3, pending=4)
    assert report.total.share_on_time == pytest.approx(2 / 7)
    assert _by_executor(report) == {
        "Мельник І. І.": ExecutionFigures(1, 1, 1, 3),
        "Коваль О. П.": ExecutionFigures(1, 1, 1, 1),
        NO_EXECUTOR: ExecutionFigures(overdue=1),
    }
    assert report.organisation == "Виконавчий комітет Шепетівської міської ради"
    assert report.period_text == "з 01.03.2026 по 31.03.2026"


def test_a_period_that_ended_counts_its_last_day_as_missed(db, known):
    # to = 12.03 < today: cutoff 13.03; document 12 (term 13.03) is not missed yet then.
    report = execution_report(db, D(2026, 3, 1), D(2026, 3, 12), TODAY)
    assert report.total == ExecutionFigures(on_time=2, late=2, overdue=1, pending=6)


def test_february_counts_the_term_missed_then(db, known):
    report = execution_report(db, D(2026, 2, 1), D(2026, 2, 28), TODAY)
    # on time 7; document 14 (term 20.02) was not done by 28.02; 1 5 6 were still ahead
    assert report.total == ExecutionFigures(on_time=1, late=0, overdue=1, pending=3)
    assert _by_executor(report)["Коваль О. П."] == ExecutionFigures(overdue=1)


def test_executor_figures_for_bonus_reductions(db, known, tmp_path):
    report = execution_report(db, D(2026, 3, 1), D(2026, 3, 31), TODAY)
    rows = executor_rows(report)
    assert rows == [
        ["Мельник І. І.", "Загальний відділ", 1, 1, 1, 33.3],
        ["Коваль О. П.", "Управління праці", 1, 1, 1, 33.3],
        [NO_EXECUTOR, "Виконавчий орган не визначено", 0, 0, 1, 0.0],
    ]
    xlsx = tmp_path / "figures.xlsx"
    assert export_executor_figures(report, xlsx) == 3
    sheet = load_workbook(xlsx).active
    values = [list(r) for r in sheet.iter_rows(values_only=True)]
    assert values[0] == list(EXECUTOR_TITLES)
    assert values[1] == ["Мельник І. І.", "Загальний відділ", 1, 1, 1, 33.3]
    path = tmp_path / "figures.csv"
    export_executor_figures(report, path)
    with open(path, encoding="utf-8-sig", newline="") as fh:
        lines = list(csv.reader(fh, delimiter=";"))
    assert lines[1] == ["Мельник І. І.", "Загальний відділ", "1", "1", "1", "33,3"]


def test_the_share_is_none_when_nothing_was_judged():
    assert ExecutionFigures(pending=4).share_on_time is None
    assert format_share(None) == "—"
    assert format_share(2 / 3) == "66,7"
    assert ExecutionFigures(1, 2, 3, 4) + ExecutionFigures(1, 1, 1, 1) == ExecutionFigures(
        2, 3, 4, 5
    )


def test_a_reversed_period_is_refused(db):
    with pytest.raises(PeriodError, match="пізніший"):
        execution_report(db, D(2026, 3, 31), D(2026, 3, 1))


def test_reminders_one_sheet_per_executor_in_the_dative(db, known):
    result = reminders(db, 3, TODAY)
    assert result.limit_date == D(2026, 3, 23)
    assert [(s.addressee, s.department) for s in result.sheets] == [
        ("Мельнику І. І.", "Загальний відділ"),
        ("Коваль О. П.", "Управління праці"),
    ]
    melnyk, koval = result.sheets
    assert known.numbers(d.id for d in melnyk.documents) == [1, 2, 3]  # by term
    assert known.numbers(d.id for d in koval.documents) == [9, 10]
    assert (melnyk.overdue, koval.overdue) == (1, 1)
    assert result.without_executor == 1  # document 12
    assert result.documents == 5
    today_only = reminders(db, 0, TODAY)
    assert [known.numbers(d.id for d in s.documents) for s in today_only.sheets] == [[1, 2], [9]]


def test_reminders_refuse_a_silly_number_of_days(db):
    with pytest.raises(ReminderError, match="від 0 до 60"):
        reminders(db, 61, TODAY)


def test_shares_are_rounded_half_up_as_a_clerk_counts():
    from app.reports.execution import format_share, percent

    assert percent(13 / 16) == 81.3 and format_share(13 / 16) == "81,3"
    assert format_share(7 / 8) == "87,5" and format_share(None) == "—"


def test_a_reminder_to_someone_without_a_department_is_addressed_by_position(db, known):
    """A deputy mayor has no department: his sheet names his position under his name, not
    «Виконавчий орган не визначено»; with neither known the line stays empty."""
    from app.services import control
    from app.services.reference import StaffInfo, save_staff
    from tests import factories

    nobody = save_staff(db, StaffInfo(None, "Гнатюк", "Петро", "Ілліч", "m"))
    for person in (known.people["mayor"], nobody):
        doc = factories.incoming(db, D(2026, 3, 16), summary=f"Лист для {person.surname}")
        data = control.ResolutionInput((person.id or 0,), resolution_date=D(2026, 3, 16))
        control.add_resolution(db, doc.id, data)
        control.put_on_control(db, doc.id, term=D(2026, 3, 20), today=D(2026, 3, 16))
    lines = {s.executor: s.department for s in reminders(db, 3, TODAY).sheets}
    assert lines["Бондар В. П."] == "Міський голова"
    assert lines["Гнатюк П. І."] == ""
    assert lines["Мельник І. І."] == "Загальний відділ"
    from app.reports.reminders import reminders_pdf
    from tests.printing import page_texts

    text = " ".join(page_texts(reminders_pdf(reminders(db, 3, TODAY))))
    assert "не визначено" not in text
    assert "В. П. Міський голова НАГАДУВАННЯ" in text
