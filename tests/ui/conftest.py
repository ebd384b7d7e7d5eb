"""UI tests: real widgets on the offscreen platform, on a SQLite database.

The platform and the QSettings folder are set before Qt is imported, so the tests neither need a
display nor touch the clerk's saved window geometry.
"""

from __future__ import annotations

import os
import tempfile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="dilovod-ui-settings-")

from collections.abc import Callable, Iterator
from datetime import date, timedelta

import pytest
from PySide6.QtCore import QSettings

from app.registers import INCOMING
from app.services import documents
from db.session import Database
from tests import factories
from ui import tasks


@pytest.fixture(autouse=True)
def _isolated_settings(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    folder = str(tmp_path_factory.mktemp("qsettings"))
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, folder)
    yield


@pytest.fixture(autouse=True)
def _nobody_signed_in(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Windows start as the OS user with every right (login off) unless a test signs someone
    in; the login dialog itself is tested in test_login.py."""
    import ui.dialogs.login
    from app.services.dialog_support import sign_in

    monkeypatch.setattr(ui.dialogs.login, "sign_in", lambda db, parent=None: None)
    sign_in(None)
    yield
    sign_in(None)


@pytest.fixture
def wait_tasks(qtbot) -> Callable[[], None]:
    """Wait until every background task has delivered its result on the GUI thread."""

    def wait(timeout: int = 5000) -> None:
        qtbot.waitUntil(lambda: tasks.pending() == 0, timeout=timeout)

    return wait


@pytest.fixture
def filled_db(sqlite_db: Database) -> Database:
    """An organisation, three staff and 300 incoming letters over 150 days."""
    factories.organisation(sqlite_db)
    factories.staff(sqlite_db)
    start = date.today() - timedelta(days=150)
    rows = []
    for i in range(300):
        raw = {
            "correspondent": f"Кореспондент № {i % 17}",
            "summary": f"Лист номер {i} про благоустрій",
            "kind": "Лист",
            "urgent": i % 10 == 0,
        }
        rows.append(documents.Registration(INCOMING.parse(raw), start + timedelta(days=i // 2)))
    documents.register_many(sqlite_db, INCOMING, rows)
    return sqlite_db


class Keyboard:
    """Types into whatever has the focus, as a clerk does (Cyrillic included)."""

    def __init__(self, qtbot) -> None:
        self.qtbot = qtbot

    def focus(self):
        """The focused widget (after a dialog closes, its parent gets the focus back a moment
        later, as on a real desktop)."""
        from PySide6.QtWidgets import QApplication

        self.qtbot.waitUntil(lambda: QApplication.focusWidget() is not None, timeout=2000)
        return QApplication.focusWidget()

    def type(self, text: str) -> None:
        """QTest.keyClicks maps ASCII only; send each character as the key's text."""
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest

        for char in text:
            QTest.sendKeyEvent(
                QTest.KeyAction.Click,
                self.focus(),
                Qt.Key.Key_unknown,
                char,
                Qt.KeyboardModifier.NoModifier,
            )

    def press(self, key, modifier=None) -> None:
        from PySide6.QtCore import Qt

        self.qtbot.keyClick(self.focus(), key, modifier or Qt.KeyboardModifier.NoModifier)

    def tab(self, times: int = 1) -> None:
        from PySide6.QtCore import Qt

        for _ in range(times):
            self.press(Qt.Key.Key_Tab)


@pytest.fixture(scope="session", autouse=True)
def _garbage_on_the_gui_thread(qapp):  # type: ignore[no-untyped-def]
    """As in the program (ui/garbage.py): a closed tab's widgets, garbage while its pages are
    still read in the background, must not be freed by a worker's collection."""
    from ui.garbage import collect_on_gui_thread

    collect_on_gui_thread(qapp)


@pytest.fixture
def keyboard(qtbot) -> Keyboard:
    return Keyboard(qtbot)


@pytest.fixture
def office_db(sqlite_db: Database) -> Database:
    """An organisation and its staff, no documents yet."""
    factories.organisation(sqlite_db)
    factories.staff(sqlite_db)
    return sqlite_db


@pytest.fixture(autouse=True)
def _unsaved_cards_close_at_teardown(monkeypatch: pytest.MonkeyPatch) -> None:
    """pytest-qt closes a test's widgets before the fixtures are torn down; a card left with
    unsaved input then asks «Закрити форму?» in a modal box nobody answers offscreen (a CI run
    hung there, depending on when the card was collected). Unless a test sets its own answer,
    a card closes without saving."""
    monkeypatch.setattr("ui.dialogs.document_form.ask", lambda *_args, **_kw: True)
