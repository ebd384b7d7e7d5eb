"""The schedule of personal reception (ст. 22 ЗУ «Про звернення громадян», regulation 31.5): a
short list kept as data, printed for publication, the officials offered on the appeal's card."""

from __future__ import annotations

from datetime import date

import pytest
from pypdf import PdfReader

from app.domain import roles
from app.domain.roles import Actor, PermissionDenied
from app.services.reception import (
    ReceptionError,
    ReceptionLine,
    list_schedule,
    reception_staff_ids,
    save_line,
    schedule_report,
)
from app.services.report_files import write_report
from tests import factories

CLERK = Actor("clerk", frozenset({roles.CLERK}))


def test_the_schedule_is_kept_in_order_and_printed_for_publication(db, tmp_path):
    people = factories.staff(db)
    mayor, koval = people["mayor"], people["koval"]
    second = save_line(db, ReceptionLine(None, koval.id, "Заступник міського голови",
                                         "щосереди 14:00–17:00", "каб. 21", order=2))  # fmt: skip
    save_line(db, ReceptionLine(None, mayor.id, "Міський голова", "перший понеділок місяця "
                                "10:00–13:00", "каб. 1 (приймальня)", order=1))  # fmt: skip
    lines = list_schedule(db)
    assert [line.official for line in lines] == [
        "Бондар Віктор Петрович",
        "Коваль Олена Петрівна",
    ]
    assert reception_staff_ids(db) == [mayor.id, koval.id]
    save_line(db, ReceptionLine(**{**second.__dict__, "active": False}))
    assert reception_staff_ids(db) == [mayor.id]
    table = schedule_report(db, "", date(2026, 3, 2))
    assert table.period.text == "станом на 02.03.2026"
    assert [list(r) for r in table.rows] == [
        [1, "Міський голова", "Бондар Віктор Петрович",
         "перший понеділок місяця 10:00–13:00", "каб. 1 (приймальня)"],
    ]  # fmt: skip
    write_report(table, tmp_path / "g.pdf", "Шепетівська міська рада")
    text = PdfReader(tmp_path / "g.pdf").pages[0].extract_text()
    assert "Графік особистого прийому громадян" in text
    assert "Бондар Віктор Петрович" in text and "статті 22" in text


def test_a_line_needs_a_person_a_post_and_days(db):
    people = factories.staff(db)
    with pytest.raises(ReceptionError, match="посадову особу"):
        save_line(db, ReceptionLine(None, None, "Міський голова", "щопонеділка"))
    with pytest.raises(ReceptionError, match="дні та години"):
        save_line(db, ReceptionLine(None, people["mayor"].id, "Міський голова", "  "))
    assert list_schedule(db) == []


def test_only_who_edits_the_reference_lists_changes_the_schedule(db):
    people = factories.staff(db)
    with pytest.raises(PermissionDenied):
        save_line(db, ReceptionLine(None, people["mayor"].id, "Міський голова", "щопонеділка"),
                  CLERK)  # fmt: skip
