"""The window asks the services only for what the signed-in user may read or change."""

from __future__ import annotations

from datetime import date, timedelta

from app.domain import roles
from app.domain.roles import Actor
from app.registers import INCOMING
from app.services import documents
from app.services.dialog_support import sign_in
from tests import factories
from ui.dialogs.reference import ReferenceDialog
from ui.models.register_model import RegisterModel


def _model(qtbot, db, wait_tasks) -> tuple[RegisterModel, list[str]]:
    model = RegisterModel(db, INCOMING)
    failures: list[str] = []
    model.load_failed.connect(failures.append)
    model.refresh()
    wait_tasks()
    return model, failures


def test_a_register_the_user_may_not_read_is_not_asked_for(qtbot, sqlite_db, wait_tasks):
    values = INCOMING.parse({"correspondent": "Луцька РДА", "summary": "Про дороги"})
    documents.register_document(sqlite_db, INCOMING, values, reg_date=date.today() - timedelta(1))
    sign_in(Actor("admin", frozenset({roles.ADMINISTRATOR})))  # users and settings, no registers
    model, failures = _model(qtbot, sqlite_db, wait_tasks)
    assert (model.total, failures) == (0, [])  # no refusal shown for a hidden tab
    sign_in(Actor("reader", frozenset({roles.READER})))
    model, failures = _model(qtbot, sqlite_db, wait_tasks)
    assert (model.total, failures) == (1, [])


def test_the_calendar_and_settings_tabs_are_the_administrators(qtbot, sqlite_db):
    factories.organisation(sqlite_db)
    for role, allowed in ((roles.CLERK, False), (roles.ADMINISTRATOR, True)):
        sign_in(Actor(role, frozenset({role})))
        dialog = ReferenceDialog(sqlite_db)
        qtbot.addWidget(dialog)
        tabs = dialog.tabs
        assert tabs.isTabEnabled(tabs.indexOf(dialog.calendar)) is allowed
        assert tabs.isTabEnabled(tabs.indexOf(dialog.settings)) is allowed
        assert tabs.isTabEnabled(tabs.indexOf(dialog.correspondents))
