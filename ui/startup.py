"""Which database the window opens, and what happens when the shared server cannot be reached.

The command line may name a database; otherwise this PC's stored server (the connection
dialog's QSettings entry), else the local SQLite file. For a server, the password comes from
the credential store or is asked. A server that does not answer (or refuses the password) is
never a dead end: the clerk may try again, change the connection, or work on a local SQLite
file for now (the stored server stays as it was). A SQLite file that cannot be opened is
reported and left untouched, as before.
"""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from app.paths import default_database
from app.services.connection import (
    ServerConnection,
    explain,
    needs_password,
    password_in_url,
    stored_password,
    without_password,
)
from app.services.database import DatabaseOpenError, Opened, open_database
from ui.dialogs import connection as dialogs
from ui.dialogs.connection import ConnectionDialog, stored_url

TITLE = "Діловод"
#: How a restore names a running window that has the file open.
WINDOW = "вікно Діловода"


class Choice(StrEnum):
    RETRY = "retry"
    CHANGE = "change"
    LOCAL = "local"
    QUIT = "quit"


def initial_url(target: str | None) -> str:
    """What to open: the command line's choice, else this PC's server, else the local file."""
    return target or stored_url() or default_database()


def open_for_window(target: str | None, parent: QWidget | None = None) -> Opened | None:
    """The opened database, or None when the clerk gave up on the server; a SQLite file that
    cannot be used raises DatabaseOpenError."""
    url = initial_url(target)
    while True:
        server = ServerConnection.from_url(url)
        if server is None:
            return open_database(
                url, purpose=WINDOW
            )  # DatabaseOpenError: reported by the caller, file untouched
        try:
            return _open_server(url, server, parent)
        except Cancelled:
            return None
        except DatabaseOpenError as exc:
            choice = offer(server, explain(exc.__cause__) if exc.__cause__ else str(exc), parent)
        if choice == Choice.QUIT:
            return None
        if choice == Choice.CHANGE:
            dialog = ConnectionDialog(server, parent)
            if dialog.exec():
                url = dialog.url()
        elif choice == Choice.LOCAL:
            path = choose_local_file(parent)
            if path:
                url = path


class Cancelled(Exception):
    """The clerk cancelled the password prompt."""


def _open_server(url: str, server: ServerConnection, parent: QWidget | None) -> Opened:
    """With the URL's password, else the stored one, else none (trust, .pgpass, PGPASSWORD);
    the password is asked only when the server wants one."""
    password = None if password_in_url(url) else stored_password(server)
    try:
        return open_database(server.url(password) if password else url, purpose=WINDOW)
    except DatabaseOpenError as exc:
        if not needs_password(exc):
            raise
    asked = dialogs.ask_password(server, parent)
    if asked is None:
        raise Cancelled
    return open_database(server.url(asked), purpose=WINDOW)


def offer(server: ServerConnection, problem: str, parent: QWidget | None) -> Choice:
    """Ask what to do about a server that cannot be used (a seam: tests answer it)."""
    box = QMessageBox(QMessageBox.Icon.Warning, f"{TITLE}: сервер недоступний", "", parent=parent)
    box.setText(f"Не вдалося підключитися до бази {without_password(server.url())}.")
    box.setInformativeText(problem)
    retry = box.addButton("Спробувати ще раз", QMessageBox.ButtonRole.AcceptRole)
    change = box.addButton("Змінити підключення…", QMessageBox.ButtonRole.ActionRole)
    local = box.addButton("Відкрити локальний файл…", QMessageBox.ButtonRole.ActionRole)
    box.addButton("Вийти", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(retry)
    box.exec()
    clicked = box.clickedButton()
    for button, choice in ((retry, Choice.RETRY), (change, Choice.CHANGE), (local, Choice.LOCAL)):
        if clicked is button:
            return choice
    return Choice.QUIT


def choose_local_file(parent: QWidget | None) -> str:
    """A SQLite file to work on while the server is away ('' when cancelled)."""
    path, _ = QFileDialog.getOpenFileName(
        parent, "Локальна база даних", str(default_database()), "База Діловода (*.sqlite *.db)"
    )
    return path
