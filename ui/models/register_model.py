"""The one table model of every register: pages of `DocumentRow` fetched on demand.

The model never holds the whole register. `rowCount` is the SQL count of the view; `data()`
finds the page of 200 rows that holds the row in a small LRU (MAX_PAGES), or reads it
(`RegisterView.page` reads the second half of the ordering from the other end, so the last
screen costs what the first one does; the middle of 1,000,000 rows measured 25–45 ms). The id
vector of the view (2 s for a million rows) is loaded in the background only to find a document
that is not on a cached page; once loaded, pages are read by key from it.

Sorting and filtering are a new `ViewQuery`: counted and first-paged in the background, then
applied. Everything shown comes from the spec's columns, so the same class serves the
incoming, outgoing, decisions and orders registers.
"""

from __future__ import annotations

import logging
import time
from array import array
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont

from app.domain.dates import format_date
from app.domain.deadlines import ControlState
from app.domain.roles import Actor
from app.registers.base import RegisterSpec
from app.registers.entity import EntitySpec
from app.services import access
from app.services.register_view import DocumentRow, FirstScreenView, RowSource, ViewQuery
from app.services.signed_in import current_user
from db.session import Database
from ui.tasks import run_in_background

log = logging.getLogger(__name__)

SourceFactory = Callable[[Database, ViewQuery, Actor], RowSource]

PAGE_SIZE = 200
#: Pages kept (least recently used dropped): 1,600 rows, forty screens to scroll back without a
#: read. A row costs about 1.2 KB, so 30 pages held 7 MB of a clerk's paging through a large
#: register (bench/bench_memory.py); a page read again costs what the first screen does.
MAX_PAGES = 8
LOCATE_LIMIT = 200_000

ID_ROLE = Qt.ItemDataRole.UserRole
ROW_ROLE = Qt.ItemDataRole.UserRole + 1

_TEXT = QColor("#212529")
#: Row colours by control state; the control centre paints its lists the same way.
STATE_BACKGROUNDS = {
    ControlState.OVERDUE: QColor("#f8d7da"),
    ControlState.DUE_SOON: QColor("#fff3cd"),
    ControlState.DONE_LATE: QColor("#ebe7f0"),
}
_CANCELLED = QColor("#808080")
_ALIGN = {
    "left": Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
    "right": Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
    "center": Qt.AlignmentFlag.AlignCenter,
}

Index = QModelIndex | QPersistentModelIndex
Ids = array  # the view's document ids in order, 'q' (8 bytes each)


class RegisterModel(QAbstractTableModel):
    """Rows of one register view; `loaded` is emitted each time a (re)load is applied."""

    loaded = Signal()
    load_failed = Signal(str)

    def __init__(
        self,
        db: Database,
        spec: RegisterSpec | EntitySpec,
        parent: QObject | None = None,
        source: SourceFactory | None = None,
        may_read: Callable[[Actor], bool] | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.spec = spec
        # Where rows come from: a document register's view by default (its first screen read in
        # plain SQL when it can be: app/services/register_view.FirstScreenView); an entity
        # register passes its own (the same protocol: count, page, ids, rows by ids).
        self._source: SourceFactory = source or (
            lambda d, q, u: FirstScreenView(d, q, user=u, first_rows=PAGE_SIZE)
        )
        self._may_read = may_read or (lambda actor: access.may_read(spec, actor))  # type: ignore[arg-type]
        sort = getattr(spec, "default_sort", None)
        # A list of people reads from А to Я; a journal, newest first.
        self._query = (
            ViewQuery(spec.code, sort=sort, descending=False) if sort else ViewQuery(spec.code)
        )
        self._view: RowSource | None = None
        self._total = 0
        self._pages: OrderedDict[int, list[DocumentRow]] = OrderedDict()
        self._ids: Ids | None = None
        self._ids_generation = -1
        self._ids_waiting: list[Callable[[Ids | None], None]] = []
        self._generation = 0
        self.loading = False
        self.loaded_at = 0.0
        self._bold = QFont()
        self._bold.setBold(True)
        self._italic = QFont()
        self._italic.setItalic(True)

    # --- loading ---------------------------------------------------------------------------

    def make_source(self, query: ViewQuery, user: Actor) -> RowSource:
        """The row source of `query` (the export and the printed list read the same rows)."""
        return self._source(self.db, query, user)

    @property
    def query(self) -> ViewQuery:
        return self._query

    def set_query(self, query: ViewQuery) -> None:
        """Show another view (filter, search or sort): counted and paged in the background."""
        self._query = query
        self._load(reset=True)

    def refresh(self) -> None:
        """Re-read the same view after a change (rows keep their places if the count holds)."""
        self._load(reset=False)

    def _load(self, reset: bool) -> None:
        self._generation += 1
        generation, query, db, user = self._generation, self._query, self.db, current_user()
        if not self._may_read(user):
            return  # the window hides this register's tab; the service would refuse the read
        self.loading = True
        source = self._source

        def work() -> tuple[RowSource, int, list[DocumentRow]]:
            view = source(db, query, user)
            total = view.count()
            return view, total, view.page(0, PAGE_SIZE, total) if total else []

        def done(result: tuple[RowSource, int, list[DocumentRow]]) -> None:
            if generation == self._generation:
                self._apply(*result, reset=reset)

        def failed(exc: BaseException) -> None:
            if generation == self._generation:
                self.loading = False
                log.error("Register view failed: %s", exc)
                self.load_failed.emit(str(exc))

        run_in_background(work, done, failed, owner=self)

    def _apply(self, view: RowSource, total: int, first: list[DocumentRow], reset: bool) -> None:
        in_place = not reset and total == self._total and self._view is not None
        if not in_place:
            self.beginResetModel()
        self._view, self._total, self._ids = view, total, None
        self._pages = OrderedDict([(0, first)]) if first else OrderedDict()
        self.loading = False
        self.loaded_at = time.monotonic()
        if in_place:
            if total:
                last = self.index(total - 1, self.columnCount() - 1)
                self.dataChanged.emit(self.index(0, 0), last)
        else:
            self.endResetModel()
        self.loaded.emit()

    def _load_ids(self, then: Callable[[Ids | None], None]) -> None:
        """Load the view's id vector once per view, however many callers wait for it: packed
        8 bytes an id (a list of Python ints took 36 — 4.5 MB for a search that found 125,000
        documents in the million, kept while the view is shown)."""
        if self._ids is not None:
            then(self._ids)
            return
        self._ids_waiting.append(then)
        if self._ids_generation == self._generation or self._view is None:
            return
        view, generation = self._view, self._generation
        self._ids_generation = generation

        def packed() -> Ids:
            ids = view.ids()  # a document register's comes packed; an entity's is a list
            return ids if isinstance(ids, array) else array("q", ids)

        def done(ids: Ids) -> None:
            current = generation == self._generation
            if current:
                self._ids = ids
            waiting, self._ids_waiting = self._ids_waiting, []
            for callback in waiting:
                callback(ids if current else None)

        run_in_background(packed, done, owner=self)

    # --- rows --------------------------------------------------------------------------------

    @property
    def total(self) -> int:
        return self._total

    def row_data(self, row: int) -> DocumentRow | None:
        if not 0 <= row < self._total or self._view is None:
            return None
        number, offset = divmod(row, PAGE_SIZE)
        page = self._pages.get(number)
        if page is None:
            page = self._fetch(number)
            if page is None:
                return None
        else:
            self._pages.move_to_end(number)
        return page[offset] if offset < len(page) else None

    def _fetch(self, number: int) -> list[DocumentRow] | None:
        assert self._view is not None
        start = number * PAGE_SIZE
        try:
            if self._ids is not None:
                page = self._view.rows_by_ids(self._ids[start : start + PAGE_SIZE].tolist())
            else:
                page = self._view.page(start, PAGE_SIZE, self._total)
        except Exception:  # a lost connection must not crash painting
            log.exception("Reading rows %s.. failed", start)
            return None
        self._pages[number] = page
        while len(self._pages) > MAX_PAGES:
            self._pages.popitem(last=False)
        return page

    def document_id(self, row: int) -> int | None:
        item = self.row_data(row)
        return item.id if item else None

    def row_of(self, doc_id: int) -> int | None:
        """The row of a document if it is already known (a cached page or the id vector)."""
        for number, page in self._pages.items():
            for offset, item in enumerate(page):
                if item.id == doc_id:
                    return number * PAGE_SIZE + offset
        if self._ids is not None and doc_id in self._ids:
            return self._ids.index(doc_id)
        return None

    def locate(
        self, doc_id: int, on_found: Callable[[int | None], None], hint: int | None = None
    ) -> None:
        """Call `on_found(row or None)`: at once when the row is known (the `hint` row where it
        was before a refresh, or a cached page), else after loading the id vector in the
        background — except in views over LOCATE_LIMIT rows, where that costs seconds."""
        if hint is not None and self.document_id(hint) == doc_id:
            on_found(hint)
            return
        row = self.row_of(doc_id)
        if row is not None or self._view is None or not 0 < self._total <= LOCATE_LIMIT:
            on_found(row)
            return
        self._load_ids(lambda ids: on_found(ids.index(doc_id) if ids and doc_id in ids else None))

    # --- Qt model ----------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._total

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.spec.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.spec.columns):
            return None
        column = self.spec.columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.title
        if role == Qt.ItemDataRole.ToolTipRole:
            return column.title if column.sort else f"{column.title} (не сортується)"
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.column() < len(self.spec.columns):
            return None
        item = self.row_data(index.row())
        if item is None:
            return "…" if role == Qt.ItemDataRole.DisplayRole else None
        column = self.spec.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if column.key == "state_label" and item.state == ControlState.NONE:
                if "state_label" in item.values:  # an entity's own state: «працює», «звільнено»
                    return item.state_label
                return "Анульовано" if item.cancelled else ""  # «Не на контролі» is noise
            return " ".join(item.display(column.key).split())
        if role == Qt.ItemDataRole.BackgroundRole:
            color = None if item.cancelled else STATE_BACKGROUNDS.get(item.state)
            return QBrush(color) if color else None
        if role == Qt.ItemDataRole.ForegroundRole:
            if item.cancelled:
                return QBrush(_CANCELLED)
            return QBrush(_TEXT) if item.state in STATE_BACKGROUNDS else None
        if role == Qt.ItemDataRole.FontRole:
            if item.cancelled:
                return self._italic
            if item.urgent and column.key == "reg_number":
                return self._bold
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(item)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _ALIGN.get(column.align, _ALIGN["left"])
        if role == ID_ROLE:
            return item.id
        if role == ROW_ROLE:
            return item
        return None

    def _tooltip(self, item: DocumentRow) -> str:
        if isinstance(self.spec, EntitySpec):  # a person, a household: its columns, one a line
            shown = (item.display(c.key) for c in self.spec.columns if c.key != "state_label")
            return "\n".join(text for text in shown if text)
        lines = [f"{self.spec.number_label} {item.reg_number} від {format_date(item.reg_date)}"]
        if item.correspondent_name:
            lines.append(item.correspondent_name)
        if item.summary:
            lines.append(item.summary)
        if item.cancelled:
            lines.append("Документ анульовано")
        elif item.on_control:
            state = item.state.label
            if item.due_date:
                state += f", термін {format_date(item.due_date)}"
            if item.lead_executor_name:
                state += f", виконавець {item.lead_executor_name}"
            lines.append(state)
        if item.urgent:
            lines.append("Терміново")
        return "\n".join(lines)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort in SQL by the column's sort key; a column without one leaves the order."""
        if not 0 <= column < len(self.spec.columns):
            return
        key = self.spec.columns[column].sort
        if not key:
            return
        descending = order == Qt.SortOrder.DescendingOrder
        if key == self._query.sort and descending == self._query.descending:
            return
        self.set_query(replace(self._query, sort=key, descending=descending))

    def sort_column(self) -> int:
        """The column the view is sorted by (-1 if no column shows the sort key)."""
        for i, column in enumerate(self.spec.columns):
            if column.sort == self._query.sort:
                return i
        return -1
