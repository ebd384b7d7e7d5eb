"""Personnel files on both engines: one person with the staff list, the history keeping it
right, orders linked by number, the rules refusing what the law does not allow, reminders."""

from __future__ import annotations

from datetime import date

import pytest

from app.domain import personnel as rules
from app.domain.roles import HR, READER, Actor, PermissionDenied
from app.services import personnel as hr
from app.services.reference import get_staff, list_staff
from app.services.register_view import ViewQuery
from tests.personnel.helpers import hire, new_file, office, order


def test_a_new_file_is_a_person_of_the_staff_list_not_a_second_list(db):
    office(db)
    staff_id = new_file(db)
    people = [p.surname for p in list_staff(db)]
    assert people.count("Ткачук") == 1
    assert not get_staff(db, staff_id).active  # not in service before the appointment
    hire(db, staff_id, date(2025, 3, 3))
    person = get_staff(db, staff_id)
    assert person.active and person.position == "головний спеціаліст"
    rows = hr.PersonnelView(db, ViewQuery("personnel", search="ткачук"), "hr").all_rows()
    assert [(r.personnel_number, r.category, r.rank, r.state_label) for r in rows] == [
        ("101", 6, 13, "працює")
    ]
    # Every person of the staff list is in the register, a file or not yet.
    assert hr.PersonnelView(db, ViewQuery("personnel"), "hr").count() == 4


def test_the_history_links_each_entry_to_its_personnel_order(db):
    office(db)
    staff_id = new_file(db)
    hire(db, staff_id, date(2025, 3, 3))
    number = order(db, date(2025, 7, 1), "відпустка")
    hr.save_event(
        db, staff_id,
        hr.EventInput("vacation", date(2025, 7, 7), date(2025, 7, 30), "щорічна основна",
                      amount=24, order_number=number.split("-")[0], order_date=date(2025, 7, 1)),
        "hr",
    )  # fmt: skip
    entries = hr.history(db, staff_id, "hr")
    assert [e.kind for e in entries] == ["hire", "vacation"]
    assert entries[1].order_number == number and entries[1].order_id is not None
    with pytest.raises(rules.PersonnelError, match="№ 999"):
        hr.save_event(
            db, staff_id, hr.EventInput("trip", date(2025, 8, 1), order_number="999"), "hr"
        )


def test_dismissal_takes_the_person_off_the_executors_list_with_its_ground(db):
    office(db)
    staff_id = new_file(db)
    hire(db, staff_id, date(2024, 3, 1))
    hr.save_event(
        db, staff_id,
        hr.EventInput("dismissal", date(2025, 6, 30), detail="ст. 38 КЗпП (власне бажання)"),
        "hr",
    )  # fmt: skip
    assert not get_staff(db, staff_id).active
    row = hr.PersonnelView(db, ViewQuery("personnel", extra=(("active", "0"),)), "hr").all_rows()
    assert [r.state_label for r in row if r.id == staff_id] == ["звільнено 30.06.2025"]
    assert row[0].state_label != "Анульовано"


@pytest.mark.parametrize(
    ("event", "message"),
    [
        (
            hr.EventInput("probation", date(2025, 1, 1), date(2025, 5, 1), "до 3 місяців"),
            "3 місяців",
        ),
        (hr.EventInput("internship", date(2025, 1, 1), date(2025, 3, 15)), "2 місяців"),
        (hr.EventInput("transfer", date(2025, 1, 1), category=7, rank=5), "Ранг 5"),
        (hr.EventInput("contract", date(2025, 1, 1)), "дату закінчення"),
        (
            hr.EventInput("vacation", date(2025, 7, 1), date(2025, 7, 31), "щорічна основна"),
            "24",
        ),
    ],
)
def test_the_rules_refuse_what_the_law_does_not_allow(db, event, message):
    office(db)
    staff_id = new_file(db)
    with pytest.raises(rules.PersonnelError, match=message):
        hr.save_event(db, staff_id, event, "hr")


def test_only_hr_sees_files_and_every_opening_is_audited(db):
    from app.services import audit

    office(db)
    staff_id = new_file(db)
    reader = Actor("reader", frozenset({READER}))
    with pytest.raises(PermissionDenied):
        hr.card_values(db, staff_id, reader)
    with pytest.raises(PermissionDenied):
        hr.PersonnelView(db, ViewQuery("personnel"), Actor("clerk", frozenset({"clerk"})))
    officer = Actor("kadry", frozenset({HR}))
    assert hr.card_values(db, staff_id, officer)["personnel_number"] == "101"
    rows = audit.entries(db, "admin", audit.AuditQuery(limit=20))
    assert any(r.action == audit.OPEN and r.record_kind == "personnel" for r in rows)


def test_reminders_name_probation_contract_seniority_and_attestation(db):
    office(db)
    staff_id = new_file(db)
    hire(db, staff_id, date(2022, 3, 10))
    hr.save_prior(db, staff_id, [hr.PriorPeriod(date(2019, 3, 20), date(2022, 3, 1), "ОДА")], "hr")
    hr.save_event(
        db, staff_id,
        hr.EventInput("contract", date(2025, 1, 1), date(2026, 1, 31), "вперше укладений"),
        "hr",
    )  # fmt: skip
    found = hr.reminders(db, "hr", on=date(2025, 12, 1)).of(staff_id)
    kinds = {r.kind for r in found}
    assert {"contract", "seniority"} <= kinds, found
    contract = next(r for r in found if r.kind == "contract")
    assert contract.due == date(2025, 11, 30)  # 2 months before the end (26.4)
    assert all(r.name == "Ткачук М. І." for r in found)
    s = hr.seniority_of(db, staff_id, date(2025, 12, 1))
    assert s.years == 6 and s.next_threshold == 10
