"""A register of personal data: opening a card is audited, and a reader does not see it."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from app.domain import roles
from app.domain.roles import Actor, PermissionDenied
from app.registers import INCOMING
from app.registers.base import Column, RegisterSpec
from app.registers.fields import Field, FieldKind
from app.services import audit, documents
from app.services.audit import AuditQuery
from app.services.details import get_document
from app.services.register_view import RegisterView, ViewQuery

# A made-up register of citizens' appeals, declared the way a real one will be.
APPEALS = RegisterSpec(
    code="appeals",
    title="Звернення громадян",
    journal_title="Журнал реєстрації звернень громадян",
    number_label="№",
    number_setting="number_format.appeals",
    default_number_format="{n}",
    fields=(
        Field("correspondent", "Заявник", FieldKind.CORRESPONDENT, required=True),
        Field("summary", "Зміст", FieldKind.MULTILINE, required=True),
    ),
    columns=(
        Column("reg_number", "№", 80, sort="number"),
        Column("summary", "Зміст", 300),
    ),
    control=None,
    personal_data=True,
)
DAY = date.today() - timedelta(days=1)
CLERK = Actor("olena", frozenset({roles.CLERK}))
READER = Actor("ivan", frozenset({roles.READER}))
ADMIN = Actor("admin", frozenset({roles.ADMINISTRATOR}))


def _appeal(db):
    values = APPEALS.parse({"correspondent": "Петренко Марія Іванівна", "summary": "Про опалення"})
    return documents.register_document(db, APPEALS, values, reg_date=DAY, user=CLERK)


def _opened(db):
    return audit.entries(db, ADMIN, AuditQuery(action=audit.OPEN))


def test_opening_a_card_of_personal_data_is_recorded_with_user_register_and_number(db):
    reg = _appeal(db)
    assert _opened(db) == []  # registering is not opening
    detail = get_document(db, reg.id, spec=APPEALS, user=CLERK)
    assert detail.values["correspondent"] == "Петренко Марія Іванівна"
    (entry,) = _opened(db)
    assert (entry.login, entry.register, entry.reg_number) == ("olena", "appeals", reg.reg_number)
    assert entry.document_id == reg.id and entry.action_title == "Відкриття картки"


def test_a_reader_may_not_open_nor_list_personal_data_and_leaves_no_open_entry(db):
    reg = _appeal(db)
    with pytest.raises(PermissionDenied, match="переглядати реєстр «Звернення громадян»"):
        get_document(db, reg.id, spec=APPEALS, user=READER)
    with pytest.raises(PermissionDenied):
        RegisterView(db, ViewQuery(register="appeals"), user=READER)
    assert _opened(db) == []
    assert RegisterView(db, ViewQuery(register="appeals"), user=CLERK).count() == 1


def test_opening_a_card_of_correspondence_is_not_recorded(db):
    values = {"correspondent": "Луцька РДА", "summary": "Про дороги"}
    reg = documents.register_document(
        db, INCOMING, INCOMING.parse(values), reg_date=DAY, user=CLERK
    )
    get_document(db, reg.id, user=CLERK)
    assert _opened(db) == []
