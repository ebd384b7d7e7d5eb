"""The period report and the reminder sheets, read back from the PDF."""

from __future__ import annotations

import io
from datetime import date, timedelta

from app.printing.control_centre_data import (
    ExecutionReportData,
    ExecutionRow,
    ReminderLine,
    RemindersData,
    ReminderSheetData,
)
from app.printing.execution_report import print_execution_report
from app.printing.reminders import print_reminders
from app.reports.execution import execution_report, report_pdf
from app.reports.reminders import reminders, reminders_pdf
from tests import control_data
from tests.control_data import TODAY
from tests.printing import SUMMARY, page_size_mm, page_texts

D = date


def test_the_period_report_prints_departments_executors_and_totals(db):
    control_data.build(db)
    pdf = report_pdf(execution_report(db, D(2026, 3, 1), D(2026, 3, 31), TODAY))
    assert page_size_mm(pdf) == (297.0, 210.0)  # landscape A4 like the other reports
    (text,) = page_texts(pdf)
    assert "Виконавчий комітет Шепетівської міської ради" in text
    assert "Довідка про стан виконання документів" in text
    assert "за період з 01.03.2026 по 31.03.2026" in text
    assert "Загальний відділ 1 1 1 3 33,3 Мельник І. І. 1 1 1 3 33,3" in text
    assert "Управління праці 1 1 1 1 33,3 Коваль О. П. 1 1 1 1 33,3" in text
    assert "Усього 2 2 3 4 28,6" in text  # the totals row: 2 / (2 + 2 + 3)
    assert "Усього знято з контролю: 4, з них вчасно: 2; не виконано в термін: 3" in text
    assert "частка виконаних вчасно: 28,6 %" in text
    assert "Сторінка 1 з 1" in text and "Дата складання: 18.03.2026" in text


def test_an_empty_period_report_says_so(db):
    pdf = report_pdf(execution_report(db, D(2026, 3, 1), D(2026, 3, 31), TODAY))
    (text,) = page_texts(pdf)
    assert "За цей період документів на контролі немає." in text
    assert "Усього" not in text


def test_reminders_address_each_executor_on_a_page_of_their_own(db):
    control_data.build(db)
    pdf = reminders_pdf(reminders(db, 3, TODAY))
    assert page_size_mm(pdf) == (210.0, 297.0)  # portrait A4: a memo
    first, second = page_texts(pdf)
    assert "Мельнику І. І." in first and "Коваль О. П." not in first
    assert "Загальний відділ" in first and "станом на 18.03.2026" in first
    assert "до 23.03.2026 включно, а також прострочені" in first
    assert "Усього документів: 3, з них прострочено: 1." in first
    assert "Документ 1: про стан доріг 10.03.2026 Прострочено" in first
    assert "Нагадування Мельнику І. І. · Сторінка 1 з 1" in first
    assert "Коваль О. П." in second and "Мельнику" not in second
    assert "Нагадування Коваль О. П. · Сторінка 1 з 1" in second


def _line(n: int, due: date) -> ReminderLine:
    return ReminderLine(
        "Вхідні", f"{n}/01-12", D(2026, 2, 2), "Орган", SUMMARY, due, "Прострочено", True
    )


def test_a_long_sheet_continues_and_the_next_executor_starts_a_new_page():
    sheets = [
        ReminderSheetData(
            "Мельник І. І.",
            "Мельнику І. І.",
            "Загальний відділ",
            [_line(n, D(2026, 3, 2)) for n in range(1, 41)],
        ),
        ReminderSheetData(
            "Коваль О. П.", "Коваль О. П.", "Управління праці", [_line(99, D(2026, 3, 3))]
        ),
    ]
    out = io.BytesIO()
    print_reminders(RemindersData("Виконком", TODAY, TODAY + timedelta(days=5), sheets), out)
    pages = page_texts(out)
    melnyk = [p for p in pages if "Нагадування Мельнику І. І. · Сторінка" in p]
    assert len(melnyk) >= 2 and len(pages) == len(melnyk) + 1
    assert f"Сторінка {len(melnyk)} з {len(melnyk)}" in melnyk[-1]
    assert "Нагадування Мельнику І. І. (продовження)" in melnyk[1]
    assert "Кореспондент Короткий зміст" in melnyk[1]  # the header is repeated
    assert "Усього документів: 40, з них прострочено: 40." in melnyk[-1]
    assert "Коваль О. П." in pages[-1] and "Мельнику" not in pages[-1]
    assert "Нагадування Коваль О. П. · Сторінка 1 з 1" in pages[-1]


def test_no_reminders_print_one_page_saying_so():
    out = io.BytesIO()
    print_reminders(RemindersData("Виконком", TODAY, TODAY, []), out)
    (text,) = page_texts(out)
    assert "нагадувати нікому" in text and "Сторінка 1 з 1" in text


def _report(departments: int, executors: int) -> ExecutionReportData:
    """`departments` departments of `executors` lead executors each, one figure each."""
    rows: list[ExecutionRow] = []
    for d in range(1, departments + 1):
        rows.append(ExecutionRow(f"Відділ номер {d}", "department", executors, 0, 0, 0, "100,0"))
        rows += [
            ExecutionRow(f"Виконавець {d}-{e} А. Б.", "executor", 1, 0, 0, 0, "100,0")
            for e in range(1, executors + 1)
        ]
    total = ExecutionRow("Усього", "total", departments * executors, 0, 0, 0, "100,0")
    return ExecutionReportData(
        "Виконком", D(2026, 9, 1), D(2026, 12, 3), D(2026, 12, 3), rows, total,
        signatory_position="Керуючий справами виконавчого комітету",
        signatory_name="Ольга КРАВЧУК",
    )  # fmt: skip


def _body(page: str) -> str:
    """The rows of a page: what follows the repeated column header."""
    return page.split("Частка виконаних вчасно, %", 1)[1]


def test_a_department_continued_on_the_next_page_is_named_again_and_the_total_keeps_its_rows():
    """Whatever the page breaks: a page never starts with an executor whose department is on
    the page before (the heading is repeated «(продовження)»), and «Усього» stands with rows."""
    continued = 0
    for executors in (4, 6, 7, 9, 11, 13):
        out = io.BytesIO()
        print_execution_report(_report(8, executors), out)
        pages = page_texts(out)
        assert len(pages) >= 2, executors
        for number, page in enumerate(pages[1:], start=2):
            body = _body(page).strip()
            if body.startswith("Виконавець"):
                raise AssertionError(f"{executors}: page {number} starts «{body[:40]}»")
            if "(продовження)" in body:
                dept = body.split(" (продовження)")[0]
                first = body.split(" (продовження)")[1].split()[1]  # «Виконавець 3-5 …»
                assert dept == f"Відділ номер {first.split('-')[0]}", (executors, body[:80])
                continued += 1
        last = _body(pages[-1])
        assert "Усього" in last and "Ольга КРАВЧУК" in last
        before_total = last.split("Усього 8")[0]
        assert "Виконавець" in before_total, (executors, last[:120])  # never alone
    assert continued >= 2  # the layouts above do break inside departments
