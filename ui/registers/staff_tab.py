"""The staff list's tab (an entity register): the paged table, search, department and state
filters, export and the printed list — the document registers' machinery — with a person's
card instead of a registration card. Contributed to the window through the tab registry."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from app.registers.staff import STAFF
from app.services import staff_register
from db.session import Database
from ui.registers.entity_tab import EntityTab


def build_tab(db: Database, parent: QWidget) -> QWidget:
    """The tab, built by the window's tab registry when first shown."""
    return EntityTab(
        db,
        STAFF,
        source=lambda d, q, u: staff_register.StaffView(d, q, user=u),
        may_read=staff_register.may_read,
        may_write=staff_register.may_write,
        load=staff_register.card_values,
        save=staff_register.save_person,
        choices={"department": staff_register.department_names},
        parent=parent,
    )
