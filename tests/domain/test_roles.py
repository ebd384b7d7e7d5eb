"""Roles grant permissions; a plain login (the CLI, the system) holds them all."""

from __future__ import annotations

import pytest

from app.domain import roles
from app.domain.roles import Actor, PermissionDenied, actor_of


def actor(*held: str) -> Actor:
    return Actor("test", frozenset(held))


def test_each_role_reaches_only_its_own_work():
    clerk, hr, reader = actor(roles.CLERK), actor(roles.HR), actor(roles.READER)
    admin, starosta = actor(roles.ADMINISTRATOR), actor(roles.STAROSTA)
    assert clerk.can_write("incoming") and clerk.can_write("appeals")
    assert not clerk.can(roles.USERS_MANAGE)
    assert not hr.can_read("incoming") and hr.can_write("personnel")
    assert reader.can_read("incoming") and not reader.can_write("incoming")
    assert not reader.can_read("appeals")  # personal data is not for a view-only account
    assert admin.can(roles.USERS_MANAGE) and admin.can(roles.AUDIT_VIEW)
    assert not admin.can_write("incoming")
    assert starosta.can_write("household") and not starosta.can_read("outgoing")


def test_several_roles_add_up():
    both = actor(roles.HR, roles.READER)
    assert both.can_write("personnel") and both.can_read("outgoing")
    assert not both.can_write("outgoing")


def test_a_plain_login_is_the_system_with_every_right():
    system = actor_of("olena")
    assert system.login == "olena" and system.system
    assert system.can(roles.USERS_MANAGE) and system.can_write("household")
    given = actor(roles.READER)
    assert actor_of(given) is given


def test_refusal_names_what_is_missing_in_ukrainian():
    with pytest.raises(PermissionDenied, match="Недостатньо прав: test не може вносити зміни"):
        actor(roles.READER).require(roles.write("incoming"))
    with pytest.raises(PermissionDenied, match="керувати користувачами"):
        actor(roles.CLERK).require(roles.USERS_MANAGE)


def test_a_refusal_names_the_register_as_the_clerk_knows_it():
    import pytest

    reader = roles.Actor("reader", frozenset({roles.READER}))
    with pytest.raises(roles.PermissionDenied, match="вносити зміни до реєстру «Вихідні»"):
        reader.require(roles.write("outgoing"))
