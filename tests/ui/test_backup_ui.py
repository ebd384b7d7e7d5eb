"""Backups from the window: the offer to restore at start, «Відновити з копії…», the daily copy,
the copy on exit, and the settings dialog."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

from app.services import backup as bk
from app.services.database import open_database
from db.session import Database, sqlite_path
from tests import factories
from tests.services.test_backup import _count, _documents, _register
from ui import backup as backup_ui
from ui import main_window, tasks
from ui.main_window import MainWindow, run


def _wreck(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[4096:40960] = b"\xffgarbage" * 4608
    path.write_bytes(bytes(data))


def _click_when_asked(button_text: str) -> tuple[list[str], QTimer]:
    """Click `button_text` in the first message box that appears; its text goes in the list
    (keep the timer referenced while the test runs)."""
    seen: list[str] = []

    def poll() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QMessageBox) and widget.isVisible() and not seen:
                seen.append(widget.text())
                button = next(
                    b for b in widget.findChildren(QPushButton) if b.text() == button_text
                )
                button.click()

    timer = QTimer()
    timer.timeout.connect(poll)
    timer.start(50)
    return seen, timer


def _damaged_database_with_backups(tmp_path: Path) -> tuple[Path, bytes]:
    """Two letters in the newest good copy, five in the database, a damaged newer copy, and
    then the database damaged."""
    path = tmp_path / "dilovod.sqlite"
    opened = open_database(path)
    factories.organisation(opened.db)
    _register(opened.db, 2)
    good = bk.backup_sqlite(path, tmp_path / "backups")
    _register(opened.db, 3)
    opened.db.dispose()
    newer = good.with_name("dilovod-2099-01-01_000000.sqlite")
    shutil.copy(good, newer)
    data = bytearray(newer.read_bytes())
    data[len(data) // 2 : len(data) // 2 + 16384] = b"\xffgarbage" * 2048
    newer.write_bytes(bytes(data))
    _wreck(path)
    return path, path.read_bytes()


def test_a_damaged_database_is_restored_from_the_newest_good_copy(qtbot, tmp_path, monkeypatch):
    path, damaged = _damaged_database_with_backups(tmp_path)
    told: list[str] = []
    monkeypatch.setattr(
        backup_ui.QMessageBox, "information", lambda _p, _t, text: told.append(text)
    )
    asked, _timer = _click_when_asked("Відновити з копії")
    opened_on: list[int] = []

    def event_loop(_app) -> int:
        window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow))
        opened_on.append(_documents(window.db))
        qtbot.waitUntil(lambda: tasks.pending() == 0)
        window.close()
        return 0

    monkeypatch.setattr(main_window, "event_loop", event_loop)
    assert run(str(path)) == 0
    assert "пошкоджен" in asked[0] and "документів: 2" in asked[0]
    assert "2099" not in asked[0]  # the damaged newer copy was passed over
    assert opened_on == [2]  # the window opened on the restored data
    [aside] = tmp_path.glob("dilovod.damaged-*.sqlite")
    assert aside.read_bytes() == damaged  # the damaged file is kept, byte for byte
    assert str(aside) in told[0]


def test_declining_the_restore_changes_nothing(qtbot, tmp_path, monkeypatch):
    path, damaged = _damaged_database_with_backups(tmp_path)
    shown: list[str] = []
    monkeypatch.setattr(
        main_window.QMessageBox, "critical", lambda _p, _t, text: shown.append(text)
    )
    asked, _timer = _click_when_asked("Вийти")
    listing = sorted(p.name for p in tmp_path.iterdir())
    assert run(str(path)) == 2
    assert asked and shown and "Програма завершує роботу" in shown[0]
    assert path.read_bytes() == damaged
    # The check at open (read-only) may leave SQLite's empty -wal/-shm; nothing else is new.
    assert (
        sorted(p.name for p in tmp_path.iterdir() if p.suffix == ".sqlite" or p.is_dir()) == listing
    )
    assert not Path(f"{path}-wal").exists() or Path(f"{path}-wal").stat().st_size == 0


def _window(qtbot, db: Database) -> MainWindow:
    window = MainWindow(db)
    qtbot.addWidget(window)
    window.backups.timer.stop()
    return window


def test_restore_from_the_menu_brings_the_copy_back_into_the_window(
    qtbot, office_db, tmp_path, monkeypatch, wait_tasks
):
    path = sqlite_path(office_db.url)
    assert path is not None
    _register(office_db, 2)
    copy = bk.backup_sqlite(path, tmp_path / "copies")
    _register(office_db, 3)
    window = _window(qtbot, office_db)
    wait_tasks()
    monkeypatch.setattr(backup_ui.QFileDialog, "getOpenFileName", lambda *_a: (str(copy), ""))
    monkeypatch.setattr(
        backup_ui.QMessageBox, "question", lambda *_a: QMessageBox.StandardButton.Yes
    )
    told: list[str] = []
    monkeypatch.setattr(
        backup_ui.QMessageBox, "information", lambda _p, _t, text: told.append(text)
    )
    window.backups.restore_from_file()
    qtbot.waitUntil(lambda: bool(told))
    wait_tasks()
    assert _documents(office_db) == 2
    tab = window.register_tabs["incoming"]
    qtbot.waitUntil(lambda: tab.model.rowCount() == 2)
    [aside] = path.parent.glob("dilovod.before-restore-*.sqlite")
    assert _count(aside) == 5


def test_a_bad_file_chosen_for_restore_is_refused(
    qtbot, office_db, tmp_path, monkeypatch, wait_tasks
):
    _register(office_db, 1)
    bad = tmp_path / "copy.sqlite"
    bad.write_text("не копія")
    window = _window(qtbot, office_db)
    monkeypatch.setattr(backup_ui.QFileDialog, "getOpenFileName", lambda *_a: (str(bad), ""))
    warned: list[str] = []
    monkeypatch.setattr(backup_ui.QMessageBox, "warning", lambda _p, _t, text: warned.append(text))
    window.backups.restore_from_file()
    qtbot.waitUntil(lambda: bool(warned))
    assert "не є базою даних Діловода" in warned[0] and "не змінено" in warned[0]
    assert _documents(office_db) == 1


def test_the_daily_copy_is_made_once_in_the_background(qtbot, office_db, wait_tasks):
    path = sqlite_path(office_db.url)
    assert path is not None
    window = _window(qtbot, office_db)
    window.backups._on_check_daily()
    wait_tasks()
    folder = path.parent / "backups"
    assert len(bk.list_backups(folder)) == 1
    assert "Резервну копію збережено" in window.statusBar().currentMessage()
    window.backups._on_check_daily()
    wait_tasks()
    assert len(bk.list_backups(folder)) == 1
    assert not bk.due_daily(bk.backup_settings(office_db), "dilovod", date.today())


def test_a_copy_is_made_on_exit_only_after_changes(qtbot, office_db, wait_tasks):
    path = sqlite_path(office_db.url)
    assert path is not None
    folder = path.parent / "backups"
    window = _window(qtbot, office_db)
    wait_tasks()
    window.close()
    [first] = bk.list_backups(folder)
    window = _window(qtbot, office_db)
    wait_tasks()
    window.close()
    assert bk.list_backups(folder) == [first]  # nothing changed: no new copy


def test_the_copy_on_exit_is_shown_and_made_off_the_gui_thread(
    qtbot, office_db, wait_tasks, monkeypatch
):
    """Closing does not look hung: the window goes at once, a small note says a copy is being
    made (its progress moving while the copy runs in another thread)."""
    import threading
    import time

    path = sqlite_path(office_db.url)
    assert path is not None
    window = _window(qtbot, office_db)
    window.show()
    wait_tasks()
    seen: dict[str, object] = {}
    real = bk.backup_sqlite

    def slow(*args, **kwargs):  # type: ignore[no-untyped-def]
        seen["gui_thread"] = threading.current_thread() is threading.main_thread()
        seen["window_visible"] = window.isVisible()
        time.sleep(0.4)  # a big file on a busy disk
        return real(*args, **kwargs)

    monkeypatch.setattr(backup_ui.bk, "backup_sqlite", slow)
    window.close()
    assert seen == {"gui_thread": False, "window_visible": False}
    note = window.backups.exit_note
    assert note is not None and "резервну копію" in note.label.text()
    assert note.ticks >= 3  # the note was redrawn while the copy ran: not frozen
    assert len(bk.list_backups(path.parent / "backups")) == 1


def test_the_settings_dialog_stores_the_chosen_folder(qtbot, office_db, tmp_path, monkeypatch):
    from ui.dialogs import backup as dialog_module
    from ui.dialogs.backup import FOLDER_HINT, BackupDialog

    usb = tmp_path / "usb"
    usb.mkdir()
    monkeypatch.setattr(dialog_module.QFileDialog, "getExistingDirectory", lambda *_a: str(usb))
    dialog = BackupDialog(office_db, lambda: None)
    qtbot.addWidget(dialog)
    dialog._on_choose()
    dialog.keep.setValue(3)
    dialog.daily.setChecked(False)
    dialog._on_accept()
    assert bk.backup_settings(office_db) == bk.BackupSettings(usb, 3, False, True)
    assert main_window.settings().value(FOLDER_HINT) == str(usb)
    assert backup_ui.backup_folders(office_db.url)[0] == usb
