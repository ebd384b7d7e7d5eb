"""The registry of register tabs: what the main window shows, without listing modules.

Every document register of `app.registers.REGISTERS` gets the generic `RegisterTab`; an entity
register's UI module (`CONTRIBUTORS`) adds its own entry with `contribute` when imported — its
tab, who may see it and who may change it, and the reference dialogs it brings to «Довідники».
The main window asks `entries()` and builds what it gets (Picard's extension points).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtWidgets import QWidget

from app.domain.roles import Actor
from app.registers import REGISTERS
from app.services import access
from db.session import Database

#: UI modules that contribute entity registers (imported once, on the first `entries()`).
CONTRIBUTORS = (
    "ui.registers.meetings_tab",
    "ui.registers.staff_tab",
    "ui.registers.personnel_tab",
    "ui.registers.household_tab",
    "ui.registers.awards_tab",
)


@dataclass(frozen=True)
class TabEntry:
    """One tab of the window: its register code and title, how to build it, who may see it
    and who may change what it shows; `references`: (menu title, dialog factory) pairs."""

    code: str
    title: str
    build: Callable[[Database, QWidget], QWidget]
    may_see: Callable[[Actor], bool]
    may_change: Callable[[Actor], bool]
    references: tuple[tuple[str, Callable[[Database, QWidget], QWidget]], ...] = field(default=())


_CONTRIBUTED: list[TabEntry] = []
_loaded = False


def contribute(entry: TabEntry) -> None:
    """Add an entity register's tab (called by its UI module at import)."""
    if all(e.code != entry.code for e in _CONTRIBUTED):
        _CONTRIBUTED.append(entry)


#: Document registers whose tab is a RegisterTab of their own (awards: granting, batches).
_BUILDERS: dict[str, Callable[[Database, QWidget], QWidget]] = {}


def document_tab_builder(code: str, build: Callable[[Database, QWidget], QWidget]) -> None:
    """A document register's own tab class (called by its UI module at import); its
    rights stay the register's."""
    _BUILDERS[code] = build


def _document_tab(code: str) -> TabEntry:
    spec = REGISTERS[code]

    def build(db: Database, parent: QWidget) -> QWidget:
        from ui.registers.register_tab import RegisterTab

        if code in _BUILDERS:
            return _BUILDERS[code](db, parent)
        return RegisterTab(db, spec, parent)

    return TabEntry(
        code,
        spec.title,
        build,
        lambda actor: access.may_read(spec, actor),
        lambda actor: access.may_write(spec, actor),
    )


def entries() -> list[TabEntry]:
    """Every register's tab in the window's order: the document registers, then the entity
    registers contributed by their modules."""
    global _loaded
    if not _loaded:
        for module in CONTRIBUTORS:
            importlib.import_module(module)
        _loaded = True

    def place(entry: TabEntry) -> int:
        module = entry.build.__module__
        return CONTRIBUTORS.index(module) if module in CONTRIBUTORS else len(CONTRIBUTORS)

    # In the order of CONTRIBUTORS, whichever module a test or a dialog imported first.
    return [*(_document_tab(code) for code in REGISTERS), *sorted(_CONTRIBUTED, key=place)]
