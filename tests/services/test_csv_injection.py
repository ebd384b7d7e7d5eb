"""Issue 9: no CSV the program writes carries a formula to the clerk's spreadsheet (OWASP CSV
injection) — registers, control reports, the executors' figures and the audit trail, where an
unauthenticated failed login can plant one. XLSX cells stay text."""

from __future__ import annotations

import csv
from datetime import date, timedelta

import openpyxl
import pytest

from app.registers import INCOMING
from app.services import users
from app.services.audit import AuditQuery, export_entries
from app.services.exports import export_register, write_control_report_csv
from app.services.imports import import_file
from app.services.table_files import safe_cell
from app.services.users import LoginFailed
from tests import factories

DAY = date.today() - timedelta(days=3)
PAYLOADS = ['=HYPERLINK("http://x","тут")', "=cmd|' /C calc'!A0", "+1+1", "@SUM(1,1)", "-2+3"]


def _cells(path) -> list[str]:
    with open(path, encoding="utf-8-sig", newline="") as fh:
        return [cell for row in csv.reader(fh, delimiter=";") for cell in row]


def _dangerous(cells: list[str]) -> list[str]:
    return [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r")]


@pytest.mark.parametrize("payload", PAYLOADS)
def test_a_register_export_neutralises_formulas(db, tmp_path, payload):
    factories.incoming(db, DAY, payload, correspondent=payload)
    path = tmp_path / "r.csv"
    export_register(db, INCOMING, path)
    cells = _cells(path)
    assert _dangerous(cells) == []
    assert "'" + payload in cells  # what the clerk sees in Excel is the text itself
    xlsx = tmp_path / "r.xlsx"
    export_register(db, INCOMING, xlsx)
    sheet = openpyxl.load_workbook(xlsx).active
    summary = [c for row in sheet.iter_rows() for c in row if c.value == payload]
    assert summary and all(c.data_type == "s" for c in summary)  # text, never a formula


def test_ordinary_text_only_gains_the_usual_apostrophe():
    assert safe_cell("-10 %") == "'-10 %"
    assert safe_cell("Про дороги") == "Про дороги" and safe_cell(-5) == -5
    assert safe_cell("") == ""


def test_an_exported_register_imports_back_as_typed(tmp_path):
    from app.services.database import open_database
    from app.services.register_view import RegisterView, ViewQuery

    first = open_database(tmp_path / "a.sqlite").db
    factories.incoming(first, DAY, "-10 % на ремонт", correspondent="=Луцька РДА")
    path = tmp_path / "r.csv"
    export_register(first, INCOMING, path)
    first.dispose()
    assert "'-10 % на ремонт" in _cells(path)
    second = open_database(tmp_path / "b.sqlite").db
    result = import_file(second, INCOMING, path)
    assert result.ok, result.problems
    [row] = RegisterView(second, ViewQuery(register="incoming")).all_rows()
    assert (row.summary, row.correspondent_name) == ("-10 % на ремонт", "=Луцька РДА")
    second.dispose()


def test_the_control_report_csv_is_neutralised(db, tmp_path):
    from app.reports.control import control_report
    from app.services import control

    doc = factories.incoming(db, DAY, "=1+1", correspondent="@SUM(1,1)")
    control.put_on_control(db, doc.id, DAY + timedelta(days=10))
    path = tmp_path / "c.csv"
    write_control_report_csv(control_report(db, date.today()), path)
    cells = _cells(path)
    assert "'=1+1" in cells and _dangerous(cells) == []


def test_a_failed_login_cannot_plant_a_formula_in_the_trail(db, tmp_path):
    with pytest.raises(LoginFailed):
        users.authenticate(db, '=HYPERLINK("http://evil","Натисніть")', "будь-що-будь")
    path = tmp_path / "trail.csv"
    export_entries(db, "admin", AuditQuery(), str(path))
    cells = _cells(path)
    assert _dangerous(cells) == [] and any(c.startswith("'=HYPERLINK") for c in cells)
