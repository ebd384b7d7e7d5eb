"""Who works in this window: the user signed in at start, or the computer's login.

Kept apart from the dialogs' helpers (app/services/dialog_support.py, which re-exports both
names): every register tab asks for the user when it loads its first page, and this must not
import the control and calendar services the first screen does not use yet.
"""

from __future__ import annotations

import getpass

from app.domain.roles import Actor

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
