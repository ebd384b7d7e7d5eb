"""The clerk's smaller points (issue 10), seen in the window: who removes from control, the
last login, executors with their department, errors that go once corrected, an impossible
period date said in words, suggestions that ignore the apostrophe and know a sender just
registered, a new document hidden by the filters, whole titles, no «OK»."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox

from app.domain import roles
from app.domain.roles import Actor
from app.registers import INCOMING
from app.services import control, users
from app.services.dialog_support import sign_in
from tests import factories
from tests.ui.test_dialogs import type_text, wait_saved
from ui import file_dialogs
from ui.dialogs.control import ExtendTermDialog, RemoveFromControlDialog
from ui.dialogs.document_form import DocumentForm
from ui.dialogs.login import LoginDialog
from ui.dialogs.period import PeriodDialog
from ui.dialogs.resolution import ResolutionDialog
from ui.registers.register_tab import RegisterTab
from ui.screen import title_width


@pytest.fixture
def letter(office_db):
    doc = factories.incoming(office_db, date(2026, 11, 2), summary="Про ремонт доріг")
    control.put_on_control(office_db, doc.id, date(2026, 12, 4), today=date(2026, 11, 16))
    return office_db, doc.id


def test_who_removes_from_control_is_the_signed_in_users_staff_record(qtbot, letter):
    db, doc_id = letter
    sign_in(Actor("koval", frozenset({roles.CLERK}), "Коваль Олена Петрівна"))
    dialog = RemoveFromControlDialog(db, doc_id)
    qtbot.addWidget(dialog)
    assert dialog.person.text() == "Коваль О. П."
    assert not dialog.person.isReadOnly()  # the mayor may mark «до справи» instead

    sign_in(Actor("guest", frozenset({roles.CLERK}), "Гість Без Запису"))
    other = RemoveFromControlDialog(db, doc_id)
    qtbot.addWidget(other)
    assert other.person.text() == "Гість Без Запису"  # no staff record: the account's name

    sign_in(None)  # login switched off: nobody known, the field waits to be typed
    nobody = RemoveFromControlDialog(db, doc_id)
    qtbot.addWidget(nobody)
    assert nobody.person.text() == ""


def test_the_last_login_name_is_offered_next_time(qtbot, office_db):
    users.create_user(office_db, "koval", "пароль-0001", [roles.CLERK], "Коваль Олена")
    first = LoginDialog(office_db)
    qtbot.addWidget(first)
    assert first.login.text() == ""
    first.login.setText("koval")
    first.password.setText("пароль-0001")
    first._on_ok()
    assert first.actor is not None

    again = LoginDialog(office_db)
    qtbot.addWidget(again)
    again.show()
    assert again.login.text() == "koval"
    assert again.password.text() == ""  # the password is never remembered
    assert again.focusWidget() is again.password


def test_executor_suggestions_name_the_department(qtbot, letter):
    db, doc_id = letter
    dialog = ResolutionDialog(db, doc_id)
    qtbot.addWidget(dialog)
    texts = [dialog.picker.itemText(i) for i in range(dialog.picker.count())]
    assert "Коваль О. П. — Начальник управління, Управління праці" in texts
    assert "Мельник І. І. — Начальник відділу, Загальний відділ" in texts
    assert "Бондар В. П. — Міський голова" in texts  # no department: nothing invented
    type_text(dialog.picker, "Ковал")
    qtbot.keyClick(dialog.picker, Qt.Key.Key_Return)
    assert len(dialog.executor_ids()) == 1  # still picked by typing part of the surname
    assert "Коваль О. П." in dialog.executors.item(0).text()


def test_the_extension_dialogs_red_error_goes_once_the_date_is_corrected(qtbot, letter):
    db, doc_id = letter
    dialog = ExtendTermDialog(db, doc_id)
    qtbot.addWidget(dialog)
    dialog.show()
    type_text(dialog.term, "01.12.2026")  # earlier than the term it extends
    type_text(dialog.reason, "Чекаємо дані")
    dialog.accept()
    wait_saved(qtbot, dialog)
    error = dialog.field_error(dialog.term)
    assert dialog.isVisible() and error.text()
    dialog.term.selectAll()
    type_text(dialog.term, "18.12.2026")
    assert error.text() == "" and not error.isVisible()

    # The same for a text field.
    dialog.reason.clear()
    dialog.accept()
    wait_saved(qtbot, dialog)
    reason_error = dialog.field_error(dialog.reason)
    assert "підстав" in reason_error.text()
    type_text(dialog.reason, "Ч")
    assert reason_error.text() == ""


def _tab(qtbot, db) -> RegisterTab:
    tab = RegisterTab(db, INCOMING)
    qtbot.addWidget(tab)
    tab.show()
    qtbot.waitUntil(lambda: not tab.model.loading)
    return tab


def test_an_impossible_period_date_is_said_in_words(qtbot, letter):
    db, _doc_id = letter
    tab = _tab(qtbot, db)
    bar = tab.filter_bar
    type_text(bar.date_from, "31022026")  # the dots come by themselves
    assert bar.date_from.text() == "31.02.2026"
    assert tab.notice.isVisible()
    assert "Такої дати не існує: 31.02.2026" in tab.notice.text()
    assert "не застосовано" in tab.notice.text()
    assert "31.02.2026" in bar.date_from.toolTip()

    bar.date_from.selectAll()
    type_text(bar.date_from, "01.02.2026")
    qtbot.waitUntil(lambda: not tab.model.loading)
    assert not tab.notice.isVisible()
    assert bar.date_from.toolTip().startswith("Зареєстровані з")

    bar.date_to.setFocus()
    type_text(bar.date_to, "31.01.2026")
    assert "Початок періоду пізніший за кінець" in tab.notice.text()
    bar.clear_button.click()
    assert not tab.notice.isVisible()


def _popup_texts(line) -> list[str]:
    completer = line.completer()
    completer.setCompletionPrefix(line.text())
    model = completer.completionModel()
    return [model.index(i, 0).data() for i in range(model.rowCount())]


def test_correspondent_suggestions_ignore_the_apostrophe_and_know_a_new_sender(
    qtbot, office_db, wait_tasks, monkeypatch
):
    monkeypatch.setattr("ui.dialogs.document_form.ask", lambda *_a: True)
    factories.incoming(office_db, date.today(), correspondent="Мар'янівська сільська рада")
    form = DocumentForm(office_db, INCOMING)
    qtbot.addWidget(form)
    form.show()
    wait_tasks()
    line = form.editors["correspondent"].line
    for typed in ("марʼян", "Мар’ян", "МАР'ЯН", "марян"):
        line.setText(typed)
        assert _popup_texts(line) == ["Мар'янівська сільська рада"], typed
    line.setText("Мар'ян")
    completer = line.completer()
    assert completer.pathFromIndex(completer.completionModel().index(0, 0)) == (
        "Мар'янівська сільська рада"
    )

    form.editors["correspondent"].set_value("ТОВ «Нова пошта»")
    form.editors["summary"].set_value("Про доставку")
    form.save_button.click()
    qtbot.waitUntil(lambda: form.registered is not None)
    form.next_button.click()  # «Зареєструвати ще»: the same card, the next letter
    line.setText("нова")
    assert _popup_texts(line) == ["ТОВ «Нова пошта»"]


def test_a_new_document_hidden_by_the_filters_is_pointed_out(qtbot, letter):
    db, _doc_id = letter
    tab = _tab(qtbot, db)
    bar = tab.filter_bar
    bar.search.setText("Луцьк")
    bar.search.returnPressed.emit()
    qtbot.waitUntil(lambda: not tab.model.loading and tab.model.total == 0)
    doc = factories.incoming(db, date.today(), summary="Про мости")  # not from Луцьк
    tab._on_registered(doc.id)  # what the card's «saved» does
    qtbot.waitUntil(lambda: tab.notice.isVisible())
    assert "приховують фільтри" in tab.notice.text()
    assert "Скинути" in tab.notice.text()
    bar.clear_button.click()
    qtbot.waitUntil(lambda: not tab.model.loading)
    assert not tab.notice.isVisible()


def test_a_new_document_in_view_needs_no_word(qtbot, letter):
    db, _doc_id = letter
    tab = _tab(qtbot, db)
    doc = factories.incoming(db, date.today(), summary="Про мости")
    tab._on_registered(doc.id)
    qtbot.waitUntil(lambda: tab.current_id() == doc.id)
    assert not tab.notice.isVisible()


def test_dialog_titles_are_not_cut(qtbot, letter):
    db, doc_id = letter
    period = PeriodDialog(INCOMING.journal_title, date(2026, 1, 1), date(2026, 1, 31))
    extend = ExtendTermDialog(db, doc_id)
    for dialog in (period, extend):
        qtbot.addWidget(dialog)
        dialog.show()
        assert dialog.width() >= title_width(dialog), dialog.windowTitle()
    assert period.minimumWidth() >= title_width(period)


@pytest.fixture
def ukrainian_only(qapp):
    """The program's own translations, without Qt's catalogue (a copy of the program whose
    Qt translations folder is missing)."""
    translator = file_dialogs.install(qapp)
    yield
    QApplication.removeTranslator(translator)


def test_no_english_button_is_left(qtbot, ukrainian_only):
    buttons = QMessageBox.StandardButton
    every = buttons.NoButton
    for name in (
        "Ok", "Save", "SaveAll", "Open", "Yes", "YesToAll", "No", "NoToAll", "Abort", "Retry",
        "Ignore", "Close", "Cancel", "Discard", "Help", "Apply", "Reset", "RestoreDefaults",
    ):  # fmt: skip
        every |= getattr(buttons, name)
    box = QMessageBox(QMessageBox.Icon.Warning, "Увага", "Текст", every)
    qtbot.addWidget(box)
    texts = [b.text().replace("&", "") for b in box.buttons()]
    assert len(texts) == 18
    english = ("OK", "Save", "Open", "Yes", "No", "Abort", "Retry", "Ignore", "Close", "Cancel")
    for text in texts:
        assert not any(word in text for word in english), text
        assert any("а" <= ch.lower() <= "я" or ch in "іїєґ" for ch in text), text
    assert "Гаразд" in texts and "Скасувати" in texts
    plain = QMessageBox(QMessageBox.Icon.Information, "Увага", "Текст")
    qtbot.addWidget(plain)
    plain.show()  # a box given no buttons gets «OK» when shown
    assert [b.text() for b in plain.buttons()] == ["Гаразд"]
    box_buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    qtbot.addWidget(box_buttons)
    assert [b.text() for b in box_buttons.buttons()] == ["Гаразд", "Скасувати"]
