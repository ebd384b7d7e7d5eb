"""A USB barcode scanner types the QR code of a stamp or a РКК and presses Return: fed here as
key presses with qtbot, into the search box of a register's tab, the card of that document opens
(in its own register's tab) instead of a search; a user without the right gets no card."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QDialog

from app.domain import roles
from app.domain.roles import Actor
from app.registers import INCOMING
from app.services.dialog_support import sign_in
from app.services.record_code import code_of
from tests import factories
from ui.main_window import MainWindow
from ui.registers import scan
from ui.registers.register_tab import RegisterTab

UKRAINIAN = str.maketrans("QWERTYUIOPASDFGHJKLZXCVBNM", "ЙЦУКЕНГШЩЗФІВАПРОЛДЯЧСМИТЬ")


@pytest.fixture
def opened(monkeypatch) -> list[tuple[str, int | None]]:
    """The cards opened: (register, document id); the card itself is stubbed."""
    cards: list[tuple[str, int | None]] = []

    class FakeForm(QDialog):
        def __init__(self, db, spec, doc_id=None, parent=None) -> None:
            super().__init__(parent)
            self.saved = self.finished  # any signal: the tab connects to it
            cards.append((spec.code, doc_id))

        def exec(self) -> int:
            return QDialog.DialogCode.Rejected

    monkeypatch.setattr("ui.dialogs.document_form.DocumentForm", FakeForm)
    return cards


@pytest.fixture
def messages(monkeypatch) -> list[str]:
    said: list[str] = []
    monkeypatch.setattr(scan.QMessageBox, "warning", lambda _p, _t, text: said.append(text))
    monkeypatch.setattr(scan.QMessageBox, "information", lambda _p, _t, text: said.append(text))
    return said


def _tab(qtbot, db) -> RegisterTab:
    tab = RegisterTab(db, INCOMING)
    qtbot.addWidget(tab)
    tab.show()
    qtbot.waitUntil(lambda: not tab.model.loading)
    return tab


def _scan(qtbot, tab: RegisterTab, text: str) -> None:
    """What the scanner does: the characters, one key press each, then Return."""
    box = tab.filter_bar.search
    box.setFocus()
    if text.isascii():
        qtbot.keyClicks(box, text)
    else:  # QTest types ASCII only: the key events a Cyrillic layout makes of the same keys
        for char in text:
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                event = QKeyEvent(kind, ord(char.upper()), Qt.KeyboardModifier.NoModifier, char)
                QApplication.sendEvent(box, event)
    qtbot.keyClick(box, Qt.Key.Key_Return)


def _oldest(db) -> int:
    """A letter far down the register: not on the first screen of rows."""
    from sqlalchemy import select

    from db.models import Document

    with db.read() as s:
        return s.execute(select(Document.id).order_by(Document.reg_date, Document.id)).scalar()


def test_a_scanned_code_opens_the_card_instead_of_searching(qtbot, filled_db, opened, messages):
    tab = _tab(qtbot, filled_db)
    doc_id = _oldest(filled_db)
    _scan(qtbot, tab, code_of(filled_db, doc_id))
    qtbot.waitUntil(lambda: opened == [("incoming", doc_id)], timeout=3000)
    assert tab.current_id() == doc_id
    assert tab.filter_bar.search.text() == ""  # the code is not left to be searched for
    qtbot.wait(400)  # longer than the search's delay: no search for the code ran
    assert tab.model.query.search == "" and messages == []


def test_a_code_typed_on_a_ukrainian_layout_opens_the_card_too(qtbot, filled_db, opened):
    tab = _tab(qtbot, filled_db)
    doc_id = _oldest(filled_db) + 7
    _scan(qtbot, tab, code_of(filled_db, doc_id).translate(UKRAINIAN))  # «ВДМ-…»
    qtbot.waitUntil(lambda: opened == [("incoming", doc_id)], timeout=3000)


def test_ordinary_text_and_return_still_search(qtbot, filled_db, opened):
    tab = _tab(qtbot, filled_db)
    with qtbot.waitSignal(tab.model.loaded):
        _scan(qtbot, tab, "номер 17 ")
    assert tab.model.query.search == "номер 17"
    assert opened == []


def test_another_registers_code_opens_in_its_own_tab(qtbot, filled_db, opened, messages):
    answer = factories.outgoing(filled_db, date.today() - timedelta(days=3))
    window = MainWindow(filled_db)
    qtbot.addWidget(window)
    window.show()
    incoming = window.register_tabs["incoming"]
    qtbot.waitUntil(lambda: not incoming.model.loading)
    assert window.tabs.currentWidget() is incoming
    _scan(qtbot, incoming, code_of(filled_db, answer.id))
    qtbot.waitUntil(lambda: opened == [("outgoing", answer.id)], timeout=3000)
    assert window.tabs.currentWidget() is window.register_tabs["outgoing"]
    assert messages == []


def test_find_by_code_from_the_menu(qtbot, filled_db, opened, monkeypatch):
    doc_id = _oldest(filled_db) + 3
    window = MainWindow(filled_db)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: not window.register_tabs["incoming"].model.loading)
    window.tabs.setCurrentWidget(window.control_tab)  # from any tab, even the control centre
    code = code_of(filled_db, doc_id)

    def scanned(dialog: scan.CodeDialog) -> int:
        qtbot.keyClicks(dialog.edit, f" {code}")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(scan.CodeDialog, "exec", scanned)
    assert window.find_code_action.shortcut().toString() == "Ctrl+Shift+F"
    window.find_code_action.trigger()
    qtbot.waitUntil(lambda: opened == [("incoming", doc_id)], timeout=3000)
    assert window.tabs.currentWidget() is window.register_tabs["incoming"]


def test_a_reader_without_the_right_gets_no_card(qtbot, filled_db, opened, messages):
    doc_id = _oldest(filled_db)
    code = code_of(filled_db, doc_id)
    sign_in(Actor("hr", frozenset({roles.HR})))  # the personnel orders only
    tab = RegisterTab(filled_db, INCOMING)
    qtbot.addWidget(tab)
    tab.show()
    _scan(qtbot, tab, code)
    qtbot.wait(300)
    assert opened == []
    assert len(messages) == 1 and "вхідн" in messages[0].lower(), messages


def test_an_unknown_code_says_so(qtbot, filled_db, opened, messages):
    import uuid

    from app.domain.record_code import encode

    tab = _tab(qtbot, filled_db)
    _scan(qtbot, tab, encode(uuid.uuid4()))
    assert messages == [scan.NOT_FOUND] and opened == []
