"""Regulatory acts (ЗУ № 1160-IV ст. 10; regulation 7.7): the schedule of base, repeated and
periodic trackings from the entry into force, kept by the decisions register, moved by a
repeated tracking done, and the year's plan printed."""

from __future__ import annotations

import io
from datetime import date

import pytest
from pypdf import PdfReader

from app.domain import regulatory as rules
from app.domain.calendar import WorkingCalendar
from app.registers import DECISIONS
from app.services import documents, regulatory
from app.services.details import get_document
from tests import factories


def test_schedule_base_before_entry_repeated_within_two_years_periodic_every_three():
    cal = WorkingCalendar([])
    plan = rules.schedule(date(2026, 3, 2), cal)  # a Monday
    base, repeated, first, second = plan
    assert base.due == date(2026, 2, 27)  # the Friday before (Sunday 01.03 moves back)
    assert (repeated.due_from, repeated.due) == (date(2027, 3, 2), date(2028, 3, 2))
    assert first.due == date(2031, 2, 28)  # 02.03.2031 is a Sunday → Friday
    assert second.due == date(2034, 3, 2)
    moved = rules.schedule(date(2026, 3, 2), cal, repeated_done=date(2027, 6, 1))
    assert moved[2].due == date(2030, 5, 31)  # 01.06.2030 is a Saturday
    assert rules.add_years(date(2024, 2, 29), 1) == date(2025, 2, 28)


def decision(db, regulatory_act: bool, entry: date | None, title: str = "Про тарифи"):
    raw = {"title": title, "regulatory": regulatory_act, "entry_into_force": entry}
    values = DECISIONS.parse({k: v for k, v in raw.items() if v is not None})
    return documents.register_document(db, DECISIONS, values, reg_date=date(2026, 3, 19))


def test_a_regulatory_decision_gets_its_schedule_and_the_repeated_one_moves_periodic(db):
    reg = decision(db, True, date(2026, 4, 1))
    decision(db, False, None, "Про інше")
    rows = regulatory.trackings(db)
    assert [r.kind for r in rows] == ["base", "repeated", "periodic", "periodic"]
    assert all(r.document_id == reg.id for r in rows)
    repeated = rows[1]
    regulatory.record_tracking(db, repeated.id, date(2026, 11, 2), "звіт оприлюднено")
    rows = regulatory.trackings(db, document_id=reg.id)
    assert rows[1].done == date(2026, 11, 2) and rows[1].report == "звіт оприлюднено"
    assert rows[2].due == date(2029, 11, 2)
    with pytest.raises(regulatory.TrackingError):
        regulatory.record_tracking(db, rows[2].id, date(2026, 3, 1), "")


def test_unmarking_keeps_only_trackings_done(db):
    reg = decision(db, True, date(2026, 4, 1))
    base = regulatory.trackings(db)[0]
    regulatory.record_tracking(db, base.id, date(2026, 3, 30), "базове")
    detail = get_document(db, reg.id)
    values = {**detail.values, "regulatory": False}
    documents.update_document(db, DECISIONS, reg.id, values, detail.version)
    rows = regulatory.trackings(db)
    assert [(r.kind, r.done) for r in rows] == [("base", date(2026, 3, 30))]


def test_the_plan_of_the_year_is_printed(db):
    factories.organisation(db)
    decision(db, True, date(2026, 4, 1), "Про встановлення тарифів на вивезення відходів")
    pdf = regulatory.plan_pdf(db, 2026, today=date(2026, 4, 5))
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    text = " ".join(text.split())
    assert "План-графік відстеження" in text and "базове" in text
    assert "Про встановлення тарифів" in text
    assert "до 31.03.2026 прострочено" in text  # the base tracking, not done before 01.04


def test_command_line_lists_and_prints_the_plan(tmp_path, capsys):
    from app.cli import main
    from db.session import Database

    path = str(tmp_path / "office.sqlite")
    assert main(["--db", path, "init"]) == 0
    db = Database(path)
    try:
        factories.organisation(db)
        decision(db, True, date(2026, 4, 1))
    finally:
        db.dispose()
    assert main(["--db", path, "meetings", "regulatory", "--year", "2026"]) == 0
    assert "базове" in capsys.readouterr().out
    out = tmp_path / "plan.pdf"
    assert main(["--db", path, "meetings", "regulatory", "--year", "2026", "-o", str(out)]) == 0
    assert out.read_bytes().startswith(b"%PDF")
