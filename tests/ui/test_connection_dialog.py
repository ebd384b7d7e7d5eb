"""The connection dialog and the start against a shared server that may not answer."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialog

from app.services.connection import ServerConnection, password_in_url
from app.services.database import DatabaseOpenError
from tests.conftest import PG_SERVER_URL
from ui import startup
from ui.dialogs import connection as dialog_module
from ui.dialogs.connection import ConnectionDialog, stored_url

LOCAL_SERVER = ServerConnection.from_url(PG_SERVER_URL)


def _fill(dialog: ConnectionDialog, server: ServerConnection, password: str = "") -> None:
    dialog.host.setText(server.host)
    dialog.port.setValue(server.port)
    dialog.database.setText(server.database)
    dialog.user.setText(server.user)
    dialog.password.setText(password)


def test_check_reports_a_ready_database_and_a_missing_one(qtbot, db):
    if db.dialect != "postgresql":
        pytest.skip("needs the server")
    dialog = ConnectionDialog()
    qtbot.addWidget(dialog)
    ready = ServerConnection.from_url(db.url)
    assert ready is not None
    _fill(dialog, ready)
    dialog.check_button.click()
    qtbot.waitUntil(lambda: "База Діловода готова" in dialog.status.text(), timeout=5000)
    dialog.database.selectAll()
    qtbot.keyClicks(dialog.database, "no_such_database_here")
    assert dialog.status.text() == ""  # the result was about the database typed before
    dialog.check_button.click()
    qtbot.waitUntil(lambda: "немає такої бази" in dialog.error.text(), timeout=5000)


def test_empty_fields_are_named_before_anything_is_tried(qtbot):
    dialog = ConnectionDialog()
    qtbot.addWidget(dialog)
    dialog.check_button.click()
    assert dialog.error.text() == "Вкажіть адресу сервера"


def test_accepting_keeps_the_url_per_pc_and_the_password_in_the_store(qtbot, memory_keyring):
    dialog = ConnectionDialog()
    qtbot.addWidget(dialog)
    assert dialog.remember.isEnabled() and dialog.remember.isChecked()
    server = ServerConnection("10.0.0.5", "dilovod", "clerk")
    _fill(dialog, server, "таємниця")
    dialog._on_accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert stored_url() == "postgresql+psycopg://clerk@10.0.0.5:5432/dilovod"
    assert "таємниця" not in stored_url()
    assert memory_keyring.items == {("Dilovod", server.label): "таємниця"}
    assert dialog.url() == server.url("таємниця")
    again = ConnectionDialog(server)  # opened again: the password comes from the store
    qtbot.addWidget(again)
    assert again.password.text() == "таємниця"


def test_the_password_is_asked_only_when_the_server_wants_one(qtbot, db, monkeypatch):
    if db.dialect != "postgresql":
        pytest.skip("needs the server")
    server = ServerConnection.from_url(db.url)
    dialog_module.store_url(server.url())
    asked: list[ServerConnection] = []

    def ask(conn, _parent=None) -> str:
        asked.append(conn)
        return "пароль"

    monkeypatch.setattr(dialog_module, "ask_password", ask)
    opened = startup.open_for_window(None)  # this server trusts 127.0.0.1: nothing asked
    assert opened is not None and opened.db.dialect == "postgresql"
    opened.db.dispose()
    assert asked == []

    tried: list[str] = []
    real_open = startup.open_database

    def refusing_without_password(url: str, **options: object):
        tried.append(url)
        if not password_in_url(url):
            raise DatabaseOpenError("x") from RuntimeError("fe_sendauth: no password supplied")
        return real_open(url, **options)

    monkeypatch.setattr(startup, "open_database", refusing_without_password)
    opened = startup.open_for_window(None)
    assert opened is not None
    opened.db.dispose()
    assert asked == [server] and tried[-1] == server.url("пароль")
    monkeypatch.setattr(dialog_module, "ask_password", lambda *_: None)
    assert startup.open_for_window(None) is None  # the prompt cancelled: no window


def test_a_server_that_does_not_answer_offers_a_local_file(qtbot, tmp_path, monkeypatch):
    dialog_module.store_url("postgresql+psycopg://postgres@127.0.0.1:1/dilovod")
    offers = []

    def offer(server, problem, _parent):
        offers.append(problem)
        return startup.Choice.RETRY if len(offers) == 1 else startup.Choice.LOCAL

    monkeypatch.setattr(startup, "offer", offer)
    local = tmp_path / "local.sqlite"
    monkeypatch.setattr(startup, "choose_local_file", lambda _parent: str(local))
    opened = startup.open_for_window(None)
    assert opened is not None and opened.db.dialect == "sqlite"
    opened.db.dispose()
    assert len(offers) == 2 and "Сервер не відповідає" in offers[0]
    # The server stays this PC's choice; the local file was for now.
    assert stored_url().endswith("127.0.0.1:1/dilovod")


def test_giving_up_on_the_server_quits_and_a_bad_file_raises(qtbot, tmp_path, monkeypatch):
    dialog_module.store_url("postgresql+psycopg://postgres@127.0.0.1:1/dilovod")
    monkeypatch.setattr(startup, "offer", lambda *_: startup.Choice.QUIT)
    assert startup.open_for_window(None) is None
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(b"not a database at all" * 100)
    with pytest.raises(DatabaseOpenError):
        startup.open_for_window(str(bad))
