"""Cancelling a document from the window: a reason, the number kept, control ended."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt

from app.domain.deadlines import ControlState
from app.registers import INCOMING
from app.services import control
from app.services.details import get_document
from tests import factories
from ui.dialogs.cancel import CancelDialog
from ui.registers.register_tab import RegisterTab


def test_cancel_needs_a_reason_then_keeps_the_number_and_ends_control(qtbot, office_db):
    reg = factories.incoming(office_db, date.today() - timedelta(days=2))
    control.put_on_control(office_db, reg.id, date.today() + timedelta(days=5))
    dialog = CancelDialog(office_db, reg.id)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.ok_button.isDefault()
    dialog.accept()
    assert "причину" in dialog.field_error(dialog.reason).text()
    dialog.reason.setPlainText("Зареєстровано помилково (дублікат вх. № 1)")
    dialog.accept()
    qtbot.waitUntil(lambda: not dialog.is_saving())
    detail = get_document(office_db, reg.id)
    assert detail.cancelled and detail.reg_number == reg.reg_number
    assert detail.cancel_reason == "Зареєстровано помилково (дублікат вх. № 1)"
    assert detail.state is ControlState.NONE
    assert detail.control_events[-1].kind == "cancel"


def test_the_tab_offers_cancelling_a_live_document_only(qtbot, office_db):
    live = factories.incoming(office_db, date.today())
    tab = RegisterTab(office_db, INCOMING)
    qtbot.addWidget(tab)
    tab.show()
    qtbot.waitUntil(lambda: not tab.model.loading)
    assert "Анулювати…" in [a.text() for a in tab.table.actions()]
    assert "Анулювати…" not in [a.text() for a in tab.toolbar.actions()]
    tab.select_document(live.id)
    qtbot.waitUntil(lambda: tab.current_id() == live.id)
    assert tab.document_actions.cancel_action.isEnabled()
    from app.services import documents

    documents.cancel_document(office_db, live.id, "Дублікат")
    tab.document_changed(live.id)
    qtbot.waitUntil(lambda: not tab.model.loading)
    tab.select_document(live.id)
    qtbot.waitUntil(lambda: tab.current_row() is not None and tab.current_row().cancelled)
    assert not tab.document_actions.cancel_action.isEnabled()
    row = tab.table.currentIndex().row()
    state = tab.model.index(row, [c.key for c in INCOMING.columns].index("state_label"))
    assert state.data(Qt.ItemDataRole.DisplayRole) == "Анульовано"
