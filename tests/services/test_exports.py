"""Exporting a register: the table's columns, real dates in Excel, CSV that Excel opens."""

from __future__ import annotations

import csv
from datetime import date, datetime, timedelta

import pytest
from openpyxl import load_workbook

from app.registers import INCOMING
from app.services import control
from app.services.database import open_database
from app.services.exports import ExportError, export_register
from app.services.imports import import_file
from tests import factories


@pytest.fixture
def register(db):
    people = factories.staff(db)
    first = factories.incoming(
        db, date(2026, 3, 5), case_index="01-12", ext_number="01-14/77", ext_date="03.03.2026"
    )
    control.add_resolution(
        db,
        first.id,
        control.ResolutionInput((people["koval"].id,), "Підготувати відповідь",
                                resolution_date=date(2026, 3, 5)),
    )  # fmt: skip
    control.put_on_control(db, first.id, today=date(2026, 3, 5))
    factories.incoming(db, date(2026, 3, 6), summary="Про стан укриттів; звіт")
    factories.incoming(db, date(2026, 4, 1), summary="Поза періодом")
    return db


def test_xlsx_has_the_register_columns_real_dates_and_a_frozen_bold_header(register, tmp_path):
    path = tmp_path / "incoming.xlsx"
    count = export_register(
        register, INCOMING, path, date_from=date(2026, 3, 1), date_to=date(2026, 3, 31),
        today=date(2026, 3, 10),
    )  # fmt: skip
    assert count == 2
    ws = load_workbook(path).active
    header = [c.value for c in ws[1]]
    assert header == [c.title for c in INCOMING.columns]
    assert all(c.font.bold for c in ws[1])
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref == f"A1:L{count + 1}"
    assert ws.max_row == 3
    row = {title: cell for title, cell in zip(header, ws[2], strict=True)}
    assert row["Вх. №"].value == "1/01-12"
    assert isinstance(row["Дата реєстрації"].value, datetime)
    assert row["Дата реєстрації"].value.date() == date(2026, 3, 5)
    assert row["Дата реєстрації"].number_format == "DD.MM.YYYY"
    assert row["Дата док."].value.date() == date(2026, 3, 3)
    assert row["Термін"].value.date() == date(2026, 4, 3)
    assert row["Виконавець"].value == "Коваль О. П."
    assert row["Стан"].value == "На контролі"
    assert row["Виконано"].value is None  # an empty cell, not an empty string
    assert ws.column_dimensions["G"].width >= len("Короткий зміст")


def test_csv_is_utf8_with_bom_and_semicolons(register, tmp_path):
    path = tmp_path / "incoming.csv"
    assert export_register(register, INCOMING, path, date_to=date(2026, 3, 31)) == 2
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines(), delimiter=";"))
    assert rows[0][:2] == ["Вх. №", "Дата реєстрації"]
    assert rows[1][:2] == ["1/01-12", "05.03.2026"]
    assert rows[2][6] == "Про стан укриттів; звіт"  # the separator inside a cell is quoted


def test_an_exported_file_imports_back(register, tmp_path):
    path = tmp_path / "incoming.xlsx"
    export_register(register, INCOMING, path)
    fresh = open_database(tmp_path / "copy.sqlite").db
    try:
        result = import_file(fresh, INCOMING, path, today=date(2026, 12, 31))
        assert result.ok and result.imported == 3
    finally:
        fresh.dispose()
    # into the same database every number is a duplicate, and nothing is written
    again = import_file(register, INCOMING, path, today=date(2026, 12, 31))
    assert len(again.problems) == 3 and all(
        "уже зареєстровано" in p.message for p in again.problems
    )


def test_wrong_period_and_unwritable_file(register, tmp_path):
    with pytest.raises(ExportError, match="пізніший"):
        export_register(
            register, INCOMING, tmp_path / "x.csv", date_from=date(2026, 4, 1),
            date_to=date(2026, 3, 1),
        )  # fmt: skip
    with pytest.raises(ExportError, match="Не вдається записати"):
        export_register(register, INCOMING, tmp_path / "no" / "such" / "dir.xlsx")


def test_an_export_whose_audit_entry_fails_is_not_left_on_disk(db, tmp_path, monkeypatch):
    """Issue 9: the file stayed on disk although the trail never recorded it."""
    from app.services import audit, exports

    factories.incoming(db, date.today() - timedelta(days=1), "Про дороги")

    def refuse(*_a, **_k):
        raise RuntimeError("журнал недоступний")

    out = tmp_path / "out"
    out.mkdir()
    old = out / "old.csv"
    old.write_text("попередній файл", encoding="utf-8")
    monkeypatch.setattr(audit, "log", refuse)
    for name in ("new.csv", "new.xlsx", "old.csv"):
        with pytest.raises(RuntimeError):
            exports.export_register(db, INCOMING, out / name)
    assert sorted(p.name for p in out.iterdir()) == ["old.csv"]
    assert old.read_text(encoding="utf-8") == "попередній файл"
