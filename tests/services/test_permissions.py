"""The service layer refuses what a role may not do, whatever the window shows."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from app.domain import roles
from app.domain.roles import Actor, PermissionDenied
from app.registers import INCOMING, OUTGOING
from app.services import backup, calendar, control, documents, outgoing, printouts, settings
from app.services.details import get_document
from app.services.exports import export_view
from app.services.reference import (
    CorrespondentInfo,
    DepartmentInfo,
    save_correspondent,
    save_department,
)
from app.services.register_view import RegisterView, ViewQuery
from tests import factories

DAY = date.today() - timedelta(days=3)
CLERK = Actor("clerk", frozenset({roles.CLERK}))
HR = Actor("hr", frozenset({roles.HR}))
READER = Actor("reader", frozenset({roles.READER}))
ADMIN = Actor("admin", frozenset({roles.ADMINISTRATOR}))


def register(db, user):
    values = INCOMING.parse({"correspondent": "Луцька РДА", "summary": "Про дороги"})
    return documents.register_many(db, INCOMING, [documents.Registration(values, DAY)], user)[0]


@pytest.mark.parametrize("who", [READER, HR, ADMIN])
def test_only_a_clerk_registers_correspondence(db, who):
    with pytest.raises(PermissionDenied, match="Недостатньо прав"):
        register(db, who)
    assert register(db, CLERK).seq == 1  # the refused attempts used no number


@pytest.mark.parametrize("who", [READER, HR])
def test_who_may_not_write_cannot_change_cancel_or_control(db, who):
    reg = register(db, CLERK)
    values = INCOMING.parse({"correspondent": "Луцька РДА", "summary": "Інше"})
    with pytest.raises(PermissionDenied):
        documents.update_document(db, INCOMING, reg.id, values, 1, user=who)
    with pytest.raises(PermissionDenied):
        documents.cancel_document(db, reg.id, "помилка", user=who)
    with pytest.raises(PermissionDenied):
        control.put_on_control(db, reg.id, user=who)
    assert documents.update_document(db, INCOMING, reg.id, values, 1, user=CLERK) == 2
    control.put_on_control(db, reg.id, user=CLERK)
    with pytest.raises(PermissionDenied):
        control.remove_from_control(db, reg.id, "Лист № 5", date.today(), "Кравчук", user=who)
    with pytest.raises(PermissionDenied):
        control.extend_term(db, reg.id, date.today() + timedelta(days=60), "прохання", user=who)


def test_hr_cannot_send_outgoing_mail(db):
    reg = factories.outgoing(db, DAY)
    with pytest.raises(PermissionDenied):
        outgoing.mark_sent(db, reg.id, date.today(), "Пошта", send_anyway=True, user=HR)
    assert outgoing.mark_sent(db, reg.id, date.today(), "Пошта", send_anyway=True, user=CLERK)


def test_a_reader_may_export_and_print_but_hr_may_not_see_correspondence(db, tmp_path):
    factories.organisation(db)
    reg = register(db, CLERK)
    view = ViewQuery(register="incoming")
    assert export_view(db, INCOMING, view, tmp_path / "r.csv", user=READER) == 1
    assert printouts.print_document(db, "card_pdf", reg.id, user=READER).startswith(b"%PDF")
    with pytest.raises(PermissionDenied):
        export_view(db, INCOMING, view, tmp_path / "h.csv", user=HR)
    assert not (tmp_path / "h.csv").exists()
    with pytest.raises(PermissionDenied):
        printouts.print_document(db, "card_pdf", reg.id, user=HR)
    with pytest.raises(PermissionDenied):
        printouts.journal_pdf(db, OUTGOING, DAY, date.today(), user=HR)


def test_reference_data_belongs_to_the_administrator_correspondents_to_clerks(db):
    department = DepartmentInfo(None, "Загальний відділ", "01-12")
    with pytest.raises(PermissionDenied):
        save_department(db, department, user=CLERK)
    assert save_department(db, department, user=ADMIN).id is not None
    person = CorrespondentInfo(None, "Луцька РДА", "вул. Шопена, 1")
    with pytest.raises(PermissionDenied):
        save_correspondent(db, person, user=READER)
    assert save_correspondent(db, person, user=CLERK).id is not None


@pytest.mark.parametrize("who", [READER, CLERK])
def test_only_the_administrator_changes_the_calendar(db, who):
    day = date(2026, 12, 31)
    with pytest.raises(PermissionDenied, match="робочий календар"):
        calendar.set_override(db, day, working=False, note="Вихідний", user=who)
    with pytest.raises(PermissionDenied):
        calendar.set_martial_law_end(db, date(2026, 6, 1), user=who)
    calendar.set_override(db, day, working=False, note="Вихідний", user=ADMIN)
    with pytest.raises(PermissionDenied):
        calendar.remove_override(db, day, user=who)
    assert [d.day for d in calendar.list_overrides(db)] == [day]  # nothing refused was done
    assert calendar.load_calendar(db).martial_law_end is None
    calendar.set_martial_law_end(db, date(2026, 6, 1), user=ADMIN)
    calendar.remove_override(db, day, user=ADMIN)
    assert calendar.list_overrides(db) == []
    assert calendar.load_calendar(db).martial_law_end == date(2026, 6, 1)


@pytest.mark.parametrize("who", [READER, CLERK])
def test_only_the_administrator_changes_the_settings(db, tmp_path, who):
    with pytest.raises(PermissionDenied, match="налаштування"):
        settings.set_number_format(db, INCOMING, "{n}-вх", user=who)
    with pytest.raises(PermissionDenied):
        settings.save_print_settings(db, settings.PrintSettings(5.0, 0.0, "label"), user=who)
    with pytest.raises(PermissionDenied):
        settings.set_setting(db, settings.TIMER_MINUTES, "1", user=who)
    chosen = backup.BackupSettings(tmp_path, keep=3)
    with pytest.raises(PermissionDenied):
        backup.save_backup_settings(db, chosen, user=who)
    assert settings.number_format(db, INCOMING) == INCOMING.default_number_format
    assert settings.print_settings(db) == settings.PrintSettings()
    assert settings.timer_minutes(db) == 5
    assert backup.backup_settings(db).keep != 3
    settings.set_number_format(db, INCOMING, "{n}-вх", user=ADMIN)
    settings.save_print_settings(db, settings.PrintSettings(5.0, 0.0, "label"), user=ADMIN)
    settings.set_setting(db, settings.TIMER_MINUTES, "1", user=ADMIN)
    backup.save_backup_settings(db, chosen, user=ADMIN)
    assert settings.number_format(db, INCOMING) == "{n}-вх"
    assert settings.print_settings(db).stamp_mode == "label"
    assert settings.timer_minutes(db) == 1
    assert backup.backup_settings(db).keep == 3


def test_who_may_not_read_a_register_sees_neither_its_table_nor_a_card(db):
    reg = register(db, CLERK)
    view = ViewQuery(register="incoming")
    for who in (HR, ADMIN):
        with pytest.raises(PermissionDenied, match="переглядати реєстр «Вхідні»"):
            RegisterView(db, view, user=who)
        with pytest.raises(PermissionDenied):
            get_document(db, reg.id, user=who)
    assert RegisterView(db, view, user=READER).count() == 1
    assert get_document(db, reg.id, user=READER).reg_number == reg.reg_number
