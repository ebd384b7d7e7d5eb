"""The registration form, driven from the keyboard as a clerk would."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from app.domain.dates import format_date
from app.registers import INCOMING
from app.services.details import get_document
from app.services.register_view import RegisterView, ViewQuery
from tests import factories
from ui.dialogs.document_fields import REG_DATE
from ui.dialogs.document_form import DocumentForm
from ui.registers.register_tab import RegisterTab


def closing_on_failure(driver):
    """Run `driver` inside a modal exec(); on a failed assertion close the modal windows so that
    the test fails instead of hanging."""

    def run() -> None:
        try:
            driver()
        except BaseException as exc:
            seen_errors.append(exc)
            while (modal := QApplication.activeModalWidget()) is not None:
                modal.done(0)
            raise

    return run


seen_errors: list[BaseException] = []


@pytest.fixture(autouse=True)
def questions(monkeypatch) -> list[str]:
    """«Закрити без збереження?» answered «yes» (closing at teardown must not wait for a click);
    the texts asked are recorded."""
    asked: list[str] = []

    def ask(_parent, _title, text, _yes, _no) -> bool:
        asked.append(text)
        return True

    monkeypatch.setattr("ui.dialogs.document_form.ask", ask)
    return asked


def _tab(qtbot, db) -> RegisterTab:
    tab = RegisterTab(db, INCOMING)
    qtbot.addWidget(tab)
    tab.show()
    qtbot.waitUntil(lambda: not tab.model.loading)
    return tab


def test_register_a_letter_from_the_keyboard_and_find_it(qtbot, keyboard, office_db):
    tab = _tab(qtbot, office_db)
    tab.table.setFocus()
    seen = {}

    def clerk_types() -> None:
        form = QApplication.activeModalWidget()
        assert isinstance(form, DocumentForm)
        qtbot.waitUntil(form.isActiveWindow)
        assert keyboard.focus() is form.reg_date  # the registration date comes first
        assert form.reg_date.text() == format_date(date.today())
        keyboard.tab()
        keyboard.type("Луцька міська рада")
        keyboard.tab()
        keyboard.type("12/05-3")
        keyboard.tab()
        keyboard.type("20112026")  # the dots come by themselves
        keyboard.tab()
        keyboard.type("Лист")
        keyboard.tab()
        keyboard.type("Про участь у конкурсі проєктів")
        keyboard.tab()
        keyboard.type("3")
        keyboard.press(Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: form.registered is not None)
        seen["number"] = form.result_label.text()
        seen["id"] = form.registered.id
        keyboard.press(Qt.Key.Key_Return)  # «Закрити» is the default button now

    QTimer.singleShot(0, closing_on_failure(clerk_types))
    keyboard.press(Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)

    assert seen["number"] == f"Зареєстровано: Вх. № 1 від {format_date(date.today())}"
    detail = get_document(office_db, seen["id"])
    assert detail.values["correspondent"] == "Луцька міська рада"
    assert detail.values["ext_date"] == date(2026, 11, 20)
    assert detail.values["sheets"] == 3
    assert detail.values["kind"] == "Лист"
    qtbot.waitUntil(lambda: tab.current_id() == seen["id"])  # selected after registering

    factories.incoming(office_db, date.today(), "Про інше")
    tab.activateWindow()  # the offscreen platform does not give it back by itself
    qtbot.waitUntil(tab.isActiveWindow)
    keyboard.press(Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert keyboard.focus() is tab.filter_bar.search
    keyboard.type("луцька")
    qtbot.waitUntil(lambda: tab.count_label.text() == "Знайдено: 1", timeout=3000)
    assert tab.model.row_data(0).id == seen["id"]


def test_a_wrong_date_keeps_everything_typed_and_says_why(qtbot, keyboard, office_db):
    form = DocumentForm(office_db, INCOMING)
    qtbot.addWidget(form)
    form.show()
    keyboard.tab()
    keyboard.type("Державна податкова служба")
    keyboard.tab()
    keyboard.type("77")
    keyboard.tab()
    keyboard.type("31.02.2026")
    keyboard.tab(2)
    keyboard.type("Про звітність")
    keyboard.press(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # inside the summary

    error = form.errors["ext_date"]
    assert error.isVisible() and "Такої дати не існує: 31.02.2026" in error.text()
    assert keyboard.focus() is form.editors["ext_date"].widget
    assert form.editors["ext_date"].widget.property("invalid") is True
    assert form.editors["correspondent"].value() == "Державна податкова служба"
    assert form.editors["ext_number"].value() == "77"
    assert form.editors["ext_date"].value() == "31.02.2026"
    assert form.editors["summary"].value() == "Про звітність"
    assert form.registered is None
    assert RegisterView(office_db, ViewQuery(INCOMING.code)).count() == 0

    form.editors["ext_date"].widget.selectAll()  # fix it: the message goes on the first key
    keyboard.type("28.02.2026")
    assert not error.isVisible()
    keyboard.press(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: form.registered is not None)


def test_missing_required_fields_and_a_wrong_registration_date(qtbot, keyboard, office_db):
    form = DocumentForm(office_db, INCOMING)
    qtbot.addWidget(form)
    form.show()
    form.reg_date.selectAll()
    keyboard.type("32.13.2026")
    keyboard.press(Qt.Key.Key_Return)
    assert form.errors[REG_DATE].isVisible()
    assert form.errors["correspondent"].text() == "Заповніть поле «Кореспондент»"
    assert form.errors["summary"].isVisible()
    assert keyboard.focus() is form.reg_date  # the first wrong field
    assert form.reg_date.text() == "32.13.2026"


def test_a_kind_that_is_not_registered_asks_first(qtbot, keyboard, office_db):
    form = DocumentForm(office_db, INCOMING)
    qtbot.addWidget(form)
    form.show()
    form.editors["correspondent"].set_value("ГО «Світанок»")
    form.editors["kind"].set_value("Запрошення")
    form.editors["summary"].set_value("Запрошення на свято")
    asked = []

    def answer_no() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        qtbot.waitUntil(box.isActiveWindow)
        asked.append(box.text())
        assert "Зареєструвати все одно?" in box.informativeText()
        keyboard.press(Qt.Key.Key_Escape)

    QTimer.singleShot(0, closing_on_failure(answer_no))
    form.save_button.click()
    assert asked and form.registered is None
    assert form.isVisible()


def test_editing_keeps_the_number_and_a_conflict_keeps_the_form(qtbot, office_db, monkeypatch):
    reg = factories.incoming(office_db, date(2026, 3, 5), "Про ремонт доріг")
    form = DocumentForm(office_db, INCOMING, reg.id)
    qtbot.addWidget(form)
    form.show()
    assert form.reg_date is None and "Вх. № 1" in form.windowTitle()
    assert form.editors["summary"].value() == "Про ремонт доріг"
    monkeypatch.setattr("ui.dialogs.document_form.current_user", lambda: "Коваль О. П.")
    other = DocumentForm(office_db, INCOMING, reg.id)
    qtbot.addWidget(other)
    other.editors["summary"].set_value("Про ремонт тротуарів")
    other.editors["notes"].set_value("Терміново до голови")
    with qtbot.waitSignal(other.saved):
        other.save_button.click()

    form.editors["summary"].set_value("Про ремонт мостів")
    form.save_button.click()
    qtbot.waitUntil(form.conflict_label.isVisible)
    shown = form.conflict_label.text()
    assert "змінив Коваль О. П." in shown
    assert "Короткий зміст: Про ремонт доріг → Про ремонт тротуарів" in shown
    assert "Примітки: (порожньо) → Терміново до голови" in shown
    assert "залишено ваше: Короткий зміст" in shown
    assert form.isVisible() and form.result() != QDialog.DialogCode.Accepted
    # The clerk's input stays; what only the other clerk changed is taken into the card.
    assert form.editors["summary"].value() == "Про ремонт мостів"
    assert form.editors["notes"].value() == "Терміново до голови"
    assert get_document(office_db, reg.id).values["summary"] == "Про ремонт тротуарів"

    with qtbot.waitSignal(form.saved):  # saving again, having seen the changes, is allowed
        form.save_button.click()
    stored = get_document(office_db, reg.id).values
    assert (stored["summary"], stored["notes"]) == ("Про ремонт мостів", "Терміново до голови")


def test_history_tab_shows_resolutions_and_control(qtbot, office_db):
    from app.services import control
    from app.services.reference import list_staff

    reg = factories.incoming(office_db, date(2026, 3, 5))
    melnyk = next(s for s in list_staff(office_db) if s.surname == "Мельник")
    control.add_resolution(office_db, reg.id, control.ResolutionInput((melnyk.id,), "Підготувати"))
    control.put_on_control(office_db, reg.id, term=date(2026, 4, 3), today=date(2026, 3, 5))
    form = DocumentForm(office_db, INCOMING, reg.id)
    qtbot.addWidget(form)
    from PySide6.QtWidgets import QTabWidget, QTextBrowser

    tabs = form.findChild(QTabWidget)
    assert tabs.tabText(1) == "Резолюції та контроль"
    text = form.findChild(QTextBrowser).toPlainText()
    assert "Мельнику І. І." in text and "Взято на контроль" in text and "03.04.2026" in text


def test_escape_on_a_typed_form_asks_before_closing(qtbot, keyboard, office_db, questions):
    form = DocumentForm(office_db, INCOMING)
    qtbot.addWidget(form)
    form.show()
    qtbot.waitUntil(form.isActiveWindow)
    keyboard.tab()
    keyboard.type("Луцька міська рада")
    keyboard.press(Qt.Key.Key_Escape)
    assert questions == ["Введені дані не збережено. Закрити форму?"]
    assert form.result() == QDialog.DialogCode.Rejected and not form.isVisible()


def test_escape_on_an_untouched_form_just_closes(qtbot, keyboard, office_db, questions):
    form = DocumentForm(office_db, INCOMING)
    qtbot.addWidget(form)
    form.show()
    qtbot.waitUntil(form.isActiveWindow)
    keyboard.press(Qt.Key.Key_Escape)
    assert questions == [] and not form.isVisible()


def test_a_scan_is_stored_with_the_document(qtbot, office_db, tmp_path, monkeypatch):
    from app.services.documents import attachment_data, list_attachments

    scan = tmp_path / "лист.pdf"
    scan.write_bytes(b"%PDF-1.4 scan")
    (tmp_path / "notes.txt").write_text("не скан")
    picked = [[str(scan)], [str(tmp_path / "notes.txt")]]
    monkeypatch.setattr(
        "ui.dialogs.document_form.QFileDialog.getOpenFileNames",
        lambda *_args: (picked.pop(0), ""),
    )
    warnings = []
    monkeypatch.setattr(
        "ui.dialogs.document_form.QMessageBox.warning", lambda _p, _t, text: warnings.append(text)
    )
    form = DocumentForm(office_db, INCOMING)
    qtbot.addWidget(form)
    form.editors["correspondent"].set_value("Луцька міська рада")
    form.editors["summary"].set_value("Про співпрацю")
    form._on_add_scan()
    form._on_add_scan()  # a text file is refused with a message, the list keeps the PDF
    assert form.attachment_list.count() == 1 and "лист.pdf" in form.attachment_list.item(0).text()
    assert "лише PDF або зображення" in warnings[0]
    form.save_button.click()
    qtbot.waitUntil(lambda: form.registered is not None)
    items = list_attachments(office_db, form.registered.id)
    assert [i.filename for i in items] == ["лист.pdf"]
    assert attachment_data(office_db, items[0].id) == ("лист.pdf", b"%PDF-1.4 scan")


def test_register_another_keeps_the_date_and_clears_the_fields(qtbot, keyboard, office_db):
    form = DocumentForm(office_db, INCOMING)
    qtbot.addWidget(form)
    saved = []
    form.saved.connect(saved.append)
    form.reg_date.set_date(date(2026, 11, 21))  # a letter that came on Saturday
    form.editors["correspondent"].set_value("Луцька міська рада")
    form.editors["summary"].set_value("Перший лист")
    form.save_button.click()
    qtbot.waitUntil(lambda: form.registered is not None)
    form.next_button.click()
    assert form.registered is None and form.reg_date.text() == "21.11.2026"
    assert form.editors["summary"].value() == "" and form.save_button.text() == "Зареєструвати"
    form.editors["correspondent"].set_value("Луцька міська рада")
    form.editors["summary"].set_value("Другий лист")
    form.save_button.click()
    qtbot.waitUntil(lambda: form.registered is not None)
    assert form.result_label.text() == "Зареєстровано: Вх. № 2 від 21.11.2026"
    assert len(saved) == 2


def test_a_registration_date_in_the_future_is_refused_beside_the_date(qtbot, keyboard, office_db):
    from datetime import timedelta

    form = DocumentForm(office_db, INCOMING)
    qtbot.addWidget(form)
    form.show()
    form.reg_date.selectAll()
    keyboard.type(format_date(date.today() + timedelta(days=40)))
    form.editors["correspondent"].widget.setText("Луцька міська рада")
    form.editors["summary"].set_value("Про співпрацю")
    keyboard.press(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: form.errors[REG_DATE].isVisible())
    assert "пізнішою за сьогоднішню" in form.errors[REG_DATE].text()
    assert form.registered is None
    assert form.editors["summary"].value() == "Про співпрацю"  # nothing typed is lost
    assert RegisterView(office_db, ViewQuery("incoming")).count() == 0


def test_escape_during_a_save_does_not_close_the_form(qtbot, office_db):
    form = DocumentForm(office_db, INCOMING)
    qtbot.addWidget(form)
    form.show()
    form._set_busy(True)  # a registration is being stored in the background
    form.reject()
    assert form.isVisible()
    form._set_busy(False)
