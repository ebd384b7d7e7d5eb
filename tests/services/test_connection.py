"""The shared server's connection: URLs without the password, the credential store, the check."""

from __future__ import annotations

import keyring
import pytest
from keyring.backends import fail

from app.services import connection
from app.services.connection import (
    ConnectionProblem,
    ServerConnection,
    check_connection,
    password_in_url,
    without_password,
)
from tests.conftest import PG_SERVER_URL

SERVER = ServerConnection("10.0.0.5", "dilovod", "clerk", 5433)


def test_the_url_carries_the_password_only_when_given():
    assert SERVER.url() == "postgresql+psycopg://clerk@10.0.0.5:5433/dilovod"
    full = SERVER.url("p@ss/word:1")
    assert password_in_url(full) and not password_in_url(SERVER.url())
    assert ServerConnection.from_url(full) == SERVER
    assert "p@ss" not in without_password(full)
    assert ServerConnection.from_url("sqlite:////tmp/x.sqlite") is None
    assert ServerConnection.from_url("postgresql://u@h/db") == ServerConnection("h", "db", "u")


def test_the_password_goes_to_the_credential_store(memory_keyring):
    store = memory_keyring
    assert connection.keyring_available()
    assert connection.store_password(SERVER, "секрет")
    assert store.items == {("Dilovod", "clerk@10.0.0.5:5433/dilovod"): "секрет"}
    assert connection.stored_password(SERVER) == "секрет"
    connection.forget_password(SERVER)
    assert connection.stored_password(SERVER) is None


def test_without_a_store_nothing_is_kept(monkeypatch):
    monkeypatch.setattr(keyring, "get_keyring", lambda: fail.Keyring())
    assert not connection.keyring_available()
    assert not connection.store_password(SERVER, "x")
    assert connection.stored_password(SERVER) is None


def test_check_tells_an_empty_database_from_a_ready_one(fresh_pg_url, db):
    assert "База порожня" in check_connection(fresh_pg_url)
    if db.dialect == "postgresql":
        assert "База Діловода готова" in check_connection(db.url)


def test_check_explains_what_is_wrong(fresh_pg_url):
    base = PG_SERVER_URL.rpartition("/")[0]
    with pytest.raises(ConnectionProblem, match="немає такої бази"):
        check_connection(f"{base}/no_such_database_here")
    with pytest.raises(ConnectionProblem, match="Сервер не відповідає"):
        check_connection("postgresql://postgres@127.0.0.1:1/x", timeout=2)
