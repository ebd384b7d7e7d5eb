"""«Адміністрування»: the users dialog, the audit log, and who sees the menu."""

from __future__ import annotations

from datetime import date

import openpyxl
import pytest
from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import QDialog

from app.domain import roles
from app.domain.roles import Actor
from app.registers import INCOMING
from app.services import audit, documents, users
from app.services.dialog_support import sign_in
from app.services.users import LoginFailed
from tests import factories
from ui.dialogs import audit_log
from ui.dialogs import users as users_dialog
from ui.dialogs.audit_log import AuditLogDialog
from ui.dialogs.user_forms import PasswordForm, UserForm
from ui.dialogs.users import UsersDialog
from ui.main_window import MainWindow

ADMIN = Actor("admin", frozenset({roles.ADMINISTRATOR}))
CLERK = Actor("olena", frozenset({roles.CLERK}))


@pytest.fixture(autouse=True)
def _admin_signed_in():
    sign_in(ADMIN)


def listed(dialog: UsersDialog) -> dict[str, list[str]]:
    model = dialog.list.model
    rows = (
        [model.item(r, c).text() for c in range(model.columnCount())]
        for r in range(model.rowCount())
    )
    return {row[0]: row for row in rows}


def save(qtbot, form) -> None:
    form.accept()
    qtbot.waitUntil(lambda: not form.is_saving(), timeout=5000)


def new_user_form(qtbot, db, login: str, *codes: str) -> UserForm:
    form = UserForm(db)
    qtbot.addWidget(form)
    form.login.setText(login)
    form.full_name.setText("Олена Коваль")
    form.password.setText("секрет-123")
    form.repeat.setText("секрет-123")
    for code in codes:
        form.role_checks[code].setChecked(True)
    return form


def test_a_user_with_two_roles_is_added_and_listed(qtbot, db):
    dialog = UsersDialog(db)
    qtbot.addWidget(dialog)
    form = new_user_form(qtbot, db, "o.koval", roles.CLERK, roles.HR)
    save(qtbot, form)
    assert form.result() == QDialog.DialogCode.Accepted
    dialog.list.reload()
    row = listed(dialog)["o.koval"]
    assert row[1:] == ["Олена Коваль", "Загальний відділ, Кадрова служба", "", "так"]
    assert users.authenticate(db, "o.koval", "секрет-123").can_write("incoming")


def test_a_duplicate_login_is_refused_under_the_field_and_the_form_kept(qtbot, db):
    users.create_user(db, "o.koval", "секрет-123", [roles.READER], user=ADMIN)
    form = new_user_form(qtbot, db, "o.koval", roles.CLERK)
    save(qtbot, form)
    assert form.result() != QDialog.DialogCode.Accepted
    under_login = form.field_error(form.login)
    assert not under_login.isHidden() and "уже є" in under_login.text()
    assert form.login.text() == "o.koval" and form.full_name.text() == "Олена Коваль"
    assert form.role_checks[roles.CLERK].isChecked() and form.password.text() == "секрет-123"
    assert [u.login for u in users.list_users(db)] == ["o.koval"]


def test_no_role_and_unequal_passwords_are_told_under_their_fields(qtbot, db):
    form = new_user_form(qtbot, db, "petro")
    save(qtbot, form)
    assert "хоча б одну роль" in form.field_error(form.roles_box).text()
    form.role_checks[roles.STAROSTA].setChecked(True)
    assert form.district.isEnabled()
    form.repeat.setText("інший-пароль")
    save(qtbot, form)
    assert form.field_error(form.repeat).text() == "Паролі не збігаються"
    assert not users.list_users(db)


def test_deactivating_keeps_the_user_but_bars_the_login(qtbot, db, monkeypatch):
    users.create_user(db, "petro", "секрет-123", [roles.READER], "Петро", user=ADMIN)
    monkeypatch.setattr(users_dialog, "ask", lambda *args: True)
    dialog = UsersDialog(db)
    qtbot.addWidget(dialog)
    assert dialog.active_button.text() == "Деактивувати"
    dialog.active_button.click()
    qtbot.waitUntil(lambda: not dialog.is_busy(), timeout=5000)
    assert listed(dialog)["petro"][4] == "ні"
    assert dialog.active_button.text() == "Активувати"
    with pytest.raises(LoginFailed):
        users.authenticate(db, "petro", "секрет-123")
    dialog.active_button.click()
    qtbot.waitUntil(lambda: not dialog.is_busy(), timeout=5000)
    assert users.authenticate(db, "petro", "секрет-123").login == "petro"


def test_deactivating_oneself_is_refused_in_the_dialog(qtbot, db, monkeypatch):
    users.create_user(db, "admin", "секрет-123", [roles.ADMINISTRATOR], user=ADMIN)
    monkeypatch.setattr(users_dialog, "ask", lambda *args: True)
    dialog = UsersDialog(db)
    qtbot.addWidget(dialog)
    dialog.active_button.click()
    qtbot.waitUntil(lambda: not dialog.is_busy(), timeout=5000)
    assert "самого себе" in dialog.error.text() and not dialog.error.isHidden()
    assert users.list_users(db)[0].active


def test_a_reset_password_lets_the_user_in_with_the_new_one(qtbot, db):
    info = users.create_user(db, "petro", "старий-123", [roles.READER], user=ADMIN)
    form = PasswordForm(db, info)
    qtbot.addWidget(form)
    form.password.setText("новий-456")
    form.repeat.setText("новий-456")
    save(qtbot, form)
    assert form.result() == QDialog.DialogCode.Accepted
    assert users.authenticate(db, "petro", "новий-456").login == "petro"
    with pytest.raises(LoginFailed):
        users.authenticate(db, "petro", "старий-123")


def test_the_login_switch_is_off_only_for_sqlite(qtbot, db):
    dialog = UsersDialog(db)
    qtbot.addWidget(dialog)
    assert dialog.login_required.isChecked()
    dialog.login_required.setChecked(False)
    qtbot.waitUntil(lambda: not dialog.is_busy(), timeout=5000)
    if db.dialect == "sqlite":
        assert not users.login_required(db) and dialog.login_error.isHidden()
    else:
        assert "SQLite" in dialog.login_error.text() and dialog.login_required.isChecked()
        assert users.login_required(db)


def trail_dialog(qtbot, db, wait_tasks) -> AuditLogDialog:
    dialog = AuditLogDialog(db)
    qtbot.addWidget(dialog)
    wait_tasks()
    return dialog


def test_the_log_shows_a_registration_and_filters_by_user_and_action(
    qtbot, db, wait_tasks, qtmodeltester
):
    values = INCOMING.parse({"correspondent": "Луцька РДА", "summary": "Про дороги"})
    doc = documents.register_document(db, INCOMING, values, reg_date=date.today(), user=CLERK)
    users.create_user(db, "petro", "секрет-123", [roles.READER], user=ADMIN)
    dialog = trail_dialog(qtbot, db, wait_tasks)
    qtmodeltester.check(dialog.model)
    shown = [dialog.model.index(r, 2).data() for r in range(dialog.model.rowCount())]
    assert sorted(shown) == ["Користувачі", "Реєстрація"]
    registration = next(r for r in dialog.model.rows if r.action == audit.CREATE)
    assert registration.login == "olena" and registration.reg_number == doc.reg_number

    dialog.user.setCurrentIndex(dialog.user.findData("olena"))
    wait_tasks()
    assert [r.login for r in dialog.model.rows] == ["olena"]
    assert dialog.model.index(0, 3).data() == INCOMING.title
    dialog.user.setCurrentIndex(0)
    dialog.action.setCurrentIndex(dialog.action.findData(audit.USERS))
    wait_tasks()
    assert [r.action for r in dialog.model.rows] == [audit.USERS]
    assert "petro" in dialog.model.index(0, 5).data()


def test_the_log_reads_a_page_at_a_time(qtbot, db, wait_tasks, monkeypatch):
    monkeypatch.setattr(audit_log, "PAGE", 2)
    for i in range(5):
        factories.incoming(db, date.today(), f"Лист {i}")
    dialog = trail_dialog(qtbot, db, wait_tasks)
    assert dialog.model.rowCount() == 2 and dialog.model.canFetchMore(QModelIndex())
    dialog.model.fetchMore(QModelIndex())
    wait_tasks()
    dialog.model.fetchMore(QModelIndex())
    wait_tasks()
    assert dialog.model.rowCount() == 5 and not dialog.model.canFetchMore(QModelIndex())
    assert len({r.id for r in dialog.model.rows}) == 5


def test_the_export_writes_the_filtered_log(qtbot, db, wait_tasks, tmp_path):
    values = INCOMING.parse({"correspondent": "Луцька РДА", "summary": "Про дороги"})
    documents.register_document(db, INCOMING, values, reg_date=date.today(), user=CLERK)
    users.create_user(db, "petro", "секрет-123", [roles.READER], user=ADMIN)
    dialog = trail_dialog(qtbot, db, wait_tasks)
    dialog.action.setCurrentIndex(dialog.action.findData(audit.CREATE))
    wait_tasks()
    query = dialog.query()
    assert query is not None
    dialog.export(tmp_path / "trail.xlsx", query)
    wait_tasks()
    sheet = openpyxl.load_workbook(tmp_path / "trail.xlsx").active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == audit.EXPORT_TITLES
    assert [(r[1], r[2]) for r in rows[1:]] == [("olena", "Реєстрація")]
    assert "1 рядок" in dialog.last_message


def test_a_wrong_date_in_the_filter_is_told_and_nothing_reloaded(qtbot, db, wait_tasks):
    dialog = trail_dialog(qtbot, db, wait_tasks)
    dialog.date_from.setText("31.02")
    dialog.reload()
    assert not dialog.filter_error.isHidden() and dialog.query() is None


def test_a_clerk_sees_no_administration_menu(qtbot, sqlite_db):
    factories.organisation(sqlite_db)
    sign_in(CLERK)
    window = MainWindow(sqlite_db)
    qtbot.addWidget(window)
    assert not window.admin_menu.menuAction().isVisible()
    sign_in(ADMIN)
    admin_window = MainWindow(sqlite_db)
    qtbot.addWidget(admin_window)
    assert admin_window.admin_menu.menuAction().isVisible()
    assert admin_window.users_action.isVisible() and admin_window.audit_action.isVisible()


def test_the_log_checks_the_chain_and_names_the_first_broken_link(
    qtbot, db, wait_tasks, monkeypatch
):
    from sqlalchemy import text

    for i in range(3):
        factories.incoming(db, date.today(), f"Лист {i}")
    said: list[tuple[str, str]] = []
    monkeypatch.setattr(audit_log.QMessageBox, "information", lambda _p, t, m: said.append((t, m)))
    monkeypatch.setattr(audit_log.QMessageBox, "warning", lambda _p, t, m: said.append((t, m)))
    dialog = trail_dialog(qtbot, db, wait_tasks)
    dialog.verify_button.click()
    wait_tasks()
    assert said[-1][0] == "Журнал дій" and "цілий" in said[-1][1]
    with db.write() as s:  # someone edits the trail around the program
        if db.dialect == "sqlite":
            s.execute(text("DROP TRIGGER audit_entry_no_update"))
        else:
            s.execute(text("SET LOCAL session_replication_role = replica"))
        s.execute(text("UPDATE audit_entry SET details = 'інше' WHERE id = 2"))
    dialog.verify_button.click()
    wait_tasks()
    assert said[-1][0] == "Журнал дій пошкоджено" and "Запис № 2" in said[-1][1]
    assert dialog.last_message == said[-1][1]
