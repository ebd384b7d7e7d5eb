"""What the reference, resolution and control dialogs are made of: a form that saves on accept and
stays open with the message when saving fails, and the staff picker with type-ahead.

Every form keeps what was typed when something is wrong: the message appears under the field
or under the form and the dialog stays open. The field widgets themselves (dates, error and hint
labels) are ui.widgets', shared with the registration card and the filter bar.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QVBoxLayout,
    QWidget,
)

from app.domain.dates import DateError
from app.domain.numbering import NumberFormatError
from app.domain.roles import PermissionDenied
from app.services.details import DocumentDetail
from app.services.dialog_support import term_preview
from app.services.documents import DocumentError
from app.services.organisation import OrganisationError
from app.services.passwords import PasswordError
from app.services.reference import ReferenceError as RefError
from app.services.reference import StaffInfo
from app.services.users import UserError
from db.session import Database
from ui.screen import give_title_room
from ui.tasks import run_in_background, show_error
from ui.widgets import (
    DateEdit,
    ErrorLabel,
    FieldProblem,
    WrappedLabel,
    set_edit_placeholder,
    widen_popup,
    with_error_below,
)

#: Errors whose message is written for the clerk; anything else is a bug and propagates.
USER_ERRORS = (
    DateError,
    DocumentError,
    OrganisationError,
    RefError,
    NumberFormatError,
    UserError,
    PasswordError,
    PermissionDenied,
)


def term_hint(db: Database, doc: DocumentDetail, term: DateEdit) -> str:
    """The term the program will store for what is typed (the default of 9.11 for an empty
    field, a day off moved back), or how to type a date."""
    typed = term.valid_date()
    if term.text().strip() and typed is None:
        return "Дата має бути у форматі ДД.ММ.РРРР"
    return term_preview(db, doc, typed).text


def staff_choice(info: StaffInfo, departments: dict[int, str]) -> str:
    """«Коваленко О. П. — начальник відділу, Управління праці»: who, what, and where."""
    where = departments.get(info.department_id or 0, "")
    about = ", ".join(x for x in (info.position.strip(), where.strip()) if x)
    return f"{info.short} — {about}" if about else info.short


class StaffPicker(QComboBox):
    """A staff member chosen from the list or by typing part of the name (type-ahead).

    With `take_enter`, Enter is the picker's own: with the suggestions open it takes the
    highlighted one (or the first offered); otherwise `chosen` fires on a recognised name, `unknown`
    on a fragment that names nobody or several people, and an empty picker passes the focus on —
    so a picker that adds executors never closes the dialog by accident.
    """

    chosen = Signal(int)
    unknown = Signal(str)

    def __init__(
        self,
        staff: list[StaffInfo],
        parent: QWidget | None = None,
        allow_empty: bool = False,
        take_enter: bool = False,
        departments: dict[int, str] | None = None,
    ) -> None:
        """`departments` (id → name): each suggestion names the person's department too, so
        two «Коваленко» of different bodies differ by more than their initials."""
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self._take_enter = take_enter
        self.next_on_enter: QWidget | None = None
        if allow_empty:
            self.addItem("", None)
        for info in staff:
            self.addItem(staff_choice(info, departments or {}), info.id)
        completer = QCompleter(self.model(), self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.setCompleter(widen_popup(completer))
        self._completer = completer
        set_edit_placeholder(self, "Почніть вводити прізвище…")
        self.setMinimumContentsLength(28)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)

    def staff_id(self) -> int | None:
        """The chosen person's id, or None when the text names nobody in the list."""
        text = self.currentText().strip()
        if not text:
            return None
        index = self.findText(text, Qt.MatchFlag.MatchFixedString)
        if index < 0:
            # «мельн» names Мельник when nobody else matches: no need to pick from the popup.
            model, role = self.model(), Qt.ItemDataRole.DisplayRole
            found = model.match(model.index(0, 0), role, text, 2, Qt.MatchFlag.MatchContains)
            if len(found) != 1:
                return None
            index = found[0].row()
        value = self.itemData(index)
        return value if isinstance(value, int) else None

    def set_staff_id(self, staff_id: int | None) -> None:
        index = self.findData(staff_id)
        self.setCurrentIndex(max(index, 0) if staff_id is not None else 0)
        if staff_id is None and self.itemData(0) is not None:
            self.setEditText("")

    def _first_offered(self, model: QAbstractItemModel) -> QModelIndex:
        """The suggestion Enter takes when none is highlighted: the first name that starts with
        the typed fragment («Дан» → Даниленко, not «… бази даних»), else the first offered."""
        typed = self.currentText().strip().casefold()
        rows = [model.index(row, 0) for row in range(model.rowCount())]
        for index in rows:
            if str(index.data()).casefold().startswith(typed):
                return index
        return rows[0] if rows else QModelIndex()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # The combo box, not its line edit, has the focus: Enter arrives here first.
        if self._take_enter and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if not self.currentText().strip():  # on to the next field, not «save half-filled»
                if self.next_on_enter is not None:
                    self.next_on_enter.setFocus(Qt.FocusReason.TabFocusReason)
                else:
                    self.focusNextChild()
                event.accept()
                return
            popup = self._completer.popup()
            if popup is not None and popup.isVisible():
                # Enter with the suggestions open takes the highlighted one, or the first offered
                # when none is highlighted («Дан» + Enter), not the fragment typed.
                index = popup.currentIndex()
                if not index.isValid():
                    index = self._first_offered(popup.model())
                if index.isValid():
                    self.setEditText(str(index.data()))
                popup.hide()
            sid = self.staff_id()
            if sid is not None:
                self.chosen.emit(sid)
            else:
                self.unknown.emit(self.currentText().strip())
            event.accept()
            return
        super().keyPressEvent(event)


class FormDialog(QDialog):
    """A dialog that saves on accept and stays open with a message when saving fails.

    Subclasses put their fields into `self.body` and implement `_prepare_save()`: on the GUI
    thread it reads the fields (raising FieldProblem for one field or any of USER_ERRORS for the
    whole form) and returns the saving itself — service calls only, no widgets — which runs
    through ui.tasks off the GUI thread, so a database held by an import never freezes the
    window. `_saved(result)` then runs on the GUI thread before the dialog closes. Enter accepts
    (Ctrl+Enter inside a multi-line field), Esc cancels (not while saving).
    """

    def __init__(
        self, title: str, intro: str = "", parent: QWidget | None = None, ok_text: str = "Зберегти"
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self._field_errors: dict[QWidget, ErrorLabel] = {}
        self._saving = False
        layout = QVBoxLayout(self)
        if intro:
            layout.addWidget(WrappedLabel(intro, self))
        self.body = QVBoxLayout()
        layout.addLayout(self.body)
        self.error = ErrorLabel(self)
        layout.addWidget(self.error)
        layout.addStretch(1)
        self.buttons = QDialogButtonBox(self)
        self.ok_button = self.buttons.addButton(ok_text, QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton(
            "Скасувати", QDialogButtonBox.ButtonRole.RejectRole
        )
        self.ok_button.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self.accept)

    def showEvent(self, event: QShowEvent) -> None:
        give_title_room(self)  # the whole title in the title bar
        super().showEvent(event)
        # The buttons are created first, so Qt would start on «Зберегти»: start on a field.
        focused = self.focusWidget()
        if focused is None or focused.parentWidget() is self.buttons:
            self.cancel_button.setFocus(Qt.FocusReason.TabFocusReason)
            self.focusNextChild()  # the fields come after the buttons in the focus chain

    def field_error(self, widget: QWidget) -> ErrorLabel:
        """The error label that belongs under `widget`."""
        if widget not in self._field_errors:
            label = ErrorLabel(self)
            self._field_errors[widget] = label
            # The message is about what was typed: once the clerk corrects it, it goes (the
            # extension dialog kept an old red error beside a corrected date).
            for name in ("textEdited", "textChanged", "editTextChanged"):
                signal = getattr(widget, name, None)
                if signal is not None:
                    signal.connect(label.clear_error)
                    break
        return self._field_errors[widget]

    def with_error(self, widget: QWidget, shown: QWidget | None = None) -> QWidget:
        """`shown` (default: `widget`) with the error label of `widget` under it, for a form row."""
        return with_error_below(shown or widget, self.field_error(widget), self)

    def clear_errors(self) -> None:
        self.error.clear_error()
        for label in self._field_errors.values():
            label.clear_error()

    def show_problem(self, message: str, widget: QWidget | None = None) -> None:
        label = self._field_errors.get(widget) if widget is not None else None
        (label or self.error).show_error(message)
        if widget is not None:
            widget.setFocus(Qt.FocusReason.OtherFocusReason)

    def is_saving(self) -> bool:
        """True while the saving runs in the background (tests wait for False)."""
        return self._saving

    def accept(self) -> None:
        if self._saving:
            return
        self.clear_errors()
        try:
            work = self._prepare_save()
        except (FieldProblem, *USER_ERRORS) as exc:
            self._show_failure(exc)
            return
        self._set_saving(True)
        run_in_background(work, self._on_save_done, self._on_save_failed, owner=self)

    def reject(self) -> None:
        if not self._saving:  # the saving goes on in the background: wait for its answer
            super().reject()

    def _set_saving(self, saving: bool) -> None:
        self._saving = saving
        if saving:
            self._ok_was_enabled = self.ok_button.isEnabled()
            self.ok_button.setEnabled(False)
            self.setCursor(Qt.CursorShape.BusyCursor)
        else:
            self.ok_button.setEnabled(self._ok_was_enabled)
            self.unsetCursor()
        self.cancel_button.setEnabled(not saving)

    def _on_save_done(self, result: object) -> None:
        self._set_saving(False)
        self._saved(result)
        super().accept()

    def _on_save_failed(self, exc: BaseException) -> None:
        self._set_saving(False)
        self._save_failed(exc)
        if isinstance(exc, (FieldProblem, *USER_ERRORS)):
            self._show_failure(exc)
        else:  # a bug, not the clerk's input: logged and shown, the form stays as typed
            show_error(exc, self)

    def _show_failure(self, exc: BaseException) -> None:
        if isinstance(exc, FieldProblem):
            self.show_problem(str(exc), exc.widget)
        else:
            self.show_problem(str(exc), self._widget_for_error(str(exc)))

    def _widget_for_error(self, message: str) -> QWidget | None:
        """The field a service's message is about, to move the cursor there (optional)."""
        return None

    def _prepare_save(self) -> Callable[[], object]:
        """Read the fields; return the saving to run off the GUI thread (see the class doc)."""
        raise NotImplementedError

    def _saved(self, result: object) -> None:
        """On the GUI thread after a successful save, before the dialog closes (optional)."""

    def _save_failed(self, exc: BaseException) -> None:
        """On the GUI thread when the saving raised, before the message is shown (optional)."""
