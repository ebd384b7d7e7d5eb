"""The addressees editor of the outgoing card, driven from the keyboard as a clerk would."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog, QLineEdit, QPushButton, QVBoxLayout

from app.domain.correspondence import Addressee
from app.services.reference import CorrespondentInfo, save_correspondent
from ui.dialogs.addressees_editor import AddresseesEditor, addressees_hint
from ui.models.addressees_model import ADDRESS, EMAIL, NAME, POSTAL_CODE, AddresseesModel
from ui.widgets import set_invalid

RADA = CorrespondentInfo(None, "Луцька міська рада", "вул. Богдана Хмельницького, 19, м. Луцьк")
OVA = CorrespondentInfo(
    None, "Волинська обласна військова адміністрація", "Київський майдан, 9", "43027", "ova@ua.ua"
)


class Card(QDialog):
    """A field before the editor and one after it, as on the registration card."""

    def __init__(self, db) -> None:
        super().__init__()
        self.before = QLineEdit(self)
        self.editor = AddresseesEditor(db, self)
        self.after = QLineEdit(self)
        self.save = QPushButton("Зберегти", self)
        self.save.setDefault(True)
        self.saved = 0
        self.save.clicked.connect(self._on_save)
        layout = QVBoxLayout(self)
        for widget in (self.before, self.editor, self.after, self.save):
            layout.addWidget(widget)

    def _on_save(self) -> None:
        self.saved += 1


def _shown(qtbot, wait_tasks, db) -> Card:
    dialog = Card(db)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(dialog.isActiveWindow)
    wait_tasks()  # the correspondents are loaded for the completer
    return dialog


@pytest.fixture
def card(qtbot, wait_tasks, sqlite_db) -> Card:
    save_correspondent(sqlite_db, RADA)
    save_correspondent(sqlite_db, OVA)
    return _shown(qtbot, wait_tasks, sqlite_db)


@pytest.fixture
def blank_card(qtbot, wait_tasks, sqlite_db) -> Card:
    """No correspondents, so no names are offered: the offscreen platform leaves no window
    active once an offered list closes, which would stop a test typing on."""
    return _shown(qtbot, wait_tasks, sqlite_db)


def _press(card: Card, key: Qt.Key) -> None:
    """A key as the window gets it from the keyboard (an open popup takes it first)."""
    QTest.keyClick(card.windowHandle(), key)


def _rows(editor: AddresseesEditor) -> list[list[str]]:
    model = editor.model
    return [
        [model.index(r, c).data() for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]


def test_a_new_card_has_one_empty_row_and_no_value(card):
    assert card.editor.model.rowCount() == 1
    assert card.editor.value() == []
    assert not card.editor.hint.isVisible()


def test_set_value_and_value_round_trip(qtbot, card):
    items = [
        Addressee("Луцька міська рада", "вул. Богдана Хмельницького, 19", "43025"),
        Addressee("Прокуратура", email="pr@gov.ua"),
    ]
    with qtbot.assertNotEmitted(card.editor.edited):  # loading a card is not the clerk's edit
        card.editor.set_value(items)
    assert card.editor.value() == items
    card.editor.set_value(None)
    assert card.editor.value() == []
    assert card.editor.model.rowCount() == 1  # ready for typing


def test_empty_rows_are_dropped_from_the_value(card):
    editor = card.editor
    editor.set_value([Addressee("Перший"), Addressee(" "), Addressee("Другий")])
    editor.model.append_row()
    assert editor.model.rowCount() == 4
    assert [a.name for a in editor.value()] == ["Перший", "Другий"]


def test_typing_a_known_correspondent_fills_its_address(qtbot, keyboard, card):
    editor = card.editor
    card.before.setFocus()
    keyboard.tab()
    assert keyboard.focus() is editor.view
    with qtbot.waitSignal(editor.edited):
        keyboard.type("волинська обласна військова адміністрація")
        keyboard.press(Qt.Key.Key_Return)
    typed = "волинська обласна військова адміністрація"  # the case as typed is kept
    assert editor.value() == [Addressee(typed, OVA.address, "43027", "ova@ua.ua")]


def test_picking_an_offered_correspondent_fills_only_empty_cells(qtbot, keyboard, card):
    editor = card.editor
    editor.set_value([Addressee("", postal_code="43000")])
    editor.view.setFocus()
    editor.view.setCurrentIndex(editor.model.index(0, NAME))
    keyboard.type("міськ")
    popup = keyboard.focus().completer().popup()
    qtbot.waitUntil(popup.isVisible)
    _press(card, Qt.Key.Key_Down)
    _press(card, Qt.Key.Key_Return)  # picking finishes the cell at once
    assert _rows(editor) == [["Луцька міська рада", RADA.address, "43000", ""]]
    assert keyboard.focus() is editor.view


def test_a_corrected_name_replaces_what_the_wrong_one_brought(card):
    editor, model = card.editor, card.editor.model
    model.setData(model.index(0, NAME), OVA.name)
    assert editor.value() == [Addressee(OVA.name, OVA.address, "43027", "ova@ua.ua")]
    model.setData(model.index(0, EMAIL), "kancelaria@ova.gov.ua")  # the clerk's own
    model.setData(model.index(0, NAME), RADA.name)
    assert editor.value() == [Addressee(RADA.name, RADA.address, "", "kancelaria@ova.gov.ua")]
    model.setData(model.index(0, NAME), "Луцька міська рада, управління освіти")  # not known
    assert editor.value()[0].address == RADA.address  # nothing is taken away


def test_postal_code_takes_five_digits_only(qtbot, keyboard, card):
    editor = card.editor
    editor.view.setFocus()
    editor.view.setCurrentIndex(editor.model.index(0, POSTAL_CODE))
    keyboard.type("4з30-2589")
    keyboard.press(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: keyboard.focus() is editor.view)  # the cell closes after the key
    assert editor.model.index(0, POSTAL_CODE).data() == "43025"


def test_tab_leaves_the_table_even_from_a_cell_being_typed(keyboard, card):
    editor = card.editor
    card.before.setFocus()
    keyboard.tab()
    assert keyboard.focus() is editor.view
    keyboard.tab()  # not to the next cell, not to the buttons
    assert keyboard.focus() is card.after
    keyboard.press(Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert keyboard.focus() is editor.view
    editor.view.setCurrentIndex(editor.model.index(0, ADDRESS))
    keyboard.type("вул. Лесі Українки, 1")
    assert isinstance(keyboard.focus(), QLineEdit)  # the cell's editor
    keyboard.tab()
    assert keyboard.focus() is card.after
    assert editor.value() == [Addressee("", "вул. Лесі Українки, 1")]  # nothing typed is lost
    keyboard.press(Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    keyboard.type("x")
    keyboard.press(Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert keyboard.focus() is card.before


def test_tab_with_the_offered_names_open_leaves_the_table(qtbot, keyboard, card):
    editor = card.editor
    editor.view.setFocus()
    editor.view.setCurrentIndex(editor.model.index(0, NAME))
    keyboard.type("рада")
    qtbot.waitUntil(keyboard.focus().completer().popup().isVisible)
    _press(card, Qt.Key.Key_Tab)  # nothing offered is picked: the name stays as typed
    # (the offscreen platform leaves no window active once a popup closes: ask the card)
    assert card.focusWidget() is card.after
    assert editor.value() == [Addressee("рада")]


def test_rows_are_added_removed_and_moved_from_the_keyboard(qtbot, keyboard, blank_card):
    editor = blank_card.editor
    editor.view.setFocus()
    keyboard.type("Перший")
    keyboard.press(Qt.Key.Key_Insert)  # the first cell is finished, a new row opened
    keyboard.type("Другий")
    keyboard.press(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: keyboard.focus() is editor.view)  # the cell closes after the key
    keyboard.press(Qt.Key.Key_Down)  # ↓ on a filled last row adds one too
    keyboard.type("Третій")
    keyboard.press(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: keyboard.focus() is editor.view)
    assert [a.name for a in editor.value()] == ["Перший", "Другий", "Третій"]
    with qtbot.waitSignal(editor.edited):
        keyboard.press(Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert [a.name for a in editor.value()] == ["Перший", "Третій", "Другий"]
    assert editor.view.currentIndex().row() == 1  # the cursor moves with the row
    keyboard.press(Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    keyboard.press(Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)  # already first
    assert [a.name for a in editor.value()] == ["Третій", "Перший", "Другий"]
    keyboard.press(Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert [a.name for a in editor.value()] == ["Перший", "Третій", "Другий"]
    with qtbot.waitSignal(editor.edited):
        keyboard.press(Qt.Key.Key_Delete, Qt.KeyboardModifier.ControlModifier)
    assert [a.name for a in editor.value()] == ["Перший", "Другий"]
    assert editor.view.currentIndex().row() == 1
    keyboard.press(Qt.Key.Key_Delete)  # Delete alone empties the cell
    assert [a.name for a in editor.value()] == ["Перший"]


def test_buttons_add_remove_and_move(card):
    editor = card.editor
    editor.set_value([Addressee("А"), Addressee("Б")])
    assert not editor.up_button.isEnabled()  # the cursor is on the first row
    editor.down_button.click()
    assert [a.name for a in editor.value()] == ["Б", "А"]
    assert editor.up_button.isEnabled() and not editor.down_button.isEnabled()
    editor.add_button.click()
    assert editor.model.rowCount() == 3
    assert editor.view.currentIndex().row() == 2
    editor.add_button.click()  # the empty last row is reused, not a second one added
    assert editor.model.rowCount() == 3
    editor.remove_button.click()
    editor.remove_button.click()
    editor.remove_button.click()
    assert editor.value() == []
    assert editor.model.rowCount() == 1  # always a row to type in
    assert not editor.remove_button.isEnabled()


def test_keys_of_the_editor_do_nothing_in_other_fields(keyboard, card):
    card.editor.set_value([Addressee("А"), Addressee("Б")])
    card.after.setFocus()
    keyboard.press(Qt.Key.Key_Insert)
    keyboard.press(Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert card.editor.model.rowCount() == 2
    assert [a.name for a in card.editor.value()] == ["А", "Б"]


def test_escape_in_a_cell_undoes_it_and_then_closes_the_card(keyboard, card):
    editor = card.editor
    editor.set_value([Addressee("Луцька міська рада")])
    editor.view.setFocus()
    keyboard.type("інше")
    keyboard.press(Qt.Key.Key_Escape)
    assert editor.value() == [Addressee("Луцька міська рада")]
    assert card.isVisible()
    keyboard.press(Qt.Key.Key_Escape)
    assert not card.isVisible()


def test_enter_finishes_a_cell_and_then_is_the_cards_enter(qtbot, keyboard, blank_card):
    editor = blank_card.editor
    editor.view.setFocus()
    keyboard.type("Прокуратура")
    keyboard.press(Qt.Key.Key_Return)  # finishes the cell: the card is not saved half-typed
    qtbot.waitUntil(lambda: keyboard.focus() is editor.view)
    assert blank_card.saved == 0
    keyboard.press(Qt.Key.Key_Return)  # on the table: the card saves, as from any field
    assert blank_card.saved == 1
    assert editor.value() == [Addressee("Прокуратура")]


def test_value_takes_the_cell_being_typed(keyboard, card):
    """Ctrl+Enter saves the card while a cell is still open: what is typed there counts."""
    card.editor.view.setFocus()
    keyboard.type("Прокуратура")
    assert card.editor.value() == [Addressee("Прокуратура")]


def test_hint_of_regulation_10_2(card):
    editor = card.editor
    editor.set_value([Addressee(f"Адресат {i}") for i in range(4)])
    assert editor.hint.isVisible()
    assert editor.hint.text() == "4 адресати"
    editor.add_button.click()
    editor.model.setData(editor.view.currentIndex(), "П'ятий")
    assert editor.hint.text() == (
        "5 адресатів: на документі — «Згідно зі списком розсилки», список друкується окремо, "
        "на кожному примірнику — один адресат"
    )
    editor.set_value([Addressee("Один")])
    assert not editor.hint.isVisible()


@pytest.mark.parametrize(
    ("count", "words"),
    [(2, "2 адресати"), (11, "11 адресатів"), (21, "21 адресат:"), (22, "22 адресати:")],
)
def test_hint_plural_forms(count, words):
    assert addressees_hint(count).startswith(words)
    assert ("списком розсилки" in addressees_hint(count)) == (count > 4)


def test_table_grows_from_three_to_five_rows_then_scrolls(card):
    editor = card.editor
    heights = []
    for count in (1, 3, 4, 5, 8):
        editor.set_value([Addressee(str(i)) for i in range(count)])
        heights.append(editor.view.height())
    assert heights[0] == heights[1] < heights[2] < heights[3] == heights[4]


def test_read_only_hides_buttons_and_edits_nothing(keyboard, card):
    editor = card.editor
    editor.set_value([Addressee("А"), Addressee("Б")])
    editor.set_read_only(True)
    assert editor.buttons.isHidden()
    editor.view.setFocus()
    keyboard.type("нове")
    keyboard.press(Qt.Key.Key_Delete)
    keyboard.press(Qt.Key.Key_Insert)
    keyboard.press(Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert [a.name for a in editor.value()] == ["А", "Б"]
    assert editor.model.rowCount() == 2
    editor.set_read_only(False)
    assert not editor.buttons.isHidden()


def test_model_passes_qt_model_checks(qtmodeltester):
    model = AddresseesModel()
    model.set_addressees([Addressee("А", "адреса", "43000", "a@b.ua"), Addressee("Б")])
    qtmodeltester.check(model)
    model.append_row()
    model.move_row(0, 1)
    model.remove_row(0)
    qtmodeltester.check(model)
    assert [model.index(r, EMAIL).data() for r in range(model.rowCount())] == ["a@b.ua", ""]


def test_a_wrong_value_marks_the_table(card):
    """The card marks a wrong field with set_invalid on the editor; the table shows it."""
    set_invalid(card.editor, True)
    assert card.editor.view.property("invalid") is True
    set_invalid(card.editor, False)
    assert card.editor.view.property("invalid") is False
