"""HR reminders in the control centre: for a user with the personnel right, the reminders due
within a month (overdue first), apart from the documents' counts; nothing for anyone else."""

from __future__ import annotations

from datetime import date

import pytest

from app.domain import roles
from app.domain.roles import Actor
from app.services import personnel as hr
from app.services.control_centre import hr_reminders, overview
from tests.personnel.helpers import hire, new_file, office

ON = date(2025, 12, 1)


@pytest.fixture
def contract_ending(db):
    """Hired 10.03.2022 with earlier service from 2019; a contract to 31.01.2026, whose
    reminder (two months before its end, 26.4) fell due on 30.11.2025: overdue on 01.12."""
    office(db)
    staff_id = new_file(db)
    hire(db, staff_id, date(2022, 3, 10))
    hr.save_prior(db, staff_id, [hr.PriorPeriod(date(2019, 3, 20), date(2022, 3, 1), "ОДА")], "hr")
    hr.save_event(
        db,
        staff_id,
        hr.EventInput("contract", date(2025, 1, 1), date(2026, 1, 31), "вперше укладений"),
        "hr",
    )
    return staff_id


@pytest.mark.parametrize(
    "user",
    [
        Actor("clerk", frozenset({roles.CLERK})),
        Actor("reader", frozenset({roles.READER})),
        Actor("admin", frozenset({roles.ADMINISTRATOR})),
        Actor("starosta", frozenset({roles.STAROSTA}), district="ПР"),
    ],
    ids=lambda u: u.login,
)
def test_without_the_personnel_right_there_are_none(db, contract_ending, user):
    assert hr_reminders(db, ON, user=user) is None


@pytest.mark.parametrize(
    "user",
    [Actor("hr", frozenset({roles.HR})), Actor("both", frozenset({roles.HR, roles.CLERK})), ""],
    ids=["hr", "clerk+hr", "system"],
)
def test_hr_sees_the_due_reminders_with_their_state(db, contract_ending, user):
    found = hr_reminders(db, ON, user=user)
    assert found is not None
    contract = next(r for r in found.items if r.kind == "contract")
    assert (contract.staff_id, contract.name, contract.due) == (
        contract_ending,
        "Ткачук М. І.",
        date(2025, 11, 30),
    )
    assert contract.overdue and contract.state_label == "Прострочено"
    assert found.overdue == sum(1 for r in found.items if r.due < ON) >= 1
    assert [r.due for r in found.items] == sorted(r.due for r in found.items)  # soonest first
    # apart from the documents: the centre's counts hold none of them
    assert overview(db, ON, user=user).totals.overdue == 0
