"""The clerk's day in one flow: after «Зареєстровано» the same card goes on to the resolution,
control and the stamp; every action of the tab has a key shown in its tooltip and menu;
«Відповісти» opens a filled outgoing card; a duplicate is named before registering; the links
between a letter and its answer open each other's cards."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QDialog

from app.registers import INCOMING, OUTGOING
from app.services.details import get_document
from tests import factories
from ui.dialogs import duplicates
from ui.dialogs.document_form import DocumentForm
from ui.registers import shortcuts
from ui.registers.register_tab import RegisterTab


@pytest.fixture(autouse=True)
def _no_questions(monkeypatch):
    monkeypatch.setattr("ui.dialogs.document_form.ask", lambda *_a: True)


def _tab(qtbot, db, spec=INCOMING) -> RegisterTab:
    tab = RegisterTab(db, spec)
    qtbot.addWidget(tab)
    tab.show()
    qtbot.waitUntil(lambda: not tab.model.loading)
    return tab


def _when_modal(qtbot, kind, act) -> list[QDialog]:
    """Act on the next modal dialog of `kind` as soon as it opens (then it is closed)."""
    seen: list[QDialog] = []

    def poll() -> None:
        modal = QApplication.activeModalWidget()
        if isinstance(modal, kind) and modal not in seen:
            seen.append(modal)
            act(modal)
            return
        QTimer.singleShot(20, poll)

    QTimer.singleShot(0, poll)
    return seen


def test_every_action_of_the_tab_has_a_key_shown_in_its_tooltip(qtbot, office_db):
    tab = _tab(qtbot, office_db)
    acts = tab.document_actions
    expected = {
        acts.resolution_action: shortcuts.RESOLUTION,
        acts.put_action: shortcuts.PUT_ON_CONTROL,
        acts.extend_action: shortcuts.EXTEND,
        acts.remove_action: shortcuts.REMOVE,
        acts.progress_action: shortcuts.PROGRESS,
        shortcuts.stamp_action(tab): shortcuts.STAMP,
        tab.reply_action: shortcuts.REPLY,
    }
    for action, keys in expected.items():
        assert action is not None
        assert action.shortcut() == QKeySequence(keys), action.text()
        assert shortcuts.native(keys) in action.toolTip(), action.text()
        assert action in tab.actions()  # works wherever the focus is in the tab
    # The context menu lists them (a QMenu shows an action's shortcut beside its text).
    assert acts.resolution_action in tab.table.actions()
    keys = {a.shortcut().toString() for a in tab.actions() if not a.shortcut().isEmpty()}
    assert len(keys) == len([a for a in tab.actions() if not a.shortcut().isEmpty()])


def test_after_registering_the_card_goes_on_to_control_and_the_stamp(qtbot, office_db, wait_tasks):
    from ui.dialogs.control import PutOnControlDialog
    from ui.preview import PdfPreviewDialog

    form = DocumentForm(office_db, INCOMING)
    qtbot.addWidget(form)
    form.show()
    assert not form.flow.isVisible()
    saved: list[int] = []
    form.saved.connect(saved.append)
    form.editors["correspondent"].set_value("Луцька міська рада")
    form.editors["summary"].set_value("Про ремонт доріг")
    form.save_button.click()
    qtbot.waitUntil(lambda: form.registered is not None)
    assert form.flow.isVisible()
    assert form.flow.resolution_button is not None and form.flow.reply_button is not None
    assert shortcuts.native(shortcuts.PUT_ON_CONTROL) in form.flow.control_button.toolTip()

    _when_modal(qtbot, PutOnControlDialog, lambda d: d.ok_button.click())
    qtbot.keyClick(form, "K", QKeySequence(shortcuts.PUT_ON_CONTROL)[0].keyboardModifiers())
    doc = get_document(office_db, form.doc_id)
    assert doc.on_control and doc.due_date is not None
    assert saved == [doc.id, doc.id]  # the tab re-reads after each step
    assert "На контролі до" in form.flow.status.text()
    assert not form.flow.control_button.isEnabled()

    previews = _when_modal(qtbot, PdfPreviewDialog, lambda d: d.reject())
    form.flow.stamp_button.click()
    qtbot.waitUntil(lambda: bool(previews), timeout=10000)
    assert previews[0].page_count() == 1
    wait_tasks()

    form.next_button.click()  # the next letter: the steps are for a registered one
    assert not form.flow.isVisible()


def test_reply_opens_a_filled_outgoing_card_and_the_links_open_both_ways(
    qtbot, office_db, monkeypatch
):
    letter = factories.incoming(office_db, date.today(), case_index="01-12", ext_number="5/1")
    tab = _tab(qtbot, office_db)
    tab.table.setCurrentIndex(tab.model.index(0, 0))
    seen: dict[str, object] = {}

    def answer(form: DocumentForm) -> None:
        seen["title"] = form.windowTitle()
        seen["addressee"] = form.editors["addressees"].value()[0].name
        seen["reply_to"] = form.editors["reply_to"].value()
        form.editors["summary"].set_value("Відповідь щодо ремонту доріг")
        form.save_button.click()
        qtbot.waitUntil(lambda: form.registered is not None)
        seen["answer"] = form.doc_id
        # The just-registered answer already links back to the letter (not only when reopened).
        seen["links_visible"] = form.links is not None and form.links.isVisible()
        seen["links"] = form.links.text() if form.links is not None else ""
        form.accept()

    _when_modal(qtbot, DocumentForm, answer)
    tab.reply_action.trigger()
    assert seen["addressee"] == "Хмельницька обласна державна адміністрація"
    assert seen["reply_to"] == letter.reg_number
    assert "відповідь" in str(seen["title"])
    assert seen["links_visible"] is True
    assert "У відповідь на:" in str(seen["links"])
    assert f"doc:incoming:{letter.id}" in str(seen["links"])
    answer_id = int(seen["answer"])  # type: ignore[arg-type]
    assert get_document(office_db, answer_id).values["case_index"] == "01-12"

    # The letter's card names its answer; a click opens the answer's card, and back.
    card = DocumentForm(office_db, INCOMING, letter.id)
    qtbot.addWidget(card)
    assert card.links is not None and card.links.isVisible() is False  # not shown yet
    card.show()
    assert "Відповіді:" in card.links.text()
    opened: list[int | None] = []
    _when_modal(qtbot, DocumentForm, lambda d: (opened.append(d.doc_id), d.reject()))
    card.links.linkActivated.emit(f"doc:outgoing:{answer_id}")
    assert opened == [answer_id]
    answer_card = DocumentForm(office_db, OUTGOING, answer_id)
    qtbot.addWidget(answer_card)
    answer_card.show()
    assert "У відповідь на:" in answer_card.links.text()
    assert f"doc:incoming:{letter.id}" in answer_card.links.text()


def test_a_duplicate_is_named_before_registering_and_the_clerk_decides(
    qtbot, office_db, monkeypatch
):
    first = factories.incoming(office_db, date.today(), ext_number="01-12/345")
    asked: list[list] = []
    answers = iter([False, True])

    def confirm(found, parent=None) -> bool:
        asked.append(found)
        return next(answers)

    monkeypatch.setattr(duplicates, "confirm_registering", confirm)
    form = DocumentForm(office_db, INCOMING)
    qtbot.addWidget(form)
    form.show()
    form.editors["correspondent"].set_value("Хмельницька обласна державна адміністрація")
    form.editors["ext_number"].set_value("01-12/345")
    form.editors["summary"].set_value("Зовсім інший зміст")
    form.save_button.click()  # «Повернутися до форми»: nothing registered, nothing lost
    assert [d.id for d in asked[0]] == [first.id]
    assert form.registered is None and form.editors["ext_number"].value() == "01-12/345"
    form.save_button.click()  # «Зареєструвати все одно»
    qtbot.waitUntil(lambda: form.registered is not None)
    assert form.registered.id != first.id


def test_the_duplicates_box_shows_the_earlier_document(qtbot, office_db):
    from app.services.duplicates import find_duplicates

    first = factories.incoming(office_db, date.today(), ext_number="7")
    found = find_duplicates(
        office_db,
        "incoming",
        INCOMING.parse(
            {"correspondent": "Хмельницька обласна державна адміністрація", "ext_number": "7"}
            | {"summary": "x"}
        ),
        date.today(),
    )
    box = duplicates.duplicates_box(found)
    qtbot.addWidget(box)
    assert first.reg_number in box.text()
    assert box.defaultButton().text() == duplicates.BACK
    assert {b.text() for b in box.buttons()} == {duplicates.BACK, duplicates.REGISTER_ANYWAY}


def test_an_untouched_filled_reply_closes_without_asking(qtbot, office_db, monkeypatch):
    """The answer's card comes filled in; closing it before typing anything is no loss."""
    from ui.registers.reply import reply_form

    letter = factories.incoming(office_db, date.today(), ext_number="7/2")
    asked: list[str] = []
    monkeypatch.setattr("ui.dialogs.document_form.ask", lambda *a: asked.append(a[2]) or True)
    form = reply_form(office_db, letter.id, None)
    qtbot.addWidget(form)
    form.show()
    form.reject()
    assert asked == []
    typed = reply_form(office_db, letter.id, None)
    qtbot.addWidget(typed)
    typed.show()
    typed.editors["summary"].set_value("Відповідь")
    typed.reject()
    assert asked == ["Введені дані не збережено. Закрити форму?"]
