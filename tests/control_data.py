"""A control data set whose every figure is known by heart (control centre, reports, reminders).

«Today» is Wednesday 18.03.2026; three working days ahead is Monday 23.03.2026. Two executors in
two departments (factories.staff): Мельник І. І. (Загальний відділ) and Коваль О. П.
(Управління праці). Numbers are the keys of `build`'s answer:

    no  executor  registered  term    done    what it is on 18.03
    1   Мельник   16.02       10.03   —       overdue
    2   Мельник   02.03       18.03   —       due today (and due soon)
    3   Мельник   02.03       23.03   —       due soon
    4   Мельник   02.03       15.04   —       on control
    5   Мельник   25.02       12.03   11.03   done on time this month
    6   Мельник   20.02       05.03   09.03   done late this month
    7   Мельник   02.02       10.02   09.02   done on time in February
    8   Мельник   16.02       02.03   —       cancelled (left out everywhere)
    9   Коваль    02.03       16.03   —       overdue
    10  Коваль    02.03       20.03   —       due soon
    11  Коваль    02.03       04.03   04.03   done on time this month
    12  —         02.03       13.03   —       overdue, nobody executes it
    13  —         02.03       —       —       not on control
    14  Коваль    02.02       20.02   04.03   done late this month (overdue in February)
"""

from __future__ import annotations

from datetime import date

from app.registers import DECISIONS, ORDERS
from app.services import control, documents
from app.services.reference import StaffInfo
from db.session import Database
from tests import factories

D = date
TODAY = D(2026, 3, 18)

# no: (executor key or None, registered, term or None, done or None)
PLAN: dict[int, tuple[str | None, date, date | None, date | None]] = {
    1: ("melnyk", D(2026, 2, 16), D(2026, 3, 10), None),
    2: ("melnyk", D(2026, 3, 2), D(2026, 3, 18), None),
    3: ("melnyk", D(2026, 3, 2), D(2026, 3, 23), None),
    4: ("melnyk", D(2026, 3, 2), D(2026, 4, 15), None),
    5: ("melnyk", D(2026, 2, 25), D(2026, 3, 12), D(2026, 3, 11)),
    6: ("melnyk", D(2026, 2, 20), D(2026, 3, 5), D(2026, 3, 9)),
    7: ("melnyk", D(2026, 2, 2), D(2026, 2, 10), D(2026, 2, 9)),
    8: ("melnyk", D(2026, 2, 16), D(2026, 3, 2), None),
    9: ("koval", D(2026, 3, 2), D(2026, 3, 16), None),
    10: ("koval", D(2026, 3, 2), D(2026, 3, 20), None),
    11: ("koval", D(2026, 3, 2), D(2026, 3, 4), D(2026, 3, 4)),
    12: (None, D(2026, 3, 2), D(2026, 3, 13), None),
    13: (None, D(2026, 3, 2), None, None),
    14: ("koval", D(2026, 2, 2), D(2026, 2, 20), D(2026, 3, 4)),
}


class Known:
    """What `build` made: document ids by number, the staff, the department ids."""

    def __init__(self, ids: dict[int, int], people: dict[str, StaffInfo]) -> None:
        self.ids = ids
        self.people = people
        self.number = {doc_id: no for no, doc_id in ids.items()}

    def numbers(self, doc_ids: object) -> list[int]:
        return [self.number[i] for i in doc_ids]  # type: ignore[attr-defined]

    def department(self, key: str) -> int:
        dept = self.people[key].department_id
        assert dept is not None
        return dept


def build(db: Database) -> Known:
    factories.organisation(db)
    people = factories.staff(db)
    ids: dict[int, int] = {}
    for no in sorted(PLAN, key=lambda n: (PLAN[n][1], n)):  # registered in date order
        executor, registered, term, done = PLAN[no]
        doc = factories.incoming(
            db, registered, summary=f"Документ {no}: про стан доріг", correspondent=f"Орган {no}"
        )
        ids[no] = doc.id
        if executor is not None:
            data = control.ResolutionInput((people[executor].id or 0,), resolution_date=registered)
            control.add_resolution(db, doc.id, data)
        if term is not None:
            assert control.put_on_control(db, doc.id, term=term, today=registered) == term
        if done is not None:
            control.remove_from_control(db, doc.id, "Лист про виконання", done, "Кравчук О. М.")
    documents.cancel_document(db, ids[8], "Зареєстровано помилково")
    return Known(ids, people)


RIGHTS_REGISTERED = D(2026, 3, 2)
RIGHTS_TERM = D(2026, 3, 10)
APPEAL_SUMMARY = "Про борг за квартиру Петренко Г."


def five_registers(db: Database) -> dict[int, str]:
    """Five documents overdue on 18.03.2026 (terms 10.03, the appeal's 17.03), of four
    registers and both series of orders, each with a lead executor: {id: "incoming",
    "appeals", "orders/main", "orders/personnel", "decisions"} (the rights tests)."""
    factories.organisation(db)
    people = factories.staff(db)
    melnyk = people["melnyk"].id or 0
    made = {
        "incoming": factories.incoming(db, RIGHTS_REGISTERED, summary="Про ремонт доріг"),
        # on control at registration: 15 days with no extra study, so the term is 17.03
        "appeals": factories.appeal(db, RIGHTS_REGISTERED, summary=APPEAL_SUMMARY, urgent=True),
    }
    for series in ("main", "personnel"):
        values = ORDERS.parse({"series": series, "title": f"Про заходи ({series})"})
        made[f"orders/{series}"] = documents.register_document(
            db, ORDERS, values, reg_date=RIGHTS_REGISTERED
        )
    values = DECISIONS.parse({"title": "Про благоустрій"})
    made["decisions"] = documents.register_document(
        db, DECISIONS, values, reg_date=RIGHTS_REGISTERED
    )
    ids = {key: doc.id for key, doc in made.items()}
    for doc_id in ids.values():
        data = control.ResolutionInput((melnyk,), resolution_date=RIGHTS_REGISTERED)
        control.add_resolution(db, doc_id, data)
        if doc_id != made["appeals"].id:
            control.put_on_control(db, doc_id, term=RIGHTS_TERM, today=RIGHTS_REGISTERED)
    return {doc_id: key for key, doc_id in ids.items()}
