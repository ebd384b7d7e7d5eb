from __future__ import annotations

import io
from datetime import date, timedelta

from app.printing import ControlReportData, ControlReportRow, print_control_report

from . import DPS, SUMMARY, page_size_mm, page_texts


def _rows(n: int) -> list[ControlReportRow]:
    rows = []
    for i in range(n):
        due = date(2026, 3, 1) + timedelta(days=i)
        overdue = due < date(2026, 3, 10)
        rows.append(
            ControlReportRow(
                number=f"{100 + i}/01-12",
                reg_date=due - timedelta(days=30),
                correspondent=DPS,
                summary=SUMMARY,
                lead_executor="Коваль О. П.",
                due_date=due,
                state="Прострочено" if overdue else "На виконанні",
                overdue=overdue,
            )
        )
    return rows


def test_control_report_table_repeats_header_and_counts() -> None:
    out = io.BytesIO()
    data = ControlReportData(
        "Виконавчий комітет Шепетівської міської ради", date(2026, 3, 10), _rows(60)
    )
    print_control_report(data, out)
    texts = page_texts(out)
    assert page_size_mm(out) == (297.0, 210.0)
    assert len(texts) > 1
    assert "станом на 10.03.2026" in texts[0]
    for number, text in enumerate(texts, start=1):
        assert "Головний виконавець" in text and "Стан виконання" in text
        assert f"Сторінка {number} з {len(texts)}" in text
    everything = " ".join(texts)
    assert "159/01-12" in everything and "Прострочено" in everything
    assert "Усього документів на контролі: 60, з них прострочених: 9." in texts[-1]


def test_empty_control_report() -> None:
    out = io.BytesIO()
    print_control_report(ControlReportData("Виконком", date(2026, 3, 10), []), out)
    [text] = page_texts(out)
    assert "Документів на контролі немає." in text
