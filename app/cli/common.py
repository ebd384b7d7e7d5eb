"""What the command groups share: the error a command ends with, argument types, the acting user.

Exit codes: 0 — done; 1 — the command could not do its job (bad data, a refused operation);
2 — the command line or the database itself is wrong.
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from app.domain.roles import Actor

if TYPE_CHECKING:
    from app.registers.base import RegisterSpec


class CliError(Exception):
    """A command that cannot go on; the message is for the user, the code is the exit code."""

    def __init__(self, message: str, code: int = 1) -> None:
        super().__init__(message)
        self.code = code


def date_arg(text: str) -> date:
    from app.domain.dates import DateError, parse_date

    try:
        return parse_date(text)
    except DateError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from exc


def positive_int(text: str) -> int:
    if not text.strip().isdigit():
        raise argparse.ArgumentTypeError(f"потрібне ціле невід'ємне число, а не «{text}»")
    return int(text)


def register_codes() -> list[str]:
    """Every register's code, and each code with «-» for «_» (`import info-requests FILE`)."""
    from app.registers import REGISTERS

    codes = list(REGISTERS)
    return codes + [c.replace("_", "-") for c in codes if "_" in c]


REGISTER_HELP = "incoming — вхідні, outgoing — вихідні"


def control_states() -> list[str]:
    """The states a view filters by (every process that uses them imports deadlines anyway)."""
    from app.domain.deadlines import ControlState

    return [state.value for state in ControlState if state is not ControlState.NONE]


def spec(code: str) -> RegisterSpec:
    from app.registers import REGISTERS

    return REGISTERS[code.replace("-", "_")]


def write(path: str, data: bytes) -> None:
    from app.services.table_files import cannot_write

    try:
        Path(path).write_bytes(data)
    except OSError as exc:
        raise cannot_write(path, exc) from exc


_ACTOR: list[Actor] = []


def user() -> Actor:
    """Who runs the command: the program user given by --user, else the OS user with every
    right (the CLI is a tool of whoever may open the database file or the server)."""
    if _ACTOR:
        return _ACTOR[-1]
    import getpass

    try:
        return Actor.system_user(getpass.getuser())
    except Exception:
        return Actor.system_user("")


def login(db: object, name: str) -> Actor:
    """Authenticate --user (the password is read from the terminal, or DILOVOD_PASSWORD) and
    act as that user from now on."""
    import getpass
    import os

    from app.services.users import authenticate

    password = os.environ.get("DILOVOD_PASSWORD") or getpass.getpass(f"Пароль для {name}: ")
    actor = authenticate(db, name, password)  # type: ignore[arg-type]
    _ACTOR[:] = [actor]
    return actor
