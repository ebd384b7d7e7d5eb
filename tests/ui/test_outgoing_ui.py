"""The outgoing register in the window: the answer that ends control, sending, the tab."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt, QTimer

from app.domain.correspondence import Addressee
from app.domain.deadlines import ControlState
from app.registers import OUTGOING
from app.services import control
from app.services.details import get_document
from app.services.reference import list_staff
from app.services.register_view import RegisterView, ViewQuery
from tests import factories
from ui.dialogs.document_form import DocumentForm
from ui.dialogs.send import SEND, SEND_ANYWAY, SendDialog
from ui.registers.register_tab import RegisterTab

OBLAST = Addressee("Хмельницька ОДА", "майдан Незалежності, 2, м. Хмельницький", "29000")


def _on_control(db) -> tuple[int, str]:
    people = {p.surname: p for p in list_staff(db)}
    reg = factories.incoming(db, date.today() - timedelta(days=3), summary="Запит щодо доріг")
    task = control.ResolutionInput((people["Мельник"].id,), "Підготувати відповідь")
    control.add_resolution(db, reg.id, task)
    control.put_on_control(db, reg.id, date.today() + timedelta(days=10))
    return reg.id, reg.reg_number


def _card(qtbot, db, reply_to: str) -> DocumentForm:
    form = DocumentForm(db, OUTGOING)
    qtbot.addWidget(form)
    form.show()
    form.editors["addressees"].set_value([OBLAST])
    form.editors["summary"].widget.setPlainText("Відповідь на запит щодо доріг")
    form.editors["reply_to"].set_value(reply_to)
    form.editors["signatory"].set_value("Бондар В. П.")
    return form


def _answer_when_asked(form: DocumentForm, act) -> list[str]:
    """Answer the modal «end control?» dialog as soon as it opens; returns what it listed."""
    seen: list[str] = []

    def poll() -> None:
        dialog = form.answer_dialog
        if dialog is None:
            QTimer.singleShot(20, poll)
            return
        seen.extend(box.text() for box, _ in dialog.boxes)
        seen.append(dialog.person())
        act(dialog)

    QTimer.singleShot(0, poll)
    return seen


def test_an_answer_removes_the_incoming_from_control_when_the_clerk_agrees(qtbot, office_db):
    asked, number = _on_control(office_db)
    form = _card(qtbot, office_db, number)
    seen = _answer_when_asked(form, lambda d: d.register_button.click())
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: form.registered is not None, timeout=5000)
    assert any(number in text and "Мельник І. І." in text for text in seen)
    assert seen[-1] == "Бондар В. П."  # who removes it: the signatory, editable
    detail = get_document(office_db, asked)
    assert detail.state is ControlState.DONE and detail.done_date == date.today()
    removal = detail.control_events[-1]
    assert removal.basis.startswith(f"Вих. № {form.registered.reg_number} від ")
    assert removal.person == "Бондар В. П."


def test_unticking_registers_the_answer_and_leaves_control(qtbot, office_db):
    asked, number = _on_control(office_db)
    form = _card(qtbot, office_db, number)

    def untick(dialog) -> None:
        dialog.boxes[0][0].setChecked(False)
        dialog.register_button.click()

    _answer_when_asked(form, untick)
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: form.registered is not None, timeout=5000)
    assert get_document(office_db, asked).state is not ControlState.DONE
    assert get_document(office_db, form.registered.id).values["reply_to"] == (number,)


def test_going_back_to_the_card_registers_nothing_and_keeps_what_was_typed(
    qtbot, office_db, monkeypatch
):
    # Closing the card at the end asks about the unsaved card: answer «close».
    monkeypatch.setattr("ui.dialogs.document_form.ask", lambda *args: True)
    _asked, number = _on_control(office_db)
    form = _card(qtbot, office_db, number)
    _answer_when_asked(form, lambda d: d.back_button.click())
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: form.save_button.isEnabled() and form.answer_dialog is None)
    qtbot.wait(50)
    assert form.registered is None
    assert RegisterView(office_db, ViewQuery("outgoing")).count() == 0
    assert form.editors["reply_to"].value() == number
    assert form.editors["addressees"].value() == [OBLAST]


def test_an_unknown_incoming_number_is_shown_under_its_field(qtbot, office_db):
    form = _card(qtbot, office_db, "777/01-12")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: form.errors["reply_to"].isVisible())
    assert "777/01-12" in form.errors["reply_to"].text()
    assert form.registered is None


def test_choosing_the_executor_fills_the_phone(qtbot, office_db):
    from dataclasses import replace

    from app.services.reference import list_staff, save_staff

    melnyk = next(p for p in list_staff(office_db) if p.surname == "Мельник")
    save_staff(office_db, replace(melnyk, phone="4-12-34"))
    form = DocumentForm(office_db, OUTGOING)
    qtbot.addWidget(form)
    form.show()
    combo = form.editors["lead_executor"].widget
    qtbot.waitUntil(lambda: combo.count() >= 3)
    combo.setCurrentText("Мельник І. І.")
    assert form.editors["executor_phone"].value() == "4-12-34"


def _letter(db, **values) -> int:
    return factories.outgoing(db, date.today(), addressees=[Addressee("Луцька РДА")], **values).id


def test_send_lists_what_10_10_misses_and_sends_only_by_choice(qtbot, office_db):
    doc_id = _letter(office_db)
    dialog = SendDialog(office_db, doc_id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: not dialog.is_checking())
    text = dialog.checks.text()
    assert "Не вказано, хто підписав документ (п. 10.10.2)" in text
    assert "Луцька РДА" in text and "індекс" in text
    assert dialog.ok_button.text() == SEND_ANYWAY
    assert not dialog.ok_button.isDefault() and dialog.cancel_button.isDefault()  # no Enter
    dialog.method.setCurrentText("Нарочно")  # by hand: no postal address needed
    qtbot.waitUntil(lambda: not dialog.is_checking())
    assert "індекс" not in dialog.checks.text()
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: not dialog.is_saving())
    values = get_document(office_db, doc_id).values
    assert (values["sent_date"], values["send_method"]) == (date.today(), "Нарочно")


def test_a_complete_letter_is_sent_with_the_plain_button(qtbot, office_db):
    doc_id = _letter(
        office_db,
        title="Про дороги",
        signatory="Бондар В. П.",
        lead_executor="Мельник І. І.",
        executor_phone="4-12-34",
    )
    dialog = SendDialog(office_db, doc_id)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.method.setCurrentText("СЕВ ОВВ")
    qtbot.waitUntil(lambda: not dialog.is_checking())
    assert dialog.ok_button.text() == SEND
    assert "на місці" in dialog.checks.text()


def test_the_outgoing_tab_offers_sending_and_mail_printouts(qtbot, office_db):
    _letter(office_db)
    tab = RegisterTab(office_db, OUTGOING)
    qtbot.addWidget(tab)
    tab.show()
    qtbot.waitUntil(lambda: not tab.model.loading)
    toolbar = [a.text() for a in tab.toolbar.actions() if a.text()]
    assert "Відправлено…" in toolbar and "Резолюція…" not in toolbar
    assert "На контроль…" in toolbar
    assert [a.text() for a in tab.doc_print_actions][:5] == [
        "Конверти DL",
        "Конверти C5",
        "Конверти C4",
        "Адресні наклейки",
        "Список розсилки",
    ]
    headers = [tab.model.headerData(i, Qt.Orientation.Horizontal) for i in range(4)]
    assert headers == ["Вих. №", "Дата", "Адресати", "Заголовок"]
