"""`import personnel FILE`: every row or none, problems named by row and column; a good file
makes the files and their histories, linked to the orders, on both engines."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

from app.services import personnel as hr
from app.services.personnel_import import import_personnel
from app.services.register_view import ViewQuery
from tests.personnel.helpers import office, order

HEADER = [
    "Табельний номер", "Прізвище", "Ім'я", "По батькові", "Стать", "Дата народження",
    "Вид запису", "Дата", "Дата закінчення", "Підстава", "Посада", "Виконавчий орган",
    "Категорія", "Ранг", "Розпорядження №", "Дата розпорядження",
]  # fmt: skip


def _file(tmp_path: Path, rows: list[list[str]]) -> Path:
    path = tmp_path / "kadry.csv"
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, delimiter=";")
        writer.writerow(HEADER)
        writer.writerows(rows)
    return path


def test_a_good_file_makes_files_and_histories(db, tmp_path):
    office(db)
    number = order(db, date(2024, 3, 1))
    rows = [
        ["501", "Ткачук", "Марія", "Іванівна", "ж", "12.05.1990", "Призначення", "01.03.2024",
         "", "як переможець конкурсу", "головний спеціаліст", "Загальний відділ", "6", "13",
         number, "01.03.2024"],
        ["501", "Ткачук", "Марія", "Іванівна", "ж", "", "Відпустка", "01.07.2024",
         "14.07.2024", "щорічна основна", "", "", "", "", "", ""],
        ["502", "Олійник", "Петро", "", "ч", "", "Призначення", "02.09.2024", "",
         "за загальним трудовим законодавством", "спеціаліст", "Загальний відділ", "7", "15",
         "", ""],
        ["502", "Олійник", "Петро", "", "ч", "", "Звільнення", "30.06.2025", "",
         "ст. 38 КЗпП (власне бажання)", "", "", "", "", "", ""],
    ]  # fmt: skip
    result = import_personnel(db, _file(tmp_path, rows), "hr")
    assert (result.problems, result.events, result.new_people) == ([], 4, 2)
    view = hr.PersonnelView(db, ViewQuery("personnel", search="ткачук"), "hr").all_rows()
    assert [(r.personnel_number, r.category, r.state_label) for r in view] == [("501", 6, "працює")]
    history = hr.history(db, view[0].id, "hr")
    assert [e.order_number for e in history] == [number, ""]
    gone = hr.PersonnelView(db, ViewQuery("personnel", search="олійник"), "hr").all_rows()
    assert gone[0].state_label == "звільнено 30.06.2025"


def test_a_file_with_problems_writes_nothing_and_names_row_and_column(db, tmp_path):
    office(db)
    rows = [
        ["601", "Гнатюк", "Ярина", "", "ж", "", "Призначення", "01.03.2024", "", "",
         "спеціаліст", "Загальний відділ", "7", "15", "", ""],
        ["602", "Бойко", "Іван", "", "x", "", "Підвищення", "31.02.2024", "", "", "", "",
         "", "", "", ""],
        ["603", "Лисенко", "Іван", "", "ч", "", "Призначення", "01.03.2024", "", "",
         "спеціаліст", "Відділ, якого немає", "7", "15", "999", "01.03.2024"],
        ["604", "Мороз", "Іван", "", "ч", "", "Стажування", "01.03.2024", "30.06.2024", "",
         "", "", "", "", "", ""],
    ]  # fmt: skip
    result = import_personnel(db, _file(tmp_path, rows), "hr")
    where = {(p.row, p.column) for p in result.problems}
    assert {(3, "Стать"), (3, "Вид запису"), (3, "Дата"), (4, "Виконавчий орган")} <= where
    assert any(p.row == 5 and "2 місяців" in p.message for p in result.problems)
    assert hr.PersonnelView(db, ViewQuery("personnel", search="гнатюк"), "hr").count() == 0


def test_the_import_command(tmp_path, capsys):
    from app.cli import main
    from db.session import Database

    path = str(tmp_path / "office.sqlite")
    assert main(["--db", path, "init"]) == 0
    database = Database(path)
    office(database)
    database.dispose()
    rows = [
        ["701", "Савчук", "Олена", "", "ж", "", "Призначення", "01.03.2024", "", "",
         "спеціаліст", "Загальний відділ", "7", "15", "", ""],
    ]  # fmt: skip
    assert main(["--db", path, "import", "personnel", str(_file(tmp_path, rows))]) == 0
    assert "нових: 1" in capsys.readouterr().out
