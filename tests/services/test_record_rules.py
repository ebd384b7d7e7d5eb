"""Rules that keep registered records honest, on both engines (found in review)."""

from __future__ import annotations

import threading
import time
from datetime import date, timedelta

import pytest

from app.domain.deadlines import ControlState
from app.registers import INCOMING
from app.registers.fields import FieldErrors
from app.services import control, documents, overdue
from app.services.details import get_document
from app.services.register_view import RegisterView, ViewQuery
from tests import factories


def test_two_clerks_saving_the_same_version_one_is_refused(db, monkeypatch):
    reg = factories.incoming(db, date(2026, 3, 2))
    version = get_document(db, reg.id).version
    original = documents._apply_values
    outcomes: list[str] = []
    first_inside = threading.Event()

    def slow_apply(*args, **kwargs):
        original(*args, **kwargs)
        if not first_inside.is_set():  # the first save holds its transaction open a moment
            first_inside.set()
            time.sleep(0.3)

    monkeypatch.setattr(documents, "_apply_values", slow_apply)

    def save(text: str) -> None:
        try:
            documents.update_document(db, INCOMING, reg.id, {"summary": text}, version)
            outcomes.append("saved")
        except documents.ConflictError:
            outcomes.append("conflict")

    first = threading.Thread(target=save, args=("Правка 1",))
    second = threading.Thread(target=save, args=("Правка 2",))
    first.start()
    assert first_inside.wait(timeout=10)  # the second save starts only once the first is in
    second.start()
    first.join()
    second.join()
    assert sorted(outcomes) == ["conflict", "saved"]
    assert get_document(db, reg.id).values["summary"] == "Правка 1"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2/01-12", ["2/01-12"]),
        ("2/01", ["2/01-12"]),
        ("3/05", ["3/05-01"]),
        ("01-12", ["1/01-12", "2/01-12"]),
    ],
)
def test_search_by_registration_number(db, text, expected):
    factories.incoming(db, date(2026, 3, 2), case_index="01-12")
    factories.incoming(db, date(2026, 3, 2), case_index="01-12")
    factories.incoming(db, date(2026, 3, 2), case_index="05-01")
    view = RegisterView(db, ViewQuery("incoming", search=text, sort="number", descending=False))
    assert [r.reg_number for r in view.page(0, 10)] == expected


def test_cancelled_document_leaves_control(db):
    reg = factories.incoming(db, date(2026, 1, 5))
    control.put_on_control(db, reg.id, term=date(2026, 2, 10))
    today = date(2026, 3, 9)
    assert overdue.scan(db, today=today).overdue == 1
    documents.cancel_document(db, reg.id, "Зареєстровано помилково (дублікат № 7)")
    assert overdue.scan(db, today=today).overdue == 0
    assert RegisterView(db, ViewQuery("incoming", state="overdue"), today=today).count() == 0
    detail = get_document(db, reg.id, today=today)
    assert detail.cancelled and detail.state == ControlState.NONE
    assert detail.control_events[-1].kind == "cancel"


def test_registration_date_in_the_future_is_refused(db):
    values = INCOMING.parse({"correspondent": "Луцька міська рада", "summary": "Про щось"})
    with pytest.raises(FieldErrors) as info:
        documents.register_document(db, INCOMING, values, reg_date=date.today() + timedelta(days=1))
    assert "reg_date" in info.value.by_key()
    assert RegisterView(db, ViewQuery("incoming")).count() == 0


def test_removal_date_must_lie_between_control_and_today(db):
    reg = factories.incoming(db, date(2026, 3, 2))
    control.put_on_control(db, reg.id, today=date(2026, 3, 10))
    with pytest.raises(control.ControlError, match="раніша"):
        control.remove_from_control(db, reg.id, "Лист № 5", date(2026, 3, 5), "Кравчук О.")
    with pytest.raises(control.ControlError, match="майбутн"):
        control.remove_from_control(
            db, reg.id, "Лист № 5", date.today() + timedelta(days=3), "Кравчук О."
        )
    control.remove_from_control(db, reg.id, "Лист № 5", date(2026, 3, 12), "Кравчук О.")


def test_a_detailing_resolution_does_not_move_the_control_term(db):
    people = factories.staff(db)
    reg = factories.incoming(db, date(2026, 3, 2))
    main = control.add_resolution(
        db, reg.id, control.ResolutionInput((people["koval"].id,), term=date(2026, 3, 20))
    )
    assert control.put_on_control(db, reg.id) == date(2026, 3, 20)
    control.add_resolution(
        db,
        reg.id,
        control.ResolutionInput((people["melnyk"].id,), term=date(2026, 3, 13), parent_id=main),
    )
    detail = get_document(db, reg.id)
    assert detail.due_date == date(2026, 3, 20)
    assert detail.lead_executor == "Коваль О. П."


def test_case_index_in_the_number_cannot_change_after_registration(db):
    reg = factories.incoming(db, date(2026, 3, 2), case_index="01-12")
    detail = get_document(db, reg.id)
    with pytest.raises(FieldErrors) as info:
        documents.update_document(db, INCOMING, reg.id, {"case_index": "02-05"}, detail.version)
    assert "case_index" in info.value.by_key()
    assert get_document(db, reg.id).reg_number == "1/01-12"


def test_the_same_new_correspondent_typed_at_once_is_stored_once(db):
    from sqlalchemy import func, select

    from db.models import Correspondent

    def register() -> None:
        factories.incoming(db, date(2026, 3, 2), correspondent="ТОВ «Нове підприємство»")

    threads = [threading.Thread(target=register) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    with db.read() as s:
        count = s.execute(select(func.count()).select_from(Correspondent)).scalar_one()
    assert count == 1


def test_a_term_before_registration_is_refused(db):
    people = factories.staff(db)
    reg = factories.incoming(db, date(2026, 3, 10))
    with pytest.raises(control.ControlError, match="раніш"):
        control.add_resolution(
            db, reg.id, control.ResolutionInput((people["koval"].id,), term=date(2026, 3, 6))
        )
    with pytest.raises(control.ControlError, match="раніш"):
        control.put_on_control(db, reg.id, term=date(2026, 3, 6))


def test_going_on_control_after_a_detailing_resolution_takes_the_main_term(db):
    from app.services.dialog_support import term_preview

    people = factories.staff(db)
    reg = factories.incoming(db, date(2026, 3, 2))
    main = control.add_resolution(
        db, reg.id, control.ResolutionInput((people["koval"].id,), term=date(2026, 3, 31))
    )
    control.add_resolution(
        db,
        reg.id,
        control.ResolutionInput((people["melnyk"].id,), term=date(2026, 3, 13), parent_id=main),
    )
    preview = term_preview(db, get_document(db, reg.id), None)
    assert control.put_on_control(db, reg.id) == date(2026, 3, 31) == preview.term


def test_a_resolution_dated_before_registration_or_in_the_future_is_refused(db):
    people = factories.staff(db)
    reg = factories.incoming(db, date(2026, 3, 10))
    for day in (date(2026, 3, 9), date.today() + timedelta(days=2)):
        with pytest.raises(control.ControlError, match="Дата резолюції"):
            control.add_resolution(
                db, reg.id, control.ResolutionInput((people["koval"].id,), resolution_date=day)
            )


def test_a_case_index_can_be_added_when_the_number_has_none(db):
    reg = factories.incoming(db, date(2026, 3, 2))
    assert reg.reg_number == "1"
    version = get_document(db, reg.id).version
    documents.update_document(db, INCOMING, reg.id, {"case_index": "01-12"}, version)
    detail = get_document(db, reg.id)
    assert detail.values["case_index"] == "01-12" and detail.reg_number == "1"
