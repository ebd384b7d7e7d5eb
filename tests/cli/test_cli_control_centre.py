"""`control execution` and `control reminders` on the known data set of tests/control_data.py.

The commands judge as of the real today, which is after every term of the data set: all of
March's open terms are missed by the end of March, and every open document is overdue now.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from openpyxl import load_workbook

from app.cli import main
from db.session import Database
from tests import control_data
from tests.printing import page_texts


@pytest.fixture
def known_file(tmp_path: Path) -> str:
    path = str(tmp_path / "control.sqlite")
    assert main(["--db", path, "init"]) == 0
    db = Database(path)
    control_data.build(db)
    db.dispose()
    return path


MARCH = ["--from", "01.03.2026", "--to", "31.03.2026"]
# on time 5 11; late 6 14; not done by 31.03 with a March term: 1 2 3 9 10 12; pending 4
MARCH_TOTAL = (
    "вчасно 2, із запізненням 2, не виконано в термін 6, термін не настав 1, частка вчасно 20,0 %"
)


def test_execution_on_screen(known_file, capsys):
    assert main(["--db", known_file, "control", "execution", *MARCH]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("Загальний відділ: вчасно 1, із запізненням 1, не виконано в термін 3")
    assert out[1].startswith("  Мельник І. І.: вчасно 1")
    assert out[-1] == f"Усього з 01.03.2026 по 31.03.2026: {MARCH_TOTAL}"


def test_execution_to_pdf_xlsx_and_csv(known_file, tmp_path, capsys):
    pdf = tmp_path / "dovidka.pdf"
    assert main(["--db", known_file, "control", "execution", *MARCH, "--out", str(pdf)]) == 0
    assert capsys.readouterr().out.strip().endswith(f"{MARCH_TOTAL} → {pdf}")
    (text,) = page_texts(str(pdf))
    assert "Довідка про стан виконання документів" in text and "Усього 2 2 6 1 20,0" in text

    xlsx = tmp_path / "figures.xlsx"
    assert main(["--db", known_file, "control", "execution", *MARCH, "-o", str(xlsx)]) == 0
    rows = list(load_workbook(xlsx).active.iter_rows(values_only=True))
    assert rows[0][:3] == ("Головний виконавець", "Виконавчий орган", "Виконано вчасно")
    assert rows[1] == ("Мельник І. І.", "Загальний відділ", 1, 1, 3, 20.0)
    table = tmp_path / "figures.csv"
    assert main(["--db", known_file, "control", "execution", *MARCH, "--out", str(table)]) == 0
    with open(table, encoding="utf-8-sig", newline="") as fh:
        assert list(csv.reader(fh, delimiter=";"))[2] == [
            "Коваль О. П.",
            "Управління праці",
            "1",
            "1",
            "2",
            "25,0",
        ]


def test_execution_mistakes_are_explained(known_file, tmp_path, capsys):
    args = [
        "--db",
        known_file,
        "control",
        "execution",
        "--from",
        "31.03.2026",
        "--to",
        "01.03.2026",
    ]
    assert main(args) == 1
    assert "Початок періоду (31.03.2026) пізніший" in capsys.readouterr().err
    assert main(["--db", known_file, "control", "execution", "--to", "01.03.2026"]) == 2
    assert "потрібно вказати" in capsys.readouterr().err
    bad = str(tmp_path / "no" / "such.pdf")
    assert main(["--db", known_file, "control", "execution", *MARCH, "--out", bad]) == 1
    err = capsys.readouterr().err
    assert "Не вдається записати файл" in err and "Traceback" not in err


def test_reminders_batch(known_file, tmp_path, capsys):
    pdf = tmp_path / "reminders.pdf"
    assert main(["--db", known_file, "control", "reminders", "--days", "3", "--out", str(pdf)]) == 0
    out = capsys.readouterr().out
    assert "Нагадувань: 2, документів у них: 6" in out  # Мельник 1 2 3 4, Коваль 9 10
    assert "Без головного виконавця (нагадати нікому): 1" in out  # document 12
    first, second = page_texts(str(pdf))
    assert "Мельнику І. І." in first and "Усього документів: 4, з них прострочено: 4." in first
    assert "Коваль О. П." in second and "Мельнику" not in second
    assert main(["--db", known_file, "control", "reminders", "--days", "99", "-o", str(pdf)]) == 1
    assert "від 0 до 60" in capsys.readouterr().err
