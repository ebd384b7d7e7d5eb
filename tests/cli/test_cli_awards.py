"""Awards from the command line: petitions imported from a table, granted by one order,
certificates of the order printed and continued from certificate N, the statistics."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from pypdf import PdfReader

from app.cli import main
from app.registers import ORDERS
from app.services import documents
from db.session import Database


def test_import_grant_print_and_count(tmp_path: Path, capsys):
    path = str(tmp_path / "office.sqlite")
    assert main(["--db", path, "init"]) == 0
    db = Database(path)
    from tests import factories

    factories.organisation(db)
    values = ORDERS.parse({"series": "main", "title": "Про нагородження"})
    documents.register_document(db, ORDERS, values, reg_date=date(2026, 8, 20))
    db.dispose()
    source = tmp_path / "awards.csv"
    source.write_text(
        "№;Дата;Вид відзнаки;Отримувач;Посада;Місце роботи;Заслуги;Привід;Дата вручення\n"
        "1;10.08.2026;Подяка;Мельник Іван Іванович;слюсар;КП «Водоканал»;"
        "за сумлінну працю;День Незалежності України;24.08.2026\n"
        "2;10.08.2026;Подяка;Коваль Олена Петрівна;лікар;КНП «Лікарня»;"
        "за професіоналізм;День Незалежності України;24.08.2026\n"
        "3;11.08.2026;Грамота;Бойко Любов Іллівна;вчителька;Ліцей № 1;"
        "за сумлінну працю;День Незалежності України;24.08.2026\n",
        encoding="utf-8",
    )
    assert main(["--db", path, "import", "awards", str(source)]) == 0
    assert main(["--db", path, "awards", "grant", "--order", "1-р", "--numbers", "1-3",
                 "--year", "2026"]) == 0  # fmt: skip
    assert "нагороджено: 3" in capsys.readouterr().out
    out = tmp_path / "c.pdf"
    assert main(["--db", path, "awards", "certificates", "--order", "1-р", "-o", str(out)]) == 0
    pages = [p.extract_text() for p in PdfReader(out).pages]
    assert len(pages) == 3
    assert "Мельнику Івану Івановичу" in pages[0]
    assert "Коваль Олені Петрівні" in pages[1]
    assert "Бойко Любов Іллівна" in pages[2]  # a Грамота: «Нагороджується» + nominative
    again = tmp_path / "rest.pdf"
    args = ["awards", "certificates", "--occasion", "День Незалежності України", "--year", "2026"]
    assert main(["--db", path, *args, "--start", "3", "-o", str(again)]) == 0
    assert len(PdfReader(again).pages) == 1
    # `print certificates` is the same command under the print group
    alias = tmp_path / "alias.pdf"
    assert main(["--db", path, "print", "certificates", "--order", "1-р", "--start", "2",
                 "--limit", "1", "-o", str(alias)]) == 0  # fmt: skip
    pages = [p.extract_text() for p in PdfReader(alias).pages]
    assert len(pages) == 1 and "Коваль Олені Петрівні" in pages[0]
    # the selection is required, as for awards certificates
    assert main(["--db", path, "print", "certificates", "-o", str(alias)]) == 2
    capsys.readouterr()
    assert (
        main(["--db", path, "awards", "stats", "--from", "01.01.2026", "--to", "31.12.2026"]) == 0
    )
    printed = capsys.readouterr().out
    assert "Усього нагороджено: 3 (особам 3, колективам 0)" in printed
    assert "Подяка: 2 (особам 2, колективам 0)" in printed
    assert "День Незалежності України: 3" in printed


def test_the_awards_report_as_a_table(tmp_path: Path):
    import csv

    path = str(tmp_path / "office.sqlite")
    assert main(["--db", path, "init"]) == 0
    db = Database(path)
    from app.registers import AWARDS
    from app.services import awards

    values = ORDERS.parse({"series": "main", "title": "Про нагородження"})
    number = documents.register_document(db, ORDERS, values, reg_date=date(2026, 8, 20)).reg_number
    ids = []
    for name, kind, whom in (("Мельник Іван Іванович", "Подяка", "особа"),
                             ("Колектив КП «Водоканал»", "Подяка", "колектив"),
                             ("Коваль Олена Петрівна", "Почесна грамота", "особа")):  # fmt: skip
        raw = {"kind": kind, "recipient": name, "recipient_type": whom, "summary": "за працю",
               "occasion": "День Незалежності України"}  # fmt: skip
        ids.append(
            documents.register_document(
                db, AWARDS, AWARDS.parse(raw), reg_date=date(2026, 8, 10)
            ).id
        )
    awards.grant(db, ids, number)
    db.dispose()
    out = tmp_path / "awards.csv"
    args = ["report", "awards", "--from", "01.01.2026", "--to", "30.09.2026", "-o", str(out)]
    assert main(["--db", path, *args]) == 0
    text = out.read_text(encoding="utf-8-sig")
    rows = list(csv.reader(text.splitlines(), delimiter=";"))
    found = {r[0]: r[1:] for r in rows if r}
    assert found["Подяка"] == ["2", "1", "1"]
    assert found["Почесна грамота"] == ["1", "1", "0"]
    assert found["Усього нагороджено"] == ["3", "2", "1"]
    assert found["з нагоди: День Незалежності України"][0] == "3"
