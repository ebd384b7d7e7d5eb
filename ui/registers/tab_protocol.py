"""What the parts of a register tab (its actions, export, code scan, reply, shortcuts) use of
the tab: `TabBase`, the widget every register tab is, with the attributes and methods its
parts rely on. The parts take a `TabBase`, so they need not import the tab that builds them
(no import circle between `register_tab` and its parts); `RegisterTab` and `EntityTab` are
`TabBase`s."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QTableView, QToolBar, QWidget

from app.registers.base import RegisterSpec
from app.services.register_view import DocumentRow
from db.session import Database


class TabBase(QWidget):
    """A register's tab as its parts see it (RegisterTab implements every method)."""

    # A document of another register to show (register code, id, registration date).
    reveal_requested = Signal(str, int, object)

    db: Database
    spec: RegisterSpec
    model: Any  # ui.models.register_model.RegisterModel
    table: QTableView
    toolbar: QToolBar
    count_label: QLabel
    filter_bar: Any  # ui.registers.filter_bar.FilterBar
    document_actions: Any  # ui.registers.actions.DocumentActions
    reply_action: QAction | None

    def table_action(self, text: str, slot: Callable[[], None], tip: str = "") -> QAction:
        raise NotImplementedError

    def current_row(self) -> DocumentRow | None:
        raise NotImplementedError

    def current_id(self) -> int | None:
        raise NotImplementedError

    def selected_ids(self, limit: int = 1000) -> list[int]:
        raise NotImplementedError

    def show_count(self) -> None:
        raise NotImplementedError

    def document_changed(self, doc_id: int | None = None) -> None:
        raise NotImplementedError

    def reveal(self, doc_id: int, reg_date: date, open_card: bool = True) -> None:
        raise NotImplementedError
