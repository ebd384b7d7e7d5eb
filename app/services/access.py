"""Who may read and write a register, and a document of it: one place for the rule.

A register's own rights (`register.orders.read`) reach all of it. A register with series also
opens a series to the rights of the register its `Series.permission` names: HR holds
`register.personnel_orders.*`, so it reads and writes the personnel orders (series «-к») and
nothing else of the orders. Every service asks here; the window asks the same to hide what a
user may not use.
"""

from __future__ import annotations

from app.domain.roles import Actor, actor_of, read, write
from app.registers import REGISTERS
from app.registers.base import RegisterSpec

#: The registers a user may read, each with the series he may read there (None: all of them).
ReadScope = dict[str, tuple[str, ...] | None]


def readable_series(spec: RegisterSpec, actor: Actor) -> tuple[str, ...] | None:
    """The series of `spec` that `actor` may read: None when all of them (the register's own
    right), else those whose `permission` register the actor may read."""
    if not spec.series or actor.can_read(spec.code):
        return None
    return tuple(s.code for s in spec.series if s.permission and actor.can_read(s.permission))


def may_read(spec: RegisterSpec, actor: Actor, series: str | None = None) -> bool:
    """The register's own right, or the right to `series` (None: to any of its series)."""
    if actor.can_read(spec.code):
        return True
    allowed = readable_series(spec, actor) or ()
    return series in allowed if series is not None else bool(allowed)


def may_write(spec: RegisterSpec, actor: Actor, series: str | None = None) -> bool:
    """The register's own right to write, or the right to write `series` (None: any)."""
    if actor.can_write(spec.code):
        return True
    allowed = [s.code for s in spec.series if s.permission and actor.can_write(s.permission)]
    return series in allowed if series is not None else bool(allowed)


def require_read(actor: Actor, register: str, series: str | None = None) -> None:
    """PermissionDenied (the register named as the clerk knows it) unless `actor` may read."""
    spec = REGISTERS.get(register)
    if spec is None or not may_read(spec, actor, series):
        actor.require(read(register))


def require_write(actor: Actor, register: str, series: str | None = None) -> None:
    spec = REGISTERS.get(register)
    if spec is None or not may_write(spec, actor, series):
        actor.require(write(register))


def control_scope(user: str | Actor) -> ReadScope | None:
    """The controllable registers `user` may read (the control centre, the overdue scan and the
    control reports hold nothing else), each with its readable series; None when he may read
    every one of them whole, so nothing needs filtering. A plain login is the system: None."""
    actor = actor_of(user)
    scope: ReadScope = {}
    whole = True
    for code, spec in REGISTERS.items():
        if not spec.controllable:
            continue
        if not may_read(spec, actor):
            whole = False
            continue
        series = readable_series(spec, actor)
        whole = whole and series is None
        scope[code] = series
    return None if whole else scope


def scope_text(scope: ReadScope | None) -> str:
    """The registers of a partial scope as a report names them: «Вхідні, Розпорядження (з
    кадрових питань)»; "" for every register (nothing to say)."""
    if scope is None:
        return ""
    parts = []
    for code, series in scope.items():
        spec = REGISTERS[code]
        if series is None:
            parts.append(spec.title)
        else:
            titles = ", ".join(s.title for s in spec.series if s.code in series)
            parts.append(f"{spec.title} ({titles})")
    return ", ".join(parts)
