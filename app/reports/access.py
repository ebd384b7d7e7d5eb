"""Who may take the control reports out of the program, and the audit of each one taken.

The reports (documents on control, the execution report, the reminders) list documents of every
controllable register with their correspondents and summaries, so they are for those who may
read every one of those registers — the window's control centre and the command line alike.
Each report written to a file or printed is recorded in the audit trail.
"""

from __future__ import annotations

from pathlib import Path

from app.domain.roles import Actor, actor_of, read
from app.registers import REGISTERS
from app.services import audit
from db.session import Database


def covered_registers() -> list[str]:
    return [code for code, spec in REGISTERS.items() if spec.controllable]


def may_take_reports(user: str | Actor) -> bool:
    actor = actor_of(user)
    return all(actor.can_read(code) for code in covered_registers())


def require_reports(user: str | Actor) -> Actor:
    """The actor, if he may read every register the reports cover; else PermissionDenied."""
    actor = actor_of(user)
    for code in covered_registers():
        if not actor.can_read(code):
            actor.require(read(code))
    return actor


def record_report(db: Database, user: str | Actor, title: str, path: str | Path = "") -> None:
    """One audit entry for a report taken out (printed or written to `path`). When the entry
    cannot be written, the file just written is removed: no entry, no file."""
    details = {"звіт": title, **({"файл": Path(path).name} if path else {})}
    try:
        audit.log(db, user, audit.PRINT, details=details)
    except BaseException:
        if path:
            Path(path).unlink(missing_ok=True)
        raise
