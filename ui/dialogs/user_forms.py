"""The account form and the new-password form of «Адміністрування ▸ Користувачі…».

Both save through app/services/users.py, which checks the right (`users.manage`), the roles and
the password's length; its refusals appear under the field they are about («Користувач «x» уже
є» under the login), everything typed stays. Roles are check boxes: a user may hold several.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QCheckBox, QFormLayout, QLineEdit, QVBoxLayout, QWidget

from app.domain.roles import ROLE_TITLES, STAROSTA
from app.services import users
from app.services.dialog_support import current_user
from app.services.users import UserInfo
from ui.dialogs.fields import FormDialog
from ui.widgets import FieldProblem, hint_label

if TYPE_CHECKING:
    from db.session import Database


def _password_edit(parent: QWidget) -> QLineEdit:
    edit = QLineEdit(parent)
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    edit.setMinimumWidth(260)
    return edit


def _typed_password(password: QLineEdit, repeat: QLineEdit) -> str:
    """The new password, once typed the same twice (the service checks its length)."""
    if password.text() != repeat.text():
        raise FieldProblem(repeat, "Паролі не збігаються")
    return password.text()


class UserForm(FormDialog):
    """Add an account (login, name, password, roles, district) or change one's name and roles.

    The login of an existing account is fixed: the audit trail names people by it.
    """

    def __init__(
        self, db: Database, info: UserInfo | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__("Новий користувач" if info is None else "Користувач", parent=parent)
        self._db = db
        self._info = info
        self.saved: UserInfo | None = None

        self.login = QLineEdit(info.login if info else "", self)
        self.login.setReadOnly(info is not None)
        self.login.setPlaceholderText("наприклад, o.koval")
        self.full_name = QLineEdit(info.full_name if info else "", self)
        self.full_name.setMinimumWidth(320)
        self.password = _password_edit(self)
        self.repeat = _password_edit(self)
        self.roles_box = QWidget(self)
        roles_layout = QVBoxLayout(self.roles_box)
        roles_layout.setContentsMargins(0, 0, 0, 0)
        self.role_checks: dict[str, QCheckBox] = {}
        for code, title in ROLE_TITLES.items():
            check = QCheckBox(title, self.roles_box)
            check.setChecked(info is not None and code in info.roles)
            check.toggled.connect(self._on_roles_changed)
            roles_layout.addWidget(check)
            self.role_checks[code] = check
        self.district = QLineEdit(info.district if info else "", self)
        self.district.setPlaceholderText("округ, книги якого веде староста")

        form = QFormLayout()
        form.addRow("Логін:", self.with_error(self.login))
        form.addRow("Прізвище, ім'я:", self.full_name)
        if info is None:
            form.addRow("Пароль:", self.with_error(self.password))
            form.addRow("Пароль ще раз:", self.with_error(self.repeat))
        form.addRow("Ролі:", self.with_error(self.roles_box))
        form.addRow("Округ старости:", self.with_error(self.district))
        form.addRow("", hint_label("Користувачів не видаляють: їх деактивують.", self))
        self.body.addLayout(form)
        self._on_roles_changed()

    def roles(self) -> list[str]:
        return [code for code, check in self.role_checks.items() if check.isChecked()]

    def _on_roles_changed(self) -> None:
        self.district.setEnabled(self.role_checks[STAROSTA].isChecked())

    def _prepare_save(self) -> Callable[[], object]:
        db, actor, roles = self._db, current_user(), self.roles()
        name = self.full_name.text()
        district = self.district.text() if STAROSTA in roles else ""
        if not roles:
            raise FieldProblem(self.roles_box, "Оберіть хоча б одну роль")
        info = self._info
        if info is None:
            login, password = self.login.text(), _typed_password(self.password, self.repeat)
            return lambda: users.create_user(db, login, password, roles, name, district, actor)

        def change() -> UserInfo:
            users.update_user(db, info.id, roles, name, district, info.active, actor)
            return UserInfo(
                info.id, info.login, name.strip(), tuple(sorted(roles)), info.active, district
            )

        return change

    def _saved(self, result: object) -> None:
        assert isinstance(result, UserInfo)
        self.saved = result

    def _widget_for_error(self, message: str) -> QWidget | None:
        text = message.lower()
        if "пароль" in text:
            return self.password
        if "роль" in text:
            return self.roles_box
        if "користувач" in text and ("уже є" in text or "логін" in text):
            return self.login
        return None


class PasswordForm(FormDialog):
    """A new password set by the administrator (a forgotten one; it also lifts the pause)."""

    def __init__(self, db: Database, info: UserInfo, parent: QWidget | None = None) -> None:
        super().__init__(
            "Скидання пароля",
            f"Новий пароль для «{info.login}» {info.full_name}. Повідомте його користувачу.",
            parent,
        )
        self._db = db
        self._info = info
        self.password = _password_edit(self)
        self.repeat = _password_edit(self)
        form = QFormLayout()
        form.addRow("Новий пароль:", self.with_error(self.password))
        form.addRow("Пароль ще раз:", self.with_error(self.repeat))
        self.body.addLayout(form)

    def _prepare_save(self) -> Callable[[], object]:
        db, actor, user_id = self._db, current_user(), self._info.id
        password = _typed_password(self.password, self.repeat)
        return lambda: users.reset_password(db, user_id, password, actor)

    def _widget_for_error(self, message: str) -> QWidget | None:
        return self.password if "пароль" in message.lower() else None
