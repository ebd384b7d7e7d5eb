"""The clerk's smaller points (issue 10), below the window: who is signed in as a staff member,
the audit trail in the clerk's words, a record opened by its code on the trail."""

from __future__ import annotations

from datetime import date

from app.domain import roles
from app.domain.roles import Actor
from app.services import audit
from app.services.audit import AuditQuery, details_text
from app.services.record_code import code_of, find_by_code
from app.services.reference import StaffInfo, save_staff, staff_of_user
from tests import factories


def _user(full_name: str) -> Actor:
    return Actor("clerk", frozenset({roles.CLERK}), full_name)


def test_the_signed_in_user_is_found_in_the_staff_list_by_name(db) -> None:
    people = factories.staff(db)
    for name in ("Коваль Олена Петрівна", "олена коваль", "Коваль О. П.", "КОВАЛЬ О.П."):
        found = staff_of_user(db, _user(name))
        assert found is not None and found.id == people["koval"].id, name
    assert staff_of_user(db, _user("")) is None  # login switched off: the OS user, no name
    assert staff_of_user(db, _user("Шевченко Тарас")) is None
    assert staff_of_user(db, Actor.system_user("admin")) is None


def test_two_people_of_one_name_are_nobody_chosen(db) -> None:
    factories.staff(db)
    save_staff(db, StaffInfo(None, "Коваль", "Оксана", "Павлівна", "f", "Спеціаліст"))
    assert staff_of_user(db, _user("Коваль О. П.")) is None  # Олена or Оксана: not guessed
    found = staff_of_user(db, _user("Коваль Оксана"))
    assert found is not None and found.given_name == "Оксана"


def test_the_trail_names_printouts_as_the_clerk_knows_them() -> None:
    assert details_text('{"що": "card_pdf"}') == "що: Реєстраційно-контрольна картка (РКК)"
    assert details_text('{"що": "stamp_pdf"}') == "що: Штамп реєстрації"
    assert details_text('{"що": "Журнал реєстрації"}') == "що: Журнал реєстрації"


def test_an_export_without_a_period_says_so_instead_of_semicolons() -> None:
    text = details_text('{"період": [null, null], "рядків": 3, "файл": "в.xlsx"}')
    assert text == "період: усі дати; рядків: 3; файл: в.xlsx"
    assert ";  ;" not in text and "період: ;" not in text
    assert details_text('{"період": ["01.03.2026", null]}') == "період: з 01.03.2026"
    assert details_text('{"період": [null, "31.03.2026"]}') == "період: по 31.03.2026"
    both = details_text('{"період": ["01.03.2026", "31.03.2026"]}')
    assert both == "період: з 01.03.2026 по 31.03.2026"


def test_a_record_opened_by_its_code_is_on_the_trail(db) -> None:
    letter = factories.incoming(db, date(2026, 3, 5))
    clerk = _user("Коваль Олена")
    before = audit.entries(db, "admin", AuditQuery(action=audit.OPEN))
    assert find_by_code(db, code_of(db, letter.id), clerk) is not None
    after = audit.entries(db, "admin", AuditQuery(action=audit.OPEN))
    assert len(after) == len(before) + 1
    entry = after[0]
    assert entry.login == "clerk" and entry.document_id == letter.id
    assert entry.action_title == "Відкриття картки"
    assert "за кодом (QR)" in entry.details_text
    assert find_by_code(db, "DLV-NOTHING", clerk) is None
    assert len(audit.entries(db, "admin", AuditQuery(action=audit.OPEN))) == len(after)
