"""«Розбіжності обміну»: the records of a household exchange file changed here too since the
last exchange (app/services/household_conflicts.py). Left, the records; right, both versions
of the chosen one side by side, field by field, the differing fields highlighted; below, the
choice for that record — keep ours or take theirs. Nothing is applied until «Застосувати»,
which waits for a decision on every record."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.services import household_conflicts as hc
from ui.screen import fit_to_screen

#: The highlight of a differing field (light amber: readable on any theme's text colour).
DIFFERS = QColor(255, 226, 150)


class ConflictDialog(QDialog):
    """`decisions()` after exec(): object uuid → «ours» / «theirs»."""

    def __init__(
        self,
        conflicts: tuple[hc.Conflict, ...],
        ours: str,
        theirs: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.conflicts = conflicts
        self.ours_name, self.theirs_name = ours, theirs
        self._decisions: dict[str, str] = {}
        self.setWindowTitle("Розбіжності обміну")
        intro = QLabel(
            f"Ці записи змінено і в цій базі ({ours}), і в іншій ({theirs}) з часу останнього "
            "обміну. Для кожного запису оберіть, чию версію залишити. Інші зміни файлу буде "
            "застосовано як звичайно. Нічого не зміниться, доки ви не натиснете «Застосувати».",
            self,
        )
        intro.setWordWrap(True)
        self.records = QListWidget(self)
        self.records.setWordWrap(True)
        self.records.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        for conflict in conflicts:
            item = QListWidgetItem(conflict.label, self.records)
            item.setData(Qt.ItemDataRole.UserRole, conflict.key)
            item.setToolTip(conflict.label)
        self.records.currentRowChanged.connect(self._show)
        self.table = QTableWidget(0, 3, self)
        self.table.setHorizontalHeaderLabels(["Поле", f"Наше — {ours}", f"Їхнє — {theirs}"])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.keep_ours = QRadioButton(f"Залишити наше ({ours})", self)
        self.take_theirs = QRadioButton(f"Взяти їхнє ({theirs})", self)
        self.choice = QButtonGroup(self)
        self.choice.addButton(self.keep_ours)
        self.choice.addButton(self.take_theirs)
        self.keep_ours.toggled.connect(lambda on: self._decide(hc.KEEP_OURS, on))
        self.take_theirs.toggled.connect(lambda on: self._decide(hc.TAKE_THEIRS, on))
        self.all_ours = QPushButton("Усім — наше", self)
        self.all_theirs = QPushButton("Усім — їхнє", self)
        self.all_ours.clicked.connect(lambda: self._decide_all(hc.KEEP_OURS))
        self.all_theirs.clicked.connect(lambda: self._decide_all(hc.TAKE_THEIRS))
        choice_row = QHBoxLayout()
        for widget in (self.keep_ours, self.take_theirs):
            choice_row.addWidget(widget)
        choice_row.addStretch(1)
        choice_row.addWidget(self.all_ours)
        choice_row.addWidget(self.all_theirs)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.table, 1)
        right_layout.addLayout(choice_row)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(self.records)
        split.addWidget(right)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 3)
        split.setSizes([320, 880])
        self.left = QLabel("", self)
        self.buttons = QDialogButtonBox(self)
        self.apply_button = self.buttons.addButton(
            "Застосувати", QDialogButtonBox.ButtonRole.AcceptRole
        )
        cancel = self.buttons.addButton("Скасувати", QDialogButtonBox.ButtonRole.RejectRole)
        cancel.setToolTip("Файл не буде застосовано; база залишиться як була")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.left, 1)
        bottom.addWidget(self.buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(split, 1)
        layout.addLayout(bottom)
        fit_to_screen(self, 1220, 680)
        self.records.setCurrentRow(0)
        self._refresh()

    # --- the decisions ------------------------------------------------------------------------

    def decisions(self) -> dict[str, str]:
        return dict(self._decisions)

    def _current_key(self) -> str | None:
        item = self.records.currentItem()
        return None if item is None else str(item.data(Qt.ItemDataRole.UserRole))

    def _decide(self, decision: str, on: bool = True) -> None:
        key = self._current_key()
        if key is not None and on:
            self._decisions[key] = decision
            self._refresh()

    def _decide_all(self, decision: str) -> None:
        self._decisions = {c.key: decision for c in self.conflicts}
        self._show(self.records.currentRow())
        self._refresh()

    def _refresh(self) -> None:
        for row in range(self.records.count()):
            item = self.records.item(row)
            conflict = self.conflicts[row]
            decided = self._decisions.get(conflict.key)
            mark = f" ✓ {hc.DECISION_TITLES[decided]}" if decided else ""
            item.setText(f"{conflict.label}{mark}")
        open_ = len(hc.undecided(self.conflicts, self._decisions))
        self.apply_button.setEnabled(open_ == 0)
        self.left.setText(
            f"Не вирішено: {open_} з {len(self.conflicts)}" if open_ else "Усе вирішено."
        )

    # --- the record's two versions ------------------------------------------------------------

    def _show(self, index: int) -> None:
        self.table.setRowCount(0)
        if index < 0 or index >= len(self.conflicts):
            return
        conflict = self.conflicts[index]
        bold = QFont(self.table.font())
        bold.setBold(True)
        for diff in conflict.rows:
            row = self.table.rowCount()
            self.table.insertRow(row)
            title = diff.title + (" — в іншій базі видалено" if diff.theirs_deleted else "")
            head = QTableWidgetItem(title)
            head.setFont(bold)
            self.table.setItem(row, 0, head)
            self.table.setSpan(row, 0, 1, 3)
            for field in diff.fields:
                row = self.table.rowCount()
                self.table.insertRow(row)
                cells = (field.title, field.ours, field.theirs)
                for column, text in enumerate(cells):
                    item = QTableWidgetItem(text)
                    if field.differs:
                        item.setBackground(QBrush(DIFFERS))
                        item.setFont(bold)
                        item.setToolTip("Відрізняється")
                    self.table.setItem(row, column, item)
        decided = self._decisions.get(conflict.key)
        for button in (self.keep_ours, self.take_theirs):
            button.blockSignals(True)
        self.choice.setExclusive(False)
        self.keep_ours.setChecked(decided == hc.KEEP_OURS)
        self.take_theirs.setChecked(decided == hc.TAKE_THEIRS)
        self.choice.setExclusive(True)
        for button in (self.keep_ours, self.take_theirs):
            button.blockSignals(False)

    def differing_cells(self) -> list[tuple[str, str, str]]:
        """The highlighted rows of the shown record (what the clerk's eye goes to)."""
        out = []
        for row in range(self.table.rowCount()):
            first, ours, theirs = (self.table.item(row, c) for c in range(3))
            if first is None or ours is None or theirs is None:
                continue  # a record row's title
            if first.background().color() == DIFFERS:
                out.append((first.text(), ours.text(), theirs.text()))
        return out
