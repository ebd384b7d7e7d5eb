"""The printouts of a meeting read back with pypdf (Cyrillic text, the parts 5.2 and 6.21 ask
for), and the command line: `meetings plan -o CSV`, `print agenda|protocol --date`."""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

from pypdf import PdfReader

from app.cli import main
from app.domain import meetings as rules
from app.services import committee, meeting_printouts
from app.services import meetings as svc
from db.session import Database
from tests import factories

DAY = date(2026, 3, 19)


def text_of(pdf: bytes) -> str:
    return "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)


def meeting(db: Database) -> int:
    factories.organisation(db)
    ids = [
        committee.save_member(db, None, name, "", date(2020, 1, 1))
        for name in (
            "Бондар Віктор Петрович",
            "Гуменюк Олег",
            "Дячук Наталія",
            "Кравчук Ольга",
            "Левчук Оксана",
        )
    ]
    meeting_id = svc.meeting_on(db, DAY) or svc.add_meeting(db, DAY, extraordinary=False)
    svc.update_meeting(db, meeting_id, chair="Бондар В. П.")
    first = svc.save_item(
        db,
        meeting_id,
        svc.ItemInput(
            "Про затвердження плану благоустрою",
            "Управління ЖКГ",
            "Мельник І. І.",
            speakers="Гуменюк О. В.",
            submitted=date(2026, 3, 10),
        ),
    )
    second = svc.save_item(db, meeting_id, svc.ItemInput("Про квартирний облік громадян"))
    third = svc.save_item(db, meeting_id, svc.ItemInput("Про зняте питання"))
    svc.set_visas(db, first, [rules.Visa(rules.LEGAL, "Юрченко", DAY, rules.REMARKS, "п. 3")])
    svc.withdraw_item(db, third)
    svc.set_attendance(db, meeting_id, ids[:4])
    svc.record_vote(db, first, 4)
    svc.record_vote(db, second, 2, 2)
    return meeting_id


def test_agenda_lists_items_in_order_without_the_withdrawn(db):
    meeting_id = meeting(db)
    text = text_of(meeting_printouts.agenda_pdf(db, meeting_id))
    assert "ПОРЯДОК ДЕННИЙ" in text and "19.03.2026" in text
    assert text.index("1. Про затвердження плану") < text.index("2. Про квартирний облік")
    assert "Про зняте питання" not in text
    assert "Віктор Бондар" in text  # the mayor's signature


def test_protocol_draft_has_attendance_speakers_votes_and_decisions(db):
    meeting_id = meeting(db)
    text = " ".join(text_of(meeting_printouts.protocol_pdf(db, meeting_id)).split())
    assert "ПРОТОКОЛ № 1" in text
    assert "(4 з 5)" in text and "Відсутні: Левчук Оксана" in text
    assert "ВИСТУПИЛИ: Гуменюк О. В." in text
    assert "«за» — 4" in text and "рішення № 1 прийнято" in text
    assert "ВИРІШИЛИ: не прийнято" in text
    assert "Ольга Кравчук" in text


def test_drafts_with_visas_and_decisions_adopted(db):
    meeting_id = meeting(db)
    drafts = " ".join(text_of(meeting_printouts.drafts_pdf(db, meeting_id)).split())
    assert "Юрченко" in drafts and "із зауваженнями" in drafts
    adopted = " ".join(text_of(meeting_printouts.decisions_pdf(db, meeting_id)).split())
    assert "Про затвердження плану благоустрою" in adopted
    assert "Про квартирний облік" not in adopted


def test_command_line_plan_and_printouts(tmp_path: Path):
    path = str(tmp_path / "office.sqlite")
    assert main(["--db", path, "init"]) == 0
    plan = tmp_path / "plan.csv"
    assert main(["--db", path, "meetings", "plan", "--year", "2026", "-o", str(plan)]) == 0
    rows = list(csv.reader(plan.read_text(encoding="utf-8-sig").splitlines(), delimiter=";"))
    assert len(rows) == 13
    assert rows[10][:2] == ["15.10.2026", "14:00"]
    assert rows[10][4:8] == ["01.10.2026", "09.10.2026", "12.10.2026", "13.10.2026"]
    db = Database(path)
    try:
        meeting(db)
    finally:
        db.dispose()
    agenda, protocol = tmp_path / "agenda.pdf", tmp_path / "protocol.pdf"
    assert main(["--db", path, "print", "agenda", "--date", "19.03.2026", "-o", str(agenda)]) == 0
    assert (
        main(["--db", path, "print", "protocol", "--date", "19.03.2026", "-o", str(protocol)]) == 0
    )
    assert "Про затвердження плану благоустрою" in text_of(agenda.read_bytes())
    assert "ПРОТОКОЛ" in text_of(protocol.read_bytes())
    assert main(["--db", path, "print", "agenda", "--date", "20.03.2026", "-o", str(agenda)]) == 1
