"""The tab, the model and the form read everything from the spec: a second register works."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QLabel

from app.registers.base import Column, Printout, RegisterSpec
from app.registers.fields import Field, FieldKind
from app.services.register_view import RegisterView, ViewQuery
from ui.dialogs.document_form import DocumentForm
from ui.registers.register_tab import RegisterTab

OUTGOING_LIKE = RegisterSpec(
    code="memo",
    title="Внутрішні",
    journal_title="Журнал реєстрації внутрішніх документів",
    number_label="Вих. №",
    number_setting="number_format.memo",
    default_number_format="{n}",
    fields=(
        Field("correspondent", "Адресат", FieldKind.CORRESPONDENT, required=True),
        Field("summary", "Зміст", FieldKind.MULTILINE, required=True),
        Field("sheets", "Аркушів", FieldKind.INT),
        Field("urgent", "Терміново", FieldKind.BOOL),
    ),
    columns=(
        Column("reg_number", "Вих. №", 80, sort="number"),
        Column("reg_date", "Дата", 90, sort="reg_date"),
        Column("correspondent_name", "Адресат", 200, sort="correspondent"),
        Column("summary", "Зміст", 300),
    ),
    control=None,
    printouts=(
        Printout("Штамп реєстрації", "stamp_pdf"),
        Printout("Штамп «Контроль»", "control_stamp_pdf", needs_control=True),
        Printout("Реєстраційно-контрольна картка (РКК)", "card_pdf"),
    ),
)


def test_a_register_without_control_gets_its_own_columns_and_no_control_actions(qtbot, office_db):
    tab = RegisterTab(office_db, OUTGOING_LIKE)
    qtbot.addWidget(tab)
    tab.show()
    qtbot.waitUntil(lambda: not tab.model.loading)
    titles = [
        tab.model.headerData(i, Qt.Orientation.Horizontal) for i in range(tab.model.columnCount())
    ]
    assert titles == ["Вих. №", "Дата", "Адресат", "Зміст"]
    toolbar = [a.text() for a in tab.toolbar.actions() if a.text()]
    assert "На контроль…" not in toolbar and "Зареєструвати" in toolbar
    assert [a.text() for a in tab.doc_print_actions] == [
        "Штамп реєстрації",
        "Реєстраційно-контрольна картка (РКК)",
    ]
    assert tab.filter_bar.state.isHidden()


def test_the_form_of_another_register_registers_in_its_own_series(qtbot, keyboard, office_db):
    form = DocumentForm(office_db, OUTGOING_LIKE)
    qtbot.addWidget(form)
    form.show()
    qtbot.waitUntil(form.isActiveWindow)
    captions = [w.text() for w in form.findChildren(QLabel) if w.buddy() is not None]
    assert captions[:5] == [
        "Дата реєстрації *:",
        "Адресат *:",
        "Зміст *:",
        "Аркушів:",
        "Терміново:",
    ]
    assert isinstance(form.editors["urgent"].widget, QCheckBox)
    keyboard.tab()
    keyboard.type("Хмельницька ОДА")
    keyboard.tab()
    keyboard.type("Відповідь на запит")
    keyboard.tab(2)
    assert keyboard.focus() is form.editors["urgent"].widget
    keyboard.press(Qt.Key.Key_Space)
    keyboard.press(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: form.registered is not None)
    today = date.today().strftime("%d.%m.%Y")
    assert form.result_label.text() == f"Зареєстровано: Вих. № 1 від {today}"
    assert RegisterView(office_db, ViewQuery("memo")).page(0, 5)[0].urgent is True
    assert RegisterView(office_db, ViewQuery("incoming")).count() == 0
