"""The «Налаштування» tab: number formats, the overdue check interval, the printer offsets.

These settings live in the database, so every PC of the department numbers and stamps alike.
A number format is checked by the same code that numbers documents, with a live example, so an
administrator sees «345/01-12» before the first document gets a wrong number.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.domain.numbering import PLACEHOLDERS, NumberFormatError, format_number, validate_format
from app.registers import REGISTERS
from app.services import settings
from app.services.dialog_support import current_user
from ui.widgets import ErrorLabel, hint_label

if TYPE_CHECKING:
    from db.session import Database

SAMPLE_N, SAMPLE_INDEX = 345, "01-12"


class NumberFormatRow(QWidget):
    """One register's format with its example and its error."""

    def __init__(self, fmt: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        self.edit = QLineEdit(fmt, self)
        self.edit.setMinimumWidth(200)
        self.example = QLabel(self)
        self.example.setMinimumWidth(200)
        row.addWidget(self.edit)
        row.addWidget(self.example, 1)
        layout.addLayout(row)
        self.error = ErrorLabel(self)
        layout.addWidget(self.error)
        self.edit.textChanged.connect(self._on_changed)
        self._on_changed()

    def _on_changed(self) -> None:
        fmt = self.edit.text()
        try:
            validate_format(fmt)
        except NumberFormatError as exc:
            self.valid = False
            self.example.setText("приклад: —")
            self.error.show_error(str(exc))
            return
        self.valid = True
        self.error.clear_error()
        sample = format_number(fmt, SAMPLE_N, SAMPLE_INDEX, date.today().year)
        self.example.setText(f"приклад: <b>{sample}</b>")


class SettingsTab(QWidget):
    saved = Signal()

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        # One number format per register and series: the list grows with every register, so
        # the tab scrolls rather than push the dialog past a laptop's screen.
        content = QWidget(self)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        layout = QVBoxLayout(content)

        numbers = QGroupBox("Формат реєстраційного номера", self)
        form = QFormLayout(numbers)
        # One row per series: «incoming», «orders.main», «orders.personnel».
        self.formats: dict[str, NumberFormatRow] = {}
        # Optional series an administrator adds (a third series of orders), by «code.series».
        self.optional_series: dict[str, QCheckBox] = {}
        for code, spec in REGISTERS.items():
            for series in spec.series or (None,):
                if series is not None and series.optional:
                    box = QCheckBox(f"вести серію «{series.title}» ({series.suffix})", numbers)
                    box.setChecked(settings.series_enabled(db, spec, series.code))
                    self.optional_series[f"{code}.{series.code}"] = box
                    form.addRow(f"{spec.title}:", box)
                key = f"{code}.{series.code}" if series else code
                fmt = settings.number_format(db, spec, series.code if series else "")
                row = NumberFormatRow(fmt, numbers)
                self.formats[key] = row
                row.edit.returnPressed.connect(self._on_save)
                label = f"{spec.title} {series.title}" if series else spec.title
                form.addRow(f"{label}:", row)
        hint = "; ".join(f"{{{name}}} — {text}" for name, text in PLACEHOLDERS.items())
        form.addRow(hint_label(f"Поля: {hint}. Приклад показано для № {SAMPLE_N}.", numbers))
        layout.addWidget(numbers)

        control = QGroupBox("Контроль", self)
        control_form = QFormLayout(control)
        control_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self.timer = QSpinBox(control)
        self.timer.setRange(1, 1440)
        self.timer.setSuffix(" хв")
        self.timer.setValue(settings.timer_minutes(db))
        control_form.addRow("Перевіряти прострочені документи кожні:", self.timer)
        layout.addWidget(control)

        requests = QGroupBox("Запити на публічну інформацію", self)
        requests_form = QFormLayout(requests)
        requests_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self.subsistence = QSpinBox(requests)
        self.subsistence.setRange(1, 1_000_000)
        self.subsistence.setSuffix(" грн")
        self.subsistence.setValue(int(settings.subsistence_minimum(db)))
        requests_form.addRow("Прожитковий мінімум для працездатних осіб:", self.subsistence)
        requests_form.addRow(
            hint_label(
                "Копії понад 10 сторінок: не більше 0,2 % цієї суми за сторінку А4 (ст. 21 ЗУ "
                "«Про доступ до публічної інформації», ПКМУ № 740 в редакції ПКМУ № 4 від "
                "15.01.2020). Суму щороку встановлює закон про Державний бюджет.",
                requests,
            )
        )
        layout.addWidget(requests)

        printing = QGroupBox("Друк штампа реєстрації", self)
        print_form = QFormLayout(printing)
        print_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        current = settings.print_settings(db)
        self.offset_x = self._offset(current.offset_x_mm, printing)
        self.offset_y = self._offset(current.offset_y_mm, printing)
        self.stamp_mode = QComboBox(printing)
        self.stamp_mode.addItem("на першому аркуші документа", "page")
        self.stamp_mode.addItem("на наклейці", "label")
        self.stamp_mode.setCurrentIndex(max(self.stamp_mode.findData(current.stamp_mode), 0))
        print_form.addRow("Зсув праворуч (X):", self.offset_x)
        print_form.addRow("Зсув донизу (Y):", self.offset_y)
        print_form.addRow("Де друкувати штамп:", self.stamp_mode)
        print_form.addRow(
            hint_label(
                "Якщо принтер друкує штамп не там, де треба, надрукуйте пробний штамп, "
                "виміряйте зсув лінійкою і впишіть його (від'ємне число — ліворуч / вгору).",
                printing,
            )
        )
        layout.addWidget(printing)

        self.error = ErrorLabel(self)
        layout.addWidget(self.error)
        bottom = QHBoxLayout()
        self.status = QLabel(self)
        self.save_button = QPushButton("Зберегти налаштування", self)
        self.save_button.clicked.connect(self._on_save)
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.save_button)
        layout.addLayout(bottom)
        layout.addStretch(1)
        scroll.setWidget(content)

    @staticmethod
    def _offset(value: float, parent: QWidget) -> QDoubleSpinBox:
        spin = QDoubleSpinBox(parent)
        spin.setRange(-50.0, 50.0)
        spin.setDecimals(1)
        spin.setSingleStep(0.5)
        spin.setSuffix(" мм")
        spin.setValue(value)
        return spin

    def _on_save(self) -> None:
        self.error.clear_error()
        self.status.clear()
        bad = [row for row in self.formats.values() if not row.valid]
        if bad:
            self.error.show_error("Виправте формат номера — налаштування не збережено.")
            bad[0].edit.setFocus()
            return
        user = current_user()
        for key, row in self.formats.items():
            code, _, series = key.partition(".")
            try:
                settings.set_number_format(
                    self._db, REGISTERS[code], row.edit.text().strip(), user=user, series=series
                )
            except NumberFormatError as exc:  # the live check should have caught it
                row.error.show_error(str(exc))
                row.edit.setFocus()
                return
        for key, box in self.optional_series.items():
            code, _, series = key.partition(".")
            settings.set_series_enabled(self._db, REGISTERS[code], series, box.isChecked(), user)
        settings.set_setting(self._db, settings.TIMER_MINUTES, str(self.timer.value()), user)
        settings.set_setting(
            self._db, settings.SUBSISTENCE_MINIMUM, str(self.subsistence.value()), user
        )
        settings.save_print_settings(
            self._db,
            settings.PrintSettings(
                self.offset_x.value(), self.offset_y.value(), self.stamp_mode.currentData()
            ),
            user,
        )
        self.status.setText("Налаштування збережено.")
        self.saved.emit()
