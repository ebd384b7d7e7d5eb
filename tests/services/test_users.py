"""Accounts: creating, logging in, the pause after wrong passwords, deactivation."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from app.domain import roles
from app.domain.roles import Actor, PermissionDenied
from app.services import users
from app.services.users import LoginFailed, LoginLocked, UserError


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 3, 2, 9, 0, 0)

    def __call__(self) -> datetime:
        return self.now

    def wait(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


@pytest.fixture
def clerk(db):
    return users.create_user(db, "olena", "секрет-0001", [roles.CLERK], "Олена Коваль")


def test_a_correct_password_gives_the_roles(db, clerk):
    actor = users.authenticate(db, " olena ", "секрет-0001")
    assert actor == Actor("olena", frozenset({roles.CLERK}), "Олена Коваль")
    assert actor.can_write("incoming") and not actor.can(roles.USERS_MANAGE)


def test_wrong_password_and_unknown_login_get_the_same_message(db, clerk):
    for login, password in (("olena", "не-той"), ("nobody", "секрет-0001")):
        with pytest.raises(LoginFailed, match="Неправильне ім'я користувача або пароль"):
            users.authenticate(db, login, password)


def test_five_failures_pause_the_account_and_the_pause_grows(db, clerk):
    clock = Clock()
    for _ in range(4):
        with pytest.raises(LoginFailed) as caught:
            users.authenticate(db, "olena", "не-той", now=clock)
        assert not isinstance(caught.value, LoginLocked)
    with pytest.raises(LoginFailed):
        users.authenticate(db, "olena", "не-той", now=clock)  # the 5th: 30 s pause begins
    clock.wait(10)
    with pytest.raises(LoginLocked) as locked:  # even the right password waits
        users.authenticate(db, "olena", "секрет-0001", now=clock)
    assert locked.value.seconds == 20 and "через 20 с" in str(locked.value)
    clock.wait(21)
    with pytest.raises(LoginFailed):
        users.authenticate(db, "olena", "не-той", now=clock)  # the 6th: 60 s
    clock.wait(59)
    with pytest.raises(LoginLocked):
        users.authenticate(db, "olena", "секрет-0001", now=clock)
    clock.wait(2)
    assert users.authenticate(db, "olena", "секрет-0001", now=clock).login == "olena"
    # success clears the counter: four more failures do not lock again
    for _ in range(4):
        with pytest.raises(LoginFailed) as caught:
            users.authenticate(db, "olena", "не-той", now=clock)
        assert not isinstance(caught.value, LoginLocked)


def test_pause_doubles_up_to_fifteen_minutes():
    assert users.pause_after(4) == timedelta(0)
    assert users.pause_after(5) == timedelta(seconds=30)
    assert users.pause_after(7) == timedelta(seconds=120)
    assert users.pause_after(30) == timedelta(minutes=15)


def test_reset_password_lifts_the_pause(db, clerk):
    clock = Clock()
    for _ in range(5):
        with pytest.raises(LoginFailed):
            users.authenticate(db, "olena", "не-той", now=clock)
    users.reset_password(db, clerk.id, "новий-пароль", user="admin")
    assert users.authenticate(db, "olena", "новий-пароль", now=clock).login == "olena"


def test_a_deactivated_account_cannot_log_in_and_is_never_deleted(db, clerk):
    users.update_user(db, clerk.id, [roles.READER], "Олена Коваль", active=False, user="admin")
    with pytest.raises(LoginFailed):
        users.authenticate(db, "olena", "секрет-0001")
    (info,) = users.list_users(db)
    assert (info.login, info.active, info.roles) == ("olena", False, (roles.READER,))


def test_only_an_administrator_manages_accounts(db, clerk):
    as_clerk = users.authenticate(db, "olena", "секрет-0001")
    with pytest.raises(PermissionDenied):
        users.create_user(db, "ivan", "секрет-2", [roles.READER], user=as_clerk)
    with pytest.raises(PermissionDenied):
        users.reset_password(db, clerk.id, "інший-0001", user=as_clerk)


def test_logins_are_unique_and_roles_known(db, clerk):
    with pytest.raises(UserError, match="уже є"):
        users.create_user(db, "olena", "секрет-2", [roles.READER])
    with pytest.raises(UserError, match="Невідома роль"):
        users.create_user(db, "ivan", "секрет-2", ["boss"])
    with pytest.raises(UserError, match="хоча б одну роль"):
        users.create_user(db, "ivan", "секрет-2", [])


def test_the_first_administrator_only_on_an_empty_database(db):
    assert not users.has_users(db)
    admin = users.create_first_administrator(db, "admin", "адмін-пароль")
    assert set(admin.roles) == {roles.ADMINISTRATOR, roles.CLERK}
    with pytest.raises(UserError, match="вже створені"):
        users.create_first_administrator(db, "admin2", "адмін-пароль")


def test_an_administrator_cannot_remove_his_own_rights(db):
    admin = users.create_first_administrator(db, "admin", "адмін-пароль")
    me = users.authenticate(db, "admin", "адмін-пароль")
    with pytest.raises(UserError, match="самого себе"):
        users.update_user(db, admin.id, [roles.CLERK], "", user=me)


def test_login_can_be_switched_off_only_on_sqlite(db):
    assert users.login_required(db)
    if db.dialect == "sqlite":
        users.set_login_required(db, False, user="admin")
        assert not users.login_required(db)
    else:
        with pytest.raises(UserError, match="SQLite"):
            users.set_login_required(db, False, user="admin")
        assert users.login_required(db)


def test_an_over_long_login_fails_as_any_wrong_login_and_is_audited(db):
    """Issue 9: a 5,000-character login gave a traceback on PostgreSQL (the trail's column is
    100 characters) and was not audited."""
    from app.services.audit import AuditQuery, entries

    with pytest.raises(users.LoginFailed):
        users.authenticate(db, "ж" * 5000, "будь-який-пароль")
    [entry] = entries(db, "admin", AuditQuery())
    assert entry.action == "login_failed" and entry.login == "ж" * 99 + "…"
