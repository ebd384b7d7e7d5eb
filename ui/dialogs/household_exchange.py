"""«Обмін з центром…»: the window's side of app/services/household_exchange — in a district
copy, write the file of the district's changes for the centre or apply the centre's file; at
the centre, the same for a chosen district. The password is typed here and never stored.

The work (scrypt, encryption, thousands of rows) runs on a worker (ui/tasks.py): the window stays
responsive, a bar shows the stage, the buttons wait until the result arrives. An import is one
transaction: a failure leaves the database as it was and says so in Ukrainian.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.roles import PermissionDenied
from app.services import household_exchange as ex
from app.services import households as hh
from app.services.dialog_support import current_user
from db.session import Database
from ui.tasks import run_in_background, user_text
from ui.widgets import ErrorLabel

FILTER = "Файли обміну (*.dlvx);;Усі файли (*)"


class _Relay(QObject):
    """Lives on the GUI thread: a stage reported by the worker arrives here queued."""

    step = Signal(int, str)


def _failure(exc: BaseException, path: str) -> str:
    """What the clerk reads when the exchange failed (the services' errors are Ukrainian)."""
    if isinstance(exc, ex.ExchangeError | PermissionDenied):
        return str(exc).rstrip(".")
    if isinstance(exc, FileNotFoundError):
        return f"Файлу «{Path(path).name}» немає"
    if isinstance(exc, PermissionError):
        return f"Немає доступу до файлу «{Path(path).name}»"
    if isinstance(exc, OSError):
        return f"Не вдалося прочитати чи записати файл «{Path(path).name}»"
    return user_text(exc)


class ExchangeDialog(QDialog):
    """`finished_work(ok)` after each export or import; the tab refreshes itself when the
    dialog closes after an import."""

    finished_work = Signal(bool)

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.imported = False
        self.running = False
        self._pending_plan: ex.ImportPlan | None = None
        self._path = ""
        self.setWindowTitle("Обмін з центром")
        self.own = ex.copy_district(db)
        form = QFormLayout()
        self.district = QComboBox(self)
        if self.own:
            where = QLabel(f"Ця база — копія старостинського округу «{self.own}».", self)
        else:
            where = QLabel("Ця база — центр. Оберіть округ, з копією якого обмінюєтеся.", self)
            for d in hh.list_districts(db, current_user()):
                self.district.addItem(d.name, d.code)
            form.addRow("Округ:", self.district)
        where.setWordWrap(True)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(f"щонайменше {ex.MIN_PASSWORD} символів")
        form.addRow("Пароль файлу:", self.password)
        self.export_button = QPushButton("Записати файл змін…", self)
        self.import_button = QPushButton("Застосувати файл…", self)
        self.export_button.clicked.connect(self._on_export)
        self.import_button.clicked.connect(self._on_import)
        row = QHBoxLayout()
        row.addWidget(self.export_button)
        row.addWidget(self.import_button)
        self.stage = QLabel("", self)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 100)
        self.progress.setVisible(False)
        self.stage.setVisible(False)
        self._relay = _Relay(self)
        self._relay.step.connect(self._on_step)
        self.outcome = QLabel("", self)
        self.outcome.setWordWrap(True)
        self.message = ErrorLabel(self)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.close_button = close.button(QDialogButtonBox.StandardButton.Close)
        self.close_button.setText("Закрити")
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(where)
        layout.addLayout(form)
        layout.addLayout(row)
        layout.addWidget(self.stage)
        layout.addWidget(self.progress)
        layout.addWidget(self.outcome)
        layout.addWidget(self.message)
        layout.addWidget(close)
        self.setMinimumWidth(480)

    def _on_export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, "Файл змін", "", FILTER)
        if path:
            self.export_to(path)

    def _on_import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Файл обміну", "", FILTER)
        if path:
            self.import_from(path)

    def reject(self) -> None:
        if not self.running:  # the work finishes (or fails whole) before the window closes
            super().reject()

    def _on_step(self, percent: int, text: str) -> None:
        self.progress.setValue(percent)
        self.stage.setText(text)

    def _start(
        self,
        work: Callable[[], Any],
        done: Callable[[Any], str],
        failed: Callable[[BaseException], str],
        after: Callable[[bool], None] | None = None,
    ) -> None:
        """Run `work` on a worker; `done(result)` / `failed(exc)` give the text to show."""
        self.running = True
        self.message.setText("")
        self.outcome.setText("")
        for widget in (self.export_button, self.import_button, self.close_button):
            widget.setEnabled(False)
        self.progress.setValue(0)
        self.progress.setVisible(True)
        self.stage.setVisible(True)

        def finish(ok: bool) -> None:
            self.running = False
            for widget in (self.export_button, self.import_button, self.close_button):
                widget.setEnabled(True)
            self.progress.setVisible(False)
            self.stage.setVisible(False)
            self.finished_work.emit(ok)
            if after is not None:
                after(ok)

        def on_done(result: Any) -> None:
            self.outcome.setText(done(result))
            finish(True)

        def on_error(exc: BaseException) -> None:
            self.message.setText(failed(exc))
            finish(False)

        run_in_background(work, on_done, on_error, owner=self)

    def _step(self) -> ex.Progress:
        relay = self._relay

        def say(percent: int, text: str) -> None:  # on the worker thread
            relay.step.emit(percent, text)

        return say

    def export_to(self, path: str) -> None:
        """Write the file of changes in the background (a failure says why, in Ukrainian)."""
        password = self.password.text()
        district = self.district.currentData() or ""
        user, say = current_user(), self._step()

        def work() -> ex.ExchangeResult:
            data, result = ex.export_changes(self.db, password, district, user, say)
            say(95, "Запис файлу…")
            Path(path).write_bytes(data)
            return result

        def done(result: ex.ExchangeResult) -> str:
            return (
                f"Файл {result.direction} записано: {Path(path).name} "
                f"(записів: {result.rows}, видалень: {result.tombstones})."
            )

        self._start(work, done, lambda exc: f"Файл не записано. {_failure(exc, path)}")

    def import_from(self, path: str) -> None:
        """Apply a file in the background, whole or not at all. A file that changes records
        changed here too first shows them side by side (`resolve`); nothing is applied until
        each is decided, and a cancel leaves the database as it was."""
        password = self.password.text()
        user, say = current_user(), self._step()

        def work() -> ex.ExchangeResult | ex.ImportPlan:
            say(1, "Читання файлу…")
            data = Path(path).read_bytes()
            plan = ex.prepare_import(self.db, data, password, say)
            if plan.conflicts:
                return plan  # the clerk decides on the GUI thread, then `_apply` runs
            return ex.apply_import(self.db, plan, None, user, say)

        def failed(exc: BaseException) -> str:
            return f"{_failure(exc, path)}. Базу даних не змінено."

        def done(result: ex.ExchangeResult | ex.ImportPlan) -> str:
            if isinstance(result, ex.ImportPlan):
                self._pending_plan = result
                return "Знайдено записи, змінені з обох боків: оберіть, чию версію залишити."
            return self._applied_text(result)

        self._pending_plan, self._path = None, path
        self._start(work, done, failed, self._after_prepare)

    def _after_prepare(self, ok: bool) -> None:
        plan, self._pending_plan = self._pending_plan, None
        if not ok or plan is None:
            return
        decisions = self.resolve(plan)
        if decisions is None:
            self.outcome.setText("Файл не застосовано: нічого не змінено.")
            return
        user, say, path = current_user(), self._step(), self._path
        self._start(
            lambda: ex.apply_import(self.db, plan, decisions, user, say),
            self._applied_text,
            lambda exc: f"{_failure(exc, path)}. Базу даних не змінено.",
        )

    def resolve(self, plan: ex.ImportPlan) -> dict[str, str] | None:
        """The clerk's decision per conflicting record, or None (cancelled). A seam for tests."""
        from ui.dialogs.household_conflicts import ConflictDialog

        ours = f"копія округу {plan.own}" if plan.own else "центр"
        theirs = "центр" if plan.own else f"копія округу {plan.peer}"
        dialog = ConflictDialog(plan.conflicts, ours, theirs, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.decisions()

    def _applied_text(self, result: ex.ExchangeResult) -> str:
        if result.direction == "уже імпортовано":
            return "Цей файл уже застосовано: змін немає."
        self.imported = True
        settled = f", розбіжностей вирішено: {result.conflicts}" if result.conflicts else ""
        return (
            f"Застосовано {result.direction}: записів {result.rows}, видалень "
            f"{result.tombstones}{settled}."
        )
