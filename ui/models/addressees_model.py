"""The addressees of an outgoing document as an editable table: name, address, postal code, e-mail.

A plain list of rows of four strings, kept exactly as typed (the register's spec trims and
checks them when the card is saved, with the same messages as the services). The order of the
rows is the order on the document (10.2), so rows are moved, never sorted.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from app.domain.correspondence import Addressee

HEADERS = ("Адресат", "Адреса", "Індекс", "E-mail")
NAME, ADDRESS, POSTAL_CODE, EMAIL = range(4)

Index = QModelIndex | QPersistentModelIndex


def _cells(item: Addressee) -> list[str]:
    return [item.name, item.address, item.postal_code, item.email]


class AddresseesModel(QAbstractTableModel):
    """Rows of addressees; `changed` is emitted when the clerk changes what `addressees()` returns
    (an empty row added for typing changes nothing, so it is not a change)."""

    changed = Signal()
    name_changed = Signal(int, str)  # the row and the name it had before

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[list[str]] = [["", "", "", ""]]
        self.read_only = False

    # --- Qt's model interface
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return HEADERS[section] if 0 <= section < len(HEADERS) else None
        return str(section + 1)  # the number of the addressee on the document

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        text = self._rows[index.row()][index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return text
        if role == Qt.ItemDataRole.ToolTipRole and index.column() in (NAME, ADDRESS):
            return text or None  # a long name or address cut by the column is read whole here
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return flags if self.read_only else flags | Qt.ItemFlag.ItemIsEditable

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole or self.read_only:
            return False
        text = "" if value is None else str(value)
        row = self._rows[index.row()]
        before = row[index.column()]
        if before == text:
            return True
        row[index.column()] = text
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.DisplayRole])
        if index.column() == NAME:
            self.name_changed.emit(index.row(), before)
        self.changed.emit()
        return True

    # --- the editor's operations
    def addressees(self) -> list[Addressee]:
        """Every row as typed, empty rows left out."""
        items = [Addressee(*row) for row in self._rows]
        return [item for item in items if not item.is_empty()]

    def set_addressees(self, items: Sequence[Addressee]) -> None:
        """Show `items` (one empty row when there are none, ready for typing)."""
        self.beginResetModel()
        self._rows = [_cells(item) for item in items] or [["", "", "", ""]]
        self.endResetModel()

    def row_is_empty(self, row: int) -> bool:
        return not "".join(self._rows[row]).strip()

    def append_row(self) -> int:
        """The row to type a new addressee in: the last one when it is still empty."""
        last = len(self._rows) - 1
        if last >= 0 and self.row_is_empty(last):
            return last
        self.beginInsertRows(QModelIndex(), last + 1, last + 1)
        self._rows.append(["", "", "", ""])
        self.endInsertRows()
        return last + 1

    def remove_row(self, row: int) -> None:
        """Remove `row`; the table never ends up with no row to type in."""
        if not 0 <= row < len(self._rows):
            return
        had_text = not self.row_is_empty(row)
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._rows[row]
        self.endRemoveRows()
        if not self._rows:
            self.append_row()
        if had_text:
            self.changed.emit()

    def move_row(self, row: int, step: int) -> int:
        """Move `row` one place up (step −1) or down (+1); returns where it is now."""
        target = row + step
        count = len(self._rows)
        if step not in (-1, 1) or not (0 <= row < count and 0 <= target < count):
            return row
        # Qt counts the destination before the move: one further down when moving down.
        self.beginMoveRows(QModelIndex(), row, row, QModelIndex(), target + (step > 0))
        self._rows.insert(target, self._rows.pop(row))
        self.endMoveRows()
        self.changed.emit()
        return target
