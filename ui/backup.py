"""Backups from the window: the daily copy in the background, the copy on exit, «Відновити з
копії…», and the offer to restore the newest good copy when the database will not open.

Every copy of a SQLite file is made by app/services/backup (SQLite's online backup), off the
GUI thread. The one on exit is bounded by EXIT_LIMIT_S and skipped when nothing changed since
the newest copy; the window is gone by then and a small note with a progress bar says the copy
is being made (a closing window that froze for seconds looked hung). A restore always checks
its file first and moves the current database aside instead of overwriting it.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

import shiboken6
from PySide6.QtCore import QEventLoop, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from app.domain.dates import format_date
from app.services import backup as bk
from db.session import Database, database_url, sqlite_path
from ui import tasks

if TYPE_CHECKING:
    from app.services.database import Opened
    from ui.dialogs.backup import BackupDialog

log = logging.getLogger(__name__)

START_DELAY_MS = 5000  # the daily copy waits until the window has settled
CHECK_EVERY_MS = 60 * 60 * 1000  # a program left open overnight still makes the next day's copy
EXIT_LIMIT_S = 15.0
TITLE = "Діловод"
PG_RESTORE_TEXT = (
    "Базу даних на сервері PostgreSQL відновлює адміністратор сервера програмою pg_restore "
    "(див. README, розділ «Резервні копії сервера»)."
)


class ExitNote(QWidget):
    """«Зберігаю резервну копію…» with the copy's progress, while the program closes."""

    def __init__(self, where: QWidget) -> None:
        super().__init__(None, Qt.WindowType.Tool | Qt.WindowType.WindowStaysOnTopHint)
        self.setWindowTitle(TITLE)
        self.label = QLabel(
            "Зберігаю резервну копію бази даних…\nПрограма закриється, щойно копію буде збережено.",
            self,
        )
        self.bar = QProgressBar(self)
        self.bar.setRange(0, 0)  # busy until the first step is known
        self.bar.setFormat("%p\u00a0%")
        self.ticks = 0  # redrawn this many times (the tests see it was not frozen)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        self.adjustSize()
        centre = where.geometry().center()
        self.move(centre.x() - self.width() // 2, centre.y() - self.height() // 2)

    def show_progress(self, done: int, total: int) -> None:
        self.ticks += 1
        if total > 0:
            self.bar.setRange(0, total)
            self.bar.setValue(done)


def _when(info: bk.BackupInfo) -> str:
    return f"{format_date(info.created.date())} о {info.created:%H:%M}"


class BackupController(QObject):
    """The window's backups, a child of the window. `restore_starting` asks the window to stop
    whatever reads the database; `restored` to bring every tab back. (Signals, not stored
    callbacks: a child holding its window's bound methods would keep the window alive.)"""

    restore_starting = Signal()
    restored = Signal()

    def __init__(self, window: QMainWindow, db: Database) -> None:
        super().__init__(window)
        self.db = db
        self.path = sqlite_path(db.url)
        self.running = False
        self.dialog: BackupDialog | None = None
        self.exit_note: ExitNote | None = None  # shown while the copy on exit is made
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_EVERY_MS)
        self.timer.timeout.connect(self._on_check_daily)

    @property
    def window(self) -> QMainWindow:
        return cast(QMainWindow, self.parent())

    def start(self) -> None:
        if self.path is not None:
            QTimer.singleShot(START_DELAY_MS, self, self._on_check_daily)
            self.timer.start()

    # --- making copies ------------------------------------------------------------------------

    def _on_check_daily(self) -> None:
        path = self.path
        if path is None or self.running:
            return

        def work() -> Path | None:
            settings = bk.backup_settings(self.db)
            if not bk.due_daily(settings, path.stem, date.today()):
                return None
            return bk.backup_sqlite(path, settings.folder, settings.keep)

        self._run(work, quiet=True)

    def backup_now(self) -> None:
        path = self.path

        def work() -> Path:
            settings = bk.backup_settings(self.db)
            if path is None:
                from app.services.backup_postgres import backup_postgres

                return backup_postgres(self.db.url, settings.folder, settings.keep)
            copy = bk.backup_sqlite(path, settings.folder, settings.keep)
            bk.check_backup(copy)
            return copy

        self._run(work, quiet=False)

    def _run(self, work: Callable[[], Path | None], quiet: bool) -> None:
        self.running = True

        def done(copy: Path | None) -> None:
            self._finished()
            if copy is not None:
                self.window.statusBar().showMessage(f"Резервну копію збережено: {copy}", 15000)

        def failed(exc: BaseException) -> None:
            self._finished()
            if not isinstance(exc, bk.BackupError):
                tasks.show_error(exc, self.window)
            elif quiet:  # the daily copy: said where the clerk looks, not in their way
                self.window.statusBar().showMessage(f"Резервну копію не зроблено: {exc}", 60000)
            else:
                QMessageBox.warning(self.window, f"{TITLE}: резервна копія", str(exc))

        tasks.run_in_background(work, done, failed, owner=self.window)

    def _finished(self) -> None:
        self.running = False
        if self.dialog is not None and shiboken6.isValid(self.dialog):
            self.dialog.backup_finished()

    def on_exit(self) -> None:
        """The copy on exit: only after changes, and never longer than EXIT_LIMIT_S. It runs in
        a thread of its own while a note shows its progress (user input is held meanwhile)."""
        path = self.path
        if path is None:
            return
        try:
            settings = bk.backup_settings(self.db)
            if not (settings.on_exit and bk.changed_since_backup(path, settings.folder)):
                return
        except Exception as exc:  # the window closes anyway; the daily copy will try again
            log.warning("No backup on exit: %s", exc)
            return
        note = self.exit_note = ExitNote(self.window)
        note.show()
        progress = [0, 0]  # pages done, total: written by the copy, read by the note
        failure: list[BaseException] = []

        def report(done: int, total: int) -> None:
            progress[:] = [done, total]

        def copy() -> None:
            try:
                deadline = time.monotonic() + EXIT_LIMIT_S
                bk.backup_sqlite(
                    path,
                    settings.folder,
                    settings.keep,
                    deadline=deadline,
                    on_progress=report,
                )
            except BaseException as exc:
                failure.append(exc)

        worker = threading.Thread(target=copy, name="backup-on-exit", daemon=True)
        worker.start()
        # Repaint the note while the copy runs; no clicks, and unlike a nested event loop no
        # deferred deletions run here (processEvents leaves them to the main loop).
        while worker.is_alive():
            note.show_progress(progress[0], progress[1])
            QApplication.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
            worker.join(0.04)
        note.close()
        if failure:  # the window closes anyway; the daily copy will try again
            log.warning("No backup on exit: %s", failure[0])

    def open_dialog(self) -> None:
        from ui.dialogs.backup import BackupDialog

        self.dialog = BackupDialog(
            self.db, self.backup_now, self.window, automatic=self.path is not None
        )
        try:
            self.dialog.exec()
        finally:
            self.dialog = None

    # --- restoring ----------------------------------------------------------------------------

    def restore_from_file(self) -> None:
        if self.path is None:
            QMessageBox.information(self.window, f"{TITLE}: відновлення", PG_RESTORE_TEXT)
            return
        folder = bk.backup_settings(self.db).folder
        chosen, _ = QFileDialog.getOpenFileName(
            self.window,
            "Відновити з резервної копії",
            str(folder),
            "Резервні копії Діловода (*.sqlite);;Усі файли (*)",
        )
        if chosen:
            tasks.run_in_background(
                lambda: bk.check_backup(Path(chosen)),
                self._confirm_restore,
                self._on_refused,
                owner=self.window,
            )

    def _on_refused(self, exc: BaseException) -> None:
        if not isinstance(exc, bk.BackupError):
            tasks.show_error(exc, self.window)
            return
        QMessageBox.warning(
            self.window, f"{TITLE}: відновлення", f"{exc}\n\nБазу даних не змінено."
        )

    def _confirm_restore(self, info: bk.BackupInfo) -> None:
        answer = QMessageBox.question(
            self.window,
            f"{TITLE}: відновлення",
            f"Відновити базу даних з копії від {_when(info)} (документів: {info.documents})?\n\n"
            "Усе, що внесено після цієї копії, зникне з бази; поточний файл буде збережено "
            "поруч із базою, тож нічого не втрачається безповоротно.",
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.restore(info.path)

    def restore(self, copy: Path) -> None:
        assert self.path is not None
        from db.migrate import upgrade

        self.restore_starting.emit()
        self.db.dispose()
        try:
            aside = bk.restore_sqlite(copy, self.path)
            upgrade(self.db.engine)  # a copy made by an older version
        except (bk.BackupError, OSError) as exc:
            QMessageBox.warning(self.window, f"{TITLE}: відновлення", f"{exc}")
        else:
            QMessageBox.information(
                self.window,
                f"{TITLE}: відновлення",
                f"Базу даних відновлено з копії {copy.name}.\nПопередній файл збережено: {aside}",
            )
        finally:
            self.db.cache.clear()
            self.restored.emit()


# --- at start: a database that will not open ---------------------------------------------------


def backup_folders(url: str) -> list[Path]:
    """Where copies may be: the folder remembered on this PC, then the default one."""
    from ui.dialogs.backup import FOLDER_HINT
    from ui.local_settings import settings

    remembered = str(settings().value(FOLDER_HINT, "") or "")
    folders = [Path(remembered)] if remembered else []
    default = bk.default_folder(url)
    return folders + ([default] if default not in folders else [])


def newest_good_backup(folders: list[Path], stem: str) -> bk.BackupInfo | None:
    """The newest copy that passes `check_backup` (a damaged copy is passed over)."""
    found: list[Any] = []
    for folder in folders:
        found += [(bk.backup_time(p), p) for p in bk.list_backups(folder, stem)]
    for _, path in sorted(found, reverse=True):
        try:
            return bk.check_backup(path)
        except bk.BackupError as exc:
            log.warning("Backup passed over: %s", exc)
    return None


def offer_restore(target: str, error: Exception, parent: QWidget | None = None) -> Opened | None:
    """The database at `target` is damaged: offer the newest good copy; the opened database
    after a restore, or None (nothing was changed)."""
    from app.services.database import DatabaseDamagedError, DatabaseOpenError, open_database

    url = database_url(target)
    path = sqlite_path(url)
    if path is None or not isinstance(error, DatabaseDamagedError):
        return None
    info = newest_good_backup(backup_folders(url), path.stem)
    if info is None:
        return None
    box = QMessageBox(
        QMessageBox.Icon.Warning, f"{TITLE}: база даних пошкоджена", "", parent=parent
    )
    box.setText(
        f"{error}\n\nЗнайдено справну резервну копію від {_when(info)} "
        f"(документів: {info.documents}):\n{info.path}\n\n"
        "Відновити базу даних з неї? Пошкоджений файл не буде видалено: його буде збережено "
        "поруч із назвою «…damaged…». Документи, внесені після копії, доведеться внести знову."
    )
    restore = box.addButton("Відновити з копії", QMessageBox.ButtonRole.AcceptRole)
    box.addButton("Вийти", QMessageBox.ButtonRole.RejectRole)
    box.exec()
    if box.clickedButton() is not restore:
        return None
    try:
        aside = bk.restore_sqlite(info.path, path, label="damaged")
        opened = open_database(target, purpose="вікно Діловода")
    except (bk.BackupError, OSError, DatabaseOpenError) as exc:
        QMessageBox.critical(parent, f"{TITLE}: відновлення", f"{exc}")
        return None
    QMessageBox.information(
        parent,
        f"{TITLE}: базу даних відновлено",
        f"Базу даних відновлено з копії від {_when(info)}.\nПошкоджений файл збережено: {aside}",
    )
    return opened
