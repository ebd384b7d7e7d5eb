"""The card of a personnel file: the file's fields, the service history, previous service,
the person's reminders and — for a user who may read the awards register — the person's awards
(read only, from app.services.awards.awards_of_employee), each on its own page, and the
personal card's printout.

The file's fields come from `PERSONNEL.fields` with the registration card's editors; the history
is a table of entries, each added or changed in `EventDialog`. A new file is saved first (the
history needs the person), then its other pages open.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.dates import DateError, format_date, parse_date
from app.registers.fields import FieldErrors
from app.registers.personnel import PERSONNEL
from app.services import personnel as hr
from app.services.dialog_support import current_user
from db.session import Database
from ui.dialogs.field_editor import Editor, FieldEditor
from ui.screen import fit_to_screen
from ui.widgets import ErrorLabel, ask, set_invalid, with_error_below

HISTORY_COLUMNS = ("Дата", "Запис", "Зміст", "Розпорядження")
AWARD_COLUMNS = ("Дата", "Відзнака", "Підстава", "Привід")
PRIOR_COLUMNS = ("З", "По", "Місце роботи", "Зараховується")


class PersonnelCard(QDialog):
    """Emits `saved(staff id)` whenever the file or its history is stored."""

    saved = Signal(int)

    def __init__(
        self,
        db: Database,
        staff_id: int | None,
        values: Mapping[str, Any] | None,
        read_only: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db, self.staff_id, self.read_only = db, staff_id, read_only
        self.events: list[hr.EventView] = []
        self.setWindowTitle(PERSONNEL.record_title if staff_id else "Особова справа: нова")
        self.pages = QTabWidget(self)
        self.pages.addTab(self._file_page(values), "Особова справа")
        self.pages.addTab(self._history_page(), "Послужний список")
        self.pages.addTab(self._prior_page(), "Попередній стаж")
        self.reminders = QListWidget(self)
        self.pages.addTab(self.reminders, "Нагадування")
        self.awards: QTableWidget | None = None
        if _may_read_awards():
            self.awards = self._awards_page()
            self.pages.addTab(self.awards, "Відзнаки")
        self.message = ErrorLabel(self)
        buttons = QDialogButtonBox(self)
        self.print_button = buttons.addButton("Друк картки", QDialogButtonBox.ButtonRole.ActionRole)
        self.print_button.clicked.connect(self._on_print)
        self.inventory_button = buttons.addButton(
            "Внутрішній опис", QDialogButtonBox.ButtonRole.ActionRole
        )
        self.inventory_button.setToolTip("Внутрішній опис документів особової справи")
        self.inventory_button.clicked.connect(self._on_inventory)
        self.save_button = buttons.addButton("Зберегти", QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton("Закрити", QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self._on_save)
        buttons.rejected.connect(self.reject)
        self.save_button.setVisible(not read_only)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        fit_to_screen(self, 820, 640)
        self._load()

    # --- pages -------------------------------------------------------------------------------

    def _file_page(self, values: Mapping[str, Any] | None) -> QWidget:
        page = QWidget(self)
        form = QFormLayout(page)
        self.editors: dict[str, Editor] = {}
        self.errors: dict[str, ErrorLabel] = {}
        for field in PERSONNEL.fields:
            editor = FieldEditor(self.db, field, 0, page)
            self.editors[field.key] = editor
            error = self.errors[field.key] = ErrorLabel(page)
            caption = QLabel(f"{field.label}{' *' if field.required else ''}:", page)
            caption.setBuddy(editor.widget)
            form.addRow(caption, with_error_below(editor.widget, error, page))
            editor.set_value((values or {}).get(field.key))
            editor.set_read_only(self.read_only)
            if field.key in ("education", "notes"):
                editor.widget.setMaximumHeight(60)
        self.service = QLabel(page)
        self.service.setWordWrap(True)
        self.service.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow("Служба:", self.service)
        return page

    def _history_page(self) -> QWidget:
        page = QWidget(self)
        self.history = QTableWidget(0, len(HISTORY_COLUMNS), page)
        self.history.setHorizontalHeaderLabels(HISTORY_COLUMNS)
        self.history.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.history.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.history.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.history.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.history.verticalHeader().hide()
        self.history.doubleClicked.connect(self._on_edit_event)
        self.add_event = QPushButton("Додати запис…", page)
        self.edit_event = QPushButton("Змінити…", page)
        self.delete_event = QPushButton("Вилучити", page)
        self.draft_button = QPushButton("Проєкт розпорядження…", page)
        self.draft_button.setToolTip(
            "Текст розпорядження для вибраного запису (призначення, переведення, відпустка, "
            "відрядження, звільнення)"
        )
        self.draft_button.clicked.connect(self._on_draft)
        self.add_event.clicked.connect(self._on_add_event)
        self.edit_event.clicked.connect(self._on_edit_event)
        self.delete_event.clicked.connect(self._on_delete_event)
        row = QHBoxLayout()
        for button in (self.add_event, self.edit_event, self.delete_event):
            button.setVisible(not self.read_only)
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(self.draft_button)
        layout = QVBoxLayout(page)
        layout.addLayout(row)
        layout.addWidget(self.history)
        return page

    def _awards_page(self) -> QTableWidget:
        """The person's awards as the awards register keeps them (28.17), read only."""
        table = QTableWidget(0, len(AWARD_COLUMNS), self)
        table.setHorizontalHeaderLabels(AWARD_COLUMNS)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setWordWrap(False)
        table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        table.verticalHeader().hide()
        return table

    def _load_awards(self) -> None:
        from app.services import awards

        table = self.awards
        if table is None or self.staff_id is None:
            return
        found = awards.awards_of_employee(self.db, self.staff_id, current_user())
        table.setRowCount(len(found))
        for r, award in enumerate(found):
            day = format_date(award.award_date) if award.award_date else "—"
            for c, text in enumerate((day, award.kind, award.basis, award.occasion)):
                item = QTableWidgetItem(text)
                item.setToolTip(award.merits or text)
                table.setItem(r, c, item)
        for column in (0, 1, 2):
            table.resizeColumnToContents(column)

    def _prior_page(self) -> QWidget:
        page = QWidget(self)
        self.prior = QTableWidget(0, len(PRIOR_COLUMNS), page)
        self.prior.setHorizontalHeaderLabels(PRIOR_COLUMNS)
        self.prior.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.prior.verticalHeader().hide()
        add, remove = QPushButton("Додати період", page), QPushButton("Вилучити", page)
        self.save_prior = QPushButton("Зберегти стаж", page)
        add.clicked.connect(lambda: self._add_prior_row(None))
        remove.clicked.connect(lambda: self.prior.removeRow(self.prior.currentRow()))
        self.save_prior.clicked.connect(self._on_save_prior)
        row = QHBoxLayout()
        for button in (add, remove, self.save_prior):
            button.setVisible(not self.read_only)
            row.addWidget(button)
        row.addStretch(1)
        layout = QVBoxLayout(page)
        layout.addLayout(row)
        layout.addWidget(self.prior)
        layout.addWidget(QLabel("Дати — ДД.ММ.РРРР; стаж зараховується до надбавки за вислугу."))
        return page

    def _add_prior_row(self, period: hr.PriorPeriod | None) -> None:
        r = self.prior.rowCount()
        self.prior.insertRow(r)
        self.prior.setItem(r, 0, QTableWidgetItem(format_date(period.date_from) if period else ""))
        self.prior.setItem(r, 1, QTableWidgetItem(format_date(period.date_to) if period else ""))
        self.prior.setItem(r, 2, QTableWidgetItem(period.employer if period else ""))
        box = QCheckBox(self.prior)
        box.setChecked(period.counts if period else True)
        self.prior.setCellWidget(r, 3, box)

    # --- data --------------------------------------------------------------------------------

    def _load(self) -> None:
        has_file = self.staff_id is not None
        for i in range(1, self.pages.count()):
            self.pages.setTabEnabled(i, has_file)
        self.print_button.setEnabled(has_file)
        self.inventory_button.setEnabled(has_file)
        if self.staff_id is None:
            self.service.setText("Збережіть картку, щоб вести послужний список.")
            return
        user = current_user()
        self.events = hr.history(self.db, self.staff_id, user)
        self.history.setRowCount(len(self.events))
        for r, e in enumerate(self.events):
            cells = (e.period_text, e.kind_title, e.summary, e.order_text)
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.history.setItem(r, c, item)
        self.history.resizeColumnToContents(0)
        self.history.resizeColumnToContents(1)
        self.prior.setRowCount(0)
        for period in hr.prior_periods(self.db, self.staff_id):
            self._add_prior_row(period)
        seniority = hr.seniority_of(self.db, self.staff_id)
        last = next((e for e in reversed(self.events) if e.kind in ("hire", "transfer")), None)
        parts = [f"стаж для надбавки: {seniority.text}"]
        if seniority.next_date:
            parts.append(f"{seniority.next_threshold} років — {format_date(seniority.next_date)}")
        if last is not None:
            parts.insert(0, last.summary)
        self.service.setText("; ".join(parts))
        self.reminders.clear()
        for reminder in hr.reminders(self.db, user).of(self.staff_id):
            self.reminders.addItem(f"{format_date(reminder.due)} — {reminder.text}")
        if not self.reminders.count():
            self.reminders.addItem("Найближчим часом нічого не потрібно.")
        self._load_awards()

    def _on_save(self) -> None:
        self.message.clear_error()
        try:
            values = PERSONNEL.parse({k: e.value() for k, e in self.editors.items()})
        except FieldErrors as exc:
            self._show_errors(exc.by_key())
            return
        self._show_errors({})
        try:
            staff_id = hr.save_file(self.db, self.staff_id, values, current_user())
        except (ValueError, PermissionError) as exc:
            self.message.show_error(str(exc))
            return
        new = self.staff_id is None
        self.staff_id = staff_id
        self.saved.emit(staff_id)
        if new:  # stay open: the history of the new file is what comes next
            self.setWindowTitle(PERSONNEL.record_title)
            self._load()
            self.pages.setCurrentIndex(1)
        else:
            self.accept()

    def _show_errors(self, errors: Mapping[str, str]) -> None:
        for key, label in self.errors.items():
            text = errors.get(key, "")
            label.show_error(text)
            set_invalid(self.editors[key].widget, bool(text))

    def _selected_event(self) -> hr.EventView | None:
        row = self.history.currentRow()
        return self.events[row] if 0 <= row < len(self.events) else None

    def _event_dialog(self, event: hr.EventView | None) -> None:
        from ui.dialogs.personnel_event import EventDialog

        assert self.staff_id is not None
        dialog = EventDialog(self.db, self.staff_id, event, self)
        dialog.saved.connect(lambda _id: self._after_change())
        dialog.exec()
        dialog.deleteLater()

    def _after_change(self) -> None:
        self._load()
        if self.staff_id is not None:
            self.saved.emit(self.staff_id)

    def _on_add_event(self) -> None:
        self._event_dialog(None)

    def _on_edit_event(self, *_: Any) -> None:
        if self.read_only:
            return
        event = self._selected_event()
        if event is not None:
            self._event_dialog(event)

    def _on_delete_event(self) -> None:
        event = self._selected_event()
        if event is None or self.staff_id is None:
            return
        text = f"Вилучити запис «{event.kind_title}» від {format_date(event.day)}?"
        if not ask(self, "Послужний список", text, "Вилучити", "Залишити"):
            return
        try:
            hr.delete_event(self.db, self.staff_id, event.id, current_user())
        except (ValueError, PermissionError) as exc:
            self.message.show_error(str(exc))
            return
        self._after_change()

    def prior_values(self) -> list[hr.PriorPeriod]:
        """The periods typed; DateError names the first wrong date."""
        periods = []
        for r in range(self.prior.rowCount()):
            texts = [_cell(self.prior.item(r, c)) for c in (0, 1, 2)]
            if not any(t.strip() for t in texts):
                continue
            start, end = parse_date(texts[0]), parse_date(texts[1])
            box = self.prior.cellWidget(r, 3)
            counts = box.isChecked() if isinstance(box, QCheckBox) else True
            periods.append(hr.PriorPeriod(start, end, texts[2].strip(), counts))
        return periods

    def _on_save_prior(self) -> None:
        self.message.clear_error()
        try:
            assert self.staff_id is not None
            hr.save_prior(self.db, self.staff_id, self.prior_values(), current_user())
        except (DateError, ValueError, PermissionError) as exc:
            self.message.show_error(f"Попередній стаж: {exc}")
            return
        self._after_change()

    def _on_draft(self) -> QDialog | None:
        """The draft of the selected entry's order in a window, ready to copy."""
        from app.services.personnel_printouts import order_draft

        event = self._selected_event()
        if event is None or self.staff_id is None:
            self.message.show_error("Виберіть запис послужного списку")
            return None
        try:
            text = order_draft(self.db, self.staff_id, event.id, current_user())
        except (ValueError, PermissionError) as exc:
            self.message.show_error(str(exc))
            return None
        self.message.clear_error()
        dialog = QDialog(self)
        dialog.setWindowTitle("Проєкт розпорядження")
        box = QPlainTextEdit(dialog)
        box.setPlainText(f"{text.title}\n\n{text.text}")
        box.selectAll()
        layout = QVBoxLayout(dialog)
        layout.addWidget(box)
        layout.addWidget(QLabel("Текст можна змінити і скопіювати (Ctrl+C).", dialog))
        fit_to_screen(dialog, 600, 260)
        dialog.show()
        return dialog

    def _on_print(self) -> None:
        if self.staff_id is None:
            return
        from app.services.personnel_printouts import card_pdf
        from ui.preview import PdfPreviewDialog

        try:
            pdf = card_pdf(self.db, self.staff_id, current_user(), date.today())
        except (ValueError, PermissionError, OSError) as exc:
            self.message.show_error(f"Не вдалося надрукувати картку: {exc}")
            return
        preview = PdfPreviewDialog(pdf, "Особова картка", self)
        preview.exec()
        preview.deleteLater()

    def _on_inventory(self) -> None:
        if self.staff_id is None:
            return
        from app.services.personnel_printouts import inventory_pdf
        from ui.preview import PdfPreviewDialog

        try:
            pdf = inventory_pdf(self.db, self.staff_id, current_user(), date.today())
        except (ValueError, PermissionError, OSError) as exc:
            self.message.show_error(f"Не вдалося надрукувати опис: {exc}")
            return
        preview = PdfPreviewDialog(pdf, "Внутрішній опис особової справи", self)
        preview.exec()
        preview.deleteLater()


def _may_read_awards() -> bool:
    from app.registers.awards import AWARDS
    from app.services.access import may_read

    return may_read(AWARDS, current_user())


def _cell(item: QTableWidgetItem | None) -> str:
    return item.text() if item is not None else ""
