"""«Адміністрування ▸ Користувачі…»: the accounts, their roles, and whether login is asked.

Accounts are never deleted — the audit trail names them — so the dialog offers «Деактивувати»
(and back) instead. The list is the reference dialogs' `RecordListTab`; the forms are in
user_forms.py. Every change goes through app/services/users.py, which refuses it without
`users.manage` as well: the menu is hidden from others only to spare them the refusal.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.services import users
from app.services.dialog_support import current_user
from app.services.users import UserInfo
from ui.dialogs.fields import USER_ERRORS
from ui.dialogs.reference_lists import ListSpec, RecordListTab
from ui.dialogs.user_forms import PasswordForm, UserForm
from ui.screen import fit_to_screen
from ui.tasks import run_in_background, show_error
from ui.widgets import ErrorLabel, ask, hint_label

if TYPE_CHECKING:
    from db.session import Database

HEADERS = ("Логін", "Прізвище, ім'я", "Ролі", "Округ", "Активний")


def _cells(info: UserInfo) -> tuple[str, ...]:
    return (info.login, info.full_name, info.roles_text, info.district, _yes(info.active))


def _yes(flag: bool) -> str:
    return "так" if flag else "ні"


class UsersDialog(QDialog):
    """The accounts with add / change / new password / (de)activate, and the login switch."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Користувачі")
        fit_to_screen(self, 860, 520)
        self._db = db
        self._busy = False
        spec = ListSpec(
            headers=HEADERS,
            load=lambda _text: users.list_users(db),
            cells=_cells,
            editor=lambda record, owner: UserForm(db, record, owner),
            note="Користувачів не видаляють: той, хто більше не працює, деактивується "
            "і не може увійти, а журнал дій зберігає його ім'я.",
        )
        self.list = RecordListTab(spec, self)
        self.reset_button = QPushButton("Скинути пароль…", self)
        self.active_button = QPushButton("Деактивувати", self)
        self.reset_button.clicked.connect(self._on_reset_password)
        self.active_button.clicked.connect(self._on_toggle_active)
        self.list.view.selectionModel().currentRowChanged.connect(self._on_current_changed)
        self.list.changed.connect(self._on_current_changed)
        self.error = ErrorLabel(self)

        self.login_required = QCheckBox("Вимагати вхід із паролем", self)
        self.login_required.setChecked(users.login_required(db))
        self.login_required.toggled.connect(self._on_login_required_toggled)
        self.login_error = ErrorLabel(self)

        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.reset_button)
        row.addWidget(self.active_button)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText("Закрити")
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addLayout(row)
        layout.addWidget(self.error)
        layout.addWidget(self.login_required)
        layout.addWidget(
            hint_label(
                "Без входу програма працює від імені користувача Windows з усіма правами — "
                "лише для однокористувацької бази SQLite.",
                self,
            )
        )
        layout.addWidget(self.login_error)
        layout.addWidget(buttons)
        self._on_current_changed()

    def current(self) -> UserInfo | None:
        record = self.list.current()
        return record if isinstance(record, UserInfo) else None

    def is_busy(self) -> bool:
        """True while a change runs in the background (tests wait for False)."""
        return self._busy

    def _on_current_changed(self) -> None:
        info = self.current()
        self.reset_button.setEnabled(info is not None and not self._busy)
        self.active_button.setEnabled(info is not None and not self._busy)
        active = info is None or info.active
        self.active_button.setText("Деактивувати" if active else "Активувати")

    def _on_reset_password(self) -> None:
        info = self.current()
        if info is not None:
            PasswordForm(self._db, info, self).exec()

    def _on_toggle_active(self) -> None:
        info = self.current()
        if info is None:
            return
        if info.active and not ask(
            self,
            "Деактивувати користувача",
            f"Деактивувати «{info.login}»? Він не зможе увійти; записи й журнал дій залишаться.",
            "Деактивувати",
            "Скасувати",
        ):
            return
        db, actor = self._db, current_user()

        def toggle() -> None:
            users.update_user(
                db, info.id, info.roles, info.full_name, info.district, not info.active, actor
            )

        self._run(toggle, lambda _r: self.list.reload(info.id), self.error)

    def _on_login_required_toggled(self, required: bool) -> None:
        db, actor = self._db, current_user()

        def undo(_exc: BaseException) -> None:
            self.login_required.blockSignals(True)
            self.login_required.setChecked(not required)
            self.login_required.blockSignals(False)

        self._run(
            lambda: users.set_login_required(db, required, actor),
            lambda _r: None,
            self.login_error,
            undo,
        )

    def _run(
        self,
        work: Callable[[], object],
        done: Callable[[object], None],
        label: ErrorLabel,
        failed: Callable[[BaseException], None] | None = None,
    ) -> None:
        """A change off the GUI thread; a refusal is shown in `label`, anything else reported."""
        self.error.clear_error()
        self.login_error.clear_error()
        self._set_busy(True)

        def on_done(result: object) -> None:
            done(result)
            self._set_busy(False)

        def on_failed(exc: BaseException) -> None:
            self._set_busy(False)
            if failed is not None:
                failed(exc)
            if isinstance(exc, USER_ERRORS):
                label.show_error(str(exc))
            else:
                show_error(exc, self)

        run_in_background(work, on_done, on_failed, owner=self)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.login_required.setEnabled(not busy)
        self._on_current_changed()
