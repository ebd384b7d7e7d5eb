"""The «Контроль» tab: everything on control across the registers, as of today.

At the top, the totals per state (each a button: a click lists those documents); in the middle,
the departments with their lead executors and a count per state; below, the documents of the
chosen cell (a line × a state). A double-click or Enter on a document emits `reveal_requested`:
the main window switches to its register's tab, which selects it and opens its card.

Only the registers (and series) the signed-in user may read are counted and listed
(`app.services.access.control_scope`). Everything is read off the GUI thread (ui.tasks). The
tab re-reads itself when the overdue monitor reports (it does after every change in a register
tab, and every few minutes) — at once if it is on screen, otherwise the next time it is shown —
and on F5.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QStackedWidget,
    QTableView,
    QToolBar,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from app.domain.dates import format_date
from app.domain.interim import SHORT_MARK
from app.registers import REGISTERS
from app.reports.grouping import ALL, Group
from app.services.control_centre import (
    CELL_LIMIT,
    CellListing,
    CentreState,
    HrReminders,
    Overview,
    cell_documents,
    hr_reminders,
    overview,
)
from app.services.dialog_support import current_user
from db.session import Database
from ui.control_centre import hr_section
from ui.control_centre.models import (
    ALERT_COLOURS,
    CELL_COLUMNS,
    DOCUMENT_ROLE,
    GROUP_ROLE,
    STATES,
    CellModel,
    OverviewModel,
    rows_table,
)
from ui.control_centre.reports import ReportActions
from ui.tasks import run_in_background
from ui.widgets import format_count

ALL_NAME = "усі виконавчі органи"
SUMMARY_COLUMN = CELL_COLUMNS.index("Короткий зміст")
CELL_WIDTHS = {0: 70, 3: 230, SUMMARY_COLUMN: 320, 5: 140, 8: 150}


class ControlCentreTab(QWidget):
    """Emits `reveal_requested(register, document id, registration date)`, and
    `person_requested(staff id)` from the HR reminders."""

    reveal_requested = Signal(str, int, date)
    person_requested = Signal(int)

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.today: date | None = None  # None: the real today (tests fix a day here)
        self.overview: Overview | None = None
        self.listing: CellListing | None = None
        self.cell: tuple[Group, CentreState] = (ALL, CentreState.OVERDUE)
        self._cell_name = ALL_NAME
        self._chosen = False  # the clerk chose a cell: refreshing keeps it
        self._stale = True
        self._generation = 0
        self._cell_generation = 0
        self._pending = 0
        self._collapsed: set[Group] = set()
        self.hr: HrReminders | None = None  # None: no personnel right, or not read yet
        self.hr_shown = False  # the HR reminders are listed below instead of a cell
        self._hr_generation = 0

        self.toolbar = QToolBar(self)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.refresh_action = QAction("Оновити", self)
        self.refresh_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Refresh))
        self.refresh_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.refresh_action.setToolTip("Перечитати показники (F5)")
        self.refresh_action.triggered.connect(self.refresh)
        self.addAction(self.refresh_action)
        self.toolbar.addAction(self.refresh_action)
        self.toolbar.addSeparator()
        self.reports = ReportActions(self)

        self.as_of = QLabel(self)
        self.total_buttons: dict[CentreState, QToolButton] = {}
        totals = QHBoxLayout()
        for state in STATES:
            button = QToolButton(self)
            button.setCheckable(True)
            button.setAutoRaise(True)
            button.setToolTip(f"{state.description}: показати документи")
            button.clicked.connect(lambda _=False, s=state: self._on_total_clicked(s))
            self.total_buttons[state] = button
            totals.addWidget(button)
        self.hr_button = hr_section.make_button(self)
        self.hr_button.clicked.connect(self._on_hr_clicked)
        totals.addSpacing(12)
        totals.addWidget(self.hr_button)
        totals.addStretch(1)
        totals.addWidget(self.as_of)

        self.model = OverviewModel(self)
        self.tree = QTreeView(self)
        self._build_tree()
        self.cell_model = CellModel(self)
        self.table = QTableView(self)
        self._build_table()
        self.caption = QLabel(self)
        self.caption.setTextFormat(Qt.TextFormat.PlainText)

        lower = QWidget(self)
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        self.hr_model = hr_section.HrModel(self)
        self.hr_table = hr_section.make_table(self, self.hr_model)
        self.hr_table.activated.connect(self._on_person_activated)
        self.lists = QStackedWidget(self)
        self.lists.addWidget(self.table)
        self.lists.addWidget(self.hr_table)
        lower_layout.addWidget(self.caption)
        lower_layout.addWidget(self.lists, 1)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.tree)
        splitter.addWidget(lower)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.addWidget(self.toolbar)
        layout.addLayout(totals)
        layout.addWidget(splitter, 1)
        self._show_totals()

    def _build_tree(self) -> None:
        tree = self.tree
        tree.setModel(self.model)
        tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        tree.setUniformRowHeights(True)
        tree.setAlternatingRowColors(True)
        header = tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        width = max(header.fontMetrics().horizontalAdvance(s.label) for s in STATES) + 24
        for column in range(1, len(STATES) + 1):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
            header.resizeSection(column, width)
        tree.selectionModel().currentChanged.connect(self._on_tree_current)
        tree.collapsed.connect(self._on_collapsed)
        tree.expanded.connect(self._on_expanded)

    def _build_table(self) -> None:
        table = self.table
        rows_table(table, self.cell_model)
        header = table.horizontalHeader()
        metrics = header.fontMetrics()
        for column, title in enumerate(CELL_COLUMNS):
            wanted = CELL_WIDTHS.get(column, 90)
            header.resizeSection(column, max(wanted, metrics.horizontalAdvance(title) + 16))
        # the register's whole title («Рішення виконкому», not «Рішенн…»)
        titles = [spec.title for spec in REGISTERS.values() if spec.controllable]
        widest = max(table.fontMetrics().horizontalAdvance(t) for t in titles) + 16
        header.resizeSection(0, max(header.sectionSize(0), widest))
        # the next interim report's term is marked («31.03.2026 (проміжний)») in full
        marked = table.fontMetrics().horizontalAdvance(f"00.00.0000 ({SHORT_MARK})") + 16
        term = CELL_COLUMNS.index("Термін")
        header.resizeSection(term, max(header.sectionSize(term), marked))
        header.setSectionResizeMode(SUMMARY_COLUMN, QHeaderView.ResizeMode.Stretch)
        table.activated.connect(self._on_document_activated)
        self.reveal_action = QAction("Показати в журналі", self)
        self.reveal_action.setToolTip("Перейти до документа в його журналі й відкрити картку")
        self.reveal_action.triggered.connect(self._on_reveal_current)
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        table.addAction(self.reveal_action)

    # --- loading -----------------------------------------------------------------------------

    @property
    def loading(self) -> bool:
        return self._pending > 0

    def refresh(self) -> None:
        """Re-read the counts, then the chosen cell's documents (both off the GUI thread)."""
        self._stale = False
        if self.overview is None:
            self.caption.setText("Завантаження…")
        self._generation += 1
        generation, db, today, user = self._generation, self.db, self.today, current_user()
        self._pending += 1

        def done(result: Overview) -> None:
            self._pending -= 1
            if generation == self._generation:
                self._apply(result)

        def failed(exc: BaseException) -> None:
            self._pending -= 1
            self.caption.setText(f"Не вдалося прочитати показники: {exc}")

        run_in_background(lambda: overview(db, today, user=user), done, failed, owner=self)
        self._load_hr()

    def _load_hr(self) -> None:
        """The HR reminders (None for a user without the personnel right: no button)."""
        self._hr_generation += 1
        generation, db, today, user = self._hr_generation, self.db, self.today, current_user()
        self._pending += 1

        def done(found: HrReminders | None) -> None:
            self._pending -= 1
            if generation == self._hr_generation:
                self._apply_hr(found)

        def failed(exc: BaseException) -> None:
            from app.services import personnel

            self._pending -= 1
            self.hr_button.setText(f"{hr_section.HR_TITLE}: не вдалося прочитати")
            self.hr_button.setToolTip(str(exc))
            self.hr_button.setVisible(personnel.may_read(user))  # said only to whom it is due

        run_in_background(lambda: hr_reminders(db, today, user=user), done, failed, owner=self)

    def _fit_tree(self) -> None:
        """No line to show (nothing on control or done this month) while there are HR
        reminders: the empty tree gives its room to them."""
        empty = self.overview is not None and not self.overview.figures.departments
        self.tree.setVisible(not (empty and self.hr is not None and bool(self.hr.items)))

    def _apply_hr(self, found: HrReminders | None) -> None:
        self.hr = found
        self._fit_tree()
        self.hr_button.setVisible(found is not None)
        hr_section.paint_button(self.hr_button, found)
        self.hr_model.set_items(found.items if found is not None else ())
        if found is None and self.hr_shown:
            self.show_cell(*self.cell)
        elif self.hr_shown:
            self._show_hr_caption()
        elif (
            found is not None
            and found.items
            and not self._chosen
            and self.overview is not None
            and not self.overview.totals.on_control
        ):  # HR with no document on control: the first look is at the reminders
            self.show_hr(chosen=False)

    def schedule_refresh(self, *_: Any) -> None:
        """Something may have changed: re-read now if on screen, else when next shown."""
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def _apply(self, result: Overview) -> None:
        self.overview = result
        self._fit_tree()
        selection = self.tree.selectionModel()
        selection.blockSignals(True)  # rows going and coming are not the clerk's clicks
        self.model.fill(result)
        self.tree.expandAll()
        for group in self._collapsed:
            index = self.model.index_of(group, 0)
            if index.isValid():
                self.tree.collapse(index)
        selection.blockSignals(False)
        self._show_totals()
        group, state = self.cell
        if not self._chosen:  # the first look: the overdue ones, if there are any
            state = CentreState.OVERDUE if result.totals.overdue else CentreState.ON_CONTROL
        if group != ALL and not self.model.index_of(group, 0).isValid():
            group = ALL  # that line has nothing on control any more
        if self.hr_shown:
            self.cell = (group, state)  # the reminders stay on screen
            return
        hr_first = not self._chosen and self.hr is not None and bool(self.hr.items)
        if hr_first and not result.totals.on_control:  # HR with no document on control
            self.show_hr(chosen=False)
            return
        self.show_cell(group, state, chosen=self._chosen)

    def _show_totals(self) -> None:
        counts = self.overview.totals if self.overview else None
        for state, button in self.total_buttons.items():
            value = counts.get(state) if counts else 0
            button.setText(f"{state.label}: {format_count(value) if counts else '…'}")
            colour = ALERT_COLOURS.get(state) if value else None
            button.setStyleSheet(f"color: {colour.name()}; font-weight: bold;" if colour else "")
        if self.overview is not None:
            self.as_of.setText(f"Станом на {format_date(self.overview.today)}")

    def show_cell(self, group: Group, state: CentreState, chosen: bool = True) -> None:
        """List the documents of (group, state) below, and mark the cell."""
        self._chosen = self._chosen or chosen
        self.cell = (group, state)
        self.hr_shown = False
        self.hr_button.setChecked(False)
        self.lists.setCurrentWidget(self.table)
        index = self.model.index_of(group, STATES.index(state) + 1) if group != ALL else None
        self.tree.selectionModel().blockSignals(True)
        if index is not None and index.isValid():
            self.tree.setCurrentIndex(index)
            self._cell_name = str(self.model.index(index.row(), 0, index.parent()).data())
        else:
            self.tree.clearSelection()
            self.tree.setCurrentIndex(QModelIndex())
            self._cell_name = ALL_NAME
        self.tree.selectionModel().blockSignals(False)
        for s, button in self.total_buttons.items():
            button.setChecked(group == ALL and s == state)
        self._load_cell()

    def _load_cell(self) -> None:
        self._cell_generation += 1
        generation, db, today, (group, state), user = (
            self._cell_generation,
            self.db,
            self.today,
            self.cell,
            current_user(),
        )
        self._pending += 1
        self.caption.setText(f"{state.description} — {self._cell_name}: завантаження…")

        def done(listing: CellListing) -> None:
            self._pending -= 1
            if generation == self._cell_generation:
                self.listing = listing
                self.cell_model.set_documents(listing.documents)
                self._show_caption()

        def failed(exc: BaseException) -> None:
            self._pending -= 1
            self.caption.setText(f"Не вдалося прочитати документи: {exc}")

        run_in_background(
            lambda: cell_documents(db, group, state, today, user=user), done, failed, owner=self
        )

    def show_hr(self, chosen: bool = True) -> None:
        """List the HR reminders below instead of a cell's documents."""
        self._chosen = self._chosen or chosen
        self.hr_shown = True
        self._cell_generation += 1  # a cell still loading is not shown over them
        self.tree.selectionModel().blockSignals(True)
        self.tree.clearSelection()
        self.tree.setCurrentIndex(QModelIndex())
        self.tree.selectionModel().blockSignals(False)
        for button in self.total_buttons.values():
            button.setChecked(False)
        self.hr_button.setChecked(True)
        self.lists.setCurrentWidget(self.hr_table)
        self._show_hr_caption()

    def _show_hr_caption(self) -> None:
        count = len(self.hr.items) if self.hr is not None else 0
        text = f"{hr_section.HR_DESCRIPTION}: {format_count(count)}"
        if count:
            text += ". Enter або подвійний клік — відкрити картку працівника."
        self.caption.setText(text)

    def _show_caption(self) -> None:
        if self.listing is None or self.hr_shown:
            return
        state, total = self.listing.state, self.listing.total
        text = f"{state.description} — {self._cell_name}: {format_count(total)}"
        if total > len(self.listing.documents):
            text += f" (показано перші {format_count(CELL_LIMIT)}, найтерміновіші)"
        if total:
            text += ". Enter або подвійний клік — відкрити документ у журналі."
        self.caption.setText(text)

    # --- slots --------------------------------------------------------------------------------

    def _on_total_clicked(self, state: CentreState) -> None:
        self.show_cell(ALL, state)

    def _on_hr_clicked(self) -> None:
        self.show_hr()

    def _on_person_activated(self, index: QModelIndex) -> None:
        item = index.data(hr_section.REMINDER_ROLE)
        if item is not None:
            self.person_requested.emit(item.staff_id)

    def _on_tree_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            return
        group = current.data(GROUP_ROLE)
        if not isinstance(group, Group):
            return
        column = current.column()
        state = STATES[column - 1] if column >= 1 else CentreState.ON_CONTROL
        self.show_cell(group, state)

    def _on_collapsed(self, index: QModelIndex) -> None:
        group = index.data(GROUP_ROLE)
        if isinstance(group, Group):
            self._collapsed.add(group)

    def _on_expanded(self, index: QModelIndex) -> None:
        self._collapsed.discard(index.data(GROUP_ROLE))

    def _on_document_activated(self, index: QModelIndex) -> None:
        doc = index.data(DOCUMENT_ROLE)
        if doc is not None:
            self.reveal_requested.emit(doc.register, doc.id, doc.reg_date)

    def _on_reveal_current(self) -> None:
        self._on_document_activated(self.table.currentIndex())
