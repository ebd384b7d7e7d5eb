"""Login at start, and a window that shows a reader no way to register."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialog

from app.domain import roles
from app.services import users
from app.services.dialog_support import sign_in
from tests import factories
from ui.dialogs.login import LoginDialog
from ui.main_window import MainWindow


@pytest.fixture
def office(sqlite_db):
    factories.organisation(sqlite_db)
    users.create_user(sqlite_db, "reader", "читач-0001", [roles.READER], "Іван Читач")
    return sqlite_db


def test_a_wrong_password_is_told_and_the_dialog_stays(qtbot, office):
    dialog = LoginDialog(office)
    qtbot.addWidget(dialog)
    dialog.login.setText("reader")
    dialog.password.setText("не-той")
    dialog._on_ok()
    assert dialog.message.text() == "Неправильне ім'я користувача або пароль"
    assert dialog.result() != QDialog.DialogCode.Accepted and dialog.password.text() == ""
    dialog.password.setText("читач-0001")
    dialog._on_ok()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.actor is not None and dialog.actor.login == "reader"


def test_login_tab_password_enter_from_the_keyboard(qtbot, office):
    """Typing the login, Tab, the password and Enter signs in: no hidden field in between."""
    from PySide6.QtCore import Qt

    dialog = LoginDialog(office)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(dialog.isVisible)
    dialog.login.setFocus()
    qtbot.keyClicks(dialog.login, "reader")
    qtbot.keyClick(dialog.login, Qt.Key.Key_Tab)
    assert dialog.focusWidget() is dialog.password
    dialog.password.insert("читач-0001")  # typed (QTest cannot send Cyrillic keys offscreen)
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_the_first_start_creates_the_administrator(qtbot, sqlite_db):
    dialog = LoginDialog(sqlite_db)
    qtbot.addWidget(dialog)
    assert dialog.first
    dialog.login.setText("admin")
    dialog.password.setText("адмін-пароль")
    dialog.repeat.setText("інший")
    dialog._on_ok()
    assert dialog.message.text() == "Паролі не збігаються" and not users.has_users(sqlite_db)
    assert dialog.password.text() == dialog.repeat.text() == ""  # both typed again
    dialog.password.setText("адмін-пароль")
    dialog.repeat.setText("адмін-пароль")
    dialog._on_ok()
    assert dialog.actor is not None and dialog.actor.can(roles.USERS_MANAGE)


def test_a_readers_window_offers_no_registration(qtbot, office):
    sign_in(users.authenticate(office, "reader", "читач-0001"))
    window = MainWindow(office)
    qtbot.addWidget(window)
    tab = window.register_tabs["incoming"]
    assert not tab.register_action.isVisible()
    assert not any(a.isVisible() for a in tab.document_actions.control_actions)
    assert tab.open_action.isVisible()
    assert not window.reference_action.isVisible()
    assert not any(a.isVisible() for a in window.backup_actions)  # no restore over everyone


def test_a_reader_opens_a_card_to_view_only(qtbot, office):
    from datetime import date

    from app.registers import INCOMING
    from ui.dialogs.document_form import DocumentForm

    reg = factories.incoming(office, date.today())
    sign_in(users.authenticate(office, "reader", "читач-0001"))
    form = DocumentForm(office, INCOMING, reg.id)
    qtbot.addWidget(form)
    form.show()
    assert form.save_button.isHidden() and form.cancel_button.text() == "Закрити"
    assert form.editors["summary"].widget.isReadOnly()
    assert "лише перегляд" in form.header.text()


def test_a_clerks_window_offers_registration(qtbot, office):
    users.create_user(office, "clerk", "клерк-12", [roles.CLERK])
    sign_in(users.authenticate(office, "clerk", "клерк-12"))
    window = MainWindow(office)
    qtbot.addWidget(window)
    assert window.register_tabs["outgoing"].register_action.isVisible()
    assert window.register_tabs["outgoing"].document_actions.send_action.isVisible()
