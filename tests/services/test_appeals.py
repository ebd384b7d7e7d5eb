"""Citizens' appeals and information requests: registered with their own series, on control
from registration with the law's term, extended within the law's ceiling, repeats found,
results ending control, authors kept out of the correspondents' list, opening audited."""

from __future__ import annotations

from datetime import date

import pytest

from app.domain import roles
from app.domain.roles import Actor, PermissionDenied
from app.registers import APPEALS, INFO_REQUESTS
from app.registers.fields import FieldErrors
from app.services import audit, control, documents
from app.services.details import get_document
from app.services.reference import all_correspondent_names

CLERK = Actor("clerk", frozenset({roles.CLERK}))
READER = Actor("reader", frozenset({roles.READER}))
HR = Actor("hr", frozenset({roles.HR}))

PETRENKO = {
    "surname": "Петренко",
    "given_name": "Ганна",
    "patronymic": "Іванівна",
    "address": "вул. Шевченка, 5, кв. 3",
    "category": "Учасник бойових дій",
}


def appeal_values(**extra):
    raw = {
        "applicants": [PETRENKO],
        "received_way": "Поштою (електронною поштою)",
        "sign": "Первинне",
        "appeal_type": "Заява (клопотання)",
        "subject": "Індивідуальне",
        "form": "Лист",
        "summary": "Про ремонт даху будинку",
        "topics": [{"topic": "Житлова політика"}],
        **extra,
    }
    return APPEALS.parse(raw)


def register_appeal(db, day: date, user: str | Actor = "", **extra):
    return documents.register_document(db, APPEALS, appeal_values(**extra), reg_date=day, user=user)


def test_an_appeal_goes_on_control_for_a_month_and_its_author_stays_private(db):
    done = register_appeal(db, date(2026, 1, 31))
    doc = get_document(db, done.id)
    assert doc.reg_number == "1"
    assert doc.on_control
    # 31.01 + 1 month = 28.02.2026, a Saturday: the preceding working day, Friday 27.02.
    assert doc.due_date == date(2026, 2, 27)
    assert "Петренко" not in all_correspondent_names(db)
    assert doc.values["applicants"][0]["surname"] == "Петренко"


def test_no_additional_study_gives_fifteen_days(db):
    done = register_appeal(db, date(2026, 3, 2), urgent=True)
    assert get_document(db, done.id).due_date == date(2026, 3, 17)


def test_extension_is_refused_beyond_45_days(db):
    done = register_appeal(db, date(2026, 3, 2))
    with pytest.raises(control.ControlError, match="45 днів"):
        control.extend_term(db, done.id, date(2026, 4, 20), "проміжна відповідь")
    assert control.extend_term(db, done.id, date(2026, 4, 16), "проміжна відповідь") == date(
        2026, 4, 16
    )


def test_a_classifier_value_not_in_the_list_is_refused(db):
    with pytest.raises(FieldErrors, match="немає в класифікаторі"):
        register_appeal(db, date(2026, 3, 2), appeal_type="Донос")


def test_an_earlier_appeal_of_the_author_on_the_topic_is_found(db):
    first = register_appeal(db, date(2026, 2, 2))
    register_appeal(db, date(2026, 2, 3), topics=[{"topic": "Охорона здоров'я"}])
    second = register_appeal(db, date(2026, 3, 2), sign="Повторне")
    doc = get_document(db, second.id)
    assert doc.values["earlier_found"] == f"{first.reg_number} від 02.02.2026"


def test_the_result_ends_control(db):
    done = register_appeal(db, date(2026, 3, 2))
    doc = get_document(db, done.id)
    values = dict(doc.values)
    values.update(result="Дано роз'яснення", result_date=date(2026, 3, 20))
    documents.update_document(db, APPEALS, done.id, APPEALS.parse(values), doc.version)
    after = get_document(db, done.id)
    assert after.done_date == date(2026, 3, 20)


def test_appeals_are_role_limited_and_opening_is_audited(db):
    with pytest.raises(PermissionDenied):
        register_appeal(db, date(2026, 3, 2), user=HR)
    done = register_appeal(db, date(2026, 3, 2), user=CLERK)
    assert not READER.can_read("appeals") and not READER.can_read("info_requests")
    assert audit.record_open(db, CLERK, APPEALS, done.id)


def request_values(**extra):
    raw = {
        "requester": "ГО «Прозорість»",
        "received_way": "Електронною поштою",
        "summary": "Копії рішень виконкому за березень",
        **extra,
    }
    return INFO_REQUESTS.parse(raw)


def test_a_request_has_five_working_days_and_twenty_at_most(db):
    # Friday 06.03.2026 + 5 working days = Friday 13.03.2026.
    done = documents.register_document(
        db, INFO_REQUESTS, request_values(), reg_date=date(2026, 3, 6)
    )
    doc = get_document(db, done.id)
    assert doc.due_date == date(2026, 3, 13)
    with pytest.raises(control.ControlError, match="20 робочих днів"):
        control.extend_term(db, done.id, date(2026, 4, 10), "великий обсяг")
    control.extend_term(db, done.id, date(2026, 4, 3), "великий обсяг")


def test_an_urgent_request_has_48_hours(db):
    done = documents.register_document(
        db, INFO_REQUESTS, request_values(urgent=True), reg_date=date(2026, 3, 4)
    )
    assert get_document(db, done.id).due_date == date(2026, 3, 6)


def test_copies_beyond_ten_pages_cost(db):
    done = documents.register_document(
        db, INFO_REQUESTS, request_values(pages=15), reg_date=date(2026, 3, 4)
    )
    # 5 pages × 0.2 % of 3328 грн, the subsistence minimum of 2026 (6,66 грн a page).
    assert get_document(db, done.id).values["copy_cost"] == "33,30 грн"


def test_the_subsistence_minimum_is_a_setting(db):
    from app.services.settings import set_setting

    set_setting(db, "info_requests.subsistence_minimum", "3028")
    done = documents.register_document(
        db, INFO_REQUESTS, request_values(pages=11), reg_date=date(2025, 3, 4)
    )
    # 0.2 % of 3028 грн (2025) = 6,06 грн.
    assert get_document(db, done.id).values["copy_cost"] == "6,06 грн"


def test_the_repeat_check_before_registering_shows_the_earlier_appeal(db):
    from app.services.duplicates import find_duplicates

    first = register_appeal(db, date(2026, 2, 2))
    found = find_duplicates(db, "appeals", appeal_values(), date(2026, 3, 2))
    assert [d.reg_number for d in found] == [first.reg_number]
    assert "той самий автор" in found[0].reason
    other = appeal_values(applicants=[{**PETRENKO, "surname": "Коваленко"}])
    assert find_duplicates(db, "appeals", other, date(2026, 3, 2)) == []


def test_an_extended_request_shows_the_notice_still_due_at_once(db):
    done = documents.register_document(
        db, INFO_REQUESTS, request_values(), reg_date=date(2026, 3, 2)
    )
    control.extend_term(db, done.id, date(2026, 3, 20), "великий обсяг", today=date(2026, 3, 4))
    doc = get_document(db, done.id)
    assert doc.values["notice_state"].startswith("повідомлення не надіслано")
    values = dict(doc.values, notice_date=date(2026, 3, 4))
    documents.update_document(db, INFO_REQUESTS, done.id, INFO_REQUESTS.parse(values), doc.version)
    assert get_document(db, done.id).values["notice_state"] == "повідомлено 04.03.2026"


def test_an_extended_appeal_keeps_its_extended_term(db):
    done = register_appeal(db, date(2026, 3, 2))
    control.extend_term(db, done.id, date(2026, 4, 15), "проміжна відповідь")
    doc = get_document(db, done.id)
    assert doc.due_date == date(2026, 4, 15)
    documents.update_document(db, APPEALS, done.id, APPEALS.parse(dict(doc.values)), doc.version)
    assert get_document(db, done.id).due_date == date(2026, 4, 15)
