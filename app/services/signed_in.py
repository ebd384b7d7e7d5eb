"""Who works in this window: the user signed in at start, or the computer's login.

Kept apart from the dialogs' helpers (app/services/dialog_support.py, which re-exports both
names): every register tab asks for the user when it loads its first page, and this must not
import the control and calendar services the first screen does not use yet.
"""

from __future__ import annotations

import getpass
from typing import TYPE_CHECKING

from app.domain.roles import Actor

if TYPE_CHECKING:
    from db.session import Database

#: The setting that switches the login off («0»): a single-user SQLite install.
LOGIN_REQUIRED = "security.login_required"

_SIGNED_IN: list[Actor] = []


def sign_in(actor: Actor | None) -> None:
    """Who works in this window from now on (None: nobody signed in, the OS user)."""
    _SIGNED_IN[:] = [actor] if actor is not None else []


def current_user() -> Actor:
    """Who is changing the record: the user signed in at start, else (login switched off) the
    Windows/Linux login with every right."""
    if _SIGNED_IN:
        return _SIGNED_IN[0]
    try:
        return Actor.system_user(getpass.getuser())
    except Exception:  # no login name in the environment (a service account, a bare container)
        return Actor.system_user("")


def has_users(db: Database) -> bool:
    """Whether any account exists (the first start creates the administrator). Read in plain
    SQL, as the login's setting is: the start decides whether to ask for a password before
    SQLAlchemy is loaded (issue 10)."""
    with db.plain() as read:
        return bool(read("SELECT 1 FROM app_user LIMIT 1", None))


def login_required(db: Database) -> bool:
    """Whether the window asks for a login (always, once a user exists, unless switched off)."""
    from app.services.settings import get_setting

    return get_setting(db, LOGIN_REQUIRED, "1") != "0"


def asks_for_login(db: Database) -> bool:
    """Whether the window's start shows the login dialog: at the first start (to create the
    administrator) and whenever the login is on."""
    return not has_users(db) or login_required(db)
