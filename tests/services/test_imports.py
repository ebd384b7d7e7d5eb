"""Importing journals kept before the program: numbers kept, every row or none."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import func, select

from app.registers import INCOMING
from app.services import documents, imports
from app.services.imports import ImportFileError, import_file, parse_number, reading
from db.models import Correspondent, Document
from tests import factories

DATA = Path(__file__).resolve().parents[1] / "data"


def _count(db) -> int:
    with db.read() as s:
        return s.execute(select(func.count()).select_from(Document)).scalar_one()


def _numbers(db) -> list[str]:
    with db.read() as s:
        return list(s.execute(select(Document.reg_number).order_by(Document.id)).scalars())


def test_parse_number():
    assert parse_number("345/01-12") == (345, "01-12")
    assert parse_number(" 12 ") == (12, "")
    assert parse_number(7.0) == (7, "")
    assert parse_number("01-12/345") == (345, "01-12")
    for wrong in ("", "абв", "0", "-3"):
        with pytest.raises(ValueError):
            parse_number(wrong)


def test_good_csv_keeps_numbers_and_the_counter_continues(db):
    result = import_file(
        db, INCOMING, DATA / "incoming_good.csv", today=date(2026, 1, 1), allow_gaps=True
    )
    assert result.ok and result.imported == 5
    assert _numbers(db) == ["101/01-12", "102/01-12", "103/05-01", "104/02-05", "105/01-12"]
    with db.read() as s:
        doc = s.execute(select(Document).where(Document.seq == 103)).scalar_one()
        assert doc.summary == "Про надання матеріальної допомоги; на лікування"
        assert (doc.case_index, doc.urgent, doc.notes, doc.sheets) == (
            "05-01",
            True,
            "Пільговик",
            1,
        )
        assert doc.correspondent_id is not None
        quoted = s.execute(select(Document.summary).where(Document.seq == 104)).scalar_one()
        assert quoted == 'Вимога про надання інформації щодо "Програми розвитку доріг"'
        assert s.execute(select(func.count()).select_from(Correspondent)).scalar_one() == 5
    # the register's counter continues after the largest imported number
    assert factories.incoming(db, date(2025, 3, 6)).seq == 106


def test_cp1251_with_commas_and_other_header_words(db):
    result = import_file(db, INCOMING, DATA / "incoming_cp1251.csv", allow_gaps=True)
    assert result.imported == 2
    assert _numbers(db) == ["7/01-12", "8/02-05"]
    with db.read() as s:
        names = set(s.execute(select(Document.correspondent_name)).scalars())
    assert "Мар'янівська сільська рада" in names


def _xlsx(path: Path, rows: list[list[object]]) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.append(["Журнал реєстрації вхідних документів за 2025 рік"])  # a title above the table
    ws.append(["ВХ. №", "Дата реєстрації", "КОРЕСПОНДЕНТ", "Короткий зміст", "Аркушів", "Інше"])
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


def test_good_xlsx_with_real_dates_and_numbers(db, tmp_path):
    path = _xlsx(
        tmp_path / "journal.xlsx",
        [
            [41, datetime(2025, 5, 12), "Хмельницька обласна рада", "Про стан доріг", 3, "x"],
            ["42/01-12", "13.05.2025", "ТОВ «Шепетівкабуд»", "Про оренду приміщення", None, None],
            [None, None, None, None, None, None],  # a blank row is skipped
            [43.0, datetime(2025, 5, 14), "Плесенська сільська рада", "Про дорогу", 2.0, None],
        ],
    )
    result = import_file(db, INCOMING, path, allow_gaps=True)
    assert result.ok and result.imported == 3
    assert result.ignored_columns == ("Інше",)
    assert _numbers(db) == ["41", "42/01-12", "43"]
    with db.read() as s:
        first = s.execute(select(Document).where(Document.seq == 41)).scalar_one()
        assert first.reg_date == date(2025, 5, 12) and first.sheets == 3
    assert factories.incoming(db, date(2025, 5, 15)).seq == 44


def test_malformed_file_reports_every_row_and_column_and_changes_nothing(db):
    existing = documents.register_document(
        db,
        INCOMING,
        INCOMING.parse({"correspondent": "Хмельницька ОДА", "summary": "Раніше зареєстрований"}),
        reg_date=date(2025, 3, 3),
        explicit_seq=5,
    )
    before = _count(db)
    result = import_file(db, INCOMING, DATA / "incoming_bad.csv", allow_gaps=True)
    assert not result.ok and result.imported == 0
    found = {(p.row, p.column) for p in result.problems}
    assert found == {
        (4, "Дата реєстрації"),  # 31.02.2025
        (6, "№"),  # number 5 of 2025 is already in the database
        (7, "Короткий зміст"),  # empty summary
        (8, "№"),  # number 2 repeats row 3
    }
    messages = {(p.row, p.column): p.message for p in result.problems}
    assert "31.02.2025" in messages[(4, "Дата реєстрації")]
    assert "Короткий зміст" in messages[(7, "Короткий зміст")]
    assert "рядку 3" in messages[(8, "№")]
    assert existing.reg_number in messages[(6, "№")]
    assert str(result.problems[0]).startswith("рядок 4, стовпець «Дата реєстрації»:")
    assert _count(db) == before
    # nothing was spent from the counter either
    assert factories.incoming(db, date(2025, 3, 12)).seq == 6


def test_dry_run_checks_without_writing(db):
    result = import_file(db, INCOMING, DATA / "incoming_good.csv", dry_run=True, allow_gaps=True)
    assert result.ok and result.dry_run and result.rows == 5 and result.imported == 0
    assert _count(db) == 0


def test_a_file_without_the_needed_columns_is_refused(db, tmp_path):
    path = tmp_path / "x.csv"
    path.write_text("№;Дата;Зміст\n1;01.02.2025;Щось\n", encoding="utf-8")
    with pytest.raises(ImportFileError, match="Кореспондент"):
        import_file(db, INCOMING, path, allow_gaps=True)
    path.write_text("a;b\n1;2\n", encoding="utf-8")
    with pytest.raises(ImportFileError, match="заголовків"):
        import_file(db, INCOMING, path, allow_gaps=True)
    with pytest.raises(ImportFileError, match="не знайдено"):
        import_file(db, INCOMING, tmp_path / "missing.csv", allow_gaps=True)


def test_future_dates_are_refused(db, tmp_path):
    path = tmp_path / "future.csv"
    path.write_text("№;Дата;Кореспондент;Зміст\n1;01.02.2030;ОДА;Лист\n", encoding="utf-8")
    result = import_file(db, INCOMING, path, today=date(2026, 1, 1), allow_gaps=True)
    assert [(p.row, p.column) for p in result.problems] == [(2, "Дата")]


def test_find_document_by_number(db):
    reg = factories.incoming(db, date(2026, 3, 5), case_index="01-12")
    assert imports.find_document_id(db, INCOMING, reg.reg_number, 2026) == reg.id
    assert imports.find_document_id(db, INCOMING, str(reg.seq), 2026) == reg.id
    assert imports.find_document_id(db, INCOMING, f"{reg.seq}/02-05", 2026) is None
    assert imports.find_document_id(db, INCOMING, reg.reg_number, 2025) is None


def test_semicolons_even_when_the_text_is_full_of_commas(db, tmp_path, monkeypatch):
    class Fooled:
        delimiter = ","

    # a sniffer fooled by the commas: the separator that yields the header row wins anyway
    monkeypatch.setattr(reading.csv.Sniffer, "sniff", lambda *_a, **_k: Fooled)
    path = tmp_path / "commas.csv"
    rows = ["№;Дата;Кореспондент;Зміст"] + [
        f"{n};0{n}.04.2025;ТОВ «А, Б, В»;Про дороги, мости, тротуари, освітлення, парки"
        for n in range(1, 6)
    ]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    result = import_file(db, INCOMING, path, allow_gaps=True)
    assert result.ok and result.imported == 5


def test_old_excel_format_is_refused_with_advice(db, tmp_path):
    path = tmp_path / "old.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0")
    with pytest.raises(ImportFileError, match=r"\.xlsx"):
        import_file(db, INCOMING, path, allow_gaps=True)


def test_a_number_written_in_full_is_kept_as_written(db, tmp_path):
    path = tmp_path / "index_first.csv"
    path.write_text(
        "№;Дата реєстрації;Кореспондент;Короткий зміст\n"
        "01-12/345;02.03.2026;Луцька міська рада;Про співпрацю\n",
        encoding="utf-8",
    )
    result = import_file(db, INCOMING, path, today=date(2026, 4, 1), allow_gaps=True)
    assert result.ok, result.problems
    assert _numbers(db) == ["01-12/345"]
