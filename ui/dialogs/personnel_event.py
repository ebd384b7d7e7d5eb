"""An entry of the service history: the kind, its dates, the basis or ground (from the lists an
administrator edits), post, department, category and rank, the order that made it.

The fields a kind does not use are hidden; the rules (app/domain/personnel.py) are checked by
the service, and its message stays on the dialog with nothing typed lost.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.domain import personnel as rules
from app.domain.dates import DateError
from app.services import personnel as hr
from app.services.dialog_support import current_user
from db.session import Database
from ui.widgets import DateEdit, ErrorLabel, text_box

_AMOUNT_LABELS = {
    rules.SENIORITY: "Поріг вислуги, років",
    rules.VACATION: "Календарних днів",
    rules.UNPAID_LEAVE: "Календарних днів",
}


class EventDialog(QDialog):
    """Emits `saved(event id)` once stored."""

    saved = Signal(int)

    def __init__(
        self,
        db: Database,
        staff_id: int,
        event: hr.EventView | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db, self.staff_id, self.entry = db, staff_id, event
        self.setWindowTitle("Запис послужного списку")
        self.kind = QComboBox(self)
        for code, title in rules.EVENT_KINDS.items():
            self.kind.addItem(title, code)
        self.day = DateEdit(None, self)
        self.end = DateEdit(None, self, optional=True)
        self.detail = QComboBox(self)
        self.detail.setEditable(True)
        self.post = QLineEdit(self)
        self.post.setMaxLength(200)
        self.department = QComboBox(self)
        self.department.addItem("", "")
        for name in hr.department_names(db):
            self.department.addItem(name, name)
        self.category = _number_box(0, 7, "—", self)
        self.rank = _number_box(0, 15, "—", self)
        self.amount = _number_box(0, 366, "—", self)
        self.order_number = QLineEdit(self)
        self.order_number.setPlaceholderText("напр. 125-к")
        self.order_date = DateEdit(None, self, optional=True)
        self.notes = text_box(self, 2)
        self.error = ErrorLabel(self)
        form = self.form = QFormLayout()
        form.addRow("Вид запису *:", self.kind)
        form.addRow("Дата *:", self.day)
        form.addRow("Дата закінчення:", self.end)
        form.addRow("Підстава:", self.detail)
        form.addRow("Посада:", self.post)
        form.addRow("Виконавчий орган:", self.department)
        form.addRow("Категорія посади:", self.category)
        form.addRow("Ранг:", self.rank)
        form.addRow("Кількість:", self.amount)
        form.addRow("Розпорядження №:", self.order_number)
        form.addRow("від:", self.order_date)
        form.addRow("Примітки:", self.notes)
        buttons = QDialogButtonBox(self)
        self.save_button = buttons.addButton("Зберегти", QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton("Скасувати", QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self._on_save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.setMinimumWidth(480)
        self.kind.currentIndexChanged.connect(self._on_kind)
        if event is not None:
            self._show(event)
        else:
            self._on_kind()

    def _show(self, e: hr.EventView) -> None:
        self.kind.setCurrentIndex(max(0, self.kind.findData(e.kind)))
        self._on_kind()
        self.day.set_date(e.day)
        self.end.set_date(e.end)
        self.detail.setCurrentText(e.detail)
        self.post.setText(e.post)
        self.department.setCurrentIndex(max(0, self.department.findData(e.department)))
        self.category.setValue(e.category or 0)
        self.rank.setValue(e.rank or 0)
        self.amount.setValue(e.amount or 0)
        self.order_number.setText(e.order_number)
        self.order_date.set_date(e.order_date)
        self.notes.setPlainText(e.notes)

    def _row_visible(self, widget: QWidget, visible: bool, label: str | None = None) -> None:
        caption = self.form.labelForField(widget)
        widget.setVisible(visible)
        if isinstance(caption, QLabel):
            caption.setVisible(visible)
            if label:
                caption.setText(label)

    def _on_kind(self) -> None:
        kind = self.kind.currentData()
        typed = self.detail.currentText()
        self.detail.clear()
        self.detail.addItems(hr.choice_list(self.db, kind))
        self.detail.setCurrentText(typed if typed and self.entry else "")
        if not typed:
            self.detail.setCurrentIndex(-1)
        label = rules.DETAIL_LABELS.get(kind)
        self._row_visible(self.detail, label is not None, f"{label}:" if label else None)
        self._row_visible(self.end, kind in rules.WITH_END)
        post = kind in rules.WITH_POST
        for widget in (self.post, self.department, self.category):
            self._row_visible(widget, post)
        self._row_visible(self.rank, post or kind == rules.RANK)
        amount = _AMOUNT_LABELS.get(kind)
        self._row_visible(self.amount, amount is not None, f"{amount}:" if amount else None)

    def value(self) -> hr.EventInput:
        """What is typed; DateError for a wrong date."""
        day = self.day.date()
        if day is None:
            raise DateError("Вкажіть дату запису")
        kind = self.kind.currentData()
        post = kind in rules.WITH_POST
        return hr.EventInput(
            kind=kind,
            day=day,
            end=self.end.date() if kind in rules.WITH_END else None,
            detail=self.detail.currentText().strip() if kind in rules.DETAIL_LABELS else "",
            post=self.post.text().strip() if post else "",
            department=self.department.currentData() or "" if post else "",
            category=self.category.value() or None if post else None,
            rank=self.rank.value() or None if post or kind == rules.RANK else None,
            amount=self.amount.value() or None if kind in _AMOUNT_LABELS else None,
            order_number=self.order_number.text().strip(),
            order_date=self.order_date.date(),
            notes=self.notes.toPlainText().strip(),
        )

    def _on_save(self) -> None:
        self.error.clear_error()
        try:
            event = self.value()
            event_id = hr.save_event(
                self.db,
                self.staff_id,
                event,
                current_user(),
                self.entry.id if self.entry else None,
            )
        except (ValueError, PermissionError) as exc:
            self.error.show_error(str(exc))
            return
        self.saved.emit(event_id)
        self.accept()


def _number_box(low: int, high: int, empty: str, parent: QWidget) -> QSpinBox:
    box = QSpinBox(parent)
    box.setRange(low, high)
    box.setSpecialValueText(empty)  # 0 shows as «—»: not given
    return box
