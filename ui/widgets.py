"""Small widgets shared by the tabs and dialogs: dates typed as ДД.ММ.РРРР, whole numbers,
the red «wrong input» highlight and the message under a field, a yes/no question.

Dates are typed, not picked: a clerk with the letter in one hand types «05032026» or
«5.3.26» faster than any calendar popup, so the field inserts the dots as you type and
completes the year when focus leaves it. `app.domain.dates` stays the only parser, so every
form says what is wrong with a date in the same Ukrainian words.
"""

from __future__ import annotations

import datetime as dt
import re
from datetime import timedelta
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QEvent,
    QObject,
    QRegularExpression,
    QSize,
    QStringListModel,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QIntValidator,
    QKeyEvent,
    QRegularExpressionValidator,
    QResizeEvent,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.domain.dates import DateError, format_date, parse_date
from app.domain.text import normalize_search, uk_sort_key

if TYPE_CHECKING:
    from app.services.reference import DepartmentInfo

#: The red frame of a field that holds a wrong value (see `set_invalid`).
INVALID_STYLE = """
*[invalid="true"] { border: 1px solid #c0392b; background: #fdecea; color: #212529; }
"""
ERROR_STYLE = "color: #b02a37;"
HINT_STYLE = "color: palette(placeholder-text);"


def format_count(n: int) -> str:
    """«1 234» — thousands separated by a non-breaking space, as Ukrainian text does."""
    return f"{n:,}".replace(",", "\u00a0")


def set_invalid(widget: QWidget, invalid: bool) -> None:
    """Highlight (or clear) a field that holds a wrong value; INVALID_STYLE paints it."""
    if bool(widget.property("invalid")) == invalid:
        return
    widget.setProperty("invalid", invalid)
    widget.style().unpolish(widget)
    widget.style().polish(widget)
    widget.update()


class FieldProblem(ValueError):
    """A value of one field cannot be accepted; the form shows it under that field."""

    def __init__(self, widget: QWidget, message: str) -> None:
        super().__init__(message)
        self.widget = widget


class WrappedLabel(QLabel):
    """A wrapped label sized for its real width (a plain one makes form rows gape)."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setWordWrap(True)
        self._hinted_width = 0

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        width = self.width() if self._hinted_width else max(hint.width(), 360)
        return QSize(hint.width(), self.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:
        return QSize(super().minimumSizeHint().width(), self.sizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        # A hidden label may be handed its default width (100 px) before any layout placed it;
        # hinting for that would grow the dialog for good when the label appears.
        if self.isVisible():
            self._hint_for(event.size().width())

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._hint_for(self.width())  # the layout has placed it by now

    def _hint_for(self, width: int) -> None:
        if width != self._hinted_width:
            self._hinted_width = width
            self.updateGeometry()


class ErrorLabel(WrappedLabel):
    """A red message under a field or a form, hidden while there is nothing to say."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("", parent)
        self.setStyleSheet(ERROR_STYLE)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.hide()

    def show_error(self, text: str) -> None:
        self.setText(text)
        self.setVisible(bool(text))

    def clear_error(self) -> None:
        self.show_error("")


def with_error_below(shown: QWidget, error: ErrorLabel, parent: QWidget) -> QWidget:
    """`shown` with its error label right under it, as one widget for a form row.

    A hidden message takes no room, so the form does not gape while all is well.
    """
    box = QWidget(parent)
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(2)
    layout.addWidget(shown)
    layout.addWidget(error)
    return box


def hint_label(text: str, parent: QWidget | None = None) -> QLabel:
    """A grey explanatory line (rules of the regulation, defaults)."""
    label = WrappedLabel(text, parent)
    label.setStyleSheet(HINT_STYLE)
    return label


def set_edit_placeholder(combo: QComboBox, text: str) -> None:
    """The grey hint inside an editable combo box (QComboBox's own is for non-editable ones)."""
    edit = combo.lineEdit()
    if edit is not None:
        edit.setPlaceholderText(text)


def department_label(dept: DepartmentInfo) -> str:
    """«Загальний відділ (01-12)»: the name first, so typing its first letter in a combo box
    jumps to it (with the code first, «З» found nothing)."""
    code = dept.index_code.strip()
    return f"{dept.name} ({code})" if code else dept.name


def department_choices(depts: list[DepartmentInfo]) -> list[tuple[str, int | None]]:
    """(label, id) of `depts` in Ukrainian alphabetical order of the name."""
    ordered = sorted(depts, key=lambda d: uk_sort_key(d.name))
    return [(department_label(d), d.id) for d in ordered]


#: The role under which `FoldedNames` gives a name as search compares it.
FOLDED_ROLE = Qt.ItemDataRole.UserRole + 7


class FoldedNames(QStringListModel):
    """Names for as-you-type suggestions, each also folded as search folds it (any case, any
    apostrophe: «Марʼянівська», «Мар'янівська» and «Мар’янівська» are one name).
    `remember(name)` adds a name registered a moment ago, so the next card offers it."""

    def data(self, index: Any, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == FOLDED_ROLE:
            return normalize_search(str(super().data(index, Qt.ItemDataRole.DisplayRole) or ""))
        return super().data(index, role)

    def remember(self, name: str) -> None:
        name = name.strip()
        if not name:
            return
        names = self.stringList()
        key = normalize_search(name)
        if all(normalize_search(n) != key for n in names):
            self.setStringList(sorted([*names, name], key=uk_sort_key))


class _WidePopup(QObject):
    """Keeps a completer's suggestions whole: the popup is as wide as its longest item (never
    narrower than the field, never wider than the screen) and moved back onto the screen when
    the extra width would push it past the right edge. QCompleter sizes the popup to the field,
    so a long department was cut («Центр надання адмі…»)."""

    def __init__(self, completer: QCompleter) -> None:
        super().__init__(completer)
        self._completer = completer
        self._measured: tuple[int, int] = (-1, 0)  # (rows, width) of the last measurement
        popup = completer.popup()
        assert popup is not None  # popup() makes the default list when there is none
        popup.installEventFilter(self)

    def _longest(self, popup: QWidget) -> int:
        """The width of the widest item of the whole list (cached while its size is the same)."""
        model, column = self._completer.model(), self._completer.completionColumn()
        rows = model.rowCount() if model is not None else 0
        if self._measured[0] != rows:
            metrics = popup.fontMetrics()
            widest = 0
            for row in range(rows):
                text = model.index(row, column).data(Qt.ItemDataRole.DisplayRole)
                widest = max(widest, metrics.horizontalAdvance(str(text or "")))
            self._measured = (rows, widest)
        return self._measured[1]

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if isinstance(watched, QWidget) and event.type() in (
            QEvent.Type.Show,
            QEvent.Type.Move,
            QEvent.Type.Resize,
        ):
            self._fit(watched)
        return False

    def _fit(self, popup: QWidget) -> None:
        screen = popup.screen().availableGeometry()
        bar = popup.style().pixelMetric(popup.style().PixelMetric.PM_ScrollBarExtent)
        frame = 2 * popup.style().pixelMetric(popup.style().PixelMetric.PM_DefaultFrameWidth)
        wanted = min(self._longest(popup) + bar + frame + 16, screen.width())
        if popup.minimumWidth() != wanted:
            popup.setMinimumWidth(wanted)  # QCompleter's own setGeometry keeps to it too
        geometry = popup.geometry()
        x = min(geometry.x(), screen.right() + 1 - geometry.width())
        x = max(x, screen.x())
        if x != geometry.x():
            popup.move(x, geometry.y())


def widen_popup(completer: QCompleter) -> QCompleter:
    """Let `completer`'s suggestions show whole (see `_WidePopup`); returns it."""
    _WidePopup(completer)
    return completer


class FoldingCompleter(QCompleter):
    """A completer over `FoldedNames` that matches what is typed the way search does:
    «марʼян» (typed with U+02BC) offers «Мар'янівська сільська рада», and a picked suggestion
    is put into the field as written."""

    def __init__(self, model: FoldedNames, parent: QWidget) -> None:
        super().__init__(model, parent)
        self.setCompletionRole(FOLDED_ROLE)
        self.setCaseSensitivity(Qt.CaseSensitivity.CaseSensitive)  # both sides are folded
        self.setFilterMode(Qt.MatchFlag.MatchContains)
        self.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.setMaxVisibleItems(12)
        widen_popup(self)

    def splitPath(self, path: str) -> list[str]:
        return [normalize_search(path)]

    def pathFromIndex(self, index: Any) -> str:
        return str(index.data(Qt.ItemDataRole.DisplayRole) or "")


def name_edit(names: list[str], parent: QWidget, placeholder: str = "") -> QLineEdit:
    """A free-text name field that offers `names` containing what is typed (any case).

    Not an editable combo box: its completion silently replaced a typed «Коваль» with
    «Ковальський Ю. Ю.» and Down put the first name of the list in. Here the text stays what
    was typed unless an offered name is picked from the open popup (Enter or a click).
    """
    edit = QLineEdit(parent)
    edit.setPlaceholderText(placeholder)
    completer = QCompleter(QStringListModel(names, edit), edit)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
    edit.setCompleter(widen_popup(completer))
    return edit


def text_box(parent: QWidget, lines: int, placeholder: str = "") -> QPlainTextEdit:
    """A multi-line field `lines` high in which Tab moves on to the next field."""
    edit = QPlainTextEdit(parent)
    edit.setTabChangesFocus(True)
    edit.setPlaceholderText(placeholder)
    edit.setFixedHeight(edit.fontMetrics().lineSpacing() * lines + 12)
    return edit


class DateEdit(QLineEdit):
    """A line edit for ДД.ММ.РРРР: digits and dots only, dots added as you type.

    `date()` returns the parsed date (None when empty) or raises DateError with a message
    ready to show; `date_value()` is the same for a form (FieldProblem, and an empty field is
    an error unless `optional`). An unparseable text stays as typed: nothing typed is lost.
    """

    date_changed = Signal()

    def __init__(
        self,
        value: dt.date | None = None,
        parent: QWidget | None = None,
        *,
        optional: bool = False,
    ) -> None:
        super().__init__(parent)
        self.optional = optional
        self.setPlaceholderText("ДД.ММ.РРРР")
        self.setValidator(QRegularExpressionValidator(QRegularExpression(r"[0-9. ]{0,10}"), self))
        widest = max(self.fontMetrics().horizontalAdvance(t) for t in ("ДД.ММ.РРРР", "00.00.0000"))
        self.setFixedWidth(widest + 24)
        self.setToolTip("Дата у форматі ДД.ММ.РРРР; «+» / «−» — наступний / попередній день")
        self.textEdited.connect(self._on_text_edited)
        self.editingFinished.connect(self._on_editing_finished)
        if value is not None:
            self.set_date(value)

    def set_date(self, value: dt.date | None) -> None:
        self.setText(format_date(value))

    def date(self) -> dt.date | None:
        text = self.text().strip()
        return parse_date(text) if text else None

    def date_value(self) -> dt.date | None:
        """The date typed, None for an empty optional field; raises FieldProblem otherwise."""
        if self.optional and not self.text().strip():
            return None
        try:
            return parse_date(self.text())
        except DateError as exc:
            raise FieldProblem(self, str(exc)) from None

    def valid_date(self) -> dt.date | None:
        """The date, or None when the field is empty or wrong (filters, live hints)."""
        try:
            return self.date()
        except DateError:
            return None

    def is_valid(self) -> bool:
        try:
            self.date()
        except DateError:
            return False
        return True

    def _on_text_edited(self, text: str) -> None:
        # «05» → «05.», «05.03» → «05.03.»: only when the clerk just typed the second digit.
        if re.fullmatch(r"\d\d|\d\d\.\d\d", text) and self.cursorPosition() == len(text):
            self.setText(text + ".")
        self.date_changed.emit()

    def _on_editing_finished(self) -> None:
        text = self.text().strip()
        if re.fullmatch(r"\d{8}", text):
            text = f"{text[:2]}.{text[2:4]}.{text[4:]}"
        try:
            value = parse_date(text) if text else None
        except DateError:
            return
        if value is not None and format_date(value) != self.text():
            self.set_date(value)
            self.date_changed.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.text() == "." and self.text()[: self.cursorPosition()].endswith("."):
            return  # the dot was already put in for the clerk
        step = {Qt.Key.Key_Plus: 1, Qt.Key.Key_Minus: -1}.get(Qt.Key(event.key()))
        if step:
            current = self.valid_date() or dt.date.today()
            self.set_date(current + timedelta(days=step) if self.text() else current)
            self.date_changed.emit()
            return
        super().keyPressEvent(event)


class IntEdit(QLineEdit):
    """A whole number from 0 to 100 000 (sheets, copies)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setValidator(QIntValidator(0, 100_000, self))
        self.setMaximumWidth(self.fontMetrics().horizontalAdvance("0000000") + 24)


def ask(parent: QWidget | None, title: str, text: str, yes: str, no: str) -> bool:
    """A yes/no question with Ukrainian buttons; Enter and Esc both choose the safe `no`, so
    a clerk who presses Esc and then Enter out of habit loses nothing."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
    yes_button = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
    no_button = box.addButton(no, QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(no_button)
    box.setEscapeButton(no_button)
    box.exec()
    return box.clickedButton() is yes_button
