"""The orders from the command line: import and export with the series as a column, the
journal of one series, the archive list."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

from pypdf import PdfReader

from app.cli import main
from app.registers import ORDERS
from app.services import documents
from db.session import Database


def _file(tmp_path: Path) -> str:
    path = str(tmp_path / "office.sqlite")
    assert main(["--db", path, "init"]) == 0
    return path


def test_import_then_export_keeps_the_series_as_a_column(tmp_path, capsys):
    path = _file(tmp_path)
    source = tmp_path / "orders.csv"
    source.write_text(
        "№;Дата;Серія;Заголовок\n"
        "165-ра;02.03.2020;;Про відзнаки\n"
        "14;03.03.2020;з кадрових питань;Про прийняття на роботу\n",
        encoding="utf-8",
    )
    assert main(["--db", path, "import", "orders", str(source), "--allow-gaps"]) == 0
    out = tmp_path / "out.csv"
    assert main(["--db", path, "export", "orders", str(out)]) == 0
    with out.open(encoding="utf-8-sig") as f:
        rows = list(csv.DictReader(f, delimiter=";"))
    assert {(r["№"], r["Серія"]) for r in rows} == {
        ("165-ра", "з основної діяльності"),
        ("14", "з кадрових питань"),
    }
    capsys.readouterr()
    assert main(["--db", path, "orders", "archive", "--on", "02.12.2026"]) == 0
    printed = capsys.readouterr().out
    assert "2020 рік, з кадрових питань: 1 (№ 14 – 14)" in printed
    assert "2020 рік, з основної діяльності: 1 (№ 165-ра – 165-ра)" in printed


def test_the_journal_of_one_series(tmp_path):
    path = _file(tmp_path)
    db = Database(path)
    from tests import factories

    factories.organisation(db)
    for series, title in (("main", "Про нараду"), ("personnel", "Про відпустку")):
        values = ORDERS.parse({"series": series, "title": title})
        documents.register_document(db, ORDERS, values, reg_date=date(2026, 3, 2))
    db.dispose()
    pdf = tmp_path / "j.pdf"
    args = ["--db", path, "print", "journal", "orders", "--series", "кадрові"]
    assert main([*args, "--from", "01.03.2026", "--to", "31.03.2026", "-o", str(pdf)]) == 0
    text = "".join(PdfReader(pdf).pages[0].extract_text().split())
    assert "зкадровихпитань" in text and "Провідпустку" in text and "Пронараду" not in text
    assert main([*args[:-1], "невідома", "-o", str(pdf)]) == 1


def test_the_heading_of_an_order_and_the_register_of_copies(tmp_path):
    path = _file(tmp_path)
    db = Database(path)
    from tests import factories

    factories.organisation(db)
    values = ORDERS.parse(
        {
            "series": "personnel",
            "title": "Про відпустку",
            "copies_to": [{"executor": "Мельник І. І.", "handed_date": "12.03.2026"}],
        }
    )
    documents.register_document(db, ORDERS, values, reg_date=date(2026, 3, 2))
    db.dispose()
    heading, copies = tmp_path / "h.pdf", tmp_path / "c.pdf"
    args = ["--db", path, "orders"]
    assert main([*args, "heading", "--number", "1-к", "--year", "2026", "-o", str(heading)]) == 0
    text = "".join(PdfReader(heading).pages[0].extract_text().split())
    assert "РОЗПОРЯДЖЕННЯ" in text.replace(" ", "") and "№1-к" in text and "02.03.2026" in text
    period = ["--from", "01.03.2026", "--to", "31.03.2026"]
    assert main([*args, "copies", *period, "--series", "personnel", "-o", str(copies)]) == 0
    text = "".join(PdfReader(copies).pages[0].extract_text().split())
    assert "МельникІ.І." in text and "(іззапізненням)" in text
    assert main([*args, "heading", "--number", "9-к", "-o", str(heading)]) == 1
