"""Roles, the permissions they grant, and who is acting (`Actor`).

A role is a bundle of permissions; the services ask for a permission, never for a role, so a
new role (or a user holding several) needs no change below the window. Register permissions are
named after the register's code: ``register.incoming.read``, ``register.incoming.write``.

The command line and the program's own jobs act as a *system* actor with every permission: a
plain login string passed where an `Actor` is expected means exactly that (`actor_of`), so the
services keep accepting ``user="..."`` from the CLI, the demo builder and the older tests.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

ADMINISTRATOR = "administrator"
CLERK = "clerk"
HR = "hr"
STAROSTA = "starosta"
READER = "reader"

ROLE_TITLES: dict[str, str] = {
    ADMINISTRATOR: "Адміністратор",
    CLERK: "Загальний відділ",
    HR: "Кадрова служба",
    STAROSTA: "Староста",
    READER: "Перегляд",
}

USERS_MANAGE = "users.manage"
AUDIT_VIEW = "audit.view"
REFERENCE_WRITE = "reference.write"
# Correspondents' names and addresses: the clerks keep them (the outgoing mail needs them).
CORRESPONDENTS_WRITE = "reference.correspondents.write"
SETTINGS_WRITE = "settings.write"
CALENDAR_WRITE = "calendar.write"

# Registers by the work they belong to (codes of RegisterSpec; later registers reserve theirs).
CORRESPONDENCE = ("incoming", "outgoing", "decisions", "orders", "appeals", "info_requests")
PERSONNEL = ("personnel", "personnel_orders", "awards", "staff")
HOUSEHOLD = ("household",)
# Registers holding personal data: a reader's view-only right does not reach them.
PERSONAL = ("appeals", "info_requests", *PERSONNEL, *HOUSEHOLD)
# How a refusal names a register (the codes are for the program, not for the clerk).
REGISTER_NAMES: dict[str, str] = {
    "incoming": "Вхідні",
    "outgoing": "Вихідні",
    "decisions": "Рішення виконкому",
    "orders": "Розпорядження",
    "appeals": "Звернення громадян",
    "info_requests": "Запити на публічну інформацію",
    "personnel": "Особові справи",
    "personnel_orders": "Накази з кадрових питань",
    "awards": "Нагородження",
    "household": "Погосподарські книги",
    "staff": "Працівники",
}


def read(register: str) -> str:
    return f"register.{register}.read"


def write(register: str) -> str:
    return f"register.{register}.write"


def _rw(registers: Iterable[str]) -> frozenset[str]:
    return frozenset(p for r in registers for p in (read(r), write(r)))


ROLE_PERMISSIONS: dict[str, frozenset[str]] = {
    ADMINISTRATOR: frozenset(
        {
            USERS_MANAGE,
            AUDIT_VIEW,
            REFERENCE_WRITE,
            CORRESPONDENTS_WRITE,
            SETTINGS_WRITE,
            CALENDAR_WRITE,
        }
    ),
    CLERK: _rw(CORRESPONDENCE) | {CORRESPONDENTS_WRITE},
    HR: _rw(PERSONNEL),
    STAROSTA: _rw(HOUSEHOLD),
    READER: frozenset(read(r) for r in CORRESPONDENCE if r not in PERSONAL),
}

ACTION_TEXT = {
    USERS_MANAGE: "керувати користувачами",
    AUDIT_VIEW: "переглядати журнал дій",
    REFERENCE_WRITE: "змінювати довідники",
    CORRESPONDENTS_WRITE: "змінювати довідник кореспондентів",
    SETTINGS_WRITE: "змінювати налаштування",
    CALENDAR_WRITE: "змінювати робочий календар",
}


class PermissionDenied(PermissionError):
    """The acting user's roles do not allow this; the message is for the user, in Ukrainian."""


def permission_text(permission: str) -> str:
    if permission in ACTION_TEXT:
        return ACTION_TEXT[permission]
    parts = permission.split(".")
    if len(parts) == 3 and parts[0] == "register":
        name = REGISTER_NAMES.get(parts[1], parts[1])
        if parts[2] == "write":
            return f"вносити зміни до реєстру «{name}»"
        return f"переглядати реєстр «{name}»"
    return permission


@dataclass(frozen=True)
class Actor:
    """Who acts: the login (stored as «changed by» and in the audit trail) and the roles.

    `system` actors (the CLI run by the OS user, a single-user install with login switched off)
    hold every permission. `district` limits a starosta to the household books of one district.
    """

    login: str
    roles: frozenset[str] = frozenset()
    full_name: str = ""
    district: str = ""
    system: bool = False
    permissions: frozenset[str] = field(init=False)

    def __post_init__(self) -> None:
        granted = frozenset(p for r in self.roles for p in ROLE_PERMISSIONS.get(r, ()))
        object.__setattr__(self, "permissions", granted)

    @classmethod
    def system_user(cls, login: str = "") -> Actor:
        return cls(login=login, roles=frozenset(ROLE_TITLES), system=True)

    @property
    def name(self) -> str:
        return self.full_name or self.login

    def can(self, permission: str) -> bool:
        return self.system or permission in self.permissions

    def require(self, permission: str) -> None:
        """Raise PermissionDenied unless the actor holds `permission`."""
        if not self.can(permission):
            who = self.login or "цей користувач"
            raise PermissionDenied(
                f"Недостатньо прав: {who} не може {permission_text(permission)}. "
                "Зверніться до адміністратора."
            )

    def can_write(self, register: str) -> bool:
        return self.can(write(register))

    def can_read(self, register: str) -> bool:
        return self.can(read(register)) or self.can(write(register))


def actor_of(user: str | Actor) -> Actor:
    """An `Actor` for what a service was given: a plain login means the system (full rights)."""
    return user if isinstance(user, Actor) else Actor.system_user(user)
