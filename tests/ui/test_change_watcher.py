"""Another PC's changes appear in the window: the watcher's signal refreshes the tabs in place."""

from __future__ import annotations

from datetime import date

import pytest

from db.session import Database
from tests import factories
from ui import change_watcher
from ui.change_watcher import ChangeWatcher
from ui.main_window import MainWindow


def _window(qtbot, db) -> MainWindow:
    window = MainWindow(db)
    qtbot.addWidget(window)
    window.resize(1200, 500)
    window.show()
    tab = window.register_tabs["incoming"]
    window.tabs.setCurrentWidget(tab)
    qtbot.waitUntil(lambda: window.monitor.summary is not None)
    qtbot.waitUntil(lambda: not tab.model.loading and tab.model.total > 0)
    return window


def test_a_signal_refreshes_the_tab_keeping_the_selection_and_the_scroll(qtbot, filled_db):
    window = _window(qtbot, filled_db)
    tab = window.register_tabs["incoming"]
    bar = tab.table.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)
    row = tab.table.rowAt(5) + 1  # near the top: centring it would scroll the table
    tab.table.selectRow(row)
    chosen, scrolled = tab.current_id(), bar.value()
    assert chosen is not None and scrolled > 0

    other = Database(filled_db.url)  # another clerk's PC
    factories.incoming(other, date.today(), "Про нове від колеги")
    other.dispose()
    assert tab.model.total == 300
    window.watcher.changed.emit(frozenset({"incoming"}))
    qtbot.waitUntil(lambda: tab.model.total == 301)
    qtbot.waitUntil(lambda: not tab.model.loading)
    qtbot.wait(50)
    assert tab.current_id() == chosen
    assert bar.value() == scrolled


def test_a_signal_for_another_register_leaves_this_tab_alone(qtbot, filled_db):
    window = _window(qtbot, filled_db)
    tab = window.register_tabs["incoming"]
    loaded_at = tab.model.loaded_at
    window.watcher.changed.emit(frozenset({"outgoing"}))
    qtbot.wait(300)
    assert tab.model.loaded_at == loaded_at


def test_sqlite_polling_notices_another_connection(qtbot, sqlite_db, monkeypatch):
    monkeypatch.setattr(change_watcher, "POLL_MS", 100)
    watcher = ChangeWatcher(sqlite_db)
    watcher.start()
    try:
        with qtbot.waitSignal(watcher.changed, timeout=3000) as blocker:
            factories.incoming(sqlite_db, date(2026, 3, 2))
        assert blocker.args == [frozenset()]  # SQLite cannot say what: re-read everything
    finally:
        watcher.stop()


def test_postgresql_notification_reaches_the_window_thread(qtbot, db):
    if db.dialect != "postgresql":
        pytest.skip("LISTEN/NOTIFY is PostgreSQL's")
    watcher = ChangeWatcher(db)
    watcher.start()
    other = Database(db.url)
    try:
        qtbot.waitUntil(lambda: watcher.listening, timeout=5000)
        with qtbot.waitSignal(watcher.changed, timeout=5000) as blocker:
            factories.incoming(other, date(2026, 3, 2))
        assert blocker.args == [frozenset({"incoming"})]
        # This window's own writes are not announced back to it.
        with qtbot.assertNotEmitted(watcher.changed, wait=1200):
            factories.incoming(db, date(2026, 3, 2))
    finally:
        other.dispose()
        watcher.stop()
