"""Decisions numbered from 1 each calendar year (6.18) with sub-numbers kept as written:
«931» and «931-1» (an amendment registered after 931, as the HR report shows) and council-style
«24/119» live side by side; «931» stays unique within the year; the next running number after
931 and 931-1 is 932; the number sort is numeric (931, 931-1, 932); a true duplicate is refused
by row and column on import (and nothing is imported), or under the field in the card."""

from __future__ import annotations

from datetime import date

import pytest

from app.registers import DECISIONS
from app.registers.fields import FieldErrors
from app.services import documents, imports
from app.services.register_view import RegisterView, ViewQuery


def write(tmp_path, text: str, name: str = "decisions.csv"):
    path = tmp_path / name
    path.write_text("№;Дата;Заголовок\n" + text, encoding="utf-8")
    return path


def numbers(db, descending: bool = False) -> list[str]:
    view = RegisterView(db, ViewQuery("decisions", sort="number", descending=descending))
    return [r.reg_number for r in view.all_rows()]


def decision(db, day: date, number: str | None = None) -> documents.Registered:
    item = documents.Registration(DECISIONS.parse({"title": "Про зміни"}), day, number=number)
    return documents.register_many(db, DECISIONS, [item])[0]


def test_a_number_and_its_sub_number_are_imported_side_by_side(db, tmp_path):
    path = write(
        tmp_path,
        "930;18.11.2021;Про бюджет\n"
        "931;18.11.2021;Про тарифи\n"
        "931-1;25.11.2021;Про зміни до рішення № 931\n"
        "24/119;25.11.2021;Про звіт\n",
    )
    result = imports.import_file(db, DECISIONS, path, allow_gaps=True, today=date(2026, 1, 1))
    assert result.problems == ()
    assert result.imported == 4
    assert numbers(db) == ["24/119", "930", "931", "931-1"]
    assert numbers(db, descending=True) == ["931-1", "931", "930", "24/119"]
    # the year runs on after 931 and 931-1, not after a sub-number
    assert decision(db, date(2021, 12, 2)).reg_number == "932"
    assert numbers(db)[-3:] == ["931", "931-1", "932"]


def test_a_true_duplicate_in_the_file_is_named_by_row_and_column_and_nothing_imported(db, tmp_path):
    path = write(
        tmp_path,
        "1;14.01.2021;Про план\n"
        "1-1;15.01.2021;Про зміни\n"
        "1/1;16.01.2021;Про зміни ще раз\n"  # the same sub-number, written otherwise
        "1;17.01.2021;Про інше\n",
    )
    result = imports.import_file(db, DECISIONS, path, today=date(2026, 1, 1))
    assert [(p.row, p.column) for p in result.problems] == [(4, "№"), (5, "№")]
    assert "«1/1»" in result.problems[0].message and "рядку 3" in result.problems[0].message
    assert "«1»" in result.problems[1].message and "рядку 2" in result.problems[1].message
    assert str(result.problems[1]).startswith("рядок 5, стовпець «№»")
    assert result.imported == 0
    assert numbers(db) == []


def test_a_number_already_in_the_database_is_refused_but_its_sub_number_is_not(db, tmp_path):
    decision(db, date(2026, 3, 19))  # 1
    decision(db, date(2026, 3, 19))  # 2
    clash = write(tmp_path, "2;19.03.2026;Про те\n", "clash.csv")
    result = imports.import_file(db, DECISIONS, clash, today=date(2026, 4, 1))
    assert [(p.row, p.column) for p in result.problems] == [(2, "№")]
    assert "уже зареєстровано" in result.problems[0].message
    sub = write(tmp_path, "2-1;26.03.2026;Про зміни до рішення № 2\n", "sub.csv")
    result = imports.import_file(db, DECISIONS, sub, today=date(2026, 4, 1))
    assert result.problems == ()
    assert numbers(db) == ["1", "2", "2-1"]
    again = imports.import_file(db, DECISIONS, sub, today=date(2026, 4, 1))
    assert "«2-1»" in again.problems[0].message
    assert "уже зареєстровано" in again.problems[0].message
    assert decision(db, date(2026, 3, 27)).reg_number == "3"


def test_the_same_number_in_another_year_is_no_duplicate(db, tmp_path):
    path = write(tmp_path, "5;14.01.2021;Про план\n5;13.01.2022;Про план\n")
    result = imports.import_file(db, DECISIONS, path, allow_gaps=True, today=date(2026, 1, 1))
    assert result.problems == ()
    assert result.imported == 2


def test_an_amendment_is_registered_by_hand_as_a_sub_number(db):
    for _ in range(3):
        decision(db, date(2026, 3, 19))
    amendment = decision(db, date(2026, 3, 26), number="2-1")
    assert (amendment.reg_number, amendment.seq) == ("2-1", 2)
    assert decision(db, date(2026, 3, 26)).reg_number == "4"
    assert numbers(db) == ["1", "2", "2-1", "3", "4"]
    with pytest.raises(FieldErrors) as taken:
        decision(db, date(2026, 3, 26), number="2/1")
    assert taken.value.by_key() == {"reg_number": "Номер «2/1» за 2026 рік уже зареєстровано (2-1)"}
    with pytest.raises(FieldErrors) as plain:
        decision(db, date(2026, 3, 26), number="3")
    assert "уже зареєстровано" in plain.value.by_key()["reg_number"]
    with pytest.raises(FieldErrors) as ahead:
        decision(db, date(2026, 3, 26), number="9-1")
    assert ahead.value.by_key()["reg_number"] == (
        "Номер 9 за 2026 рік ще не надано (останній — 4): вручну вказують лише підномер уже "
        "наданого номера (наприклад, 4-1); наступний номер програма дасть сама"
    )
    with pytest.raises(FieldErrors) as bad:
        decision(db, date(2026, 3, 26), number="зміни")
    assert "не розпізнано" in bad.value.by_key()["reg_number"]
    assert numbers(db) == ["1", "2", "2-1", "3", "4"]  # nothing stored by the refusals


def test_the_cli_import_names_row_and_column_and_changes_nothing(tmp_path, capsys):
    """`python -m app import decisions FILE`: a clash and a malformed date, then a good file."""
    from app.cli import main

    base = str(tmp_path / "cli.sqlite")
    assert main(["--db", base, "init"]) == 0
    bad = write(
        tmp_path,
        "931;18.11.2021;Про тарифи\n931-1;31.11.2021;Про зміни\n931;25.11.2021;Про інше\n",
    )
    capsys.readouterr()
    assert main(["--db", base, "import", "decisions", str(bad), "--allow-gaps"]) == 1
    out = capsys.readouterr()
    printed = out.out + out.err
    assert "рядок 3, стовпець «Дата»" in printed
    assert "рядок 4, стовпець «№»" in printed
    assert main(["--db", base, "export", "decisions", str(tmp_path / "none.csv")]) == 0
    assert (tmp_path / "none.csv").read_text(encoding="utf-8-sig").count("\n") == 1  # header
    good = write(tmp_path, "931;18.11.2021;Про тарифи\n931-1;25.11.2021;Про зміни\n", "ok.csv")
    assert main(["--db", base, "import", "decisions", str(good), "--allow-gaps"]) == 0
    assert main(["--db", base, "export", "decisions", str(tmp_path / "out.csv")]) == 0
    exported = (tmp_path / "out.csv").read_text(encoding="utf-8-sig")
    assert "931-1;25.11.2021" in exported


def test_the_archive_range_runs_from_the_first_number_to_the_last_sub_number(db, tmp_path):
    from app.services import decisions_archive

    path = write(
        tmp_path,
        "1-1;22.01.2021;Про зміни\n1;14.01.2021;Про план\n2;18.02.2021;Про бюджет\n"
        "2-2;25.02.2021;Про зміни ще раз\n2-1;24.02.2021;Про зміни\n",
    )
    result = imports.import_file(db, DECISIONS, path, today=date(2026, 1, 1))
    assert result.problems == ()
    batch = decisions_archive.due_for_archive(db, date(2026, 12, 2))[0]
    assert (batch.count, batch.first_number, batch.last_number) == (5, "1", "2-2")
