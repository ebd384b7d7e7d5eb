"""Login at start: a login and a password, or — on a database without users — the first
administrator's account. Wrong passwords get one message (which of the two was wrong is not
told); the pause after repeated failures is shown in seconds."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.domain.roles import Actor
from app.services.passwords import PasswordError
from app.services.signed_in import asks_for_login, has_users
from db.session import Database
from ui.local_settings import settings

#: This PC's last login name (QSettings): offered at the next start.
LAST_LOGIN_KEY = "login/last"


class LoginDialog(QDialog):
    """Ask for a login and password; `actor` is who signed in once accepted."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self.actor: Actor | None = None
        self.first = not has_users(db)
        self.setWindowTitle(
            "Діловод — створення адміністратора" if self.first else "Діловод — вхід"
        )
        layout = QVBoxLayout(self)
        if self.first:
            layout.addWidget(
                QLabel(
                    "Користувачів ще немає. Створіть обліковий запис адміністратора\n"
                    "(він також зможе реєструвати документи)."
                )
            )
        form = QFormLayout()
        self.login = QLineEdit(self)
        self.full_name = QLineEdit(self)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat = QLineEdit(self)
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow("Користувач:", self.login)
        if self.first:
            form.addRow("Прізвище, ім'я:", self.full_name)
        form.addRow("Пароль:", self.password)
        if self.first:
            form.addRow("Пароль ще раз:", self.repeat)
        else:
            # Only the first start asks for a name and the password twice: the unused fields
            # must not sit hidden in the Tab order and swallow the password.
            for unused in (self.full_name, self.repeat):
                unused.hide()
                unused.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        layout.addLayout(form)
        self.message = QLabel("", self)
        self.message.setStyleSheet("color: #b00020")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            "Створити" if self.first else "Увійти"
        )
        buttons.accepted.connect(self._on_ok)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        if not self.first:
            # The same clerk signs in on this PC day after day: the name is there, the
            # password is next (the password is never remembered).
            last = str(settings().value(LAST_LOGIN_KEY, "") or "")
            if last:
                self.login.setText(last)
                self.password.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_ok(self) -> None:
        # The accounts' service (SQLAlchemy with it) is loaded by now or is loading: the dialog
        # itself came up without it while the clerk typed (db.session.preload).
        from app.services import users

        login, password = self.login.text().strip(), self.password.text()
        try:
            if self.first:
                if password != self.repeat.text():
                    raise users.UserError("Паролі не збігаються")
                users.create_first_administrator(self._db, login, password, self.full_name.text())
            self.actor = users.authenticate(self._db, login, password)
        except (users.UserError, PasswordError) as exc:
            self.message.setText(str(exc))
            self.password.clear()
            self.repeat.clear()  # both, so they are typed again together
            self.password.setFocus()
            return
        settings().setValue(LAST_LOGIN_KEY, login)
        self.accept()


def sign_in(db: Database, parent: QWidget | None = None) -> Actor | bool | None:
    """The actor who signed in; None when the login is switched off; False when cancelled."""
    if not asks_for_login(db):
        return None
    dialog = LoginDialog(db, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    return dialog.actor
