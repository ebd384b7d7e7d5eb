"""Importing a spreadsheet from the UI: choose the file, see every problem by row and column,
then import it all — or nothing.

The services' imports already check a whole file before writing any of it (app/services/imports,
app/services/personnel_import.py); this dialog is their one front end. It runs the check (a dry
run) off the GUI thread as soon as a file is chosen and lists the problems in a table (row of
the file, column as headed in the file, what is wrong); «Імпортувати» is offered only for a
file whose check found none, and the import itself checks again, so a file changed in between
is refused with its problems, nothing written.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.roles import PermissionDenied
from app.services.imports.problems import ImportFileError, ImportProblem
from ui.screen import fit_to_screen
from ui.tasks import run_in_background, show_error, user_text
from ui.widgets import ErrorLabel

FILTER = "Таблиці (*.csv *.xlsx);;Усі файли (*)"
#: Errors the services word for the clerk (ImportFileError and the rest are ValueErrors): shown
#: in the dialog; anything else is a bug, logged and shown as one.
EXPECTED = (ImportFileError, ValueError, PermissionDenied, OSError)


@dataclass(frozen=True)
class ImportOutcome:
    """What a check or an import found: the problems (none: the file is good) and a sentence
    saying what was checked or written."""

    problems: Sequence[ImportProblem]
    summary: str


Run = Callable[[str], ImportOutcome]


class ImportDialog(QDialog):
    """`check(path)` checks without writing; `commit(path)` imports all rows or none."""

    def __init__(
        self, title: str, hint: str, check: Run, commit: Run, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        fit_to_screen(self, 820, 520)
        self._check, self._commit = check, commit
        self.imported: ImportOutcome | None = None
        self.busy = False
        layout = QVBoxLayout(self)
        intro = QLabel(hint, self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        row = QHBoxLayout()
        self.path = QLineEdit(self)
        self.path.setReadOnly(True)
        self.path.setPlaceholderText("Файл CSV або XLSX не вибрано")
        self.choose_button = QPushButton("Вибрати файл…", self)
        self.choose_button.clicked.connect(self._on_choose)
        row.addWidget(self.path, 1)
        row.addWidget(self.choose_button)
        layout.addLayout(row)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self.error = ErrorLabel(self)
        layout.addWidget(self.error)
        self.problems = QTableWidget(0, 3, self)
        self.problems.setHorizontalHeaderLabels(["Рядок", "Стовпець", "Що не так"])
        self.problems.verticalHeader().hide()
        self.problems.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.problems.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.problems.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.problems, 1)
        buttons = QDialogButtonBox(self)
        self.import_button = buttons.addButton(
            "Імпортувати", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.import_button.setEnabled(False)
        close = buttons.addButton("Закрити", QDialogButtonBox.ButtonRole.RejectRole)
        self.import_button.clicked.connect(self._on_import)
        close.clicked.connect(self.reject)
        layout.addWidget(buttons)
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)

    # --- the steps ---------------------------------------------------------------------------

    def _on_choose(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Файл для імпорту", "", FILTER)
        if path:
            self.check_file(path)

    def check_file(self, path: str) -> None:
        """Check `path` in the background and show what was found."""
        self.path.setText(path)
        self._run(self._check, path, "Перевіряю файл…", self._checked)

    def _on_import(self) -> None:
        path = self.path.text()
        if path:
            self._run(self._commit, path, "Імпортую…", self._written)

    def _run(self, work: Run, path: str, text: str, done: Callable[[ImportOutcome], None]) -> None:
        self.busy = True
        self.error.clear_error()
        self.status.setText(text)
        self.import_button.setEnabled(False)
        self.choose_button.setEnabled(False)
        run_in_background(lambda: work(path), done, self._failed, owner=self)

    def _show(self, outcome: ImportOutcome) -> None:
        self.busy = False
        self.choose_button.setEnabled(True)
        self.problems.setRowCount(0)
        for problem in outcome.problems:
            row = self.problems.rowCount()
            self.problems.insertRow(row)
            cells = (str(problem.row), problem.column or "(увесь рядок)", problem.message)
            for column, text in enumerate(cells):
                self.problems.setItem(row, column, QTableWidgetItem(text))

    def _checked(self, outcome: ImportOutcome) -> None:
        self._show(outcome)
        if outcome.problems:
            self._refused(outcome)
            return
        self.status.setText(f"{outcome.summary} Помилок немає — файл можна імпортувати.")
        self.import_button.setEnabled(True)

    def _written(self, outcome: ImportOutcome) -> None:
        self._show(outcome)
        if outcome.problems:
            self._refused(outcome)
            return
        self.imported = outcome
        self.status.setText(outcome.summary)

    def _refused(self, outcome: ImportOutcome) -> None:
        rows = len({p.row for p in outcome.problems})
        self.status.setText("")
        self.error.show_error(
            f"Файл не імпортовано: помилок — {len(outcome.problems)} у {rows} рядках. Базу "
            "даних не змінено. Виправте файл і виберіть його знову."
        )

    def _failed(self, exc: BaseException) -> None:
        self.busy = False
        self.choose_button.setEnabled(True)
        self.problems.setRowCount(0)
        self.status.setText("")
        self.error.show_error(f"Файл не імпортовано: {user_text(exc)}")
        if not isinstance(exc, EXPECTED):
            show_error(exc, self)
