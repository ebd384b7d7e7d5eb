"""The audit trail as a read-only table, filled a page at a time.

The trail grows with every action for years, so the table never holds all of it: it shows the
pages read so far and, when the view scrolls to the bottom (Qt's `canFetchMore`/`fetchMore`),
asks for the next one through `more_wanted`; the dialog reads it in the background. Nothing in
this model is editable.
"""

from __future__ import annotations

from datetime import UTC

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from app.registers import REGISTERS
from app.services.audit import AuditRow

HEADERS = ("Час", "Користувач", "Дія", "Реєстр", "Запис", "Подробиці (було → стало)")
Index = QModelIndex | QPersistentModelIndex


def local_time(row: AuditRow) -> str:
    """The stored UTC moment in this PC's time zone, «ДД.ММ.РРРР ГГ:ХХ»."""
    return row.at.replace(tzinfo=UTC).astimezone().strftime("%d.%m.%Y %H:%M")


def register_title(code: str) -> str:
    spec = REGISTERS.get(code)
    return spec.title if spec is not None else code


def cells(row: AuditRow) -> tuple[str, ...]:
    return (
        local_time(row),
        row.login,
        row.action_title,
        register_title(row.register),
        row.record_label or row.reg_number,
        row.details_text,
    )


class AuditModel(QAbstractTableModel):
    """Rows of the trail read so far; `more` says whether the trail goes on past them."""

    more_wanted = Signal()

    def __init__(self, parent: object = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self.rows: list[AuditRow] = []
        self._cells: list[tuple[str, ...]] = []
        self.more = False
        self.loading = False

    def reset(self, rows: list[AuditRow], more: bool) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self._cells = [cells(r) for r in rows]
        self.more = more
        self.endResetModel()

    def append(self, rows: list[AuditRow], more: bool) -> None:
        if rows:
            first = len(self.rows)
            self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
            self.rows.extend(rows)
            self._cells.extend(cells(r) for r in rows)
            self.endInsertRows()
        self.more = more

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or index.row() >= len(self._cells):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            text = self._cells[index.row()][index.column()]
            if role == Qt.ItemDataRole.ToolTipRole and index.column() != len(HEADERS) - 1:
                return None
            return text
        return None

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> object:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(HEADERS)
        ):
            return HEADERS[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self.more and not self.loading

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if self.canFetchMore(parent):
            self.loading = True
            self.more_wanted.emit()
