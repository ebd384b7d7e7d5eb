"""The filter bar above a register's table: period, executor, department, control state and a
search box. It only builds a `ViewQuery`; the model runs it in SQL.

Typing in the search box waits a short moment (SEARCH_DELAY_MS) before searching, so a clerk
typing «Хмельницька» searches once, not eleven times.

The executor and department lists are read from the database only after the register's first
page is shown (issue 10: the first screen comes up without SQLAlchemy): until then each holds
just «Усі», a valid filter, and a clerk who opens or types into one first gets it filled then.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.dates import DateError
from app.registers.base import Filter
from app.services.register_view import ViewQuery
from db.session import Database
from ui.tasks import run_in_background
from ui.widgets import DateEdit, department_choices, set_invalid

log = logging.getLogger(__name__)

SEARCH_DELAY_MS = 300
_FULL_DATE = re.compile(r"\d\d\.\d\d\.\d{4}")
_FROM_TIP = "Зареєстровані з цієї дати (ДД.ММ.РРРР)"
_TO_TIP = "Зареєстровані по цю дату включно (ДД.ММ.РРРР)"

#: Control states a clerk filters by: (label, ViewQuery.state).
STATES: tuple[tuple[str, str | None], ...] = (
    ("Усі", None),
    ("На контролі", "on_control"),
    ("Прострочені", "overdue"),
    ("Термін ≤ 3 роб. дні", "due_soon"),
    ("Виконані", "done"),
    ("Виконані із запізненням", "done_late"),
)


#: The executor list and the department list: (text, id) pairs.
_Lists = tuple[list[tuple[str, Any]], list[tuple[str, Any]]]


def _read_lists(db: Database) -> _Lists:
    # The reference service loads SQLAlchemy: imported here, after the first screen.
    from app.services.reference import list_departments, list_staff

    return (
        [(s.short, s.id) for s in list_staff(db, active_only=True)],
        department_choices(list_departments(db, True)),
    )


class _ReferenceCombo(QComboBox):
    """A list filled from the reference data when first needed: `before_use` runs before the
    popup opens or a key picks an item (it fills the list if it is still unfilled)."""

    def __init__(self, before_use: Callable[[], None], parent: QWidget) -> None:
        super().__init__(parent)
        self._before_use = before_use

    def showPopup(self) -> None:
        self._before_use()
        super().showPopup()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        self._before_use()
        super().keyPressEvent(event)


class FilterBar(QWidget):
    """Emits `changed` whenever the view the clerk asks for changes."""

    changed = Signal()
    #: What is wrong with a typed date of the period, in Ukrainian («» once it is right): the
    #: period is not applied then, and the tab says so instead of silently showing everything.
    problem = Signal(str)

    def __init__(
        self,
        db: Database,
        controllable: bool = True,
        parent: QWidget | None = None,
        filters: tuple[Filter, ...] = (),
        entity: bool = False,
        executors: bool = True,
    ):
        """`entity`: the bar of an entity register (the staff list): no period, no executor,
        no control state — its own filters, the department and the search. `executors`
        False: the register's documents name no executor (awards), so neither the executor
        nor the department (his) is offered."""
        super().__init__(parent)
        self.db = db
        # The register's own filters (RegisterSpec.filters): a list each, «Усі» first.
        self.extra: dict[str, QComboBox] = {}
        for flt in filters:
            combo = QComboBox(self)
            combo.addItem("Усі", None)
            for choice, shown in flt.choices:
                combo.addItem(shown, choice)
            combo.setToolTip(flt.label)
            # As narrow as the other lists: the bar must fit a 1366-px screen (ui/screen.py).
            combo.setMinimumContentsLength(10)
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            self.extra[flt.key] = combo
        self._extra_labels = {flt.key: flt.label for flt in filters}
        self.date_from = DateEdit(parent=self)
        self.date_to = DateEdit(parent=self)
        self.date_from.setToolTip(_FROM_TIP)
        self.date_to.setToolTip(_TO_TIP)
        self.executor: QComboBox = _ReferenceCombo(self.ensure_reference, self)
        self.department: QComboBox = _ReferenceCombo(self.ensure_reference, self)
        for combo in (self.executor, self.department):
            combo.addItem("Усі", None)
        #: Whether the executor and department lists have been read (reload_reference).
        self.reference_loaded = False
        self.state = QComboBox(self)
        for label, value in STATES:
            self.state.addItem(label, value)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText("Пошук: номер, кореспондент, зміст, QR-код…")
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(180)
        self.clear_button = QToolButton(self)
        self.clear_button.setText("Скинути")
        self.clear_button.setToolTip("Показати всі документи (скинути фільтри)")
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._period: tuple[date | None, date | None] = (None, None)
        self._searched = ""  # the search the view runs (apply())
        self._size_lists()

        rows = QVBoxLayout(self)
        rows.setContentsMargins(0, 0, 0, 0)
        rows.setSpacing(4)
        layout = QHBoxLayout()
        rows.addLayout(layout)
        if entity:
            for widget in (self.date_from, self.date_to, self.executor):
                widget.hide()
        else:
            layout.addWidget(self._label("Період з", self.date_from))
            layout.addWidget(self.date_from)
            layout.addWidget(self._label("по", self.date_to))
            layout.addWidget(self.date_to)
        for key, combo in self.extra.items():
            layout.addWidget(self._label(self._extra_labels[key], combo))
            layout.addWidget(combo)
        if not entity and executors:
            layout.addWidget(self._label("Виконавець", self.executor))
            layout.addWidget(self.executor, 1)
        elif not entity:
            self.executor.hide()
        if entity or executors:
            layout.addWidget(self._label("Орган", self.department))
            layout.addWidget(self.department, 1)
        else:
            self.department.hide()
        if controllable and not entity:
            layout.addWidget(self._label("Контроль", self.state))
            layout.addWidget(self.state)
        else:
            self.state.hide()
        if self.extra and not entity:
            # A register with filters of its own: the search goes to a second row, so the bar
            # still fits a 1366-px screen (ui/screen.py).
            layout = QHBoxLayout()
            rows.addLayout(layout)
        layout.addWidget(self.search, 2)
        layout.addWidget(self.clear_button)

        self.search.textEdited.connect(self._on_search_edited)
        self.search.returnPressed.connect(self._on_search_now)
        self._timer.timeout.connect(self._on_search_now)
        for edit in (self.date_from, self.date_to):
            edit.date_changed.connect(self._on_date_changed)
            edit.editingFinished.connect(self._on_date_finished)
        for combo in (self.executor, self.department, self.state, *self.extra.values()):
            combo.currentIndexChanged.connect(self._on_combo_changed)
        self.clear_button.clicked.connect(self._on_clear)

    def _label(self, text: str, buddy: QWidget) -> QLabel:
        label = QLabel(text, self)
        label.setBuddy(buddy)
        return label

    def _size_lists(self) -> None:
        """The lists' sizes, set once at construction so that the bar's layout does not move
        when the executors and departments arrive."""
        # Long names («Управління праці та соціального захисту населення (05-01)») are cut in the
        # middle, so the start and the code both show; the whole name is in the tooltip and the
        # list opens as wide as the longest one (reload_reference).
        # Short enough that the bar fits a 1366-px laptop screen (ui/screen.py).
        self.department.setMinimumContentsLength(16)
        self.department.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.department.view().setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self._on_department_shown()
        for combo, letters in ((self.executor, 12), (self.state, 10)):
            combo.setMinimumContentsLength(letters)
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )

    def ensure_reference(self) -> None:
        """Fill the executor and department lists now unless they are filled already: before
        a clerk uses a list still unfilled."""
        if not self.reference_loaded:
            self.reload_reference()

    def load_reference_in_background(self) -> None:
        """Read the lists off the GUI thread and fill them (once the register's first page is
        painted: reading them loads SQLAlchemy, which the first screen did without, issue 10);
        a list used before they arrive fills itself (`ensure_reference`)."""
        if self.reference_loaded:
            return
        db = self.db

        def fill(lists: _Lists) -> None:
            if not self.reference_loaded:  # (a list used meanwhile filled them already)
                self._fill(lists)

        def failed(exc: BaseException) -> None:
            # Nobody asked for the lists yet: no message; a list used later reads them again.
            log.warning("Reading the filter lists failed: %s", exc)

        run_in_background(lambda: _read_lists(db), fill, failed, owner=self)

    def reload_reference(self) -> None:
        """(Re)fill the executor and department lists, keeping what is chosen."""
        self._fill(_read_lists(self.db))

    def _fill(self, lists: _Lists) -> None:
        for combo, items in zip((self.executor, self.department), lists, strict=True):
            chosen = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem("Усі", None)
            for text, value in items:
                combo.addItem(text, value)
            combo.setCurrentIndex(max(0, combo.findData(chosen)))
            combo.blockSignals(False)
        self.reference_loaded = True
        # The department list opens as wide as the longest name (cut in the middle in the box).
        view = self.department.view()
        texts = [self.department.itemText(i) for i in range(self.department.count())]
        widest = max(view.fontMetrics().horizontalAdvance(t) for t in texts)
        view.setMinimumWidth(widest + 32)
        self._on_department_shown()

    def apply(self, query: ViewQuery) -> ViewQuery:
        """`query` with this bar's filters (its sort is kept)."""
        self._searched = self.search.text().strip()
        return replace(
            query,
            date_from=self.date_from.valid_date(),
            date_to=self.date_to.valid_date(),
            executor_id=self.executor.currentData(),
            department_id=self.department.currentData(),
            state=self.state.currentData(),
            search=self._searched,
            extra=tuple((key, combo.currentData()) for key, combo in self.extra.items()),
        )

    def set_state(self, state: str | None) -> None:
        self.state.setCurrentIndex(max(0, self.state.findData(state)))

    def take_typed(self) -> str:
        """What was typed into the search box (a scanned record code), taken out of it: the
        box shows again the search the view runs, and no search runs for what was typed."""
        typed = self.search.text()
        self._timer.stop()
        self.search.blockSignals(True)
        self.search.setText(self._searched)
        self.search.blockSignals(False)
        return typed

    def _on_search_edited(self, _text: str) -> None:
        self._timer.start()

    def _on_search_now(self) -> None:
        self._timer.stop()
        self.changed.emit()

    def _on_date_changed(self) -> None:
        # Filter as soon as a date is complete (ДД.ММ.РРРР) or erased, not on «05.03.20».
        for edit in (self.date_from, self.date_to):
            text = edit.text().strip()
            if text and not _FULL_DATE.fullmatch(text):
                return
            set_invalid(edit, not edit.is_valid())
        self._tell_problem()
        period = (self.date_from.valid_date(), self.date_to.valid_date())
        if period != self._period:
            self._period = period
            self.changed.emit()

    def _on_date_finished(self) -> None:
        for edit in (self.date_from, self.date_to):
            set_invalid(edit, not edit.is_valid())
        self._tell_problem()

    def period_problem(self) -> str:
        """Why a typed date of the period is not applied («Такої дати не існує: 31.02.2026 —
        «Період з» не застосовано»), or «» when both are right or empty."""
        for edit, name in ((self.date_from, "Період з"), (self.date_to, "по")):
            try:
                edit.date()
            except DateError as exc:
                return f"{exc} — дату «{name}» не застосовано, виправте її"
        start, end = self.date_from.valid_date(), self.date_to.valid_date()
        if start and end and start > end:
            return "Початок періоду пізніший за кінець: документів за такий період немає"
        return ""

    def _tell_problem(self) -> None:
        message = self.period_problem()
        for edit, tip in ((self.date_from, _FROM_TIP), (self.date_to, _TO_TIP)):
            edit.setToolTip(tip if edit.is_valid() else message)
        self.problem.emit(message)

    def _on_combo_changed(self, _index: int) -> None:
        self._on_department_shown()
        self.changed.emit()

    def _on_department_shown(self) -> None:
        self.department.setToolTip(f"Орган: {self.department.currentText()}")

    def _on_clear(self) -> None:
        self._reset()
        self.changed.emit()

    def show_day(self, day: date) -> None:
        """Every document registered on `day`, the other filters cleared: where the control
        centre finds a document that the clerk's filters hide."""
        self._reset()
        for edit in (self.date_from, self.date_to):
            edit.set_date(day)
        self._period = (day, day)
        self.changed.emit()

    def _reset(self) -> None:
        for widget in (self.date_from, self.date_to, self.search):
            widget.blockSignals(True)
            widget.clear()
            widget.blockSignals(False)
            set_invalid(widget, False)
        self.problem.emit("")
        for combo in (self.executor, self.department, self.state, *self.extra.values()):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self._timer.stop()
        self._period = (None, None)

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()
