"""The fields of a registration card, one row per field of `spec.fields`, each with its message.

Kept apart from the card's dialog (saving in the background, scans, «Зареєструвати ще») because
this part only turns what was typed into values and errors: the spec parses the values with the
services' own messages, and each message is shown in red right under its field.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QWidget

from app.domain.dates import DateError
from app.registers.base import RegisterSpec
from app.registers.fields import FieldErrors, FieldKind
from app.services import access, settings
from app.services.details import DocumentDetail
from app.services.dialog_support import current_user
from db.session import Database
from ui.dialogs.field_editor import Editor, FieldEditor, SeriesEditor
from ui.widgets import DateEdit, ErrorLabel, set_invalid, with_error_below

#: The key of the registration date's row (not a spec field: new documents only); it is also
#: the key the services use for the registration date in their FieldErrors.
REG_DATE = "reg_date"
#: The row of a number typed by hand (registers that keep numbers as written: an amendment to
#: decision 931 registered as «931-1»); the services' FieldErrors use the same key.
REG_NUMBER = "reg_number"


class DocumentFields(QWidget):
    """The registration date (new documents only) and the spec's fields, in a form layout.

    `edited` is emitted on every change a clerk makes (the card asks before closing unsaved).
    """

    edited = Signal()

    def __init__(
        self, db: Database, spec: RegisterSpec, detail: DocumentDetail | None, parent: QWidget
    ) -> None:
        super().__init__(parent)
        self.spec = spec
        self.editors: dict[str, Editor] = {}
        self.errors: dict[str, ErrorLabel] = {}
        self.form = QFormLayout(self)
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.reg_date: DateEdit | None = None
        if detail is None:
            self.reg_date = DateEdit(date.today(), self)
            self.reg_date.setToolTip(spec.date_hint)
            self._add_row(spec.date_label, REG_DATE, self.reg_date, required=True)
            self.reg_date.textEdited.connect(lambda _t: self._on_edited(REG_DATE))
        self.reg_number: QLineEdit | None = None
        if detail is None and spec.written_numbers:
            self.reg_number = QLineEdit(self)
            self.reg_number.setMaxLength(50)
            self.reg_number.setPlaceholderText(
                "наступний за порядком; або підномер, напр. " + ("12-1" if spec.series else "931-1")
            )
            self.reg_number.setToolTip(_number_hint(spec))
            self._add_row("Номер", REG_NUMBER, self.reg_number, required=False)
            self.reg_number.textEdited.connect(lambda _t: self._on_edited(REG_NUMBER))
        year = detail.reg_date.year if detail else date.today().year
        for field in spec.fields:
            if field.read_only and detail is None:
                continue  # computed by the program once the document exists
            editor = FieldEditor(db, field, year, self)
            self.editors[field.key] = editor
            self._add_row(field.label, field.key, editor.widget, field.required)
            editor.edited.connect(lambda key=field.key: self._on_edited(key))
            if field.kind == FieldKind.SERIES:
                if detail is not None:
                    editor.set_read_only(True)  # part of the registration number
                elif isinstance(editor, SeriesEditor):
                    self._offer_series(db, spec, editor)
        for field in spec.fields:
            if field.fills:
                editor = self.editors[field.key]
                editor.edited.connect(lambda e=editor: self._fill_from_person(e))

    @staticmethod
    def _offer_series(db: Database, spec: RegisterSpec, editor: SeriesEditor) -> None:
        """The series this user may register in (HR: personnel orders), and an optional
        series only once an administrator has added it."""
        actor = current_user()

        def offered(code: str) -> bool:
            return access.may_write(spec, actor, code) and settings.series_enabled(db, spec, code)

        editor.keep_only(offered)

    def _fill_from_person(self, editor: Editor) -> None:
        """A person chosen: fill the fields the spec says come with them, if still empty."""
        person = editor.chosen_staff()
        if person is None:
            return
        for key, attribute in editor.field.fills:
            target = self.editors.get(key)
            if target is not None and not str(target.value() or "").strip():
                target.set_value(getattr(person, attribute, "") or "")

    def _add_row(self, label: str, key: str, widget: QWidget, required: bool) -> None:
        error = self.errors[key] = ErrorLabel(self)
        caption = QLabel(f"{label}{' *' if required else ''}:", self)
        caption.setBuddy(widget)
        self.form.addRow(caption, with_error_below(widget, error, self))

    def add_row(self, label: str, widget: QWidget) -> None:
        """A row of the card's own under the fields (the scans)."""
        self.form.addRow(label, widget)

    def first_field(self) -> QWidget | None:
        """Where the cursor starts: the registration date, else the first spec field."""
        if self.reg_date is not None:
            return self.reg_date
        first = next(iter(self.editors.values()), None)
        return first.focus_widget if first is not None else None

    def load(self, values: dict[str, Any], read_only: bool) -> None:
        for key, editor in self.editors.items():
            editor.set_value(values.get(key))
            if read_only:
                editor.set_read_only(True)

    def set_read_only(self, read_only: bool) -> None:
        for editor in self.editors.values():
            editor.set_read_only(read_only)
        if self.reg_date is not None:
            self.reg_date.setReadOnly(read_only)
        if self.reg_number is not None:
            self.reg_number.setReadOnly(read_only)

    def clear(self) -> None:
        """Empty the spec's fields for the next document (the registration date stays)."""
        for editor in self.editors.values():
            editor.set_value(None)
        if self.reg_number is not None:
            self.reg_number.clear()

    def typed_number(self) -> str | None:
        """The number typed by hand, None when the program is to give the next one."""
        if self.reg_number is None:
            return None
        return "".join(self.reg_number.text().split()) or None

    def collect(self) -> tuple[dict[str, Any], date | None, dict[str, str]]:
        """The parsed values, the registration date and the messages by field key."""
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

    def show_errors(self, errors: dict[str, str]) -> None:
        """Each message under its field (the others cleared); the cursor to the first one."""
        widgets: dict[str, QWidget] = {k: e.widget for k, e in self.editors.items()}
        if self.reg_date is not None:
            widgets[REG_DATE] = self.reg_date
        if self.reg_number is not None:
            widgets[REG_NUMBER] = self.reg_number
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
        label = self.errors.get(key)
        if label is not None and label.isVisible():
            label.clear_error()
            own: dict[str, QWidget | None] = {REG_DATE: self.reg_date, REG_NUMBER: self.reg_number}
            widget = own[key] if key in own else self.editors[key].widget
            if widget is not None:
                set_invalid(widget, False)
        self.edited.emit()


def _number_hint(spec: RegisterSpec) -> str:
    """What the «Номер» row of a new card takes: empty, or a sub-number of a number given;
    in a register with series the series' suffix is the program's to add («12-1» → «12-1-р»)."""
    if not spec.series:
        return (
            "Порожньо — програма дасть наступний номер. Підномер уже наданого номера "
            "(931-1, 24/119) — для рішення, яке реєструють під ним (наприклад, змін до 931)"
        )
    suffixes = ", ".join(f"«{x.suffix}»" for x in spec.series if x.suffix)
    first = next((x.suffix for x in spec.series if x.suffix), "")
    return (
        "Порожньо — програма дасть наступний номер серії. Підномер уже наданого номера "
        f"(12-1) — для документа, який реєструють під ним (наприклад, змін до 12{first}); "
        f"суфікс серії ({suffixes}) програма додасть сама: 12-1{first}"
    )
