"""Decisions and protocols due for the archive after three years in the department (6.19,
6.22), by year, with the first and last number; the command line and the register's printout."""

from __future__ import annotations

from datetime import date

from app.cli import main
from app.registers import DECISIONS
from app.services import committee, decisions_archive, documents, printouts
from app.services import meetings as svc
from db.session import Database
from tests import factories


def fill(db: Database) -> None:
    for year, n in ((2021, 3), (2022, 2), (2023, 1)):
        for i in range(n):
            values = DECISIONS.parse({"title": f"Про питання {i}"})
            documents.register_document(db, DECISIONS, values, reg_date=date(year, 5, 20))
    member = committee.save_member(db, None, "Член Виконкому", "", date(2020, 1, 1))
    for day in (date(2022, 1, 20), date(2022, 2, 17)):
        svc.set_attendance(db, svc.add_meeting(db, day, extraordinary=False), [member])


def test_three_years_in_the_department_then_the_archive(db):
    fill(db)
    batches = decisions_archive.due_for_archive(db, date(2026, 12, 2))
    assert [(b.year, b.what, b.count, b.first_number, b.last_number) for b in batches] == [
        (2021, "рішення виконкому", 3, "1", "3"),
        (2022, "рішення виконкому", 2, "1", "2"),
        (2022, "протоколи засідань", 2, "1", "2"),
    ]
    assert batches[0].due_from == date(2025, 1, 1)
    assert decisions_archive.due_for_archive(db, date(2025, 12, 31))[-1].year == 2021


def test_printed_from_the_register_and_the_command_line(tmp_path):
    path = str(tmp_path / "office.sqlite")
    assert main(["--db", path, "init"]) == 0
    db = Database(path)
    try:
        factories.organisation(db)
        fill(db)
        pdf = printouts.print_register(db, "decisions_archive_pdf")
        assert pdf.startswith(b"%PDF")
    finally:
        db.dispose()
    out = tmp_path / "archive.pdf"
    assert main(["--db", path, "meetings", "archive", "--on", "02.12.2026", "-o", str(out)]) == 0
    assert out.read_bytes().startswith(b"%PDF")
