"""The meetings of the executive committee as a tab: the year's meetings on the left with their
deadlines and protocol, the chosen meeting's agenda on the right — items with their visas,
flags, votes and outcomes — and what the clerk does before, at and after the meeting (add,
edit, move, withdraw items; visas; the members present; votes; the protocol signed; the
printouts). Contributed to the window through the tab registry (not a RegisterTab: a meeting is
an aggregate, not a row of a journal)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import partial

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.domain import meetings as rules
from app.domain.dates import DateError, format_date, parse_date
from app.domain.roles import Actor, PermissionDenied
from app.registers import DECISIONS
from app.services import access, meeting_printouts, reference
from app.services import meetings as svc
from app.services.dialog_support import current_user
from db.session import Database
from ui.dialogs import meeting_dialogs as dialogs
from ui.tasks import run_in_background

LATE = QColor("#b02a37")
MEETING_COLUMNS = ("Дата", "Вид", "Питань", "Протокол", "Стан")
ITEM_COLUMNS = (
    "№",
    "Проєкт рішення",
    "Підготував",
    "Доповідач",
    "Візи",
    "Позначки",
    "За / проти / утр. / не гол.",
    "Результат",
    "Рішення №",
)


def _table(parent: QWidget, columns: tuple[str, ...]) -> QTableWidget:
    table = QTableWidget(0, len(columns), parent)
    table.setHorizontalHeaderLabels(list(columns))
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().setVisible(False)
    table.setWordWrap(False)
    return table


class MeetingsTab(QWidget):
    """The year's meetings and the chosen meeting's agenda."""

    changed = Signal()

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.user: Actor = current_user()
        self.view: svc.MeetingView | None = None
        self.meetings: list[svc.MeetingInfo] = []
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(QLabel("Рік:", self))
        self.year = QSpinBox(self)
        self.year.setRange(2000, 2100)
        self.year.setValue(dt.date.today().year)
        self.year.valueChanged.connect(self.reload)
        top.addWidget(self.year)
        self.write_buttons: list[QPushButton | QToolButton] = []
        for text, slot in (
            ("Спланувати рік", self._on_plan),
            ("Нове засідання…", self._on_new_meeting),
            ("Склад виконкому…", self._on_members),
        ):
            top.addWidget(self._button(text, slot))
        regulatory_button = QPushButton("Регуляторні акти…", self)  # readers see the plan too
        regulatory_button.clicked.connect(self._on_regulatory)
        top.addWidget(regulatory_button)
        top.addStretch(1)
        top.addWidget(self._button("Протокол підписано…", self._on_signed))
        layout.addLayout(top)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.meeting_table = _table(self, MEETING_COLUMNS)
        self.meeting_table.itemSelectionChanged.connect(self._on_meeting_chosen)
        splitter.addWidget(self.meeting_table)
        right = QWidget(self)
        box = QVBoxLayout(right)
        box.setContentsMargins(0, 0, 0, 0)
        self.header = QLabel(right)
        self.header.setWordWrap(True)
        self.header.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.addWidget(self.header)
        buttons = QHBoxLayout()
        for text, slot in (
            ("Додати питання…", self._on_add_item),
            ("Змінити…", self._on_edit_item),
            ("Візи…", self._on_visas),
            ("▲", lambda: self._on_move(-1)),
            ("▼", lambda: self._on_move(1)),
            ("Зняти з розгляду", self._on_withdraw),
            ("Перенести", self._on_postpone),
            ("Присутні…", self._on_attendance),
            ("Голосування…", self._on_vote),
        ):
            buttons.addWidget(self._button(text, slot))
        self.print_button = QToolButton(right)
        self.print_button.setText("Друк ▾")
        self.print_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.print_button)
        for code, (title, _) in meeting_printouts.PRINTOUTS.items():
            action = menu.addAction(title)
            action.triggered.connect(partial(self._on_print, code))
        self.print_button.setMenu(menu)
        buttons.addWidget(self.print_button)
        buttons.addStretch(1)
        box.addLayout(buttons)
        self.item_table = _table(right, ITEM_COLUMNS)
        self.item_table.doubleClicked.connect(self._on_edit_item)
        box.addWidget(self.item_table)
        self.status = QLabel(right)
        box.addWidget(self.status)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([400, 900])
        layout.addWidget(splitter)
        self.reload()

    def _button(self, text: str, slot: Callable[[], None]) -> QPushButton:
        button = QPushButton(text, self)
        button.clicked.connect(slot)
        self.write_buttons.append(button)
        return button

    def set_read_only(self, read_only: bool) -> None:
        """A reader sees the meetings and prints, but changes nothing."""
        for button in self.write_buttons:
            button.setVisible(not read_only)

    # --- reading ---------------------------------------------------------------------------

    def reload(self) -> None:
        if not access.may_read(DECISIONS, self.user):  # the window hides the tab too
            self.header.setText("Недостатньо прав для перегляду засідань виконкому.")
            return
        chosen = self.view.meeting.id if self.view else None
        self.meetings = svc.list_meetings(self.db, self.year.value(), self.user)
        today = dt.date.today()
        table = self.meeting_table
        table.blockSignals(True)
        table.setRowCount(len(self.meetings))
        row_to_choose = 0
        for row, m in enumerate(self.meetings):
            state = "відбулося" if m.held else "заплановано"
            if m.protocol_late(today):
                state = "протокол не підписано вчасно"
            elif m.protocol_signed:
                state = f"протокол підписано {format_date(m.protocol_signed)}"
            cells = (
                format_date(m.day),
                "позачергове" if m.extraordinary else "чергове",
                str(m.items),
                m.protocol_number,
                state,
            )
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if m.protocol_late(today):
                    item.setForeground(LATE)
                table.setItem(row, col, item)
            if m.id == chosen or (chosen is None and m.day >= today and row_to_choose == 0):
                row_to_choose = row
        table.resizeColumnsToContents()
        table.blockSignals(False)
        if self.meetings:
            table.selectRow(row_to_choose)
            self._on_meeting_chosen()
        else:
            self.view = None
            self.header.setText("Засідань цього року немає: «Спланувати рік» додасть їх.")
            self.item_table.setRowCount(0)

    def _on_meeting_chosen(self) -> None:
        rows = self.meeting_table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self.meetings):
            return
        self.open(self.meetings[rows[0].row()].id)

    def open(self, meeting_id: int, keep_item: int | None = None) -> None:
        """Show a meeting's agenda (and keep the chosen item chosen)."""
        view = svc.open_meeting(self.db, meeting_id, self.user)
        self.view = view
        m = view.meeting
        lines = [f"<b>{m.title}</b>, {m.place}"]
        if m.chair:
            lines.append(f"Головуючий: {m.chair}")
        lines.append(
            "Строки: " + "; ".join(f"{t} — {format_date(d)}" for t, d in m.deadlines.items())
        )
        if m.held:
            quorum = "є кворум" if view.quorum else "<b>кворуму немає</b> (п. 6.1)"
            lines.append(
                f"Протокол № {m.protocol_number}; присутні {len(view.present)} з {view.total}, "
                f"{quorum}; підписати до {format_date(m.protocol_due)} (п. 6.21)"
            )
        self.header.setText("<br>".join(lines))
        table = self.item_table
        table.setRowCount(len(view.items))
        chosen_row = 0
        for row, item in enumerate(view.items):
            given = len([v for v in item.visas if v.verdict])
            visas = f"{given} з {len(rules.required_roles(item.data.financial))}"
            cells = (
                str(item.position),
                item.data.title,
                item.data.department,
                item.data.reporter,
                visas,
                "; ".join(item.flags),
                " / ".join(str(v or 0) for v in item.votes) if item.votes[0] is not None else "",
                item.outcome_text if item.outcome else "",
                item.decision_number,
            )
            for col, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                if col == 5 and item.flags:
                    cell.setForeground(LATE)
                if col in (1, 5):
                    cell.setToolTip(text)
                table.setItem(row, col, cell)
            if item.id == keep_item:
                chosen_row = row
        table.resizeColumnsToContents()
        for col, widest in ((1, 330), (2, 200), (5, 240)):  # the rest stays in sight
            table.setColumnWidth(col, min(table.columnWidth(col), widest))
        if view.items:
            table.selectRow(chosen_row)
        self.status.setText(f"Питань: {len(view.items)}")

    def current_item(self) -> svc.ItemInfo | None:
        if self.view is None:
            return None
        rows = self.item_table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self.view.items):
            return None
        return self.view.items[rows[0].row()]

    # --- actions ---------------------------------------------------------------------------

    def _refresh(self, keep_item: int | None = None) -> None:
        if self.view is not None:
            self.open(self.view.meeting.id, keep_item)
            index = next(
                (i for i, m in enumerate(self.meetings) if m.id == self.view.meeting.id), None
            )
            if index is not None:  # the count of items and the protocol in the left table
                self.meetings = svc.list_meetings(self.db, self.year.value(), self.user)
                for col, text in (
                    (3, str(len(self.view.items))),
                    (4, self.view.meeting.protocol_number),
                ):
                    cell = self.meeting_table.item(index, col)
                    if cell is not None:
                        cell.setText(text)
        self.changed.emit()

    def _try(self, action: Callable[[], object]) -> bool:
        try:
            action()
        except (ValueError, PermissionDenied) as exc:
            QMessageBox.warning(self, "Засідання виконкому", str(exc))
            return False
        return True

    def _on_plan(self) -> None:
        year = self.year.value()
        if self._try(lambda: svc.plan_year(self.db, year, self.user)):
            self.reload()
            self.changed.emit()

    def _on_new_meeting(self) -> None:
        dialog = dialogs.NewMeetingDialog(self.db, self.user, self)
        if dialog.exec() and dialog.meeting_id is not None:
            self.reload()
            for row, m in enumerate(self.meetings):
                if m.id == dialog.meeting_id:
                    self.meeting_table.selectRow(row)

    def _on_members(self) -> None:
        dialogs.MembersDialog(self.db, self.user, self).exec()
        if self.view is not None:
            self._refresh()

    def _on_regulatory(self) -> None:
        dialogs.RegulatoryDialog(self.db, self.year.value(), self.user, self).exec()

    def _departments(self) -> list[str]:
        return [d.name for d in reference.list_departments(self.db) if d.active]

    def _on_add_item(self) -> None:
        if self.view is None:
            return
        dialog = dialogs.ItemDialog(
            self.db, self.view.meeting.id, None, self._departments(), self.user, self
        )
        if dialog.exec():
            self._refresh(dialog.item_id)

    def _on_edit_item(self) -> None:
        item = self.current_item()
        if item is None or self.view is None:
            return
        dialog = dialogs.ItemDialog(
            self.db, self.view.meeting.id, item, self._departments(), self.user, self
        )
        if dialog.exec():
            self._refresh(item.id)

    def _on_visas(self) -> None:
        item = self.current_item()
        if item is not None and dialogs.VisasDialog(self.db, item, self.user, self).exec():
            self._refresh(item.id)

    def _on_move(self, step: int) -> None:
        item = self.current_item()
        if item is None:
            return
        target = item.position + step
        if self._try(lambda: svc.move_item(self.db, item.id, target, self.user)):
            self._refresh(item.id)

    def _on_withdraw(self) -> None:
        item = self.current_item()
        if item is None:
            return
        if self._try(lambda: svc.withdraw_item(self.db, item.id, self.user)):
            self._refresh(item.id)

    def _on_postpone(self) -> None:
        item = self.current_item()
        if item is None:
            return
        if self._try(lambda: svc.postpone_item(self.db, item.id, self.user)):
            self._refresh(item.id)

    def _on_attendance(self) -> None:
        view = self.view
        if view is not None and dialogs.AttendanceDialog(self.db, view, self.user, self).exec():
            self._refresh()

    def _on_vote(self) -> None:
        item = self.current_item()
        if item is None or self.view is None:
            return
        if not self.view.meeting.held:
            QMessageBox.information(
                self, "Голосування", "Спершу відмітьте присутніх членів виконкому («Присутні…»)."
            )
            return
        dialog = dialogs.VoteDialog(self.db, self.view, item, self.user, self)
        if dialog.exec():
            self._refresh(item.id)
            result = dialog.vote_result
            if result is not None and result.decision_number:
                self.status.setText(
                    f"Прийнято рішення № {result.decision_number}: воно вже в реєстрі "
                    f"«{DECISIONS.title}»"
                )

    def _on_signed(self) -> None:
        if self.view is None:
            return
        text, ok = QInputDialog.getText(
            self,
            "Протокол",
            "Дата підписання протоколу (ДД.ММ.РРРР):",
            text=format_date(dt.date.today()),
        )
        if not ok:
            return
        try:
            day = parse_date(text)
        except DateError as exc:
            QMessageBox.warning(self, "Протокол", str(exc))
            return
        meeting_id = self.view.meeting.id
        if self._try(
            lambda: svc.update_meeting(self.db, meeting_id, protocol_signed=day, user=self.user)
        ):
            self.reload()

    def _on_print(self, code: str) -> None:
        if self.view is None:
            return
        title, produce = meeting_printouts.PRINTOUTS[code]
        meeting_id, user = self.view.meeting.id, self.user
        self.status.setText("Готую документ до друку…")

        def show(pdf: bytes) -> None:
            self.status.clear()
            from ui.preview import PdfPreviewDialog

            preview = PdfPreviewDialog(pdf, title, self)
            preview.exec()
            preview.deleteLater()

        def failed(exc: BaseException) -> None:
            self.status.clear()
            QMessageBox.warning(self, "Друк", f"Не вдалося підготувати документ до друку:\n{exc}")

        run_in_background(lambda: produce(self.db, meeting_id, user), show, failed, owner=self)

    def refresh_in_place(self) -> None:
        """Another PC changed something: read the meetings again."""
        self.reload()


def build_tab(db: Database, parent: QWidget) -> QWidget:
    """The tab, built by the window's tab registry when first shown."""
    return MeetingsTab(db, parent)
