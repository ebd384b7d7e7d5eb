"""«Підключення до бази даних»: the shared PostgreSQL server this PC works with.

Host, port, database, user and password, a «Перевірити з'єднання» that tries them off the GUI
thread, and where the password goes: the system's credential store when this PC has one, else
nowhere (it is asked at each start). The URL without the password is kept per PC in QSettings
(`stored_url`), so each clerk's PC remembers its own server.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.services.connection import (
    DEFAULT_PORT,
    ConnectionProblem,
    ServerConnection,
    check_connection,
    forget_password,
    keyring_available,
    store_password,
    stored_password,
)
from ui.tasks import run_in_background
from ui.widgets import ErrorLabel, WrappedLabel

URL_KEY = "connection/url"
_ORGANISATION = "Dilovod"


def stored_url() -> str:
    """The server URL this PC keeps (no password), or '' for the local SQLite file."""
    return str(QSettings(_ORGANISATION, _ORGANISATION).value(URL_KEY, "") or "")


def store_url(url: str) -> None:
    QSettings(_ORGANISATION, _ORGANISATION).setValue(URL_KEY, url)


def ask_password(conn: ServerConnection, parent: QWidget | None = None) -> str | None:
    """The password asked at start (no credential store on this PC); None when cancelled."""
    text, ok = QInputDialog.getText(
        parent,
        "Пароль до бази даних",
        f"Пароль користувача {conn.user} на сервері {conn.host}:",
        QLineEdit.EchoMode.Password,
    )
    return text if ok else None


class ConnectionDialog(QDialog):
    """After `exec()` accepted: `url()` opens the server (password included, for this session)."""

    def __init__(
        self, current: ServerConnection | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Підключення до бази даних")
        self.setMinimumWidth(460)
        self._checking = 0
        self.host = QLineEdit(self)
        self.host.setPlaceholderText("адреса сервера, напр. 192.168.0.10")
        self.port = QSpinBox(self)
        self.port.setRange(1, 65535)
        self.port.setValue(DEFAULT_PORT)
        self.database = QLineEdit(self)
        self.user = QLineEdit(self)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.remember = QCheckBox("Запам'ятати пароль у сховищі паролів системи", self)
        self.has_store = keyring_available()
        self.remember.setEnabled(self.has_store)
        self.remember.setChecked(self.has_store)
        if not self.has_store:
            self.remember.setToolTip("На цьому комп'ютері немає сховища паролів")
        if current is not None:
            self.host.setText(current.host)
            self.port.setValue(current.port)
            self.database.setText(current.database)
            self.user.setText(current.user)
            self.password.setText(stored_password(current) or "")
        else:
            self.database.setText("dilovod")
        self.check_button = QPushButton("Перевірити з'єднання", self)
        self.check_button.setAutoDefault(False)
        self.check_button.clicked.connect(self._on_check)
        self.status = WrappedLabel("", self)
        self.error = ErrorLabel(self)

        form = QFormLayout()
        form.addRow("Сервер:", self.host)
        form.addRow("Порт:", self.port)
        form.addRow("База даних:", self.database)
        form.addRow("Користувач:", self.user)
        form.addRow("Пароль:", self.password)
        form.addRow("", self.remember)
        note = QLabel(
            "Пароль не зберігається у файлах програми"
            + ("." if self.has_store else ": його буде запитано під час кожного запуску."),
            self,
        )
        note.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Підключитися")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Скасувати")
        buttons.accepted.connect(self._on_accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.check_button)
        layout.addWidget(self.status)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        # A result about other settings must not stay on screen as if it were about these.
        for edit in (self.host, self.database, self.user, self.password):
            edit.textEdited.connect(self.status.clear)
        self.port.valueChanged.connect(self.status.clear)

    def connection(self) -> ServerConnection:
        return ServerConnection(
            self.host.text().strip(),
            self.database.text().strip(),
            self.user.text().strip(),
            self.port.value(),
        )

    def url(self) -> str:
        return self.connection().url(self.password.text() or None)

    def _problem(self) -> str:
        conn = self.connection()
        if not conn.host:
            return "Вкажіть адресу сервера"
        if not conn.database:
            return "Вкажіть назву бази даних"
        if not conn.user:
            return "Вкажіть користувача"
        return ""

    def _on_check(self) -> None:
        problem = self._problem()
        self.error.show_error(problem)
        self.status.setText("")
        if problem:
            return
        self._checking += 1
        self.check_button.setEnabled(False)
        self.status.setText("Перевіряю…")
        url = self.url()
        run_in_background(
            lambda: check_connection(url), self._on_checked, self._on_check_failed, owner=self
        )

    def _on_checked(self, message: str) -> None:
        self.check_button.setEnabled(True)
        self.error.show_error("")
        self.status.setText(message)

    def _on_check_failed(self, exc: BaseException) -> None:
        self.check_button.setEnabled(True)
        self.status.setText("")
        text = str(exc) if isinstance(exc, ConnectionProblem) else f"Помилка: {exc}"
        self.error.show_error(text)

    def _on_accept(self) -> None:
        problem = self._problem()
        if problem:
            self.error.show_error(problem)
            return
        conn = self.connection()
        store_url(conn.url())
        if self.remember.isChecked() and self.password.text():
            store_password(conn, self.password.text())  # refused: it is asked at next start
        elif self.has_store:
            forget_password(conn)
        self.accept()
