"""The schedule of personal reception in «Довідники ▸ Графік прийому»: a line added through its
form, printed for publication, and its officials offered first as «Прийняв на особистому
прийомі» on an appeal's card."""

from __future__ import annotations

from pypdf import PdfReader
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QComboBox

from app.registers import APPEALS
from app.services import reference
from app.services.reception import ReceptionLine, save_line
from ui.dialogs.document_form import DocumentForm
from ui.dialogs.reception import ReceptionForm, schedule_pdf
from ui.dialogs.reference import ReferenceDialog


def _staff(db, surname: str) -> reference.StaffInfo:
    return next(p for p in reference.list_staff(db) if p.surname == surname)


def test_a_line_is_added_in_the_reference_dialog_and_printed(qtbot, office_db):
    dialog = ReferenceDialog(office_db)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.tabs.setCurrentWidget(dialog.reception)
    mayor = _staff(office_db, "Бондар")

    def fill() -> None:
        form = QApplication.activeModalWidget()
        assert isinstance(form, ReceptionForm)
        index = next(
            i for i in range(form.person.count())
            if getattr(form.person.itemData(i), "id", None) == mayor.id
        )  # fmt: skip
        form.person.setCurrentIndex(index)
        assert form.position.text() == "Міський голова"  # from the staff list
        form.days_hours.setText("щопонеділка 9:00–12:00")
        form.place.setText("каб. 1")
        form.accept()

    QTimer.singleShot(0, fill)
    qtbot.mouseClick(dialog.reception.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.reception.model.rowCount() == 1)
    row = [dialog.reception.model.item(0, c).text() for c in range(6)]
    assert row[1:] == ["Міський голова", "Бондар Віктор Петрович", "щопонеділка 9:00–12:00",
                       "каб. 1", "так"]  # fmt: skip
    [print_button] = dialog.reception.action_buttons
    assert print_button.text() == "Друк графіка…"
    import io

    text = PdfReader(io.BytesIO(schedule_pdf(office_db))).pages[0].extract_text()
    assert "Графік особистого прийому громадян" in text and "щопонеділка 9:00–12:00" in text


def test_a_line_without_days_keeps_the_form_open_with_the_message(qtbot, office_db):
    form = ReceptionForm(office_db)
    qtbot.addWidget(form)
    form.person.setCurrentIndex(1)
    form.accept()
    qtbot.waitUntil(lambda: form.error.text() != "")
    assert "дні та години" in form.error.text()
    assert form.isVisible() or form.result() == 0


def test_the_schedule_officials_come_first_on_the_personal_reception_card(qtbot, office_db):
    koval = _staff(office_db, "Коваль")
    save_line(office_db, ReceptionLine(None, koval.id, "Заступник міського голови", "щосереди"))
    form = DocumentForm(office_db, APPEALS)
    qtbot.addWidget(form)
    combo = form.editors["received_by"].widget
    assert isinstance(combo, QComboBox)
    qtbot.waitUntil(lambda: combo.count() == 3)
    assert combo.itemText(0) == "Коваль О. П."
    assert "веде прийом за графіком" in combo.itemData(0, Qt.ItemDataRole.ToolTipRole)
    assert [combo.itemText(i) for i in (1, 2)] == ["Бондар В. П.", "Мельник І. І."]
    form._modified = False
