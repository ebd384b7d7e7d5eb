"""The registry of register tabs: what the main window shows, and how each tab is built.

Every document register of `app.registers.REGISTERS` gets the generic `RegisterTab` unless a
UI module of its own builds it (awards: granting, batches); the entity registers and the
meetings' tab are declared here with their titles and rights. A tab's module is imported only
when the tab is first built: the window's start pays for the tab on screen, not for every
register's dialogs, services and printouts (bench/bench_ui.py start; tests/ui/test_lazy_tabs.py
names what the start must not import).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtWidgets import QWidget

from app.domain.roles import Actor
from app.registers import DECISIONS, REGISTERS
from app.registers import households as households_spec
from app.registers import personnel as personnel_spec
from app.registers import staff as staff_spec
from app.services import access
from db.session import Database


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


def built_by(module: str) -> Callable[[Database, QWidget], QWidget]:
    """A tab builder that imports `module` (its `build_tab(db, parent)`) only when called."""

    def build(db: Database, parent: QWidget) -> QWidget:
        return importlib.import_module(module).build_tab(db, parent)  # type: ignore[no-any-return]

    build.__qualname__ = f"built_by({module})"
    return build


#: Document registers whose tab is a RegisterTab of their own; their rights stay the register's.
_OWN_TABS: dict[str, str] = {"awards": "ui.registers.awards_tab"}

#: The tabs that are no document register's generic tab, in the window's order after those.
_OTHER_TABS: tuple[TabEntry, ...] = (
    TabEntry(
        "meetings",
        "Засідання виконкому",
        built_by("ui.registers.meetings_tab"),
        lambda actor: access.may_read(DECISIONS, actor),
        lambda actor: access.may_write(DECISIONS, actor),
    ),
    TabEntry(
        staff_spec.STAFF.code,
        staff_spec.STAFF.title,
        built_by("ui.registers.staff_tab"),
        staff_spec.may_read,
        staff_spec.may_write,
    ),
    TabEntry(
        personnel_spec.PERSONNEL.code,
        personnel_spec.PERSONNEL.title,
        built_by("ui.registers.personnel_tab"),
        personnel_spec.may_read,
        personnel_spec.may_write,
    ),
    TabEntry(
        households_spec.HOUSEHOLDS.code,
        households_spec.HOUSEHOLDS.title,
        built_by("ui.registers.household_tab"),
        households_spec.may_read,
        households_spec.may_write,
    ),
)


def _document_tab(code: str) -> TabEntry:
    spec = REGISTERS[code]

    def build(db: Database, parent: QWidget) -> QWidget:
        if code in _OWN_TABS:
            return built_by(_OWN_TABS[code])(db, parent)
        from ui.registers.register_tab import RegisterTab

        return RegisterTab(db, spec, parent)

    return TabEntry(
        code,
        spec.title,
        build,
        lambda actor: access.may_read(spec, actor),
        lambda actor: access.may_write(spec, actor),
    )


def entries() -> list[TabEntry]:
    """Every register's tab in the window's order: the document registers, then the others."""
    return [*(_document_tab(code) for code in REGISTERS), *_OTHER_TABS]
