"""`import appeals`, `export info-requests`, `report appeals` from the command line."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

from app.cli import main
from db.session import Database
from tests import factories

HEADERS = "№;Автор;Надійшло;Ознака;Вид;Суб'єкт;Тип;Короткий зміст;Тематика;Дата реєстрації\n"


def test_appeals_import_every_row_or_none_and_export_the_term(tmp_path: Path, capsys) -> None:
    path = str(tmp_path / "office.sqlite")
    assert main(["--db", path, "init"]) == 0
    bad = tmp_path / "bad.csv"
    bad.write_text(
        HEADERS + "1;Петренко|Ганна;Поштою (електронною поштою);Первинне;Скарга;Індивідуальне;Лист;"
        "Про ремонт даху;Житлова політика;02.03.2026\n"
        + "2;Коваль;Голубом;Первинне;Скарга;Індивідуальне;Лист;Про ліхтарі;Інші;03.03.2026\n",
        encoding="utf-8-sig",
    )
    assert main(["--db", path, "import", "appeals", str(bad)]) == 1
    assert "Голубом" in capsys.readouterr().err
    good = tmp_path / "good.csv"
    good.write_text(
        bad.read_text(encoding="utf-8-sig").replace("Голубом", "Через органи влади"),
        encoding="utf-8-sig",
    )
    assert main(["--db", path, "import", "appeals", str(good)]) == 0
    out = tmp_path / "appeals.csv"
    assert main(["--db", path, "export", "appeals", str(out)]) == 0
    rows = list(csv.DictReader(out.read_text(encoding="utf-8-sig").splitlines(), delimiter=";"))
    assert [r["Термін розгляду"] for r in rows] == ["02.04.2026", "03.04.2026"]
    assert rows[0]["Автор"] == "Петренко Г."


def test_info_requests_export_and_the_appeals_report(tmp_path: Path) -> None:
    path = str(tmp_path / "office.sqlite")
    assert main(["--db", path, "init"]) == 0
    db = Database(path)
    factories.appeal(db, date(2026, 2, 2))
    db.dispose()
    out = tmp_path / "requests.xlsx"
    assert main(["--db", path, "export", "info-requests", str(out)]) == 0
    assert out.exists()
    report = tmp_path / "stat.csv"
    args = ["--db", path, "report", "appeals", "--from", "01.01.2026", "--to", "31.03.2026"]
    assert main([*args, "-o", str(report)]) == 0
    text = report.read_text(encoding="utf-8-sig")
    assert "Надійшло звернень — усього;;0;1" in text


def test_the_information_requests_report(tmp_path: Path, capsys) -> None:
    from app.registers import INFO_REQUESTS
    from app.services import documents

    path = str(tmp_path / "office.sqlite")
    assert main(["--db", path, "init"]) == 0
    db = Database(path)
    raw = {"requester": "Іван Петренко", "requester_kind": "Фізична особа",
           "received_way": "Поштою", "summary": "Копії рішень", "pages": 12}  # fmt: skip
    values = INFO_REQUESTS.parse(raw)
    documents.register_document(db, INFO_REQUESTS, values, reg_date=date(2026, 2, 2))
    db.dispose()
    report = tmp_path / "requests.csv"
    args = ["--db", path, "report", "info_requests", "--from", "01.01.2026", "--to", "31.03.2026"]
    assert main([*args, "-o", str(report)]) == 0
    text = report.read_text(encoding="utf-8-sig")
    assert "Надійшло запитів — усього;;0;1" in text
    assert "від фізичних осіб;ст. 12 ч. 1 п. 1;0;1" in text
    assert "нараховано, грн;;0,00;13,32" in text
    assert "Статистика запитів на публічну інформацію" in capsys.readouterr().out
