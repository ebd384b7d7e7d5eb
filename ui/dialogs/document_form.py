"""The registration card of a document, built from `spec.fields` (any register).

Keyboard first: focus starts in the first field, Tab walks the fields in order, Enter saves
(Ctrl+Enter inside multi-line fields), Esc closes. A wrong value is shown in red right under
its field and focus goes there; nothing typed is cleared. A new document shows its number
after saving, so the clerk can write it on the paper before taking the next one.
"""

from __future__ import annotations

import tempfile
from datetime import date
from html import escape
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.domain.dates import DateError, format_date
from app.registers.base import RegisterSpec
from app.registers.fields import FieldErrors
from app.services import documents
from app.services.details import DocumentDetail, get_document
from app.services.dialog_support import current_user
from db.session import Database
from ui.dialogs.field_editor import FieldEditor
from ui.tasks import run_in_background
from ui.widgets import (
    INVALID_STYLE,
    DateEdit,
    ErrorLabel,
    ask,
    set_invalid,
    with_error_below,
)

REG_DATE = "__reg_date"


class DocumentForm(QDialog):
    """`saved(doc_id)` is emitted after each successful save (the tab refreshes)."""

    saved = Signal(int)

    def __init__(
        self,
        db: Database,
        spec: RegisterSpec,
        doc_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db, self.spec, self.doc_id = db, spec, doc_id
        self.detail: DocumentDetail | None = get_document(db, doc_id) if doc_id else None
        self.registered: documents.Registered | None = None
        self.pending: list[documents.NewAttachment] = []
        self.editors: dict[str, FieldEditor] = {}
        self.errors: dict[str, ErrorLabel] = {}
        self.setStyleSheet(INVALID_STYLE)
        self.setMinimumWidth(680)
        self.setSizeGripEnabled(True)
        self._build()
        if self.detail is not None:
            self._load(self.detail)
        self._modified = False
        first = next(iter(self.editors.values()), None)
        if self.reg_date is not None:
            self.reg_date.setFocus()
        elif first is not None:
            first.focus_widget.setFocus()

    # --- building --------------------------------------------------------------------------

    def _build(self) -> None:
        detail = self.detail
        if detail is None:
            self.setWindowTitle(f"{self.spec.title}: реєстрація документа")
        else:
            title = (
                f"{self.spec.number_label} {detail.reg_number} від {format_date(detail.reg_date)}"
            )
            self.setWindowTitle(title)
        self.header = QLabel(self)
        self.header.setWordWrap(True)
        self.form = QFormLayout()
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.reg_date: DateEdit | None = None
        if detail is None:
            self.reg_date = DateEdit(date.today(), self)
            self.reg_date.setToolTip("Дата надходження; змініть, якщо документ надійшов у вихідний")
            self._add_row("Дата реєстрації", REG_DATE, self.reg_date, required=True)
            self.reg_date.textEdited.connect(lambda _t: self._on_edited(REG_DATE))
        year = detail.reg_date.year if detail else date.today().year
        for field in self.spec.fields:
            editor = FieldEditor(self.db, field, year, self)
            self.editors[field.key] = editor
            self._add_row(field.label, field.key, editor.widget, field.required)
            editor.edited.connect(lambda key=field.key: self._on_edited(key))
        self.attachments = QWidget(self)
        self.attachment_list = QListWidget(self.attachments)
        self.attachment_list.setMaximumHeight(self.fontMetrics().lineSpacing() * 3 + 10)
        self.attachment_list.itemActivated.connect(self._on_open_scan)
        add = QPushButton("Додати скан…", self.attachments)
        add.setAutoDefault(False)
        add.clicked.connect(self._on_add_scan)
        row = QHBoxLayout(self.attachments)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.attachment_list, 1)
        row.addWidget(add, 0, Qt.AlignmentFlag.AlignTop)
        self.form.addRow("Скани:", self.attachments)

        page = QWidget(self)
        page.setLayout(self.form)
        self.result_label = QLabel(self)
        self.result_label.setStyleSheet("font-size: 13pt; font-weight: bold; color: #146c43;")
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.result_label.hide()

        self.buttons = QDialogButtonBox(self)
        self.save_button = QPushButton("Зберегти" if detail else "Зареєструвати", self)
        self.save_button.setDefault(True)
        self.buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton(
            "Скасувати", QDialogButtonBox.ButtonRole.RejectRole
        )
        self.next_button = self.buttons.addButton(
            "Зареєструвати ще", QDialogButtonBox.ButtonRole.ActionRole
        )
        self.next_button.hide()
        self.save_button.clicked.connect(self._on_save)
        self.cancel_button.clicked.connect(self.reject)
        self.next_button.clicked.connect(self._on_next)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self._on_save)

        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        if detail is not None:
            tabs = QTabWidget(self)
            tabs.addTab(page, "Документ")
            history = QTextBrowser(self)
            history.setHtml(history_html(detail))
            tabs.addTab(history, "Резолюції та контроль")
            layout.addWidget(tabs)
        else:
            layout.addWidget(page)
        layout.addWidget(self.result_label)
        layout.addWidget(self.buttons)
        self._show_header()

    def _add_row(self, label: str, key: str, widget: QWidget, required: bool) -> None:
        error = self.errors[key] = ErrorLabel(self)
        caption = QLabel(f"{label}{' *' if required else ''}:", self)
        caption.setBuddy(widget)
        self.form.addRow(caption, with_error_below(widget, error, self))

    def _show_header(self) -> None:
        detail = self.detail
        if detail is None:
            self.header.setText("Поля із зірочкою (*) обов'язкові. Enter — зареєструвати.")
            return
        parts = [
            f"<b>{self.spec.number_label} {detail.reg_number}</b> від "
            f"{format_date(detail.reg_date)}"
        ]
        if detail.cancelled:
            parts.append(f"<span style='color:#b02a37'>Анульовано: {detail.cancel_reason}</span>")
        elif detail.on_control:
            parts.append(f"{detail.state.label}, термін {format_date(detail.due_date)}")
        self.header.setText(" · ".join(parts))

    def _load(self, detail: DocumentDetail) -> None:
        for key, editor in self.editors.items():
            editor.set_value(detail.values.get(key))
            if detail.cancelled:
                editor.set_read_only(True)
        for item in detail.attachments:
            self.attachment_list.addItem(f"{item.filename} ({item.size // 1024 + 1} КБ)")
        if detail.cancelled:
            self.save_button.setEnabled(False)

    # --- saving ------------------------------------------------------------------------------

    def _collect(self) -> tuple[dict[str, Any], date | None, dict[str, str]]:
        errors: dict[str, str] = {}
        day: date | None = None
        if self.reg_date is not None:
            try:
                day = self.reg_date.date()
                if day is None:
                    errors[REG_DATE] = "Вкажіть дату реєстрації"
            except DateError as exc:
                errors[REG_DATE] = str(exc)
        values: dict[str, Any] = {}
        try:
            values = self.spec.parse({k: e.value() for k, e in self.editors.items()})
        except FieldErrors as exc:
            errors.update(exc.by_key())
        return values, day, errors

    def _show_errors(self, errors: dict[str, str]) -> None:
        widgets: dict[str, QWidget] = {k: e.widget for k, e in self.editors.items()}
        if self.reg_date is not None:
            widgets[REG_DATE] = self.reg_date
        first: QWidget | None = None
        for key, label in self.errors.items():
            message = errors.get(key, "")
            label.show_error(message)
            set_invalid(widgets[key], bool(message))
            if message and first is None:
                first = self.editors[key].focus_widget if key in self.editors else widgets[key]
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_edited(self, key: str) -> None:
        self._modified = True
        label = self.errors.get(key)
        if label is not None and label.isVisible():
            label.clear_error()
            widget = self.reg_date if key == REG_DATE else self.editors[key].widget
            if widget is not None:
                set_invalid(widget, False)

    def _on_save(self) -> None:
        if self.registered is not None:
            self.accept()
            return
        if not self.save_button.isEnabled():
            return
        values, day, errors = self._collect()
        self._show_errors(errors)
        if errors:
            return
        if self.detail is None and not self._confirm_warnings(values):
            return
        self._set_busy(True)
        if self.detail is None:
            self._register(values, day or date.today())
        else:
            self._update(values, self.detail)

    def _confirm_warnings(self, values: dict[str, Any]) -> bool:
        warnings = self.spec.registration_warnings(values)
        if not warnings:
            return True
        box = QMessageBox(QMessageBox.Icon.Warning, "Увага", "\n\n".join(warnings), parent=self)
        box.setInformativeText("Зареєструвати все одно?")
        yes = box.addButton("Зареєструвати", QMessageBox.ButtonRole.AcceptRole)
        no = box.addButton("Повернутися до форми", QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(no)
        box.exec()
        return box.clickedButton() is yes

    def _register(self, values: dict[str, Any], day: date) -> None:
        db, spec, files, user = self.db, self.spec, tuple(self.pending), current_user()

        def work() -> documents.Registered:
            return documents.register_document(
                db, spec, values, reg_date=day, attachments=files, user=user
            )

        run_in_background(work, self._on_registered, self._on_save_failed, owner=self)

    def _on_registered(self, result: documents.Registered) -> None:
        self._set_busy(False)
        self.registered, self.doc_id = result, result.id
        self.pending.clear()
        self.result_label.setText(
            f"Зареєстровано: {self.spec.number_label} {result.reg_number} "
            f"від {format_date(result.reg_date)}"
        )
        self.result_label.show()
        for editor in self.editors.values():
            editor.set_read_only(True)
        if self.reg_date is not None:
            self.reg_date.setReadOnly(True)
        self.attachments.setEnabled(False)
        self.save_button.setText("Закрити")
        self.cancel_button.hide()
        self.next_button.show()
        self.save_button.setFocus()
        self._modified = False
        self.saved.emit(result.id)

    def _update(self, values: dict[str, Any], detail: DocumentDetail) -> None:
        db, spec, files, user = self.db, self.spec, tuple(self.pending), current_user()

        def work() -> int:
            version = documents.update_document(db, spec, detail.id, values, detail.version, user)
            for item in files:
                documents.add_attachment(db, detail.id, item, user)
            return version

        def done(_version: int) -> None:
            self._set_busy(False)
            self._modified = False
            self.saved.emit(detail.id)
            self.accept()

        run_in_background(work, done, self._on_save_failed, owner=self)

    def _on_save_failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        if isinstance(exc, documents.DocumentError):
            QMessageBox.warning(self, "Не збережено", str(exc))
        else:
            QMessageBox.critical(self, "Помилка", f"Не вдалося зберегти документ:\n{exc}")

    def _set_busy(self, busy: bool) -> None:
        self.save_button.setEnabled(not busy)
        self.save_button.setText(
            "Зберігаю…" if busy else ("Зберегти" if self.detail else "Зареєструвати")
        )

    def _on_next(self) -> None:
        """Start the next document: same registration date, empty fields."""
        self.registered, self.doc_id = None, None
        self.result_label.hide()
        for editor in self.editors.values():
            editor.set_read_only(False)
            editor.set_value(None)
        if self.reg_date is not None:
            self.reg_date.setReadOnly(False)
        self.attachment_list.clear()
        self.attachments.setEnabled(True)
        self.save_button.setText("Зареєструвати")
        self.cancel_button.show()
        self.next_button.hide()
        self._modified = False
        next(iter(self.editors.values())).focus_widget.setFocus()

    # --- attachments and closing ---------------------------------------------------------------

    def _on_add_scan(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self, "Додати скан", "", "Скани (*.pdf *.png *.jpg *.jpeg *.tif *.tiff)"
        )
        for path in paths:
            try:
                item = documents.NewAttachment.from_path(path)
            except (documents.DocumentError, OSError) as exc:
                QMessageBox.warning(self, "Скан не додано", str(exc))
                continue
            self.pending.append(item)
            self.attachment_list.addItem(f"{item.filename} (буде збережено)")
            self._modified = True

    def _on_open_scan(self, *_: Any) -> None:
        """Open a stored scan in the system's viewer (from a temporary copy)."""
        row = self.attachment_list.currentRow()
        if self.detail is None or not 0 <= row < len(self.detail.attachments):
            return
        name, data = documents.attachment_data(self.db, self.detail.attachments[row].id)
        folder = Path(tempfile.mkdtemp(prefix="dilovod-"))
        path = folder / Path(name).name
        path.write_bytes(data)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def reject(self) -> None:
        if (
            self._modified
            and self.registered is None
            and not ask(
                self,
                "Закрити форму",
                "Введені дані не збережено. Закрити форму?",
                "Закрити без збереження",
                "Повернутися до форми",
            )
        ):
            return
        if self.registered is not None:
            self.accept()
            return
        super().reject()


def history_html(detail: DocumentDetail) -> str:
    """The resolutions and the control history, read-only, as the second tab shows them."""
    out = ["<h3>Резолюції</h3>"]
    if not detail.resolutions:
        out.append("<p>Резолюцій немає.</p>")
    for res in detail.resolutions:
        who = ", ".join(e.dative for e in res.executors)
        author = res.author.short if res.author else ""
        term = f"; термін {format_date(res.term)}" if res.term else ""
        out.append(
            f"<p><b>{format_date(res.resolution_date)}</b> {escape(author)} → "
            f"{escape(who)}{term}<br>{escape(res.task)}</p>"
        )
    out.append("<h3>Контроль</h3>")
    if detail.on_control:
        out.append(
            f"<p>{detail.state.label}; термін {format_date(detail.due_date)}"
            + (f"; виконано {format_date(detail.done_date)}" if detail.done_date else "")
            + (
                f"; головний виконавець {escape(detail.lead_executor)}"
                if detail.lead_executor
                else ""
            )
            + "</p>"
        )
    else:
        out.append("<p>Документ не перебуває на контролі.</p>")
    if detail.control_events:
        out.append("<table cellspacing='0' cellpadding='3' border='1'>")
        out.append("<tr><th>Дата</th><th>Подія</th><th>Термін</th><th>Зміст</th></tr>")
        for event in detail.control_events:
            term = " → ".join(
                format_date(d) for d in (event.old_term, event.new_term) if d is not None
            )
            text = "; ".join(escape(t) for t in (event.text, event.basis, event.person) if t)
            out.append(
                f"<tr><td>{format_date(event.event_date)}</td><td>{event.label}</td>"
                f"<td>{term}</td><td>{text}</td></tr>"
            )
        out.append("</table>")
    return "".join(out)
