"""`report NAME`: one command for every statistical report, written as CSV, XLSX or PDF."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from app.cli import main
from app.cli import reports as cli_reports
from app.reports.tables import ReportPeriod, TableReport


def _documents_by_kind(db, actor, period: ReportPeriod) -> TableReport:
    assert period.date_from is not None
    return TableReport(
        title="Тестовий звіт",
        period=period,
        columns=("Показник", "Кількість"),
        rows=(("Надійшло", 3), ("Розглянуто", 2)),
        notes=("Примітка: тестові дані.",),
    )


@pytest.fixture
def kind(monkeypatch):
    monkeypatch.setitem(
        cli_reports.KINDS,
        "test-kind",
        cli_reports.ReportKind("test-kind", "тестовий звіт", _documents_by_kind),
    )


def _db(tmp_path: Path) -> str:
    path = str(tmp_path / "office.sqlite")
    assert main(["--db", path, "init"]) == 0
    return path


def test_the_report_in_each_format(tmp_path, capsys, kind):
    path = _db(tmp_path)
    period = ["--from", "01.01.2026", "--to", "31.03.2026"]
    for ext in ("csv", "xlsx", "pdf"):
        out = tmp_path / f"r.{ext}"
        assert main(["--db", path, "report", "test-kind", *period, "-o", str(out)]) == 0
    with (tmp_path / "r.csv").open(encoding="utf-8-sig") as f:
        assert list(csv.reader(f, delimiter=";")) == [
            ["Показник", "Кількість"], ["Надійшло", "3"], ["Розглянуто", "2"]
        ]  # fmt: skip
    sheet = load_workbook(tmp_path / "r.xlsx").active
    assert [c.value for c in sheet[2]] == ["Надійшло", 3]
    text = PdfReader(tmp_path / "r.pdf").pages[0].extract_text()
    assert "Тестовий звіт" in text
    assert "з 01.01.2026 по 31.03.2026" in text
    assert "Примітка: тестові дані." in text
    assert "рядків 2" in capsys.readouterr().out


def test_an_unknown_format_and_a_reversed_period_write_nothing(tmp_path, capsys, kind):
    path = _db(tmp_path)
    out = tmp_path / "r.doc"
    args = ["--db", path, "report", "test-kind", "--from", "01.01.2026", "--to", "31.03.2026"]
    assert main([*args, "-o", str(out)]) != 0
    assert "оберіть .csv, .xlsx або .pdf" in capsys.readouterr().err
    assert not out.exists()
    reversed_ = ["--from", "01.04.2026", "--to", "31.03.2026", "-o", str(tmp_path / "r.csv")]
    assert main(["--db", path, "report", "test-kind", *reversed_]) != 0
    assert "Початок періоду пізніший" in capsys.readouterr().err
    assert not (tmp_path / "r.csv").exists()


def test_a_row_of_the_wrong_width_is_refused():
    with pytest.raises(ValueError, match="Рядок 1"):
        TableReport("Звіт", ReportPeriod(None, date(2026, 1, 1)), ("А", "Б"), (("x",),))


def test_the_vacation_schedule_is_a_report_of_the_year(tmp_path, capsys):
    path = _db(tmp_path)
    out = tmp_path / "g.csv"
    args = ["--db", path, "report", "vacation_schedule", "--on", "15.10.2026", "-o", str(out)]
    assert main(args) == 0
    assert "Графік відпусток на 2026 рік" in capsys.readouterr().out
    with out.open(encoding="utf-8-sig") as f:
        header = next(csv.reader(f, delimiter=";"))
    assert header[:3] == ["№ з/п", "Структурний підрозділ", "Посада"]
