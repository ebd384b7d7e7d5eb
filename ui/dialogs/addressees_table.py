"""The table of the addressees editor: a cell editor, its delegate and the view.

Qt's table is made for spreadsheets, where Tab moves to the next cell; on the registration card
Tab moves to the next field, so here Tab leaves the table — from a cell being typed in as well,
and with the offered names open (the completer hands keys straight to the cell's editor, past
the delegate's event filter, so the cell catches Tab itself).
"""

from __future__ import annotations

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRegularExpression,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent, QRegularExpressionValidator, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QHeaderView,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from ui.models.addressees_model import ADDRESS, EMAIL, NAME, POSTAL_CODE, AddresseesModel
from ui.widgets import FoldedNames, FoldingCompleter

_MAX_LENGTHS = {NAME: 300, ADDRESS: 300, POSTAL_CODE: 5, EMAIL: 150}
_TAB_KEYS = (Qt.Key.Key_Tab, Qt.Key.Key_Backtab)
EDIT_TRIGGERS = (
    QAbstractItemView.EditTrigger.DoubleClicked
    | QAbstractItemView.EditTrigger.EditKeyPressed
    | QAbstractItemView.EditTrigger.AnyKeyPressed
)


def _is_tab(event: QEvent) -> bool:
    return (
        isinstance(event, QKeyEvent)
        and event.type() == QEvent.Type.KeyPress
        and event.key() in _TAB_KEYS
        and not event.modifiers()
        & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
    )


class _CellEdit(QLineEdit):
    """The editor of one cell. Tab is caught in `event()` because the completer's popup hands
    keys straight to it, past the delegate's event filter."""

    tab_pressed = Signal(bool)  # True: forward (Tab), False: back (Shift+Tab)

    def event(self, event: QEvent) -> bool:
        if _is_tab(event):
            assert isinstance(event, QKeyEvent)
            shift = event.modifiers() & Qt.KeyboardModifier.ShiftModifier
            completer = self.completer()
            popup = completer.popup() if completer is not None else None
            if popup is not None:
                popup.hide()  # Tab does not pick an offered name: the name stays as typed
            self.tab_pressed.emit(event.key() == Qt.Key.Key_Tab and not shift)
            return True
        return super().event(event)


class AddresseesView(QTableView):
    """The table: Tab leaves it, Delete empties a cell, ↓ on a filled last row adds a row."""

    grow = Signal()

    def __init__(self, model: AddresseesModel, parent: QWidget) -> None:
        super().__init__(parent)
        self.addressees = model
        self.setModel(model)
        self.setTabKeyNavigation(False)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(EDIT_TRIGGERS)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setWordWrap(False)
        rows = self.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().lineSpacing() + 10)
        columns = self.horizontalHeader()
        columns.setHighlightSections(False)
        columns.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        columns.setStretchLastSection(True)
        self._code_width = self.fontMetrics().horizontalAdvance("Індекс") + 24

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Widths in proportion (Qt's stretch shares equally): the name gets the most."""
        super().resizeEvent(event)
        free = max(self.viewport().width() - self._code_width, 0)
        columns = self.horizontalHeader()
        for column, share in ((NAME, 0.4), (ADDRESS, 0.35)):
            columns.resizeSection(column, int(free * share))
        columns.resizeSection(POSTAL_CODE, self._code_width)  # the e-mail takes the rest

    def leave(self, forward: bool) -> None:
        """On to the next (or back to the previous) field of the card."""
        self.focusNextPrevChild(forward)

    def open_editor(self) -> QWidget | None:
        if self.state() != QAbstractItemView.State.EditingState:
            return None
        return self.indexWidget(self.currentIndex())

    def commit_editing(self) -> None:
        """Store what is being typed in a cell, leaving the cell open (a save by Ctrl+Enter)."""
        editor = self.open_editor()
        if editor is not None:
            self.commitData(editor)

    def finish_editing(self) -> None:
        """Store what is being typed in a cell and close it (before rows are added or moved)."""
        editor = self.open_editor()
        if editor is not None:
            self.commitData(editor)
            self.closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        current = self.currentIndex()
        if event.modifiers() == Qt.KeyboardModifier.NoModifier and current.isValid():
            if event.key() == Qt.Key.Key_Delete and not self.addressees.read_only:
                self.addressees.setData(current, "")
                return
            last = self.addressees.rowCount() - 1
            if (
                event.key() == Qt.Key.Key_Down
                and current.row() == last
                and not self.addressees.read_only
                and not self.addressees.row_is_empty(last)
            ):
                self.grow.emit()
                return
        super().keyPressEvent(event)


class CellDelegate(QStyledItemDelegate):
    """Line editors for the cells: digits only for the postal code, correspondents offered for
    the name (picking one finishes the cell, so its address is filled at once)."""

    typed = Signal()

    def __init__(self, names: FoldedNames, view: AddresseesView) -> None:
        super().__init__(view)
        self._names = names
        self._view = view

    def createEditor(
        self,
        parent: QWidget,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> QWidget:
        edit = _CellEdit(parent)
        edit.setFrame(False)
        edit.setMaxLength(_MAX_LENGTHS[index.column()])
        edit.textEdited.connect(self.typed)
        edit.tab_pressed.connect(lambda forward: self._on_tab(edit, forward))
        if index.column() == POSTAL_CODE:
            digits = QRegularExpression(r"\d{0,5}")
            edit.setValidator(QRegularExpressionValidator(digits, edit))
        elif index.column() == NAME:
            completer = FoldingCompleter(self._names, edit)  # any case, any apostrophe
            # The list is as wide as the cell at least; long names need more than a column.
            popup = completer.popup()
            if popup is not None:
                popup.setMinimumWidth(edit.fontMetrics().horizontalAdvance("x" * 60))
            completer.activated.connect(lambda _name: self._on_picked(edit))
            edit.setCompleter(completer)
        return edit

    def eventFilter(self, editor: QObject, event: QEvent) -> bool:
        if _is_tab(event):
            return False  # Qt would open the next cell; _CellEdit leaves the table instead
        return super().eventFilter(editor, event)

    def _finish(self, editor: QWidget) -> None:
        self.commitData.emit(editor)
        self.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.NoHint)

    def _on_picked(self, editor: QWidget) -> None:
        self._finish(editor)

    def _on_tab(self, editor: QWidget, forward: bool) -> None:
        self._finish(editor)
        self._view.leave(forward)
