"""The outgoing register through its services, on SQLite and PostgreSQL."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta

import pytest

from app.domain.correspondence import Addressee
from app.domain.deadlines import ControlState
from app.registers import INCOMING, OUTGOING
from app.registers.fields import FieldErrors
from app.services import control, documents, outgoing
from app.services.calendar import load_calendar
from app.services.details import get_document
from app.services.reference import save_staff
from app.services.register_view import RegisterView, ViewQuery
from tests import factories

OBLAST = Addressee("Хмельницька ОДА", "майдан Незалежності, 2, м. Хмельницький", "29000")
POLICE = Addressee("Шепетівське РУП", "вул. Героїв Небесної Сотні, 9, м. Шепетівка", "30400")


def _rows(db, register: str = "outgoing", **view):
    return RegisterView(db, ViewQuery(register=register, **view)).all_rows()


def test_outgoing_has_its_own_series(db):
    factories.incoming(db, date(2026, 3, 5))
    factories.incoming(db, date(2026, 3, 5))
    first = factories.outgoing(db, date(2026, 3, 5))
    second = factories.outgoing(db, date(2026, 3, 6), case_index="01-12")
    assert (first.seq, second.seq) == (1, 2)
    assert second.reg_number == "2/01-12"
    assert factories.incoming(db, date(2026, 3, 6)).seq == 3


def test_addressees_signatory_and_executor_are_stored_and_shown(db):
    people = factories.staff(db)
    save_staff(db, replace(people["melnyk"], phone="(03840) 4-12-34"))
    reg = factories.outgoing(
        db,
        date(2026, 3, 5),
        addressees=[OBLAST, POLICE],
        title="Про ремонт мосту",
        signatory="Бондар Віктор Петрович",
        lead_executor="мельник і. і.",
        copies=3,
    )
    detail = get_document(db, reg.id)
    assert detail.values["addressees"] == (OBLAST, POLICE)
    assert detail.values["signatory"] == "Бондар В. П."
    assert detail.values["lead_executor"] == "Мельник І. І."
    assert detail.values["executor_phone"] == "(03840) 4-12-34"  # from the staff list
    (row,) = _rows(db)
    assert row.correspondent_name == "Хмельницька ОДА; Шепетівське РУП"
    assert (row.title, row.signatory_name, row.copies) == ("Про ремонт мосту", "Бондар В. П.", 3)
    # Found by any addressee and by the title; the executor's department is the document's.
    assert [r.id for r in _rows(db, search="РУП")] == [reg.id]
    assert [r.id for r in _rows(db, search="мосту")] == [reg.id]
    dept = people["melnyk"].department_id
    assert [r.id for r in _rows(db, department_id=dept)] == [reg.id]


def test_a_name_not_on_the_staff_list_is_kept_as_typed(db):
    reg = factories.outgoing(db, date(2026, 3, 5), signatory="Петренко  П. П.")
    assert get_document(db, reg.id).values["signatory"] == "Петренко П. П."


def test_editing_addressees_replaces_them_in_order(db):
    reg = factories.outgoing(db, date(2026, 3, 5), addressees=[OBLAST, POLICE])
    five = [Addressee(f"Адресат {i}", postal_code="30400") for i in range(1, 6)]
    for items in ([POLICE], five, [OBLAST, POLICE]):
        detail = get_document(db, reg.id)
        values = OUTGOING.parse({**detail.values, "addressees": items})
        documents.update_document(db, OUTGOING, reg.id, values, detail.version)
        assert get_document(db, reg.id).values["addressees"] == tuple(items)


def test_addressees_from_text_and_their_checks():
    values = OUTGOING.parse(
        {"addressees": "Луцька РДА; Шепетівське РУП\nПрокуратура", "summary": "x"}
    )
    assert [a.name for a in values["addressees"]] == [
        "Луцька РДА",
        "Шепетівське РУП",
        "Прокуратура",
    ]
    with pytest.raises(FieldErrors) as info:
        OUTGOING.parse({"addressees": [Addressee("РДА", postal_code="3040")], "summary": "x"})
    assert "п'яти цифр" in info.value.by_key()["addressees"]
    with pytest.raises(FieldErrors) as info:
        OUTGOING.parse({"addressees": "", "summary": "x"})
    assert "Адресати" in info.value.by_key()["addressees"]


def _incoming_on_control(db, day: date, due: date) -> int:
    """An incoming document with Мельник as the lead executor, on control until `due`."""
    people = factories.staff(db)
    reg = factories.incoming(db, day)
    task = control.ResolutionInput((people["melnyk"].id,), "Підготувати відповідь", due)
    control.add_resolution(db, reg.id, task)
    control.put_on_control(db, reg.id, due)
    return reg.id


def test_an_answer_links_to_the_incoming_and_can_end_its_control(db):
    day = date.today() - timedelta(days=10)
    asked = _incoming_on_control(db, day, date.today() + timedelta(days=5))
    plain = factories.incoming(db, day, summary="Для відома")
    number = get_document(db, asked).reg_number
    open_ = outgoing.answered_controls(db, [number, plain.reg_number])
    assert [c.id for c in open_] == [asked]  # only the one on control is offered
    answer = factories.outgoing(
        db, date.today(), reply_to=f"{number}, {plain.reg_number}", close_controls=[asked]
    )
    detail = get_document(db, answer.id)
    assert detail.values["reply_to"] == (number, plain.reg_number)
    closed = get_document(db, asked)
    assert closed.done_date == date.today()
    assert closed.state is ControlState.DONE
    removal = closed.control_events[-1]
    assert (removal.kind, removal.basis) == (
        "remove",
        f"Вих. № {answer.reg_number} від {date.today():%d.%m.%Y}",
    )
    (row,) = _rows(db)
    assert row.reply_numbers == f"{number}, {plain.reg_number}"


def test_an_answer_without_the_choice_leaves_control_alone(db):
    asked = _incoming_on_control(db, date.today(), date.today() + timedelta(days=5))
    factories.outgoing(db, date.today(), reply_to=get_document(db, asked).reg_number)
    assert get_document(db, asked).state is not ControlState.DONE
    assert get_document(db, asked).done_date is None


def test_ending_control_of_a_document_not_answered_registers_nothing(db):
    asked = _incoming_on_control(db, date.today(), date.today() + timedelta(days=5))
    with pytest.raises(documents.DocumentError):
        factories.outgoing(db, date.today(), close_controls=[asked])
    assert _rows(db) == []
    assert factories.outgoing(db, date.today()).seq == 1  # no number was spent


def test_an_unknown_incoming_number_is_an_error_under_its_field(db):
    factories.incoming(db, date(2026, 3, 5))
    with pytest.raises(FieldErrors) as info:
        factories.outgoing(db, date(2026, 3, 6), reply_to="1, 999/01-12")
    assert "999/01-12" in info.value.by_key()["reply_to"]
    assert _rows(db) == []


def test_sending_checks_of_10_10(db):
    reg = factories.outgoing(db, date.today(), addressees=[Addressee("Луцька РДА")])
    problems = outgoing.sending_check(db, reg.id, "Пошта")
    assert "Не вказано, хто підписав документ (п. 10.10.2)" in problems
    assert "Немає заголовка документа (п. 10.10.3)" in problems
    assert any("Луцька РДА" in p and "індекс" in p for p in problems)
    assert "Не вказано телефон виконавця (п. 10.10.4)" in problems
    with pytest.raises(outgoing.SendingIncomplete) as info:
        outgoing.mark_sent(db, reg.id, date.today(), "Пошта")
    assert info.value.problems == tuple(problems)
    assert get_document(db, reg.id).values["sent_date"] is None
    version = outgoing.mark_sent(db, reg.id, date.today(), "Нарочно", send_anyway=True)
    detail = get_document(db, reg.id)
    assert (detail.values["sent_date"], detail.values["send_method"]) == (date.today(), "Нарочно")
    assert detail.version == version


def test_a_complete_document_is_sent_without_questions(db):
    factories.staff(db)
    reg = factories.outgoing(
        db,
        date.today(),
        addressees=[OBLAST],
        title="Про дороги",
        signatory="Бондар В. П.",
        lead_executor="Мельник І. І.",
        executor_phone="4-12-34",
    )
    assert outgoing.sending_check(db, reg.id, "Рекомендований лист") == []
    assert outgoing.sending_check(db, reg.id, "Електронна пошта") == [
        "Адресат «Хмельницька ОДА»: не вказано адресу електронної пошти (п. 10.10.3)"
    ]
    outgoing.mark_sent(db, reg.id, date.today(), "Рекомендований лист")
    with pytest.raises(documents.DocumentError, match="пізнішою"):
        outgoing.mark_sent(db, reg.id, date.today() + timedelta(days=1), "Пошта")


def test_incoming_documents_are_not_sent(db):
    reg = factories.incoming(db, date.today())
    with pytest.raises(documents.DocumentError, match="Вихідний документ не знайдено"):
        outgoing.mark_sent(db, reg.id, date.today(), "Пошта", send_anyway=True)


def test_sent_the_same_day_when_handed_in_before_four(db):
    calendar = load_calendar(db)
    thursday = date(2026, 11, 19)
    assert outgoing.default_sent_date(datetime(2026, 11, 19, 15, 59), calendar) == thursday
    assert outgoing.default_sent_date(datetime(2026, 11, 19, 16, 0), calendar) == date(2026, 11, 20)
    assert outgoing.default_sent_date(datetime(2026, 11, 20, 17, 0), calendar) == date(2026, 11, 23)
    assert outgoing.default_sent_date(datetime(2026, 11, 22, 10, 0), calendar) == date(2026, 11, 23)
    urgent = outgoing.default_sent_date(datetime(2026, 11, 20, 17, 0), calendar, urgent=True)
    assert urgent == date(2026, 11, 20)


def test_copies_and_sending_warnings():
    values = OUTGOING.parse(
        {"addressees": "А; Б; В", "summary": "x", "copies": "2", "sent_date": "01.11.2026"}
    )
    warnings = OUTGOING.registration_warnings(values)
    assert any("Примірників (2) менше, ніж адресатів (3)" in w for w in warnings)
    assert any(w.startswith("Перед відправленням не вистачає") for w in warnings)
    assert (
        INCOMING.registration_warnings(INCOMING.parse({"correspondent": "А", "summary": "x"})) == []
    )


def test_a_letter_is_not_sent_before_it_is_registered(db):
    with pytest.raises(FieldErrors) as info:
        factories.outgoing(db, date(2026, 3, 5), sent_date="04.03.2026")
    assert "раніше за дату реєстрації (05.03.2026)" in info.value.by_key()["sent_date"]
    assert _rows(db) == []
