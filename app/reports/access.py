"""Who may take the control reports out of the program, and the audit of each one taken.

The reports (documents on control, the execution report, the reminders) list documents on control
with their correspondents and summaries, so each holds only the registers (and series) its user
may read (`app.services.access.control_scope`): a reader's довідка has no citizens' appeals, HR's
only the personnel orders. Whoever may read none of those registers gets no report — the
window's control centre and the command line alike. Each report written to a file or printed is
recorded in the audit trail.
"""

from __future__ import annotations

from pathlib import Path

from app.domain.roles import Actor, PermissionDenied, actor_of
from app.registers import REGISTERS
from app.services.access import may_read
from db.session import Database


def covered_registers() -> list[str]:
    return [code for code, spec in REGISTERS.items() if spec.controllable]


def may_take_reports(user: str | Actor) -> bool:
    """Whether `user` may read any register (or series) the control reports cover."""
    actor = actor_of(user)
    return any(may_read(REGISTERS[code], actor) for code in covered_registers())


def require_reports(user: str | Actor) -> Actor:
    """The actor, if he may read some register the reports cover (they hold only those);
    else PermissionDenied."""
    actor = actor_of(user)
    if not may_take_reports(actor):
        who = actor.login or "цей користувач"
        raise PermissionDenied(
            f"Недостатньо прав: {who} не може переглядати жодного реєстру з документами на "
            "контролі. Зверніться до адміністратора."
        )
    return actor


def record_report(db: Database, user: str | Actor, title: str, path: str | Path = "") -> None:
    """One audit entry for a report taken out (printed or written to `path`). When the entry
    cannot be written, the file just written is removed: no entry, no file."""
    # The audit trail loads SQLAlchemy: imported here, since the window asks `may_take_reports`
    # while its first screen comes up (issue 10).
    from app.services import audit

    details = {"звіт": title, **({"файл": Path(path).name} if path else {})}
    try:
        audit.log(db, user, audit.PRINT, details=details)
    except BaseException:
        if path:
            Path(path).unlink(missing_ok=True)
        raise
