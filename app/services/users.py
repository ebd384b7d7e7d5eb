"""Program accounts: creating, roles, passwords, deactivation, and logging in.

Accounts are never deleted — the audit trail names them — only deactivated. After
`FREE_FAILURES` wrong passwords in a row an account pauses for `FIRST_PAUSE`, doubling with
each further failure up to `MAX_PAUSE`; the pause is stored in the database, so restarting the
program or moving to another PC does not lift it. The clock is a parameter for the tests.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.roles import ADMINISTRATOR, CLERK, ROLE_TITLES, USERS_MANAGE, Actor, actor_of
from app.services import audit, settings
from app.services.passwords import check_strength, hash_password, verify_password
from app.services.signed_in import LOGIN_REQUIRED as LOGIN_REQUIRED
from app.services.signed_in import has_users as has_users
from app.services.signed_in import login_required as login_required
from db.base import utcnow
from db.models import AppUser, UserRole
from db.session import Database

FREE_FAILURES = 5
FIRST_PAUSE = timedelta(seconds=30)
MAX_PAUSE = timedelta(minutes=15)
Clock = Callable[[], datetime]
# Checked against when the login is unknown, so a wrong login costs as long as a wrong password.
_DUMMY_HASH = (
    "scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="
)


class UserError(ValueError):
    """A change to an account that cannot be made, with a Ukrainian message."""


class LoginFailed(UserError):
    """Wrong login or password (which of the two is not told)."""


class LoginLocked(LoginFailed):
    """Too many wrong passwords: wait `seconds` before the next attempt."""

    def __init__(self, seconds: int) -> None:
        self.seconds = seconds
        super().__init__(f"Забагато невдалих спроб. Спробуйте знову через {seconds} с.")


@dataclass(frozen=True)
class UserInfo:
    id: int
    login: str
    full_name: str
    roles: tuple[str, ...]
    active: bool
    district: str = ""

    @property
    def roles_text(self) -> str:
        return ", ".join(ROLE_TITLES.get(r, r) for r in self.roles)

    def actor(self) -> Actor:
        return Actor(self.login, frozenset(self.roles), self.full_name, self.district)


def _roles(s: Session, user_id: int) -> tuple[str, ...]:
    stmt = select(UserRole.role).where(UserRole.user_id == user_id).order_by(UserRole.role)
    return tuple(s.execute(stmt).scalars())


def _info(s: Session, row: AppUser) -> UserInfo:
    return UserInfo(row.id, row.login, row.full_name, _roles(s, row.id), row.active, row.district)


def _titles(roles: Iterable[str]) -> str:
    """Roles as the audit trail shows them: «Загальний відділ, Кадрова служба» (a text, so a
    list of two roles is never read as a change from one to the other)."""
    return ", ".join(ROLE_TITLES.get(r, r) for r in sorted(roles))


def _clean_roles(roles: Iterable[str]) -> set[str]:
    chosen = set(roles)
    unknown = chosen - set(ROLE_TITLES)
    if unknown:
        raise UserError(f"Невідома роль: {', '.join(sorted(unknown))}")
    if not chosen:
        raise UserError("Оберіть хоча б одну роль")
    return chosen


def list_users(db: Database) -> list[UserInfo]:
    with db.read() as s:
        rows = s.execute(select(AppUser).order_by(AppUser.login)).scalars().all()
        return [_info(s, r) for r in rows]


def create_user(
    db: Database,
    login: str,
    password: str,
    roles: Iterable[str],
    full_name: str = "",
    district: str = "",
    user: str | Actor = "",
) -> UserInfo:
    actor = actor_of(user)
    actor.require(USERS_MANAGE)
    login = login.strip()
    if not login:
        raise UserError("Вкажіть ім'я користувача (логін)")
    chosen = _clean_roles(roles)
    check_strength(password)
    with db.write() as s:
        if s.execute(select(AppUser.id).where(AppUser.login == login)).first():
            raise UserError(f"Користувач «{login}» уже є")
        row = AppUser(
            login=login,
            full_name=full_name.strip(),
            password_hash=hash_password(password),
            district=district.strip(),
            failed_logins=0,
            changed_by=actor.login,
        )
        s.add(row)
        s.flush()
        s.add_all(UserRole(user_id=row.id, role=r) for r in sorted(chosen))
        details = {"створено": login, "ролі": _titles(chosen)}
        audit.add(s, actor, audit.USERS, record=_record(row), details=details)
        return UserInfo(row.id, login, row.full_name, tuple(sorted(chosen)), True, row.district)


def create_first_administrator(
    db: Database, login: str, password: str, full_name: str = ""
) -> UserInfo:
    """The first account of a database that has none: an administrator who is also a clerk
    (a small department's administrator usually registers the mail too)."""
    if has_users(db):
        raise UserError("Користувачі вже створені: увійдіть як адміністратор")
    return create_user(db, login, password, (ADMINISTRATOR, CLERK), full_name, user=login)


def _record(row: AppUser) -> audit.Record:
    return (audit.USER, row.uuid, row.login)


def _account(s: Session, user_id: int) -> AppUser:
    row = s.get(AppUser, user_id, with_for_update=True)
    if row is None:
        raise UserError("Користувача не знайдено")
    return row


def update_user(
    db: Database,
    user_id: int,
    roles: Iterable[str],
    full_name: str,
    district: str = "",
    active: bool = True,
    user: str | Actor = "",
) -> None:
    """Change roles, name, district, or (de)activate; an administrator cannot lock himself out."""
    actor = actor_of(user)
    actor.require(USERS_MANAGE)
    chosen = _clean_roles(roles)
    with db.write() as s:
        row = _account(s, user_id)
        if row.login == actor.login and (not active or ADMINISTRATOR not in chosen):
            raise UserError("Не можна позбавити самого себе прав адміністратора чи деактивувати")
        old = {
            "ролі": _titles(_roles(s, row.id)),
            "ПІБ": row.full_name,
            "активний": row.active,
            "округ": row.district,
        }
        for existing in s.execute(select(UserRole).where(UserRole.user_id == row.id)).scalars():
            s.delete(existing)
        s.flush()
        s.add_all(UserRole(user_id=row.id, role=r) for r in sorted(chosen))
        row.full_name, row.district, row.active = full_name.strip(), district.strip(), active
        row.changed_by = actor.login
        new = {
            "ролі": _titles(chosen),
            "ПІБ": row.full_name,
            "активний": active,
            "округ": row.district,
        }
        details = {"користувач": row.login, **audit.changes(old, new)}
        audit.add(s, actor, audit.USERS, record=_record(row), details=details)


def reset_password(db: Database, user_id: int, password: str, user: str | Actor = "") -> None:
    """A new password set by the administrator; it also lifts a pause after failures."""
    actor = actor_of(user)
    actor.require(USERS_MANAGE)
    check_strength(password)
    with db.write() as s:
        row = _account(s, user_id)
        row.password_hash = hash_password(password)
        row.failed_logins, row.locked_until = 0, None
        row.changed_by = actor.login
        details = {"користувач": row.login, "пароль": "змінено"}
        audit.add(s, actor, audit.USERS, record=_record(row), details=details)


def authenticate(db: Database, login: str, password: str, now: Clock = utcnow) -> Actor:
    """The actor for a correct login and password; raises LoginFailed / LoginLocked.

    Both outcomes are recorded in the audit trail (a failure with its reason); a failure is
    committed before it is raised, so the counter and the entry stay although the login fails.
    """
    login = login.strip()
    with db.write() as s:
        outcome = _attempt(s, login, password, now())
    if isinstance(outcome, Actor):
        return outcome
    if outcome:
        raise LoginLocked(outcome)
    raise LoginFailed("Неправильне ім'я користувача або пароль")


def _attempt(s: Session, login: str, password: str, moment: datetime) -> Actor | int:
    """The actor, or the seconds of pause left (0: simply wrong)."""
    row = s.execute(
        select(AppUser).where(AppUser.login == login).with_for_update()
    ).scalar_one_or_none()
    if row is None:
        verify_password(password, _DUMMY_HASH)
        audit.add(s, login, audit.LOGIN_FAILED, details="невідомий користувач")
        return 0
    if row.locked_until is not None and row.locked_until > moment:
        audit.add(s, login, audit.LOGIN_FAILED, details="пауза після невдалих спроб")
        return int((row.locked_until - moment).total_seconds() + 0.999)
    if not verify_password(password, row.password_hash) or not row.active:
        row.failed_logins += 1
        reason = "неправильний пароль" if row.active else "обліковий запис вимкнено"
        audit.add(s, login, audit.LOGIN_FAILED, details=reason)
        if row.failed_logins >= FREE_FAILURES:
            row.locked_until = moment + pause_after(row.failed_logins)
        return 0
    row.failed_logins, row.locked_until = 0, None
    audit.add(s, login, audit.LOGIN)
    return _info(s, row).actor()


def pause_after(failures: int) -> timedelta:
    """30 s after the 5th failure in a row, then doubling, at most 15 minutes."""
    if failures < FREE_FAILURES:
        return timedelta(0)
    return min(FIRST_PAUSE * 2 ** (failures - FREE_FAILURES), MAX_PAUSE)


def set_login_required(db: Database, required: bool, user: str | Actor = "") -> None:
    """Switch the login off (a single-user SQLite install) or back on; administrators only."""
    actor = actor_of(user)
    actor.require(USERS_MANAGE)
    if not required and not db.url.startswith("sqlite"):
        raise UserError("Вимкнути вхід можна лише для однокористувацької бази SQLite")
    settings.set_setting(db, LOGIN_REQUIRED, "1" if required else "0")
    audit.log(db, actor, audit.USERS, details={"вхід за паролем": "так" if required else "ні"})
