"""The completeness table (HR report, section 8) and form № 6-сільрада, by district, on both
engines; the CLI writes them as CSV, XLSX and PDF."""

from __future__ import annotations

import csv
from datetime import date
from decimal import Decimal
from pathlib import Path

from pypdf import PdfReader

from app.domain.roles import STAROSTA, Actor
from app.reports.households import completeness, form6
from app.reports.tables import ReportPeriod
from app.services import households as hh
from app.services.household_view import load_card
from db.session import Database
from tests.households_data import build

SYSTEM = Actor.system_user("test")
PERIOD = ReportPeriod(date(2026, 1, 1), date(2026, 9, 30))


def _rows(table) -> dict[str, list[object]]:
    return {str(r[0]).split(",")[0][:40]: list(r[1:]) for r in table.rows}


def test_completeness_counts_events_per_district_not_subsets(db: Database) -> None:
    books = build(db)
    # Pryluky: one visit; two objects entered in full into the book (more than visited).
    hh.add_event(db, books.petrenko, "visit", date(2026, 2, 1))
    hh.add_event(db, books.petrenko, "visit", date(2026, 3, 1))  # the same household again
    hh.add_event(db, books.petrenko, "paper_full", date(2026, 2, 1))
    hh.add_event(db, books.kovalchuk, "paper_full", date(2026, 2, 2))
    hh.add_event(db, books.kovalchuk, "desk_check", date(2025, 12, 31))  # before the period
    hh.add_event(db, books.maryana, "program_partial", date(2026, 9, 30))
    table = completeness(db, SYSTEM, PERIOD)
    assert table.columns[1:] == ["Заборольський", "Прилуцький"]
    values = [r[1:] for r in table.rows]
    assert values == [[0, 1], [0, 2], [0, 0], [0, 0], [1, 0], [0, 0]]
    assert table.rows[0][0] == "Кількість домогосподарств, по яких здійснено обхід"
    # A starosta's table has their district only.
    own = completeness(db, Actor("s", frozenset({STAROSTA}), district="ЗБ"), PERIOD)
    assert own.columns[1:] == ["Заборольський"]


def test_form6_as_of_1_january(db: Database) -> None:
    books = build(db)
    land = {"osg": Decimal("0.45"), "house": Decimal("0.25")}
    hh.save_year(db, books.petrenko, hh.YearInfo(2026, holdings={"land": land,
                 "livestock": {"cows": Decimal(1), "poultry": Decimal(12)}}))  # fmt: skip
    hh.save_year(db, books.maryana, hh.YearInfo(2026, holdings={"land": {"osg": Decimal("1.2")}}))
    hh.save_year(db, books.kovalchuk, hh.YearInfo(2025, holdings={"land": {"osg": Decimal(9)}}))
    head = next(m for m in load_card(db, books.kovalchuk, log=False).members)
    hh.member_left(db, head.id, date(2025, 6, 1), "died")
    table = form6(db, SYSTEM, ReportPeriod(None, date(2026, 1, 1)))
    rows = {r[0]: r[1:] for r in table.rows}
    assert table.columns == ["Показник", "Заборольський", "Прилуцький", "Усього"]
    assert rows["Кількість об'єктів погосподарського обліку"] == [1, 2, 3]
    assert rows["Кількість наявних осіб"] == [1, 2, 3]  # the one who died in 2025 is not
    osg = next(r for k, r in rows.items() if k.startswith("Кількість об'єктів, члени"))
    assert osg == [1, 1, 2]
    area = next(r for k, r in rows.items() if k.startswith("Площа земельних"))
    assert area == ["1.2", "0.45", "1.65"]
    assert rows["У тому числі корови, голів"] == [0, 1, 1]
    assert rows["Птиця, голів"] == [0, 12, 12]
    # Lines the sources do not confirm are named as such, and the print says to check the blank.
    from app.reports.households import FORM6_CHECK_NOTE, FORM6_UNCONFIRMED

    assert set(rows) > FORM6_UNCONFIRMED
    confirmed = set(rows) - FORM6_UNCONFIRMED
    assert len(confirmed) == 2 and all("особистого селянського" in k for k in confirmed)
    assert FORM6_CHECK_NOTE in table.notes


def test_the_cli_writes_both_reports(tmp_path: Path, sqlite_db: Database, capsys) -> None:
    from app.cli import main

    books = build(sqlite_db)
    hh.add_event(sqlite_db, books.petrenko, "visit", date(2026, 2, 1))
    url = sqlite_db.url
    out = tmp_path / "table.csv"
    args = ["--db", url, "report", "households", "--from", "01.01.2026", "--to", "30.09.2026"]
    assert main([*args, "-o", str(out)]) == 0
    with out.open(encoding="utf-8-sig") as f:
        rows = list(csv.reader(f, delimiter=";"))
    assert rows[0][1:] == ["Заборольський", "Прилуцький"] and rows[1][1:] == ["0", "1"]
    pdf = tmp_path / "table.pdf"
    assert main([*args, "-o", str(pdf)]) == 0
    text = PdfReader(pdf).pages[0].extract_text()
    assert "Робота щодо ведення погосподарського обліку" in text and "Прилуцький" in text
    form = tmp_path / "form6.xlsx"
    on = ["--db", url, "report", "household-form6", "--on", "01.01.2026", "-o", str(form)]
    assert main(on) == 0
    assert "станом на 01.01.2026" in capsys.readouterr().out
