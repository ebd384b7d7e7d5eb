"""The «Робочий календар» tab: holidays of a year, the administrator's corrections, martial law.

Every control term is moved to a working day, so a wrong calendar makes wrong terms. The tab
shows what the program believes about a year (holidays that are days off, and holidays that are
working days while martial law lasts), lets an administrator add an extra day off or a
transferred working day, and holds the date martial law ends.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.calendar import MARTIAL_LAW_SUFFIX, WorkingCalendar
from app.domain.dates import format_date
from app.services import calendar as calendar_service
from app.services.dialog_support import current_user
from ui.widgets import DateEdit, ErrorLabel, FieldProblem, hint_label

if TYPE_CHECKING:
    from db.session import Database

WEEKDAYS = ("понеділок", "вівторок", "середа", "четвер", "пʼятниця", "субота", "неділя")
SHORT_WEEKDAYS = ("пн", "вт", "ср", "чт", "пт", "сб", "нд")

MARTIAL_LAW_NOTE = (
    "Поки триває воєнний стан (Закон № 2136-IX), святкові та неробочі дні є робочими. "
    "Коли воєнний стан буде припинено, вкажіть його останній день: з наступного дня святкові "
    "дні знову стануть вихідними, і терміни контролю рахуватимуться з їх урахуванням."
)


def _table(headers: tuple[str, ...], parent: QWidget) -> QTableWidget:
    table = QTableWidget(0, len(headers), parent)
    table.setHorizontalHeaderLabels(list(headers))
    table.verticalHeader().hide()
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setTabKeyNavigation(False)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(len(headers) - 1, QHeaderView.ResizeMode.Stretch)
    table.setWordWrap(False)
    return table


def _fill(table: QTableWidget, rows: list[tuple[str, ...]]) -> None:
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            item = QTableWidgetItem(text)
            item.setToolTip(text)
            table.setItem(r, c, item)


def _status(cal: WorkingCalendar, day: date, name: str) -> tuple[str, str]:
    """(how terms treat the day, the holiday's name without the repeated martial-law note)."""
    suspended = name.endswith(MARTIAL_LAW_SUFFIX)
    if suspended:
        name = name.removesuffix(MARTIAL_LAW_SUFFIX)
    if cal.is_working_day(day):
        return ("робочий (воєнний стан)" if suspended else "робочий", name)
    if suspended:  # a holiday on a weekend: off because it is a Saturday or Sunday
        return (f"вихідний ({WEEKDAYS[day.weekday()]})", name)
    return ("вихідний", name)


class CalendarTab(QWidget):
    changed = Signal()

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        layout = QHBoxLayout(self)

        left = QVBoxLayout()
        year_row = QHBoxLayout()
        year_row.addWidget(QLabel("Рік:", self))
        self.year = QSpinBox(self)
        self.year.setRange(1992, 2100)
        self.year.setValue(date.today().year)
        self.year.valueChanged.connect(self._on_year_changed)
        year_row.addWidget(self.year)
        year_row.addStretch(1)
        left.addLayout(year_row)
        self.days = _table(("Дата", "День", "Для термінів", "Свято або причина"), self)
        left.addWidget(self.days, 1)
        layout.addLayout(left, 3)

        right = QVBoxLayout()
        right.addWidget(self._overrides_box())
        right.addWidget(self._martial_law_box())
        layout.addLayout(right, 2)
        self.reload()

    def _overrides_box(self) -> QGroupBox:
        box = QGroupBox("Зміни адміністратора", self)
        layout = QVBoxLayout(box)
        self.overrides = _table(("Дата", "Стає", "Примітка"), box)
        layout.addWidget(self.overrides, 1)
        form = QGridLayout()
        self.override_date = DateEdit(parent=box)
        self.override_kind = QComboBox(box)
        self.override_kind.addItem("вихідним днем", False)
        self.override_kind.addItem("робочим днем", True)
        self.override_note = QLineEdit(box)
        self.override_note.setPlaceholderText("напр. «Розпорядження № 12-р»")
        self.add_override = QPushButton("Додати", box)
        self.add_override.clicked.connect(self._on_add_override)
        self.override_note.returnPressed.connect(self._on_add_override)
        self.override_date.returnPressed.connect(self._on_add_override)
        form.addWidget(QLabel("День:", box), 0, 0)
        form.addWidget(self.override_date, 0, 1)
        form.addWidget(QLabel("стає", box), 0, 2)
        form.addWidget(self.override_kind, 0, 3)
        form.addWidget(QLabel("Примітка:", box), 1, 0)
        form.addWidget(self.override_note, 1, 1, 1, 3)
        form.addWidget(self.add_override, 1, 4)
        form.setColumnStretch(3, 1)
        layout.addLayout(form)
        self.override_error = ErrorLabel(box)
        layout.addWidget(self.override_error)
        self.remove_override = QPushButton("Вилучити вибраний день", box)
        self.remove_override.clicked.connect(self._on_remove_override)
        layout.addWidget(self.remove_override)
        return box

    def _martial_law_box(self) -> QGroupBox:
        box = QGroupBox("Воєнний стан", self)
        layout = QVBoxLayout(box)
        layout.addWidget(hint_label(MARTIAL_LAW_NOTE, box))
        row = QHBoxLayout()
        row.addWidget(QLabel("Останній день воєнного стану:", box))
        self.martial_end = DateEdit(optional=True, parent=box)
        self.martial_end.setToolTip("Порожньо — воєнний стан триває")
        row.addWidget(self.martial_end)
        self.save_martial = QPushButton("Зберегти", box)
        self.save_martial.clicked.connect(self._on_save_martial_law)
        self.martial_end.returnPressed.connect(self._on_save_martial_law)
        row.addWidget(self.save_martial)
        row.addStretch(1)
        layout.addLayout(row)
        self.martial_status = QLabel(box)
        self.martial_status.setWordWrap(True)
        layout.addWidget(self.martial_status)
        self.martial_error = ErrorLabel(box)
        layout.addWidget(self.martial_error)
        return box

    def reload(self) -> None:
        cal = calendar_service.load_calendar(self._db)
        year = self.year.value()
        rows: list[tuple[str, ...]] = []
        day = date(year, 1, 1)
        while day.year == year:
            name = cal.holiday_name(day)
            if name:
                weekday = SHORT_WEEKDAYS[day.weekday()]
                rows.append((format_date(day), weekday, *_status(cal, day, name)))
            day += timedelta(days=1)
        _fill(self.days, rows)
        items = calendar_service.list_overrides(self._db)
        self._override_days = [o.day for o in items]
        _fill(
            self.overrides,
            [
                (format_date(o.day), "робочим днем" if o.working else "вихідним днем", o.note)
                for o in items
            ],
        )
        self.remove_override.setEnabled(bool(items))
        end = cal.martial_law_end
        self.martial_end.set_date(end)
        self.martial_status.setText(
            f"Воєнний стан припинено після {format_date(end)}."
            if end
            else "Зараз: воєнний стан триває, святкові дні — робочі."
        )

    def _on_year_changed(self) -> None:
        self.reload()

    def _on_add_override(self) -> None:
        self.override_error.clear_error()
        try:
            day = self.override_date.date_value()
        except FieldProblem as exc:
            self.override_error.show_error(str(exc))
            self.override_date.setFocus()
            return
        assert day is not None
        working = bool(self.override_kind.currentData())
        calendar_service.set_override(
            self._db, day, working, self.override_note.text().strip(), user=current_user()
        )
        self.override_date.clear()
        self.override_note.clear()
        if day.year != self.year.value():
            self.year.setValue(day.year)
        self.reload()
        self.changed.emit()

    def _on_remove_override(self) -> None:
        row = self.overrides.currentRow()
        if 0 <= row < len(self._override_days):
            calendar_service.remove_override(
                self._db, self._override_days[row], user=current_user()
            )
            self.reload()
            self.changed.emit()

    def _on_save_martial_law(self) -> None:
        self.martial_error.clear_error()
        try:
            end = self.martial_end.date_value()
        except FieldProblem as exc:
            self.martial_error.show_error(str(exc))
            return
        calendar_service.set_martial_law_end(self._db, end, user=current_user())
        self.reload()
        self.changed.emit()
