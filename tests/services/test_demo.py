"""Demo data: a small, realistic, rule-abiding database in a second."""

from __future__ import annotations

import inspect
from datetime import date

import pytest
from sqlalchemy import func, select

from app.domain.deadlines import ControlState
from app.services import overdue
from app.services.calendar import load_calendar
from app.services.demo import DemoError, fill_demo
from app.services.organisation import get_organisation
from app.services.reference import (
    DepartmentInfo,
    list_case_files,
    list_departments,
    list_staff,
    save_department,
)
from app.services.register_view import RegisterView, ViewQuery
from db.models import ControlEvent, Document, Resolution, ResolutionExecutor, Staff
from tests import factories

TODAY = date(2026, 3, 16)


def test_small_demo_fills_reference_data_and_documents_by_the_rules(db):
    result = fill_demo(db, documents_count=80, seed=11, today=TODAY)
    assert (result.documents, result.outgoing) == (80, 26)
    from app.services.audit import verify

    assert verify(db).ok  # the demo's trail is one unbroken chain, on both engines
    assert get_organisation(db).full_name == "Виконавчий комітет Шепетівської міської ради"
    departments = list_departments(db)
    assert len(departments) >= 15
    assert "01-12" in {d.index_code for d in departments}
    staff = list_staff(db)
    assert len(staff) >= 40 and {s.gender for s in staff} == {"m", "f"}
    assert result.correspondents >= 140
    assert {c.year for c in list_case_files(db)} == {2024, 2025, 2026}

    calendar = load_calendar(db)
    with db.read() as s:
        incoming = select(Document).where(Document.register == "incoming")
        docs = s.execute(incoming.order_by(Document.year, Document.seq)).scalars().all()
        assert len(docs) == 80
        assert all(calendar.is_working_day(d.reg_date) for d in docs)
        assert all(date(2024, 3, 17) <= d.reg_date <= TODAY for d in docs)
        for year in {d.year for d in docs}:
            seqs = [d.seq for d in docs if d.year == year]
            assert seqs == list(range(1, len(seqs) + 1))
        assert all(d.search_text and d.correspondent_id for d in docs)
        # the lead executor is the first executor of the resolution, with its department
        leads = dict(
            s.execute(
                select(Resolution.document_id, ResolutionExecutor.staff_id)
                .join(ResolutionExecutor)
                .where(ResolutionExecutor.position == 0)
            ).all()
        )
        departments_of = dict(s.execute(select(Staff.id, Staff.department_id)).all())
        for d in docs:
            if d.id in leads:
                assert d.lead_executor_id == leads[d.id] and d.lead_executor_name
                assert d.department_id == departments_of[d.lead_executor_id]
        controlled = [d for d in docs if d.on_control]
        assert len(controlled) > len(docs) // 2
        set_events = dict(
            s.execute(
                select(ControlEvent.document_id, func.count())
                .where(ControlEvent.kind == "set")
                .group_by(ControlEvent.document_id)
            ).all()
        )
        assert all(set_events.get(d.id) == 1 for d in controlled)
        removed = [d for d in controlled if d.done_date]
        assert removed and all(d.reg_date <= d.done_date <= TODAY for d in removed)

    summary = overdue.scan(db, today=TODAY)
    assert summary.overdue >= 1 and summary.due_soon >= 1
    assert summary.by_register["incoming"] == result.overdue
    others = ("orders.overdue", "decisions.overdue", "appeals.overdue", "info_requests.overdue")
    assert summary.overdue == result.overdue + sum(result.counts.get(k, 0) for k in others)
    states = {r.state for r in RegisterView(db, ViewQuery("incoming"), today=TODAY).all_rows()}
    assert {ControlState.OVERDUE, ControlState.DUE_SOON, ControlState.DONE} <= states


def test_demo_refuses_a_database_with_registered_documents(db):
    """Issue 9: demo letters never mix with a real register, whoever asks (there is no
    --force any more)."""
    factories.incoming(db, TODAY, "Справжній лист")
    with pytest.raises(DemoError, match="уже є зареєстровані документи"):
        fill_demo(db, documents_count=5, seed=1, today=TODAY, years=1)
    with db.read() as s:
        assert s.execute(select(func.count()).select_from(Document)).scalar_one() == 1
    assert "force" not in inspect.signature(fill_demo).parameters


def test_demo_keeps_reference_lists_already_there(db):
    save_department(db, DepartmentInfo(None, "Загальний відділ", "01-12"))
    result = fill_demo(db, documents_count=5, seed=1, today=TODAY, years=1)
    assert len(list_departments(db)) == 17  # the existing body is reused, not doubled
    assert result.documents == 5


def test_demo_needs_every_right_and_is_audited_under_who_ran_it(db):
    from app.domain import roles
    from app.domain.roles import Actor, PermissionDenied
    from app.services.audit import AuditQuery, entries

    reader = Actor("petro", frozenset({roles.READER}))
    with pytest.raises(PermissionDenied):
        fill_demo(db, documents_count=5, seed=1, today=TODAY, years=1, user=reader)
    clerk = Actor("olena", frozenset({roles.CLERK}))
    with pytest.raises(PermissionDenied):  # a clerk may register, not write every list
        fill_demo(db, documents_count=5, seed=1, today=TODAY, years=1, user=clerk)
    with db.read() as s:
        assert s.execute(select(func.count()).select_from(Document)).scalar_one() == 0
    fill_demo(db, documents_count=5, seed=1, today=TODAY, years=1, user=Actor.system_user("ivan"))
    logins = {e.login for e in entries(db, "admin", AuditQuery())}
    assert logins == {"ivan"}


def test_demo_outgoing_letters_have_addresses_signatures_and_answers(db):
    fill_demo(db, documents_count=300, seed=4, today=TODAY)
    rows = RegisterView(db, ViewQuery(register="outgoing"), today=TODAY).all_rows()
    assert len(rows) == 100
    assert all(r.signatory_name and r.correspondent_name for r in rows)
    assert any(r.reply_numbers for r in rows)  # answers to incoming documents
    assert any(r.correspondent_name.count(";") >= 4 for r in rows)  # a distribution list
    assert all(r.sent_date is None or r.sent_date >= r.reg_date for r in rows)
    assert sum(1 for r in rows if r.sent_date) > 90
