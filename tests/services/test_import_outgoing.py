"""Outgoing journals kept before the program import like incoming ones: all rows or none."""

from __future__ import annotations

from datetime import date

from app.registers import OUTGOING
from app.services import exports
from app.services.details import get_document
from app.services.imports import import_file
from app.services.register_view import RegisterView, ViewQuery
from tests import factories

HEADER = "Вих. №;Дата;Адресати;Заголовок;Короткий зміст;На вх. №;Підписав;Виконавець;Спосіб\n"


def _write(tmp_path, rows: str):
    path = tmp_path / "outgoing.csv"
    path.write_text(HEADER + rows, encoding="utf-8-sig")
    return path


def _outgoing(db):
    return RegisterView(db, ViewQuery("outgoing", sort="number", descending=False)).all_rows()


def test_a_journal_with_answers_imports_with_its_numbers_and_links(db, tmp_path):
    factories.staff(db)
    asked = factories.incoming(db, date(2026, 2, 2), case_index="01-12")
    path = _write(
        tmp_path,
        f'57/01-12;03.02.2026;"Хмельницька ОДА; Шепетівське РУП";Про дороги;Про ремонт;'
        f"{asked.reg_number};Бондар В. П.;Мельник І. І.;Пошта\n"
        "58/01-12;04.02.2026;Прокуратура;;Про звернення;;;Коваль О. П.;Нарочно\n",
    )
    result = import_file(db, OUTGOING, path, today=date(2026, 3, 1), allow_gaps=True)
    assert result.ok and result.imported == 2, result.problems
    first, second = _outgoing(db)
    assert (first.reg_number, second.reg_number) == ("57/01-12", "58/01-12")
    assert first.correspondent_name == "Хмельницька ОДА; Шепетівське РУП"
    assert first.reply_numbers == asked.reg_number
    detail = get_document(db, first.id)
    assert detail.values["signatory"] == "Бондар В. П."
    assert detail.values["lead_executor"] == "Мельник І. І."
    assert factories.outgoing(db, date(2026, 2, 5)).seq == 59  # the series continues


def test_a_bad_row_names_its_row_and_column_and_nothing_is_imported(db, tmp_path):
    factories.incoming(db, date(2026, 2, 2))
    path = _write(
        tmp_path,
        "1;03.02.2026;Луцька РДА;;Про дороги;999/01-12;;;\n"
        "2;31.02.2026;Луцька РДА;;Про мости;;;;\n"
        "3;05.02.2026;;;Про школи;;;;\n",
    )
    result = import_file(db, OUTGOING, path, today=date(2026, 3, 1), allow_gaps=True)
    assert result.imported == 0
    found = {(p.row, p.column) for p in result.problems}
    assert found == {(2, "На вх. №"), (3, "Дата"), (4, "Адресати")}
    assert "999/01-12" in str(result.problems[0])
    assert _outgoing(db) == []


def test_an_exported_outgoing_register_imports_back(db, tmp_path):
    factories.outgoing(db, date(2026, 2, 3), addressees="Луцька РДА; Прокуратура", title="Т")
    path = tmp_path / "out.xlsx"
    exports.export_register(db, OUTGOING, path)
    other = tmp_path / "other.sqlite"
    from db.migrate import upgrade
    from db.session import Database

    target = Database(str(other))
    upgrade(target.engine)
    result = import_file(target, OUTGOING, path, today=date(2026, 3, 1), allow_gaps=True)
    assert result.ok and result.imported == 1, result.problems
    (row,) = _outgoing(target)
    assert (row.correspondent_name, row.title) == ("Луцька РДА; Прокуратура", "Т")
    target.dispose()


def test_sent_before_registration_is_a_problem_of_its_row(db, tmp_path):
    path = tmp_path / "sent.csv"
    path.write_text(
        "Вих. №;Дата;Адресати;Короткий зміст;Дата відправлення\n"
        "1;02.12.2023;Луцька РДА;Про дороги;01.12.2023\n",
        encoding="utf-8-sig",
    )
    result = import_file(db, OUTGOING, path, today=date(2026, 3, 1), allow_gaps=True)
    assert [(p.row, p.column) for p in result.problems] == [(2, "Дата відправлення")]
