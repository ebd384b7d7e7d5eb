"""One register's tab: toolbar, filter bar, the paged table and the «Знайдено» count.

Generic over `RegisterSpec`: the outgoing, decisions and orders registers are new specs shown
by this same class. The tab opens the registration card itself; the resolution, control and
print actions are `DocumentActions` (actions.py), «Експорт…» is `ExportAction`
(export_action.py). Every dialog is imported inside the slot that opens it, so the window starts
without them.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QModelIndex, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from app.registers.base import RegisterSpec
from app.services.register_view import DocumentRow
from db.session import Database
from ui.models.register_model import RegisterModel
from ui.registers.actions import DocumentActions
from ui.registers.columns import install_column_menu
from ui.registers.export_action import ExportAction
from ui.registers.filter_bar import FilterBar
from ui.registers.reply import install_reply_action
from ui.registers.scan import install_code_scan
from ui.registers.shortcuts import apply_shortcuts
from ui.registers.tab_protocol import TabBase
from ui.widgets import format_count

MIN_SHRUNK = 150
#: What a bold number means (the table's only mark that has no words of its own).
URGENT_LEGEND = "Номер <b>жирним</b> — документ із позначкою «Терміново»."


def bold_legend(spec: object) -> str:
    """What a bold number means in this register: «Терміново» where documents carry that mark;
    the flag's own words where the same flag means something else (an appeal that needs no
    extra study); "" where nothing is bold (a person, a household, an order)."""
    mark = next((f for f in getattr(spec, "fields", ()) if f.key == "urgent"), None)
    if mark is None:
        return ""
    if mark.label.startswith("Терміново"):
        return URGENT_LEGEND
    return f"Номер <b>жирним</b> — «{mark.label}»."


class RegisterTab(TabBase):
    """Emits `changed` after the clerk changed a document (the overdue monitor re-checks)."""

    changed = Signal()

    def __init__(self, db: Database, spec: RegisterSpec, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.spec = spec
        self._select_after_load: int | None = None
        self._hint_row: int | None = None
        self._top_after_load = False  # a new sort: start from row 0, not the old row's place
        self._registered_id: int | None = None  # just registered here: sorting keeps it in view
        self._open_after_select: int | None = None  # revealed: its card opens once selected
        self._scroll_after_load: int | None = None  # a refresh nobody asked for: stay put
        self._widths_fitted = False
        self.model = self._make_model()
        self.filter_bar = self._make_filter_bar()
        self.table = QTableView(self)
        self.count_label = QLabel(self)
        self.toolbar = QToolBar(self)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self._build_actions()
        self._build_table()

        self.legend = QLabel(bold_legend(spec), self)
        self.legend.setStyleSheet("color: palette(placeholder-text);")
        self.legend.setVisible(bool(self.legend.text()))
        # A word about the view: a period date that is not applied, a document just registered
        # that the filters hide. Cleared by the next load that has nothing to say.
        self.notice = QLabel(self)
        self.notice.setWordWrap(True)
        self.notice.hide()
        bottom = QHBoxLayout()
        bottom.addWidget(self.count_label)
        bottom.addWidget(self.notice, 1)  # takes the room between the count and the legend
        bottom.addWidget(self.legend)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.filter_bar)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)

        self.filter_bar.changed.connect(self._on_filters_changed)
        problem = getattr(self.filter_bar, "problem", None)
        if problem is not None:
            problem.connect(self._on_filter_problem)
        self.model.loaded.connect(self._on_loaded)
        self.model.loaded.connect(self._on_first_loaded)
        self.model.load_failed.connect(self._on_load_failed)
        self.model.modelAboutToBeReset.connect(self._on_about_to_reset)
        self.table.selectionModel().currentRowChanged.connect(self._on_current_changed)
        self.table.activated.connect(self._on_activated)
        self.count_label.setText("Завантаження…")
        self.model.set_query(self.filter_bar.apply(self.model.query))
        self._update_actions(None)

    def _make_model(self) -> RegisterModel:
        return RegisterModel(self.db, self.spec, self)

    def _on_first_loaded(self) -> None:
        """The filter bar's executor and department lists are read in the background once the
        first page is painted (issue 10: the first screen comes up without the ORM, and reading
        them loads it); a list used before then fills itself."""
        self.model.loaded.disconnect(self._on_first_loaded)
        QTimer.singleShot(0, self.filter_bar, self.filter_bar.load_reference_in_background)

    def _make_filter_bar(self) -> FilterBar:
        return FilterBar(
            self.db,
            self.spec.controllable,
            self,
            self.spec.filters,
            executors=self.spec.has_executors,
        )

    def _build_table(self) -> None:
        table = self.table
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        # Several rows may be selected (Shift, Ctrl): batch printouts act on the selection.
        table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        table.setAlternatingRowColors(True)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setWordWrap(False)
        table.setTextElideMode(Qt.TextElideMode.ElideRight)
        table.verticalHeader().hide()
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        header = table.horizontalHeader()
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)
        header.setHighlightSections(False)
        header.setSectionsMovable(True)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        metrics = header.fontMetrics()
        for i, column in enumerate(self.spec.columns):
            title_width = metrics.horizontalAdvance(column.title) + 28  # room for the arrow
            header.resizeSection(i, max(column.width, title_width))
        self._show_sort_indicator()
        header.sortIndicatorChanged.connect(self._on_sort_indicator_changed)
        install_column_menu(
            table
        )  # columns can be hidden (a 1366-px screen); saved with the header

    def table_action(self, text: str, slot: Callable[[], None], tip: str = "") -> QAction:
        """An action of the tab that the table's context menu offers too."""
        action = QAction(text, self)
        action.setToolTip(tip or text)
        action.triggered.connect(slot)
        self.table.addAction(action)
        return action

    def _build_actions(self) -> None:
        self.register_action = self.table_action(
            "Зареєструвати", self._on_register, "Зареєструвати новий документ (Ctrl+N)"
        )
        self.register_action.setShortcut(QKeySequence("Ctrl+N"))
        self.register_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.addAction(self.register_action)
        self.open_action = self.table_action("Відкрити", self._on_open, "Відкрити картку (Enter)")
        # Menus show the first: «Enter», as the key is labelled (Qt names the main key «Return»).
        self.open_action.setShortcuts([QKeySequence("Enter"), QKeySequence("Return")])
        self.open_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.toolbar.addAction(self.register_action)
        self.toolbar.addAction(self.open_action)
        self.document_actions = DocumentActions(self)
        apply_shortcuts(self)  # Ctrl+R резолюція, Ctrl+K на контроль, … (ui/registers/shortcuts.py)
        self.reply_action: QAction | None = None
        install_reply_action(self)  # «Відповісти…» on incoming letters
        install_code_scan(self)  # a scanned QR code in the search box opens its card
        acts = self.document_actions
        # The tab's own names for them (the tests reach them here).
        self.doc_print_actions = acts.doc_print_actions
        if self.spec.controllable:
            self.resolution_action = acts.resolution_action
            self.put_action = acts.put_action
            self.extend_action = acts.extend_action
            self.progress_action = acts.progress_action
            self.remove_action = acts.remove_action
        self.exporter = ExportAction(self)  # «Експорт…»: the view on screen to XLSX or CSV
        self.export_action = self.exporter.action
        find = QAction("Пошук", self)
        find.setShortcut(QKeySequence(QKeySequence.StandardKey.Find))
        find.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        find.triggered.connect(self.filter_bar.focus_search)
        self.addAction(find)

    def _update_actions(self, row: DocumentRow | None) -> None:
        self.open_action.setEnabled(row is not None)
        self.document_actions.update(row)
        if self.reply_action is not None:
            self.reply_action.setEnabled(row is not None and not row.cancelled)

    def _on_register(self) -> None:
        from ui.dialogs.document_form import DocumentForm

        form = DocumentForm(self.db, self.spec, None, self)
        form.saved.connect(self._on_registered)
        form.exec()
        form.deleteLater()

    def _on_open(self) -> None:
        doc_id = self.current_id()
        if doc_id is None:
            return
        from ui.dialogs.document_form import DocumentForm

        form = DocumentForm(self.db, self.spec, doc_id, self)
        form.saved.connect(self.document_changed)
        form.exec()
        form.deleteLater()

    # --- the current document ----------------------------------------------------------------

    def current_row(self) -> DocumentRow | None:
        index = self.table.currentIndex()
        return self.model.row_data(index.row()) if index.isValid() else None

    def selected_ids(self, limit: int = 1000) -> list[int]:
        """The selected documents in the table's order (the current one when none is); at
        most `limit` — a batch is a selection, not the register."""
        rows = sorted(i.row() for i in self.table.selectionModel().selectedRows())[:limit]
        ids = [doc_id for r in rows if (doc_id := self.model.document_id(r)) is not None]
        current = self.current_id()
        return ids or ([current] if current is not None else [])

    def current_id(self) -> int | None:
        row = self.current_row()
        return row.id if row else None

    def select_document(self, doc_id: int, hint: int | None = None) -> None:
        """Select a document (after registering it), once the model knows its row."""

        def found(row: int | None) -> None:
            open_card = self._open_after_select == doc_id
            if open_card:
                self._open_after_select = None
            if row is None:  # not in this view (any more): the first row, if nothing else
                if doc_id == self._registered_id:
                    self._tell_hidden(doc_id)
                if not self.table.currentIndex().isValid() and self.model.total:
                    self.table.setCurrentIndex(self.model.index(0, 0))
                self._restore_scroll()
                return
            index = self.model.index(row, 0)
            self.table.setCurrentIndex(index)
            if self._scroll_after_load is not None:
                self._restore_scroll()
            else:
                self.table.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)
            if open_card:
                QTimer.singleShot(0, self._on_open)  # after this callback, as a double-click

        self.model.locate(doc_id, found, hint)

    def reveal(self, doc_id: int, reg_date: date, open_card: bool = True) -> None:
        """Select a document and open its card, as a double-click on its row would (the
        control centre's click-through). A document the current filters hide is looked for
        among those registered on its day, the other filters cleared: a view that small always
        finds it, however large the register."""
        self._open_after_select = doc_id if open_card else None

        def found(row: int | None) -> None:
            if row is not None:
                self.select_document(doc_id, row)
            else:
                self.filter_bar.show_day(reg_date)  # reloads the view
                self._select_after_load = doc_id

        self.model.locate(doc_id, found)

    def refresh(self, select: int | None = None) -> None:
        """Re-read the view; keep the selected document selected (or select `select`)."""
        self._select_after_load = select if select is not None else self.current_id()
        self._hint_row = self.table.currentIndex().row() if select is None else None
        self.model.refresh()

    def refresh_if_older(self, seconds: float) -> None:
        """Repaint with fresh states (a new day, others' changes) unless just loaded."""
        if not self.model.loading and time.monotonic() - self.model.loaded_at > seconds:
            self.refresh_in_place()

    def refresh_in_place(self) -> None:
        """Re-read because of something the clerk did not do here (another PC saved, the day
        turned): the same document stays selected and the table does not scroll."""
        self._scroll_after_load = self.table.verticalScrollBar().value()
        self.refresh()

    def _restore_scroll(self) -> None:
        value, self._scroll_after_load = self._scroll_after_load, None
        if value is not None:
            self.table.verticalScrollBar().setValue(value)

    def document_changed(self, doc_id: int | None = None) -> None:
        """After any change: refresh keeping the selection, let the overdue check run."""
        self.refresh(doc_id)
        self.changed.emit()

    # --- slots --------------------------------------------------------------------------------

    def _on_registered(self, doc_id: int) -> None:
        self._registered_id = doc_id
        self.document_changed(doc_id)

    def _on_filters_changed(self) -> None:
        if not self.filter_bar_problem():
            self.show_notice("")
        self._select_after_load = self.current_id()
        self.count_label.setText("Пошук…")
        self.model.set_query(self.filter_bar.apply(self.model.query))

    def filter_bar_problem(self) -> str:
        check = getattr(self.filter_bar, "period_problem", None)
        return str(check()) if check is not None else ""

    def _on_about_to_reset(self) -> None:
        if self._select_after_load is None and not self._top_after_load:
            self._select_after_load = self.current_id()

    def _on_loaded(self) -> None:
        self.show_count()
        self._show_sort_indicator()
        target, self._select_after_load = self._select_after_load, None
        hint, self._hint_row = self._hint_row, None
        self._maybe_fit_widths()
        if self._top_after_load:
            self._top_after_load = False
            if target is None and self.model.total:
                self.table.setCurrentIndex(self.model.index(0, 0))
                self.table.scrollToTop()
        if target is not None:
            self.select_document(target, hint)
        else:
            if not self.table.currentIndex().isValid() and self.model.total:
                self.table.setCurrentIndex(self.model.index(0, 0))
            self._restore_scroll()
        self._update_actions(self.current_row())

    def show_notice(self, text: str, error: bool = False) -> None:
        """A line beside the count (empty: hidden); red for something the clerk must fix."""
        self.notice.setStyleSheet("color: #b00020;" if error else "color: #8a5a00;")
        self.notice.setText(text)
        self.notice.setVisible(bool(text))

    def _on_filter_problem(self, message: str) -> None:
        self.show_notice(message, error=True)

    def _tell_hidden(self, doc_id: int) -> None:
        """A document registered here that the filters (a period, a search, a state) leave
        out of the view: said, with the way to see it, instead of a table that seems unchanged."""
        self._registered_id = None
        self.show_notice(
            "Щойно зареєстрований документ не показано: його приховують фільтри. "
            "Натисніть «Скинути», щоб побачити всі документи."
        )

    def show_count(self) -> None:
        self.count_label.setText(f"Знайдено: {format_count(self.model.total)}")

    def _on_load_failed(self, message: str) -> None:
        self.count_label.setText("Помилка читання бази даних")
        QMessageBox.warning(self, "Помилка", f"Не вдалося прочитати журнал:\n{message}")

    def _on_current_changed(self, *_: Any) -> None:
        self._update_actions(self.current_row())

    def _on_activated(self, index: QModelIndex) -> None:
        if index.isValid() and index.row() != self.table.currentIndex().row():
            self.table.setCurrentIndex(index)
        self.open_action.trigger()

    def _on_sort_indicator_changed(self, section: int, order: Qt.SortOrder) -> None:
        if 0 <= section < len(self.spec.columns) and self.spec.columns[section].sort:
            # A new order is read from its top; only a document just registered (and still the
            # current one) stays selected and in view, wherever the order puts it.
            current = self.current_id()
            keep = current is not None and current == self._registered_id
            self._select_after_load = current if keep else None
            self._hint_row = None
            self._top_after_load = not keep
            self.model.sort(section, order)
        else:
            self._show_sort_indicator()

    def _show_sort_indicator(self) -> None:
        header = self.table.horizontalHeader()
        order = (
            Qt.SortOrder.DescendingOrder
            if self.model.query.descending
            else Qt.SortOrder.AscendingOrder
        )
        header.blockSignals(True)
        header.setSortIndicator(self.model.sort_column(), order)
        header.blockSignals(False)

    # --- state ---------------------------------------------------------------------------------

    def save_state(self, settings: QSettings) -> None:
        settings.setValue(
            f"registers/{self.spec.code}/header", self.table.horizontalHeader().saveState()
        )

    def restore_state(self, settings: QSettings) -> None:
        state = settings.value(f"registers/{self.spec.code}/header")
        if state is not None and self.table.horizontalHeader().restoreState(state):
            self._widths_fitted = True
            self._show_sort_indicator()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        QTimer.singleShot(
            0, self, self._maybe_fit_widths
        )  # after the layout gave the table its size

    def _maybe_fit_widths(self) -> None:
        """Once, when the table is on screen with its first rows (unless widths were saved)."""
        if not self._widths_fitted and self.isVisible() and self.model.loaded_at:
            self._widths_fitted = True
            self._fit_widths()

    def _fit_widths(self) -> None:
        """First start: the columns fill the table's width without a horizontal scroll bar.

        Spare width goes to the widest column (the summary, usually); missing width is taken
        from the wide columns in proportion to how far each is over MIN_SHRUNK.
        """
        header = self.table.horizontalHeader()
        scrollbar = self.table.verticalScrollBar()
        room = self.table.viewport().width()
        if not scrollbar.isVisible():  # it appears once the rows arrive
            room -= scrollbar.sizeHint().width()
        spare = room - header.length() - 2
        count = len(self.spec.columns)
        if not count:
            return
        sizes = [header.sectionSize(i) for i in range(count)]
        if spare >= 0:
            widest = max(range(count), key=sizes.__getitem__)
            header.resizeSection(widest, sizes[widest] + spare)
            return
        excess = [max(0, size - MIN_SHRUNK) for size in sizes]
        total = sum(excess)
        for i in range(count):
            if total and excess[i]:
                cut = min(excess[i], -spare * excess[i] // total + 1)
                header.resizeSection(i, sizes[i] - cut)
