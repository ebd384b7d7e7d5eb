"""Resolution and control dialogs: the clerk's path through 9.5–9.14, and errors that keep input."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from app.services import control
from app.services.details import get_document
from tests import factories
from tests.ui.test_dialogs import type_text, wait_saved
from ui.dialogs.control import (
    ExtendTermDialog,
    ProgressDialog,
    PutOnControlDialog,
    RemoveFromControlDialog,
)
from ui.dialogs.resolution import ResolutionDialog


@pytest.fixture
def office(sqlite_db):
    factories.organisation(sqlite_db)
    people = factories.staff(sqlite_db)
    doc = factories.incoming(sqlite_db, date(2026, 11, 2), summary="Про ремонт доріг")
    return sqlite_db, people, doc.id


def _on_control(db, doc_id, term=date(2026, 12, 4)) -> None:
    # Taken on control on 16.11.2026, so a removal dated 20.11.2026 is after it (9.13).
    control.put_on_control(db, doc_id, term, today=date(2026, 11, 16))


def test_resolution_with_two_executors_lead_first_and_put_on_control(qtbot, office):
    db, people, doc_id = office
    dialog = ResolutionDialog(db, doc_id)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.author.staff_id() == people["mayor"].id

    # Executors by typing part of the surname and Enter; Enter does not close the dialog.
    type_text(dialog.picker, "Мельн")
    qtbot.keyClick(dialog.picker, Qt.Key.Key_Return)
    type_text(dialog.picker, "Ковал")
    qtbot.keyClick(dialog.picker, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert dialog.executor_ids() == [people["melnyk"].id, people["koval"].id]
    assert "Мельнику І. І. — головний виконавець" in dialog.executors.item(0).text()
    assert "Коваль О. П." in dialog.executors.item(1).text()

    # Enter on the emptied picker goes on to the task instead of saving.
    qtbot.keyClick(dialog.picker, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert dialog.focusWidget() is dialog.task
    type_text(dialog.task, "Підготувати відповідь")
    assert not dialog.on_control.isChecked()
    type_text(dialog.term, "06.12.2026")  # a Sunday
    assert dialog.on_control.isChecked()
    assert "04.12.2026" in dialog.term_hint.text()
    qtbot.keyClick(dialog.term, Qt.Key.Key_Return)
    wait_saved(qtbot, dialog)

    assert dialog.result() == QDialog.DialogCode.Accepted, dialog.error.text()
    doc = get_document(db, doc_id)
    [res] = doc.resolutions
    assert [e.id for e in res.executors] == [people["melnyk"].id, people["koval"].id]
    assert res.author is not None and res.author.id == people["mayor"].id
    assert res.task == "Підготувати відповідь"
    assert doc.on_control
    assert doc.due_date == date(2026, 12, 4)
    assert dialog.due_date == date(2026, 12, 4)
    assert doc.lead_executor == "Мельник І. І."


def test_an_ambiguous_fragment_asks_to_choose(qtbot, office):
    db, _people, doc_id = office
    dialog = ResolutionDialog(db, doc_id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitActive(dialog)
    type_text(dialog.picker, "П.")  # Бондар В. П. and Коваль О. П.
    _press(dialog, Qt.Key.Key_Escape)  # the suggestions closed: Enter has nobody to take
    assert dialog.isVisible()
    qtbot.keyClick(dialog.picker, Qt.Key.Key_Return)
    assert dialog.executor_ids() == []
    assert "виберіть зі списку" in dialog.executors_error.text()
    assert dialog.isVisible()


def test_executors_move_and_remove(qtbot, office):
    db, people, doc_id = office
    dialog = ResolutionDialog(db, doc_id)
    qtbot.addWidget(dialog)
    dialog.add_executor(people["melnyk"].id)
    dialog.add_executor(people["koval"].id)
    dialog.executors.setCurrentRow(1)
    qtbot.keyClick(dialog.executors, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert dialog.executor_ids() == [people["koval"].id, people["melnyk"].id]
    assert "головний виконавець" in dialog.executors.item(0).text()
    dialog.add_executor(people["koval"].id)
    assert "уже є" in dialog.executors_error.text()
    dialog.executors.setCurrentRow(0)
    qtbot.keyClick(dialog.executors, Qt.Key.Key_Delete)
    assert dialog.executor_ids() == [people["melnyk"].id]


def test_resolution_detailing_an_earlier_one_and_a_wrong_date(qtbot, office):
    db, people, doc_id = office
    first = control.add_resolution(db, doc_id, control.ResolutionInput((people["melnyk"].id,)))
    dialog = ResolutionDialog(db, doc_id)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.parent_choice.count() == 2
    dialog.parent_choice.setCurrentIndex(1)
    dialog.add_executor(people["koval"].id)
    type_text(dialog.task, "Уточнити дані")
    type_text(dialog.term, "31.11.2026")
    dialog.accept()
    wait_saved(qtbot, dialog)
    assert dialog.isVisible()
    assert "Такої дати не існує" in dialog.field_error(dialog.term).text()
    assert dialog.task.toPlainText() == "Уточнити дані"
    assert dialog.executor_ids() == [people["koval"].id]

    dialog.term.setText("30.11.2026")
    dialog.accept()
    wait_saved(qtbot, dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted
    detail = get_document(db, doc_id).resolutions
    assert detail[-1].parent_id == first
    assert get_document(db, doc_id).lead_executor == "Мельник І. І."


def test_resolution_without_executors_is_refused(qtbot, office):
    db, _people, doc_id = office
    dialog = ResolutionDialog(db, doc_id)
    qtbot.addWidget(dialog)
    dialog.show()
    type_text(dialog.task, "Розглянути")
    dialog.accept()
    wait_saved(qtbot, dialog)
    assert dialog.isVisible()
    assert "виконавця" in dialog.executors_error.text()
    assert get_document(db, doc_id).resolutions == ()


def test_put_on_control_with_an_empty_term_takes_the_default(qtbot, office):
    db, _people, doc_id = office
    dialog = PutOnControlDialog(db, doc_id)
    qtbot.addWidget(dialog)
    dialog.show()
    # 02.11.2026 + 30 days = 02.12.2026, a Wednesday.
    assert "02.12.2026" in dialog.hint.text()
    qtbot.keyClick(dialog.term, Qt.Key.Key_Return)
    wait_saved(qtbot, dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert get_document(db, doc_id).due_date == date(2026, 12, 2)


def test_put_on_control_moves_a_weekend_term_back(qtbot, office):
    db, _people, doc_id = office
    dialog = PutOnControlDialog(db, doc_id)
    qtbot.addWidget(dialog)
    type_text(dialog.term, "05.12.2026")
    assert "04.12.2026" in dialog.hint.text()
    dialog.accept()
    wait_saved(qtbot, dialog)
    assert dialog.due_date == date(2026, 12, 4)
    assert "04.12.2026" in dialog.summary
    assert dialog.notice is not None and dialog.notice.isVisible()
    assert "04.12.2026" in dialog.notice.text()
    dialog.notice.close()


def test_extend_without_a_reason_is_refused_then_the_old_term_is_kept(qtbot, office):
    db, _people, doc_id = office
    _on_control(db, doc_id)
    dialog = ExtendTermDialog(db, doc_id)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.focusWidget() is dialog.term  # the first field, not the «Продовжити» button
    type_text(dialog.term, "18.12.2026")
    type_text(dialog.person, "Мельник І. І.")
    qtbot.keyClick(dialog.person, Qt.Key.Key_Return)
    wait_saved(qtbot, dialog)
    assert dialog.isVisible()
    assert "підставу" in dialog.field_error(dialog.reason).text()
    assert dialog.term.text() == "18.12.2026"
    assert dialog.person.text() == "Мельник І. І."
    assert get_document(db, doc_id).due_date == date(2026, 12, 4)

    type_text(dialog.reason, "Чекаємо дані від підприємств")
    dialog.accept()
    wait_saved(qtbot, dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted
    doc = get_document(db, doc_id)
    assert doc.due_date == date(2026, 12, 18)
    extension = doc.control_events[-1]
    assert extension.kind == "extend"
    assert extension.old_term == date(2026, 12, 4)
    assert extension.text == "Чекаємо дані від підприємств"
    assert extension.person == "Мельник І. І."

    again = ExtendTermDialog(db, doc_id)
    qtbot.addWidget(again)
    history = [again.history.item(i).text() for i in range(again.history.count())]
    assert any("04.12.2026 → 18.12.2026" in line for line in history)


def test_progress_note(qtbot, office):
    db, _people, doc_id = office
    _on_control(db, doc_id)
    dialog = ProgressDialog(db, doc_id)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.accept()
    wait_saved(qtbot, dialog)
    assert dialog.isVisible()
    assert "зроблено" in dialog.field_error(dialog.note).text()
    type_text(dialog.note, "Обстежено 12 вулиць")
    dialog.accept()
    wait_saved(qtbot, dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert get_document(db, doc_id).control_events[-1].text == "Обстежено 12 вулиць"


def test_remove_from_control_without_a_basis_is_refused(qtbot, office):
    db, _people, doc_id = office
    _on_control(db, doc_id)
    dialog = RemoveFromControlDialog(db, doc_id)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.person.setText("Кравчук О. М.")
    dialog.accept()
    wait_saved(qtbot, dialog)
    assert dialog.isVisible()
    assert "підстав" in dialog.field_error(dialog.basis).text().lower()
    assert dialog.focusWidget() is dialog.basis
    assert dialog.person.text() == "Кравчук О. М."
    assert get_document(db, doc_id).done_date is None

    type_text(dialog.basis, "Лист від 10.11.2026 № 45/01-12")
    dialog.day.setText("20.11.2026")
    dialog.accept()
    wait_saved(qtbot, dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted
    doc = get_document(db, doc_id)
    assert doc.done_date == date(2026, 11, 20)
    assert doc.control_events[-1].basis == "Лист від 10.11.2026 № 45/01-12"


def test_a_wrong_date_keeps_the_rest_of_the_form(qtbot, office):
    db, _people, doc_id = office
    _on_control(db, doc_id)
    dialog = RemoveFromControlDialog(db, doc_id)
    qtbot.addWidget(dialog)
    dialog.show()
    type_text(dialog.basis, "Лист від 10.11.2026 № 45/01-12")
    dialog.person.setText("Кравчук О. М.")
    dialog.day.setText("31.02.2026")
    dialog.accept()
    wait_saved(qtbot, dialog)
    assert dialog.isVisible()
    assert "Такої дати не існує" in dialog.field_error(dialog.day).text()
    assert dialog.basis.text() == "Лист від 10.11.2026 № 45/01-12"
    assert dialog.person.text() == "Кравчук О. М."
    assert get_document(db, doc_id).done_date is None


def test_control_dialogs_on_a_document_not_on_control_say_so(qtbot, office):
    db, _people, doc_id = office
    for cls in (ExtendTermDialog, ProgressDialog, RemoveFromControlDialog):
        dialog = cls(db, doc_id)
        qtbot.addWidget(dialog)
        assert not dialog.ok_button.isEnabled()
        assert "не перебуває на контролі" in dialog.error.text()


def _with_kovalskyi(db) -> None:
    from app.services.reference import StaffInfo, save_staff

    save_staff(db, StaffInfo(None, "Ковальський", "Юрій", "Юрійович", "m", "Інспектор"))


def _shown(qtbot, dialog):
    """The dialog active with `person` focused: QLineEdit takes its completion only with focus."""
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitActive(dialog)
    dialog.person.setFocus()
    qtbot.waitUntil(dialog.person.hasFocus)
    return dialog


def _press(dialog, key) -> None:
    """A key as the window gets it from the keyboard (an open popup takes it first)."""
    from PySide6.QtTest import QTest

    QTest.keyClick(dialog.windowHandle(), key)


def test_remove_from_control_keeps_a_typed_name_that_only_starts_another(qtbot, office):
    db, _people, doc_id = office
    _with_kovalskyi(db)
    _on_control(db, doc_id)
    dialog = _shown(qtbot, RemoveFromControlDialog(db, doc_id))
    type_text(dialog.person, "Коваль")
    popup = dialog.person.completer().popup()
    assert popup.isVisible()  # «Коваль О. П.» and «Ковальський Ю. Ю.» are offered …
    assert popup.model().rowCount() == 2
    _press(dialog, Qt.Key.Key_Tab)  # … but nothing is picked
    assert dialog.person.text() == "Коваль"
    type_text(dialog.basis, "Лист від 10.11.2026 № 45/01-12")
    dialog.day.setText("20.11.2026")
    dialog.accept()
    wait_saved(qtbot, dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted, dialog.error.text()
    assert get_document(db, doc_id).control_events[-1].person == "Коваль"


def test_remove_from_control_down_without_a_popup_changes_nothing(qtbot, office):
    db, _people, doc_id = office
    _on_control(db, doc_id)
    dialog = _shown(qtbot, RemoveFromControlDialog(db, doc_id))
    _press(dialog, Qt.Key.Key_Down)
    assert dialog.person.text() == ""
    type_text(dialog.person, "Іваненко")  # nobody in the list: no popup
    assert not dialog.person.completer().popup().isVisible()
    _press(dialog, Qt.Key.Key_Down)
    assert dialog.person.text() == "Іваненко"


def test_remove_from_control_an_offered_name_is_taken_when_picked(qtbot, office):
    db, _people, doc_id = office
    _with_kovalskyi(db)
    _on_control(db, doc_id)
    dialog = _shown(qtbot, RemoveFromControlDialog(db, doc_id))
    type_text(dialog.person, "ськ")  # any case, anywhere in the name
    popup = dialog.person.completer().popup()
    assert popup.isVisible()
    assert popup.model().rowCount() == 1
    _press(dialog, Qt.Key.Key_Down)
    _press(dialog, Qt.Key.Key_Return)
    assert dialog.person.text() == "Ковальський Ю. Ю."
    assert dialog.isVisible()  # Enter in the popup picks the name, it does not save


def test_enter_in_the_executor_picker_takes_the_first_offered_name(qtbot, office):
    from app.services.reference import StaffInfo, save_staff

    db, _people, doc_id = office
    danylenko = save_staff(db, StaffInfo(None, "Даниленко", "Ольга", "Іванівна", "f", "Інспектор"))
    save_staff(db, StaffInfo(None, "Гнатюк", "Петро", "", "m", "Адміністратор бази даних"))
    dialog = ResolutionDialog(db, doc_id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitActive(dialog)
    qtbot.waitUntil(dialog.picker.hasFocus)
    type_text(dialog.picker, "Дан")  # Даниленко first, then «…бази даних»
    popup = dialog.picker.completer().popup()
    assert popup.isVisible()
    assert popup.model().rowCount() == 2
    _press(dialog, Qt.Key.Key_Return)
    assert dialog.executors_error.text() == ""
    assert dialog.executor_ids() == [danylenko.id]
    assert dialog.isVisible()


def test_a_long_executor_line_wraps_instead_of_scrolling_sideways(qtbot, office):
    from app.services.reference import StaffInfo, save_staff

    db, _people, doc_id = office
    long_position = "Головний спеціаліст відділу " + "з питань документообігу " * 6
    person = save_staff(db, StaffInfo(None, "Даниленко", "Ольга", "", "f", long_position))
    dialog = ResolutionDialog(db, doc_id)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.add_executor(person.id)
    qtbot.wait(10)
    bar = dialog.executors.horizontalScrollBar()
    assert not bar.isVisible() and bar.maximum() == 0
    rect = dialog.executors.visualItemRect(dialog.executors.item(0))
    assert rect.width() <= dialog.executors.viewport().width()
    assert rect.height() > dialog.executors.fontMetrics().lineSpacing() * 1.5  # wrapped


def test_saving_runs_off_the_gui_thread_with_the_buttons_disabled(qtbot, office, monkeypatch):
    import threading

    db, _people, doc_id = office
    _on_control(db, doc_id)
    release, threads = threading.Event(), []
    real = control.add_progress

    def slow_add_progress(*args, **kwargs):
        threads.append(threading.current_thread())
        assert release.wait(5)  # as if an import held the database
        return real(*args, **kwargs)

    monkeypatch.setattr(control, "add_progress", slow_add_progress)
    dialog = ProgressDialog(db, doc_id)
    qtbot.addWidget(dialog)
    dialog.show()
    type_text(dialog.note, "Обстежено 12 вулиць")
    dialog.accept()  # returns at once: the window keeps painting
    assert dialog.is_saving() and dialog.isVisible()
    assert not dialog.ok_button.isEnabled() and not dialog.cancel_button.isEnabled()
    dialog.reject()  # Esc while saving does not drop the answer
    dialog.accept()  # nor does a second Enter save twice
    assert dialog.isVisible()
    release.set()
    wait_saved(qtbot, dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert threads and all(t is not threading.main_thread() for t in threads)
    assert len(threads) == 1
    notes = [e for e in get_document(db, doc_id).control_events if e.kind == "progress"]
    assert [e.text for e in notes] == ["Обстежено 12 вулиць"]


def test_a_refused_background_save_shows_the_message_by_the_field(qtbot, office, monkeypatch):
    db, _people, doc_id = office
    _on_control(db, doc_id)

    def refuse(*args, **kwargs):
        raise control.ControlError("Вкажіть, що зроблено")

    monkeypatch.setattr(control, "add_progress", refuse)
    dialog = ProgressDialog(db, doc_id)
    qtbot.addWidget(dialog)
    dialog.show()
    type_text(dialog.note, "Обстежено")
    dialog.accept()
    wait_saved(qtbot, dialog)
    assert dialog.isVisible()
    assert "зроблено" in dialog.field_error(dialog.note).text()
    assert dialog.ok_button.isEnabled() and dialog.cancel_button.isEnabled()
    assert dialog.note.toPlainText() == "Обстежено"


def test_progress_dialog_lists_the_earlier_notes_above_the_new_one(qtbot, office):
    db, _people, doc_id = office
    _on_control(db, doc_id)
    empty = ProgressDialog(db, doc_id)
    qtbot.addWidget(empty)
    assert empty.earlier.count() == 0 and empty.earlier.isHidden()

    control.add_progress(db, doc_id, "Обстежено 12 вулиць", today=date(2026, 11, 18))
    control.add_progress(db, doc_id, "Складено кошторис", today=date(2026, 11, 20))
    dialog = ProgressDialog(db, doc_id)
    qtbot.addWidget(dialog)
    dialog.show()
    lines = [dialog.earlier.item(i).text() for i in range(dialog.earlier.count())]
    assert lines == ["18.11.2026  Обстежено 12 вулиць", "20.11.2026  Складено кошторис"]
    assert dialog.earlier.isVisible()
    from PySide6.QtCore import QPoint

    def top(widget) -> int:
        return widget.mapTo(dialog, QPoint(0, 0)).y()

    assert top(dialog.earlier) < top(dialog.note)
    assert dialog.note.toPlainText() == ""


def _form_texts(dialog: QDialog) -> list[str]:
    from PySide6.QtWidgets import QLabel

    return [dialog.windowTitle()] + [w.text() for w in dialog.findChildren(QLabel)]


def test_regulation_documents_say_termin_appeals_say_strok_as_their_law(qtbot, office):
    """One word per register: «термін виконання» (the 2011 regulation) for correspondence,
    «строк розгляду» for appeals (ЗУ «Про звернення громадян» ст. 20) — never both."""
    from app.registers import APPEALS, INCOMING
    from ui.registers.register_tab import RegisterTab

    db, _people, doc_id = office
    _on_control(db, doc_id)
    appeal = factories.appeal(db, date(2026, 11, 2))  # on control from registration
    for doc, register, word, other in (
        (doc_id, INCOMING, "термін", "строк"),
        (appeal.id, APPEALS, "строк", "термін"),
    ):
        tab = RegisterTab(db, register)
        qtbot.addWidget(tab)
        assert tab.document_actions.extend_action.text() == f"Продовжити {word}…"
        extend = ExtendTermDialog(db, doc)
        qtbot.addWidget(extend)
        put = PutOnControlDialog(db, doc)  # «already on control: use «Продовжити …»»
        qtbot.addWidget(put)
        texts = " ".join(_form_texts(extend) + _form_texts(put) + [put.error.text()]).lower()
        assert word in texts, register.title
        assert other not in texts.replace("терміново", ""), (register.title, texts)
    assert extend.windowTitle() == "Продовжити строк розгляду"


def test_executor_suggestions_are_as_wide_as_the_longest_item_within_the_screen(qtbot, office):
    """A long department is not cut («Центр надання адмі…»): the popup is wider than the field."""
    from app.services.reference import DepartmentInfo, StaffInfo, save_department, save_staff

    db, _people, doc_id = office
    dept = save_department(
        db,
        DepartmentInfo(
            None, "Центр надання адміністративних послуг виконавчого комітету міської ради", "07"
        ),
    )
    save_staff(
        db, StaffInfo(None, "Даниленко", "Ольга", "", "f", "Адміністратор", department_id=dept.id)
    )
    dialog = ResolutionDialog(db, doc_id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitActive(dialog)
    qtbot.waitUntil(dialog.picker.hasFocus)
    type_text(dialog.picker, "Дани")
    popup = dialog.picker.completer().popup()
    qtbot.waitUntil(popup.isVisible)
    text = str(popup.model().index(0, 0).data())
    assert "Центр надання адміністративних послуг" in text
    assert popup.width() > dialog.picker.width()
    assert popup.viewport().width() >= popup.fontMetrics().horizontalAdvance(text)
    screen = dialog.screen().availableGeometry()
    assert screen.contains(popup.geometry())
