"""Starting the program: a damaged database, the first start, the background helper."""

from __future__ import annotations

import threading
from datetime import date

import pytest
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication, QDialog

from app.services.organisation import get_organisation
from app.services.overdue import NewlyOverdue, OverdueSummary
from tests import factories
from ui import main_window, tasks
from ui.main_window import MainWindow, run


def test_a_damaged_database_is_reported_and_left_untouched(qtbot, tmp_path, monkeypatch):
    path = tmp_path / "dilovod.sqlite"
    garbage = b"SQLite format 3\x00" + b"\x13" * 4000
    path.write_bytes(garbage)
    shown = []
    monkeypatch.setattr(
        main_window.QMessageBox, "critical", lambda _p, title, text: shown.append(text)
    )
    assert run(str(path)) == 2
    assert path.read_bytes() == garbage
    assert "Файл не змінено" in shown[0] or "файл бази даних не змінено" in shown[0]


def test_first_start_asks_for_the_organisation_then_opens_the_window(qtbot, tmp_path, monkeypatch):
    asked = []

    class FakeOrganisationDialog(QDialog):
        def __init__(self, db, parent=None) -> None:
            super().__init__(parent)
            asked.append(db)

        def exec(self) -> int:
            factories.organisation(asked[0])
            return QDialog.DialogCode.Accepted

    import ui.dialogs.organisation

    monkeypatch.setattr(ui.dialogs.organisation, "OrganisationDialog", FakeOrganisationDialog)
    titles = []

    def event_loop(_app) -> int:
        # The visible windows first: waiting lets Qt delete the closed windows of earlier tests.
        shown = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
        for widget in [w for w in shown if w.isVisible()]:
            qtbot.waitUntil(lambda w=widget: not w.current_tab().model.loading)
            titles.append(widget.windowTitle())
            widget.close()
        return 0

    monkeypatch.setattr(main_window, "event_loop", event_loop)
    assert run(str(tmp_path / "new.sqlite")) == 0
    assert titles == ["Діловод — Шепетівська міська рада"]
    assert asked and get_organisation(asked[0]) is not None


def test_cancelled_first_start_quits_without_a_window(qtbot, tmp_path, monkeypatch):
    class Refused(QDialog):
        def __init__(self, db, parent=None) -> None:
            super().__init__(parent)

        def exec(self) -> int:
            return QDialog.DialogCode.Rejected

    import ui.dialogs.organisation

    monkeypatch.setattr(ui.dialogs.organisation, "OrganisationDialog", Refused)
    assert run(str(tmp_path / "new.sqlite")) == 0
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]


def _database_with_organisation(path) -> None:
    from app.services.database import open_database

    opened = open_database(str(path))
    factories.organisation(opened.db)
    opened.db.dispose()


def _run_until(qtbot, monkeypatch, target: str, done) -> list[MainWindow]:
    """run(target) with an event loop that waits for `done()` and then closes the window."""
    shown = []

    def event_loop(_app) -> int:
        window = next(
            w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()
        )
        shown.append(window)
        qtbot.waitUntil(done)
        qtbot.waitUntil(lambda: tasks.pending() == 0)
        window.close()
        return 0

    monkeypatch.setattr(main_window, "event_loop", event_loop)
    assert run(target) == 0
    return shown


def test_a_large_database_is_fully_checked_after_the_window_shows(qtbot, tmp_path, monkeypatch):
    import app.services.database as database

    path = tmp_path / "large.sqlite"
    _database_with_organisation(path)
    monkeypatch.setattr(database, "FULL_CHECK_LIMIT", 16)  # every file is «large» now
    checked, warnings = [], []

    def integrity_problem(file):
        checked.append((file, threading.get_ident()))
        return "База даних пошкоджена (перевірка цілісності: row 7 missing from index)."

    monkeypatch.setattr(database, "integrity_problem", integrity_problem)
    before = path.read_bytes()
    monkeypatch.setattr(
        main_window.QMessageBox,
        "warning",
        lambda parent, title, text: warnings.append((parent, title, text)),
    )
    windows = _run_until(qtbot, monkeypatch, str(path), lambda: bool(warnings))
    [(file, thread)] = checked
    assert file == path and thread != threading.get_ident()  # off the GUI thread
    [(parent, _title, text)] = warnings
    assert parent is windows[0]
    assert text.startswith("Перевірка цілісності бази даних виявила пошкодження: ")
    assert "row 7 missing from index" in text
    assert text.endswith("Не вносьте змін; відновіть базу з резервної копії.")
    assert path.read_bytes() == before  # reported, never «repaired»


def test_a_small_database_is_not_checked_again(qtbot, tmp_path, monkeypatch):
    import app.services.database as database

    path = tmp_path / "small.sqlite"
    _database_with_organisation(path)
    checked = []
    monkeypatch.setattr(database, "integrity_problem", lambda file: checked.append(file))
    shown = _run_until(qtbot, monkeypatch, str(path), lambda: True)
    assert shown and checked == []


def test_background_work_is_delivered_on_the_gui_thread(qtbot):
    main = threading.get_ident()
    results = []
    tasks.run_in_background(lambda: threading.get_ident(), results.append)
    qtbot.waitUntil(lambda: bool(results))
    assert results[0] != main  # the work ran in the pool

    errors = []

    def fail() -> None:
        raise ValueError("немає")

    tasks.run_in_background(
        fail, results.append, lambda e: errors.append((threading.get_ident(), e))
    )
    qtbot.waitUntil(lambda: bool(errors))
    assert errors[0][0] == main and str(errors[0][1]) == "немає"


def test_nothing_is_delivered_to_a_deleted_owner(qtbot):
    owner = QObject()
    delivered = []
    gate = threading.Event()
    tasks.run_in_background(lambda: gate.wait(2), delivered.append, owner=owner)
    owner.deleteLater()
    qtbot.wait(10)
    gate.set()
    qtbot.waitUntil(lambda: tasks.pending() == 0)
    assert delivered == []


@pytest.mark.parametrize("count", [1, 7])
def test_tray_text_names_the_documents(count):
    items = tuple(NewlyOverdue(i, "incoming", f"{i}/01-12", date(2026, 3, 2)) for i in range(count))
    summary = OverdueSummary(date(2026, 3, 3), count, 0, 0, {"incoming": count}, items)
    text = MainWindow._newly_overdue_text(summary)
    assert text.splitlines()[0] == "Прострочено документ Вх. № 0/01-12"
    assert ("та ще 2" in text) == (count == 7)


def test_monitor_announces_what_became_overdue_since_the_last_scan(qtbot, office_db):
    from datetime import timedelta

    from PySide6.QtCore import QSettings

    from app.services import control
    from ui.overdue_timer import OverdueMonitor

    reg = factories.incoming(office_db, date.today() - timedelta(days=30))
    control.put_on_control(office_db, reg.id, term=date.today() - timedelta(days=1))
    first = OverdueMonitor(office_db)
    QSettings("Dilovod", "Dilovod").setValue(
        first._key, (date.today() - timedelta(days=3)).strftime("%d.%m.%Y")
    )
    monitor = OverdueMonitor(office_db)
    with qtbot.waitSignal(monitor.summary_changed) as signal:
        monitor.start()
    summary = signal.args[0]
    assert summary.overdue == 1 and summary.by_register == {"incoming": 1}
    assert [n.id for n in summary.newly_overdue] == [reg.id]
    with qtbot.waitSignal(monitor.summary_changed) as again:
        monitor.request_check()
        monitor.request_check()  # two changes in a row make one scan
    assert again.args[0].newly_overdue == ()  # announced once
    monitor.stop()


def test_reference_menu_opens_the_reference_dialog_and_reloads_the_lists(
    qtbot, office_db, monkeypatch
):
    from app.services.reference import StaffInfo, save_staff

    opened = []

    class FakeReference(QDialog):
        def __init__(self, db, parent=None) -> None:
            super().__init__(parent)
            opened.append(parent)

        def exec(self) -> int:
            save_staff(office_db, StaffInfo(None, "Шевчук", "Тарас", "Григорович"))
            return QDialog.DialogCode.Accepted

    monkeypatch.setattr("ui.dialogs.reference.ReferenceDialog", FakeReference)
    window = MainWindow(office_db)
    qtbot.addWidget(window)
    action = next(
        a
        for m in window.menuBar().actions()
        for a in m.menu().actions()
        if a.text() == "Довідники…"
    )
    action.trigger()
    assert opened == [window]
    executors = window.current_tab().filter_bar.executor
    assert executors.findText("Шевчук Т. Г.") > 0
