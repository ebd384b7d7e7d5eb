"""The command line through `app.cli.main`, on a temporary SQLite file."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.cli import main
from db.models import Document, Resolution
from db.session import Database

DATA = Path(__file__).resolve().parents[1] / "data"


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small demo database made once through the CLI; tests work on copies."""
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    assert main(["--db", str(path), "init"]) == 0
    assert main(["--db", str(path), "demo", "--documents", "60", "--seed", "5"]) == 0
    return path


@pytest.fixture
def demo_db(demo_file: Path, tmp_path: Path) -> str:
    copy = tmp_path / "demo.sqlite"
    shutil.copy(demo_file, copy)
    return str(copy)


def _count(path: str | Path, register: str = "incoming") -> int:
    db = Database(str(path))
    try:
        with db.read() as s:
            stmt = select(func.count()).where(Document.register == register)
            return s.execute(stmt).scalar_one()
    finally:
        db.dispose()


def test_help_lists_every_command_in_ukrainian(capsys):
    assert main(["--help"]) == 0
    out = capsys.readouterr().out
    for command in ("init", "demo", "import", "export", "control", "print"):
        assert command in out
    assert "використання:" in out and "показати цю довідку" in out
    assert main(["print", "--help"]) == 0
    out = capsys.readouterr().out
    for what in ("stamp", "control-stamp", "resolution", "card", "journal"):
        assert what in out


def test_init_and_a_command_line_mistake(tmp_path, capsys):
    db = str(tmp_path / "new.sqlite")
    assert main(["--db", db, "init"]) == 0
    assert "База даних готова" in capsys.readouterr().out
    assert main(["--db", db, "export", "incoming", "--from", "31.02.2026", "-o", "x.csv"]) == 2
    err = capsys.readouterr().err
    assert "помилка" in err and "Такої дати не існує" in err and "Traceback" not in err
    assert main(["--db", db, "import"]) == 2
    assert "потрібно вказати" in capsys.readouterr().err


def test_a_file_that_is_not_a_database_is_refused(tmp_path, capsys):
    bad = tmp_path / "notes.sqlite"
    bad.write_text("це не база даних", encoding="utf-8")
    assert main(["--db", str(bad), "init"]) == 2
    assert "Помилка" in capsys.readouterr().err
    assert bad.read_text(encoding="utf-8") == "це не база даних"


def test_only_init_creates_a_database(tmp_path, capsys):
    """Issue 9: a mistyped --db path is said to be missing, never made a new empty database."""
    typo = tmp_path / "dilovd.sqlite"
    for command in (
        ["export", "incoming", "-o", str(tmp_path / "x.csv")],
        ["demo"],
        ["audit", "verify"],
    ):
        assert main(["--db", str(typo), *command]) == 2
        err = capsys.readouterr().err
        assert "немає" in err and "init" in err and "Traceback" not in err
        assert not typo.exists()
    assert main(["--db", str(typo), "init"]) == 0 and typo.exists()


@pytest.mark.parametrize("address", ["foo://bar", "mysql://user@host/db", "postgresql://host"])
def test_an_address_that_is_no_database_of_ours_is_a_sentence(address, capsys):
    assert main(["--db", address, "export", "incoming", "-o", "x.csv"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("Помилка:") and "Traceback" not in err
    assert "SQLite" in err or "назву бази даних" in err


def test_demo_fills_and_then_refuses_a_database_with_documents(demo_file, demo_db, capsys):
    assert _count(demo_file) == 60
    assert _count(demo_file, "outgoing") == 20
    assert main(["demo", "--db", demo_db, "--documents", "5"]) == 1  # --db after the command
    err = capsys.readouterr().err
    assert "уже є зареєстровані документи" in err and "Traceback" not in err
    assert _count(demo_db) == 60
    assert main(["--db", demo_db, "demo", "--documents", "5", "--force"]) == 2  # no such option
    assert _count(demo_db) == 60


def test_import_good_bad_and_dry_run(tmp_path, capsys):
    db = str(tmp_path / "import.sqlite")
    assert main(["--db", db, "init"]) == 0
    assert main(["--db", db, "import", "incoming", str(DATA / "incoming_bad.csv")]) == 1
    captured = capsys.readouterr()
    assert "Базу даних не змінено" in captured.err
    assert "рядок 4, стовпець «Дата реєстрації»" in captured.err
    assert "рядок 7, стовпець «Короткий зміст»" in captured.err
    assert "рядок 8, стовпець «№»" in captured.err
    assert _count(db) == 0

    good = str(DATA / "incoming_good.csv")  # a journal kept from № 101 on
    assert main(["--db", db, "import", "incoming", good]) == 1
    assert "пропущено 100 номерів (1–100)" in capsys.readouterr().err and _count(db) == 0
    good_gaps = [good, "--allow-gaps"]
    assert main(["--db", db, "import", "incoming", *good_gaps, "--dry-run"]) == 0
    assert "Помилок немає" in capsys.readouterr().out
    assert _count(db) == 0
    assert main(["--db", db, "import", "incoming", *good_gaps]) == 0
    out = capsys.readouterr().out
    assert "Імпортовано документів: 5" in out and "101/01-12" in out and "105/01-12" in out
    assert _count(db) == 5
    assert main(["--db", db, "import", "incoming", *good_gaps]) == 1  # the same numbers again
    assert "уже зареєстровано" in capsys.readouterr().err
    assert main(["--db", db, "import", "incoming", str(tmp_path / "nope.csv")]) == 1
    assert "не знайдено" in capsys.readouterr().err


def test_export_and_control_report(demo_db, tmp_path, capsys):
    xlsx, csv_file = tmp_path / "in.xlsx", tmp_path / "in.csv"
    assert main(["--db", demo_db, "export", "incoming", "-o", str(xlsx)]) == 0
    assert "Вивантажено записів: 60" in capsys.readouterr().out
    assert xlsx.read_bytes().startswith(b"PK")
    year = date.today().year
    args = ["--db", demo_db, "export", "incoming", "--from", f"01.01.{year}", "-o", str(csv_file)]
    assert main(args) == 0
    capsys.readouterr()
    assert csv_file.read_bytes().startswith(b"\xef\xbb\xbf")

    pdf, report_csv = tmp_path / "control.pdf", tmp_path / "control.csv"
    assert main(["--db", demo_db, "control", "report", "-o", str(pdf)]) == 0
    out = capsys.readouterr().out
    assert "на контролі документів:" in out and "прострочено: 0" not in out
    assert pdf.read_bytes().startswith(b"%PDF")
    on = f"01.06.{year - 1}"
    assert main(["--db", demo_db, "control", "report", "--on", on, "-o", str(report_csv)]) == 0
    assert f"Станом на {on}" in capsys.readouterr().out
    assert report_csv.read_text(encoding="utf-8-sig").startswith("№ з/п;Реєстр")
    assert main(["--db", demo_db, "control", "report", "-o", str(tmp_path / "x" / "y.pdf")]) == 1
    assert "Traceback" not in capsys.readouterr().err


def test_print_commands(demo_db, tmp_path, capsys):
    db = Database(demo_db)
    with db.read() as s:
        doc = s.execute(
            select(Document)
            .where(Document.on_control.is_(True), Document.done_date.is_(None))
            .where(Document.id.in_(select(Resolution.document_id)))
            .limit(1)
        ).scalar_one()
        number, year, doc_id = doc.reg_number, doc.year, doc.id
    db.dispose()
    base = ["--db", demo_db, "print"]
    by_number = ["--number", number, "--year", str(year)]
    for what, extra in (
        ("stamp", by_number),
        ("control-stamp", ["--id", str(doc_id)]),
        ("resolution", by_number),
        ("card", [*by_number, "--copies", "1"]),
    ):
        out = tmp_path / f"{what}.pdf"
        assert main([*base, what, *extra, "-o", str(out)]) == 0, capsys.readouterr().err
        assert out.read_bytes().startswith(b"%PDF")
    journal = tmp_path / "journal.pdf"
    assert main([*base, "journal", "--from", f"01.01.{year}", "-o", str(journal)]) == 0
    assert journal.read_bytes().startswith(b"%PDF")
    capsys.readouterr()
    missing = [*base, "stamp", "--number", "99999", "--year", str(year), "-o", "x.pdf"]
    assert main(missing) == 1
    assert "не знайдено" in capsys.readouterr().err
    assert main([*base, "stamp", "-o", "x.pdf"]) == 2  # neither --number nor --id


def test_audit_verify_passes_on_a_demo_database_and_fails_on_a_tampered_one(demo_db, capsys):
    import sqlite3

    assert main(["--db", demo_db, "audit", "verify"]) == 0
    assert "Журнал дій цілий" in capsys.readouterr().out
    conn = sqlite3.connect(demo_db)  # someone with the file drops the trigger and edits a row
    conn.execute("DROP TRIGGER audit_entry_no_delete")
    conn.execute("DELETE FROM audit_entry WHERE id = 5")
    conn.commit()
    conn.close()
    assert main(["--db", demo_db, "audit", "verify"]) == 1
    err = capsys.readouterr().err
    assert "Журнал дій пошкоджено" in err and "Запис № 6" in err and "Traceback" not in err
