"""The organisation and reference dialogs, driven from the keyboard as a clerk would."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from datetime import date

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from app.registers import INCOMING
from app.services import calendar, reference, settings
from app.services.organisation import get_organisation
from tests import factories
from ui.dialogs.organisation import OrganisationDialog
from ui.dialogs.reference import ReferenceDialog
from ui.dialogs.reference_staff import StaffForm


def type_text(widget: QWidget, text: str) -> None:
    """Type `text` key by key (QTest.keyClicks cannot type Cyrillic: it maps ASCII only)."""
    for char in text:
        QTest.sendKeyEvent(
            QTest.KeyAction.Click, widget, Qt.Key.Key_unknown, char, Qt.KeyboardModifier.NoModifier
        )


def wait_saved(qtbot, dialog) -> None:
    """Forms save in the background (ui.tasks): wait for the answer before looking."""
    qtbot.waitUntil(lambda: not dialog.is_saving(), timeout=5000)


def _type_and_tab(qtbot, dialog, *texts: str) -> None:
    """Type each text into the focused field, then Tab to the next one."""
    for text in texts:
        focused = dialog.focusWidget()
        focused.selectAll()
        type_text(focused, text)
        qtbot.keyClick(focused, Qt.Key.Key_Tab)


def test_organisation_dialog_filled_from_the_keyboard_is_saved(qtbot, sqlite_db):
    dialog = OrganisationDialog(sqlite_db)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.focusWidget() is dialog.form.full_name
    _type_and_tab(
        qtbot,
        dialog,
        "Виконавчий комітет Шепетівської міської ради",
        "Шепетівська міська рада",
        "вул. Островського, 4",
        "30400",
        "04060772",
        "Віктор БОНДАР",
    )
    assert dialog.focusWidget() is dialog.form.mayor_position
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Return)
    wait_saved(qtbot, dialog)

    assert dialog.result() == QDialog.DialogCode.Accepted
    info = get_organisation(sqlite_db)
    assert info is not None
    assert info.short_name == "Шепетівська міська рада"
    assert info.edrpou == "04060772"
    assert info.postal_code == "30400"
    assert info.mayor_name == "Віктор БОНДАР"
    assert info.mayor_position == "Міський голова"


def test_seven_digit_edrpou_is_refused_and_the_form_kept(qtbot, sqlite_db):
    dialog = OrganisationDialog(sqlite_db)
    qtbot.addWidget(dialog)
    dialog.show()
    form = dialog.form
    type_text(form.full_name, "Виконавчий комітет Шепетівської міської ради")
    type_text(form.short_name, "Шепетівська міська рада")
    type_text(form.address, "вул. Островського, 4")
    type_text(form.edrpou, "0406077")
    qtbot.keyClick(form.edrpou, Qt.Key.Key_Return)
    wait_saved(qtbot, dialog)

    assert dialog.isVisible()
    assert "8 цифр" in dialog.error.text()
    assert not dialog.error.isHidden()
    assert form.full_name.text() == "Виконавчий комітет Шепетівської міської ради"
    assert form.short_name.text() == "Шепетівська міська рада"
    assert form.address.text() == "вул. Островського, 4"
    assert form.edrpou.text() == "0406077"
    assert dialog.focusWidget() is form.edrpou
    assert get_organisation(sqlite_db) is None


def test_staff_form_shows_the_dative_form_live_and_saves(qtbot, sqlite_db):
    form = StaffForm(sqlite_db)
    qtbot.addWidget(form)
    form.show()
    type_text(form.surname, "Мельник")
    type_text(form.given_name, "Іван")
    type_text(form.patronymic, "Іванович")
    assert "Мельнику І. І." in form.dative_preview.text()
    assert form.gender.currentData() == "m"

    type_text(form.position, "Начальник відділу")
    qtbot.keyClick(form.position, Qt.Key.Key_Return)
    wait_saved(qtbot, form)
    assert form.result() == QDialog.DialogCode.Accepted
    [saved] = reference.list_staff(sqlite_db)
    assert saved.dative == "Мельнику І. І."


def test_staff_gender_follows_the_patronymic_and_the_override_wins(qtbot, sqlite_db):
    form = StaffForm(sqlite_db)
    qtbot.addWidget(form)
    type_text(form.surname, "Коваль")
    type_text(form.given_name, "Олена")
    type_text(form.patronymic, "Петрівна")
    assert form.gender.currentData() == "f"
    assert "Коваль О. П." in form.dative_preview.text()
    type_text(form.dative_override, "Коваль О. П. (вручну)")
    assert form.dative_text() == "Коваль О. П. (вручну)"


def test_staff_added_through_the_reference_dialog_appears_with_the_dative(qtbot, sqlite_db):
    dialog = ReferenceDialog(sqlite_db)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.tabs.setCurrentWidget(dialog.staff)

    def fill() -> None:
        form = QApplication.activeModalWidget()
        assert isinstance(form, StaffForm)
        form.surname.setText("Мельник")
        form.given_name.setText("Іван")
        form.patronymic.setText("Іванович")
        form.accept()

    QTimer.singleShot(0, fill)
    qtbot.mouseClick(dialog.staff.add_button, Qt.MouseButton.LeftButton)
    model = dialog.staff.model
    assert model.rowCount() == 1
    assert model.item(0, 0).text() == "Мельник Іван Іванович"
    assert model.item(0, 1).text() == "Мельнику І. І."


def test_reference_error_keeps_the_record_form_open(qtbot, sqlite_db):
    form = StaffForm(sqlite_db)
    qtbot.addWidget(form)
    form.show()
    type_text(form.position, "Спеціаліст")
    form.accept()
    wait_saved(qtbot, form)
    assert form.isVisible()
    assert "прізвище" in form.error.text().lower()
    assert form.position.text() == "Спеціаліст"


def test_number_format_is_validated_live_and_saved(qtbot, sqlite_db):
    dialog = ReferenceDialog(sqlite_db)
    qtbot.addWidget(dialog)
    row = dialog.settings.formats["incoming"]
    assert "345/01-12" in row.example.text()

    row.edit.setText("{index}-{x}")
    assert "{n}" in row.error.text() or "Невідоме" in row.error.text()
    dialog.settings.save_button.click()
    assert settings.number_format(sqlite_db, INCOMING) == "{n}/{index}"

    row.edit.setText("{index}/{n}")
    assert "01-12/345" in row.example.text()
    dialog.settings.timer.setValue(10)
    dialog.settings.offset_x.setValue(2.5)
    dialog.settings.save_button.click()
    assert settings.number_format(sqlite_db, INCOMING) == "{index}/{n}"
    assert settings.timer_minutes(sqlite_db) == 10
    assert settings.print_settings(sqlite_db).offset_x_mm == 2.5


def test_calendar_tab_adds_and_removes_a_day_off(qtbot, sqlite_db):
    dialog = ReferenceDialog(sqlite_db)
    qtbot.addWidget(dialog)
    tab = dialog.calendar
    tab.year.setValue(2026)
    type_text(tab.override_date, "31.12.2026")
    type_text(tab.override_note, "Розпорядження № 1-р")
    qtbot.keyClick(tab.override_note, Qt.Key.Key_Return)
    assert not calendar.load_calendar(sqlite_db).is_working_day(date(2026, 12, 31))
    names = [tab.days.item(r, 3).text() for r in range(tab.days.rowCount())]
    assert "Розпорядження № 1-р" in names

    tab.overrides.selectRow(0)
    tab.remove_override.click()
    assert calendar.load_calendar(sqlite_db).is_working_day(date(2026, 12, 31))


def test_calendar_tab_refuses_a_wrong_date_and_keeps_the_note(qtbot, sqlite_db):
    dialog = ReferenceDialog(sqlite_db)
    qtbot.addWidget(dialog)
    tab = dialog.calendar
    type_text(tab.override_date, "32.12.2026")
    type_text(tab.override_note, "Перенесення")
    tab.add_override.click()
    assert "Такої дати не існує" in tab.override_error.text()
    assert tab.override_note.text() == "Перенесення"
    assert calendar.list_overrides(sqlite_db) == []


def test_martial_law_end_is_saved(qtbot, sqlite_db):
    dialog = ReferenceDialog(sqlite_db)
    qtbot.addWidget(dialog)
    tab = dialog.calendar
    type_text(tab.martial_end, "31.12.2026")
    qtbot.keyClick(tab.martial_end, Qt.Key.Key_Return)
    assert settings.martial_law_end(sqlite_db) == date(2026, 12, 31)
    assert "31.12.2026" in tab.martial_status.text()


def test_organisation_tab_saves_on_enter(qtbot, sqlite_db):
    factories.organisation(sqlite_db)
    dialog = ReferenceDialog(sqlite_db)
    qtbot.addWidget(dialog)
    dialog.show()
    edit = dialog.organisation.form.address
    edit.setText("вул. Героїв Небесної Сотні, 1")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert get_organisation(sqlite_db).address == "вул. Героїв Небесної Сотні, 1"
