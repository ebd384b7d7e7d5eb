"""The incoming register through its services, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date

import pytest

from app.domain.deadlines import ControlState
from app.registers import INCOMING
from app.registers.fields import FieldErrors
from app.services import control, documents, overdue, settings
from app.services.details import get_document
from app.services.register_view import RegisterView, ViewQuery
from tests import factories


def test_numbers_run_within_the_year_and_restart_on_january_first(db):
    first = factories.incoming(db, date(2025, 12, 30))
    second = factories.incoming(db, date(2025, 12, 31))
    new_year = factories.incoming(db, date(2026, 1, 2))
    assert (first.seq, second.seq, new_year.seq) == (1, 2, 1)
    assert new_year.reg_number == "1"


def test_number_format_setting_and_case_index(db):
    settings.set_number_format(db, INCOMING, "{index}/{n}")
    reg = factories.incoming(db, date(2026, 3, 5), case_index="01-12")
    assert reg.reg_number == "01-12/1"
    settings.set_number_format(db, INCOMING, "{n}/{index}")
    assert factories.incoming(db, date(2026, 3, 5), case_index="01-12").reg_number == "2/01-12"


def test_a_failed_registration_spends_no_number(db, monkeypatch):
    factories.incoming(db, date(2026, 3, 5))
    with pytest.raises(FieldErrors):
        factories.incoming(db, date(2026, 3, 5), summary="")
    assert factories.incoming(db, date(2026, 3, 5)).seq == 2


def test_form_errors_name_each_field():
    with pytest.raises(FieldErrors) as info:
        INCOMING.parse(
            {"correspondent": "", "summary": "x", "ext_date": "31.02.2026", "sheets": "abc"}
        )
    errors = info.value.by_key()
    assert set(errors) == {"correspondent", "ext_date", "sheets"}
    assert "31.02.2026" in errors["ext_date"]


def test_warning_for_kinds_regulation_does_not_register():
    values = INCOMING.parse({"correspondent": "ТОВ «Реклама»", "summary": "Запрошення на виставку"})
    assert any("9.2" in w for w in INCOMING.registration_warnings(values))


def test_resolution_control_extension_and_removal(db):
    people = factories.staff(db)
    reg = factories.incoming(db, date(2026, 3, 5))
    control.add_resolution(
        db,
        reg.id,
        control.ResolutionInput(
            executor_ids=(people["koval"].id, people["melnyk"].id),
            task="Розглянути та надати відповідь",
            author_id=people["mayor"].id,
            resolution_date=date(2026, 3, 5),
        ),
    )
    due = control.put_on_control(db, reg.id, today=date(2026, 3, 5))
    assert due == date(2026, 4, 3)  # 30 days = Saturday 04.04 → Friday 03.04
    with pytest.raises(control.ControlError):
        control.extend_term(db, reg.id, date(2026, 4, 20), reason="  ")
    control.extend_term(db, reg.id, date(2026, 4, 20), reason="Потрібен висновок юриста")
    control.add_progress(db, reg.id, "Направлено запит до управління")
    with pytest.raises(control.ControlError):
        control.remove_from_control(db, reg.id, basis="", done_date=date(2026, 4, 10), person="x")
    control.remove_from_control(
        db,
        reg.id,
        basis="Лист від 10.04.2026 № 45/01-12",
        done_date=date(2026, 4, 10),
        person="Кравчук О.",
    )
    detail = get_document(db, reg.id, today=date(2026, 4, 11))
    assert detail.lead_executor == "Коваль О. П."
    assert detail.state == ControlState.DONE
    assert [e.kind for e in detail.control_events] == ["set", "extend", "progress", "remove"]
    assert detail.control_events[1].old_term == date(2026, 4, 3)
    assert detail.resolutions[0].executors[0].dative == "Коваль О. П."
    assert detail.resolutions[0].executors[1].dative == "Мельнику І. І."


def test_urgent_term_is_seven_working_days(db):
    reg = factories.incoming(db, date(2026, 3, 5), urgent="так")
    assert control.put_on_control(db, reg.id) == date(2026, 3, 16)


def test_overdue_scan_and_state_filters(db):
    people = factories.staff(db)
    late = factories.incoming(db, date(2026, 1, 5), summary="Про стан доріг")
    soon = factories.incoming(db, date(2026, 2, 20), summary="Про освітлення")
    factories.incoming(db, date(2026, 3, 2), summary="Не на контролі")
    for reg in (late, soon):
        control.add_resolution(db, reg.id, control.ResolutionInput((people["melnyk"].id,)))
    control.put_on_control(db, late.id, term=date(2026, 2, 10))
    control.put_on_control(db, soon.id, term=date(2026, 3, 11))
    today = date(2026, 3, 9)
    summary = overdue.scan(db, today=today, since=date(2026, 2, 1))
    assert (summary.overdue, summary.due_today, summary.due_soon) == (1, 0, 1)
    assert [n.id for n in summary.newly_overdue] == [late.id]
    view = RegisterView(db, ViewQuery("incoming", state="overdue"), today=today)
    assert [r.id for r in view.page(0, 50)] == [late.id]
    assert view.page(0, 50)[0].state == ControlState.OVERDUE
    due_soon = RegisterView(db, ViewQuery("incoming", state="due_soon"), today=today)
    assert [r.id for r in due_soon.page(0, 50)] == [soon.id]
    by_exec = RegisterView(db, ViewQuery("incoming", executor_id=people["melnyk"].id), today=today)
    assert by_exec.count() == 2


def test_full_text_search_ignores_case_and_apostrophe_forms(db):
    factories.incoming(db, date(2026, 3, 2), summary="Про ремонт дороги в с. Мар’янівка")
    factories.incoming(
        db, date(2026, 3, 3), summary="Про Луцьк", correspondent="Луцька міська рада"
    )
    factories.incoming(db, date(2026, 3, 4), summary="Інше")
    for text, expected in [
        ("МАРʼЯНІВКА", 1),
        ("мар'ян", 1),
        ("луцьк", 1),
        ("ЛУЦЬКА", 1),
        ("про", 2),
    ]:
        view = RegisterView(db, ViewQuery("incoming", search=text))
        assert view.count() == expected, text


def test_paging_from_both_ends_gives_the_same_rows(db):
    for i in range(30):
        factories.incoming(db, date(2026, 1, 1 + i % 28), summary=f"Документ {i}")
    view = RegisterView(db, ViewQuery("incoming", sort="number", descending=False))
    everything = view.page(0, 100)
    assert [r.reg_number for r in everything] == [str(i) for i in range(1, 31)]
    tail = view.page(25, 10, total=30)
    assert [r.id for r in tail] == [r.id for r in everything[25:]]


def test_conflicting_edit_is_refused(db):
    reg = factories.incoming(db, date(2026, 3, 2))
    detail = get_document(db, reg.id)
    documents.update_document(db, INCOMING, reg.id, {"summary": "Перша зміна"}, detail.version)
    with pytest.raises(documents.ConflictError):
        documents.update_document(db, INCOMING, reg.id, {"summary": "Друга"}, detail.version)
