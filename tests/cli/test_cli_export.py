"""`python -m app export`: a register view (period, state, search, sort) to a file."""

from __future__ import annotations

import csv
from datetime import date, timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook

from app.cli import main
from app.services import control
from db.session import Database
from tests import factories


@pytest.fixture
def office_file(tmp_path: Path) -> str:
    """Four letters of a month ago: two overdue today, one on control, one not."""
    path = str(tmp_path / "office.sqlite")
    assert main(["--db", path, "init"]) == 0
    db = Database(path)
    today = date.today()
    terms = {
        "Про стан укриттів": today - timedelta(days=9),
        "Про ремонт доріг": today - timedelta(days=4),
        "Про укриття в школах": today + timedelta(days=60),
        "Про свята": None,
    }
    for i, (summary, term) in enumerate(terms.items()):
        day = today - timedelta(days=30 - i)
        doc = factories.incoming(db, day, summary=summary)
        if term:
            control.put_on_control(db, doc.id, term=term, today=day)
    db.dispose()
    return path


def _summaries(path: Path) -> list[str]:
    ws = load_workbook(path).active
    return [row[6] for row in ws.iter_rows(min_row=2, values_only=True)]


def test_export_with_state_sort_and_search(office_file, tmp_path, capsys):
    xlsx = tmp_path / "overdue.xlsx"
    args = ["--db", office_file, "export", "incoming", str(xlsx), "--state", "overdue"]
    assert main([*args, "--sort", "due_date", "--desc"]) == 0
    assert f"Вивантажено записів: 2 → {xlsx}" in capsys.readouterr().out
    assert _summaries(xlsx) == ["Про ремонт доріг", "Про стан укриттів"]
    assert main([*args, "--sort", "due_date"]) == 0
    assert _summaries(xlsx) == ["Про стан укриттів", "Про ремонт доріг"]

    # -o still works; the search and the default order (oldest first, as in the journal)
    csv_file = tmp_path / "search.csv"
    assert main(["--db", office_file, "export", "incoming", "--search", "укритт",
                 "-o", str(csv_file)]) == 0  # fmt: skip
    rows = list(csv.reader(csv_file.read_text(encoding="utf-8-sig").splitlines(), delimiter=";"))
    assert [r[6] for r in rows[1:]] == ["Про стан укриттів", "Про укриття в школах"]


def test_export_mistakes(office_file, tmp_path, capsys):
    base = ["--db", office_file, "export", "incoming"]
    assert main([*base, str(tmp_path / "x.xlsx"), "--sort", "colour"]) == 1
    err = capsys.readouterr().err
    assert "Невідоме сортування «colour»: можливо number, reg_date" in err
    assert main(base) == 2
    assert "вкажіть файл" in capsys.readouterr().err
    assert main([*base, str(tmp_path / "x.xlsx"), "--state", "late"]) == 2
    assert "недопустиме значення 'late'" in capsys.readouterr().err
    assert main([*base, str(tmp_path / "no" / "x.xlsx")]) == 1
    assert "немає такої теки" in capsys.readouterr().err
    assert not (tmp_path / "x.xlsx").exists()
