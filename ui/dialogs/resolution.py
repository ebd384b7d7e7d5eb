"""A resolution (9.5): who executes, what, by when — and, usually, putting the document on control.

Executors are listed in order because the first is the lead executor (9.9); each is previewed in
the dative case exactly as the resolution slip will print it. An empty term is allowed: the
default of 9.11 is shown so the clerk knows what the program will count.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QWidget,
)

from app.domain.dates import format_date
from app.services import control
from app.services.details import get_document
from app.services.dialog_support import current_user, document_heading, term_wording
from app.services.reference import StaffInfo, list_departments, list_staff
from ui.dialogs.fields import FormDialog, StaffPicker, term_hint
from ui.widgets import DateEdit, FieldProblem, hint_label, text_box

if TYPE_CHECKING:
    from db.session import Database


@dataclass(frozen=True)
class _Saved:
    resolution_id: int | None
    due_date: date | None


class _NotOnControl(control.ControlError):
    """The resolution was saved but putting on control was refused: keep its id for a retry."""

    def __init__(self, message: str, resolution_id: int | None) -> None:
        super().__init__(message)
        self.resolution_id = resolution_id


def default_author(staff: list[StaffInfo]) -> int | None:
    """The mayor if the list has one: positions with «голова», deputies after the head."""
    heads = [s for s in staff if "голова" in s.position.lower()]
    heads.sort(key=lambda s: "заступник" in s.position.lower())
    return heads[0].id if heads else None


class ExecutorList(QListWidget):
    """The executors in order; Ctrl+↑ / Ctrl+↓ move the current one, Delete removes it."""

    move_requested = Signal(int)
    remove_requested = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # Qt override
        ctrl = event.modifiers() & Qt.KeyboardModifier.ControlModifier
        if ctrl and event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self.move_requested.emit(-1 if event.key() == Qt.Key.Key_Up else 1)
        elif event.key() == Qt.Key.Key_Delete:
            self.remove_requested.emit()
        else:
            super().keyPressEvent(event)


class ResolutionDialog(FormDialog):
    def __init__(self, db: Database, doc_id: int, parent: QWidget | None = None) -> None:
        super().__init__("Резолюція", parent=parent)
        self._db = db
        self._doc_id = doc_id
        self._doc = get_document(db, doc_id, user=current_user())
        word = term_wording(self._doc.register)  # «термін виконання» / «строк розгляду»
        self._staff = {s.id: s for s in list_staff(db, active_only=True) if s.id is not None}
        self._executors: list[int] = []
        self._control_touched = False
        self.resolution_id: int | None = None
        self.due_date: date | None = None

        heading = QLabel(f"<b>{document_heading(self._doc)}</b>", self)
        heading.setWordWrap(True)
        self.body.addWidget(heading)
        staff = list(self._staff.values())
        bodies = {d.id: d.name for d in list_departments(db) if d.id is not None}
        self.author = StaffPicker(staff, self, allow_empty=True, departments=bodies)
        self.author.set_staff_id(default_author(staff))

        self.picker = StaffPicker(
            staff, self, allow_empty=True, take_enter=True, departments=bodies
        )
        self.picker.set_staff_id(None)
        self.picker.chosen.connect(self._on_executor_chosen)
        self.picker.unknown.connect(self._on_executor_unknown)
        self.add_button = QPushButton("Додати", self)
        self.add_button.setAutoDefault(False)
        self.add_button.clicked.connect(self._on_add_executor)
        self.executors = ExecutorList(self)
        self.executors.move_requested.connect(self._move)
        self.executors.remove_requested.connect(self._on_remove_executor)
        self.executors.setFixedHeight(self.fontMetrics().lineSpacing() * 5 + 12)
        # A long position wraps inside the list instead of scrolling it sideways.
        self.executors.setWordWrap(True)
        self.executors.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.executors.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.up_button = QPushButton("Вище", self)
        self.down_button = QPushButton("Нижче", self)
        self.remove_button = QPushButton("Вилучити", self)
        for button, slot in (
            (self.up_button, self._on_move_up),
            (self.down_button, self._on_move_down),
            (self.remove_button, self._on_remove_executor),
        ):
            button.setAutoDefault(False)
            button.clicked.connect(slot)
        grid = QGridLayout()
        grid.addWidget(self.picker, 0, 0)
        grid.addWidget(self.add_button, 0, 1)
        grid.addWidget(self.executors, 1, 0, 4, 1)
        grid.addWidget(self.up_button, 1, 1)
        grid.addWidget(self.down_button, 2, 1)
        grid.addWidget(self.remove_button, 3, 1)
        grid.setRowStretch(4, 1)
        executors_box = QWidget(self)
        executors_box.setLayout(grid)
        grid.setContentsMargins(0, 0, 0, 0)
        self.executors_error = self.field_error(self.picker)

        self.executors.setToolTip("Ctrl+↑ / Ctrl+↓ — змінити порядок, Delete — вилучити")

        self.task = text_box(self, 4, "Наприклад: Розглянути та підготувати відповідь заявнику")
        self.picker.next_on_enter = self.task
        self.term = DateEdit(optional=True, parent=self)
        self.term_hint = hint_label("", self)
        self.resolution_date = DateEdit(date.today(), parent=self)
        self.parent_choice = QComboBox(self)
        self.parent_choice.addItem("— ні, це самостійна резолюція", None)
        for res in self._doc.resolutions:
            names = ", ".join(e.dative for e in res.executors)
            task = res.task if len(res.task) <= 50 else res.task[:49] + "…"
            self.parent_choice.addItem(
                f"від {format_date(res.resolution_date)}: {names} {task}".strip(), res.id
            )
        self.on_control = QCheckBox("Взяти на контроль", self)
        if self._doc.on_control and self._doc.done_date is None:
            self.on_control.setChecked(True)
            self.on_control.setEnabled(False)
            self.on_control.setText(
                f"Документ уже на контролі до {format_date(self._doc.due_date)}; "
                f"{word.noun} резолюції стане контрольним"
            )

        form = QFormLayout()
        form.addRow("Автор резолюції:", self.with_error(self.author))
        form.addRow("Виконавці:", self.with_error(self.picker, executors_box))
        form.addRow(
            "",
            hint_label(
                "Перший у списку — головний виконавець (п. 9.9); співвиконавці подають йому "
                f"інформацію не пізніше ніж за 3 дні до {word.genitive}. "
                "Додайте виконавця: введіть частину прізвища і натисніть Enter; "
                "Enter у порожньому полі — до завдання.",
                self,
            ),
        )
        form.addRow("Зміст доручення:", self.task)
        form.addRow(f"{word.title}:", self.with_error(self.term))
        form.addRow("", self.term_hint)
        form.addRow("Дата резолюції:", self.with_error(self.resolution_date))
        if self._doc.resolutions:
            form.addRow("Деталізує резолюцію:", self.parent_choice)
        else:
            self.parent_choice.hide()
        form.addRow("", self.on_control)
        self.body.addLayout(form)
        self.setMinimumWidth(640)

        self.term.textChanged.connect(self._on_term_changed)
        self.on_control.clicked.connect(self._on_control_clicked)
        self.executors.currentRowChanged.connect(self._on_current_executor_changed)
        self._on_term_changed()
        self._refresh_executors()
        self.picker.setFocus()

    # -- executors -----------------------------------------------------------------------------

    def executor_ids(self) -> list[int]:
        return list(self._executors)

    def add_executor(self, staff_id: int) -> None:
        if staff_id in self._executors:
            self.executors_error.show_error("Цей виконавець уже є у списку")
            return
        self.executors_error.clear_error()
        self._executors.append(staff_id)
        self._refresh_executors(len(self._executors) - 1)
        self.picker.set_staff_id(None)

    def _on_executor_chosen(self, staff_id: int) -> None:
        self.add_executor(staff_id)

    def _on_executor_unknown(self, text: str) -> None:
        self.executors_error.show_error(
            f"«{text}» — у довіднику немає такого працівника або їх кілька; виберіть зі списку"
        )

    def _on_add_executor(self) -> None:
        sid = self.picker.staff_id()
        if sid is None:
            self.executors_error.show_error("Виберіть працівника зі списку")
            self.picker.setFocus()
            return
        self.add_executor(sid)
        self.picker.setFocus()

    def _move(self, step: int) -> None:
        row = self.executors.currentRow()
        target = row + step
        if 0 <= row < len(self._executors) and 0 <= target < len(self._executors):
            items = self._executors
            items[row], items[target] = items[target], items[row]
            self._refresh_executors(target)

    def _on_move_up(self) -> None:
        self._move(-1)

    def _on_move_down(self) -> None:
        self._move(1)

    def _on_remove_executor(self) -> None:
        row = self.executors.currentRow()
        if 0 <= row < len(self._executors):
            del self._executors[row]
            self._refresh_executors(min(row, len(self._executors) - 1))

    def _on_current_executor_changed(self, row: int) -> None:
        count = len(self._executors)
        self.up_button.setEnabled(row > 0)
        self.down_button.setEnabled(0 <= row < count - 1)
        self.remove_button.setEnabled(0 <= row < count)

    def _refresh_executors(self, current: int = -1) -> None:
        self.executors.clear()
        for i, sid in enumerate(self._executors):
            info = self._staff[sid]
            text = f"{i + 1}. {info.dative}"
            if i == 0:
                text += " — головний виконавець"
            if info.position:
                text += f"   ({info.position})"
            item = QListWidgetItem(text)
            item.setToolTip(f"{info.surname} {info.given_name} {info.patronymic}".strip())
            self.executors.addItem(item)
        self.executors.setCurrentRow(current)
        self._on_current_executor_changed(self.executors.currentRow())

    # -- term and control ----------------------------------------------------------------------

    def _on_term_changed(self) -> None:
        self.term_hint.setText(term_hint(self._db, self._doc, self.term))
        if self.on_control.isEnabled() and not self._control_touched:
            self.on_control.setChecked(bool(self.term.text().strip()))

    def _on_control_clicked(self) -> None:
        self._control_touched = True

    # -- saving --------------------------------------------------------------------------------

    def _prepare_save(self) -> Callable[[], object]:
        data: control.ResolutionInput | None = None
        if self.resolution_id is None:
            self._take_pending_executor()
            author_id = self.author.staff_id()
            if author_id is None and self.author.currentText().strip():
                raise FieldProblem(self.author, "Автора резолюції не знайдено в довіднику")
            data = control.ResolutionInput(
                executor_ids=tuple(self._executors),
                task=self.task.toPlainText(),
                term=self.term.date_value(),
                author_id=author_id,
                resolution_date=self.resolution_date.date_value(),
                parent_id=self.parent_choice.currentData(),
            )
            if not data.executor_ids:
                raise FieldProblem(self.picker, "Вкажіть хоча б одного виконавця")
        to_control = self.on_control.isEnabled() and self.on_control.isChecked()
        term = self.term.date_value() if to_control else None
        db, doc_id, user, resolution_id = self._db, self._doc_id, current_user(), self.resolution_id

        def save() -> _Saved:
            rid = resolution_id
            if data is not None:
                rid = control.add_resolution(db, doc_id, data, user=user)
            if not to_control:
                return _Saved(rid, None)
            try:
                return _Saved(rid, control.put_on_control(db, doc_id, term, user=user))
            except control.ControlError as exc:
                raise _NotOnControl(
                    f"Резолюцію збережено, але документ не взято на контроль: {exc}", rid
                ) from exc

        return save

    def _saved(self, result: object) -> None:
        assert isinstance(result, _Saved)
        self.resolution_id, self.due_date = result.resolution_id, result.due_date

    def _save_failed(self, exc: BaseException) -> None:
        if isinstance(exc, _NotOnControl):  # saved already: Save again only retries the control
            self.resolution_id = exc.resolution_id

    def _take_pending_executor(self) -> None:
        """A name left in the picker counts as added: the clerk meant it."""
        if not self.picker.currentText().strip():
            return
        sid = self.picker.staff_id()
        if sid is None:
            raise FieldProblem(
                self.picker, f"Працівника «{self.picker.currentText().strip()}» немає в довіднику"
            )
        if sid not in self._executors:
            self.add_executor(sid)
