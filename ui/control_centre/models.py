"""The control centre's two item models: the tree of counts and the list of one cell's documents.

Both are filled from the service's dataclasses in one go (the tree holds a few dozen rows, a
cell at most `CELL_LIMIT` documents), so they are plain models with no paging. The tree keeps
each line's `Group` in GROUP_ROLE, so a clicked cell is (the row's group, the column's state).
"""

from __future__ import annotations

from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from app.domain.dates import format_date
from app.domain.deadlines import ControlState
from app.reports.grouping import Group
from app.services.control_centre import CellDocument, CentreState, ControlCounts, Overview
from ui.models.register_model import STATE_BACKGROUNDS
from ui.widgets import format_count

Row = TypeVar("Row")
GROUP_ROLE = Qt.ItemDataRole.UserRole + 1
DOCUMENT_ROLE = Qt.ItemDataRole.UserRole + 2

#: The columns after the name, in order; column i + 1 of the tree shows STATES[i].
STATES = tuple(CentreState)
#: The colour of a count that needs attention (a non-zero count in these columns).
ALERT_COLOURS = {
    CentreState.OVERDUE: QColor("#b02a37"),
    CentreState.DUE_TODAY: QColor("#b35900"),
    CentreState.DONE_LATE: QColor("#5a4a78"),
}
_ZERO = QColor("#9aa0a6")

Index = QModelIndex | QPersistentModelIndex


def state_title(state: CentreState, overview: Overview | None) -> str:
    """The column title; the month's columns say from which day they count."""
    if state in (CentreState.DONE, CentreState.DONE_LATE) and overview is not None:
        return f"{state.label}\nз {overview.month_start:%d.%m}"
    return state.label


class OverviewModel(QStandardItemModel):
    """Departments with their lead executors under them; a count per state in each column."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.overview: Overview | None = None
        self._bold = QFont()
        self._bold.setBold(True)
        self._set_titles()

    def _set_titles(self) -> None:
        titles = ["Виконавчий орган, головний виконавець"]
        titles += [state_title(s, self.overview) for s in STATES]
        self.setHorizontalHeaderLabels(titles)
        for i, state in enumerate(STATES, start=1):
            self.setHeaderData(
                i, Qt.Orientation.Horizontal, state.description, Qt.ItemDataRole.ToolTipRole
            )

    def fill(self, overview: Overview) -> None:
        self.overview = overview
        self.removeRows(0, self.rowCount())
        self._set_titles()
        for block in overview.figures.departments:
            parent = self._row(block.line.name, block.line.group, block.line.figures, True)
            for line in block.executors:
                parent[0].appendRow(self._row(line.name, line.group, line.figures, False))
            self.appendRow(parent)

    def _row(
        self, name: str, group: Group, counts: ControlCounts, bold: bool
    ) -> list[QStandardItem]:
        first = QStandardItem(name)
        first.setToolTip(name)
        items = [first]
        for state in STATES:
            value = counts.get(state)
            item = QStandardItem(format_count(value))
            item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            colour = ALERT_COLOURS.get(state) if value else _ZERO
            if colour is not None:
                item.setForeground(QBrush(colour))
            items.append(item)
        for item in items:
            item.setEditable(False)
            item.setData(group, GROUP_ROLE)
            if bold:
                item.setFont(self._bold)
        return items

    def index_of(self, group: Group, column: int) -> QModelIndex:
        """The cell of `group`'s line in `column` (invalid when the line is gone)."""
        for row in range(self.rowCount()):
            top = self.index(row, 0)
            if top.data(GROUP_ROLE) == group:
                return self.index(row, column)
            for child in range(self.rowCount(top)):
                if self.index(child, 0, top).data(GROUP_ROLE) == group:
                    return self.index(child, column, top)
        return QModelIndex()


def interim(doc: CellDocument) -> str:
    """«Термін: 31.03.2026 (проміжний звіт; кінцевий 31.12.2026)» for a document whose
    term is the next interim report (the tooltip), else nothing."""
    return f"Термін: {doc.term_text}" if doc.term_text != doc.term_short else ""


CELL_COLUMNS = (
    "Реєстр",
    "Номер",
    "Дата реєстрації",
    "Кореспондент",
    "Короткий зміст",
    "Головний виконавець",
    "Термін",
    "Виконано",
    "Стан",
)


class RowsModel(QAbstractTableModel, Generic[Row]):
    """A read-only list of rows, filled in one go: the header is `COLUMNS`, a row is selectable;
    a subclass says what each cell shows (`data`)."""

    COLUMNS: tuple[str, ...] = ()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: tuple[Row, ...] = ()

    def set_rows(self, rows: tuple[Row, ...]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def row_at(self, index: Index) -> Row | None:
        """The row `index` points at (None for an invalid index)."""
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        return self.rows[index.row()]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(self.COLUMNS)
        ):
            return self.COLUMNS[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


def rows_table(table: QTableView, model: RowsModel[Any]) -> None:
    """`table` shows `model` as the centre's lists do: whole rows, one at a time, read-only,
    one line a row (long text elided), no row numbers, headers aligned left."""
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setWordWrap(False)
    table.setTextElideMode(Qt.TextElideMode.ElideRight)
    rows = table.verticalHeader()
    rows.hide()
    rows.setDefaultSectionSize(table.fontMetrics().height() + 8)
    rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    header = table.horizontalHeader()
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)


class CellModel(RowsModel[CellDocument]):
    """The documents of the selected cell; overdue, due soon and late rows as in the registers."""

    COLUMNS = CELL_COLUMNS

    @property
    def documents(self) -> tuple[CellDocument, ...]:
        return self.rows

    def set_documents(self, documents: tuple[CellDocument, ...]) -> None:
        self.set_rows(documents)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        doc = self.row_at(index)
        if doc is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return " ".join(self._text(doc, index.column()).split())
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n".join(
                t
                for t in (f"№ {doc.reg_number}", doc.correspondent, doc.summary, interim(doc))
                if t
            )
        if role == Qt.ItemDataRole.BackgroundRole:
            colour = STATE_BACKGROUNDS.get(doc.state)
            return QBrush(colour) if colour else None
        if role == Qt.ItemDataRole.ForegroundRole and doc.state in STATE_BACKGROUNDS:
            return QBrush(QColor("#212529"))
        if role == DOCUMENT_ROLE:
            return doc
        return None

    @staticmethod
    def _text(doc: CellDocument, column: int) -> str:
        values = (
            doc.register_title,
            doc.reg_number,
            format_date(doc.reg_date),
            doc.correspondent,
            doc.summary,
            doc.executor,
            doc.term_short,
            format_date(doc.done_date),
            "" if doc.state is ControlState.NONE else doc.state.label,
        )
        return values[column] if 0 <= column < len(values) else ""
