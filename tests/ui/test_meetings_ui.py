"""The meetings tab (pytest-qt, offscreen): the year's meetings and the agenda of the chosen one,
moving an item with the buttons, attendance and a vote through the dialogs that give a numbered
decision, a reader's view without the buttons that change, and every dialog fits 1366×768."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtWidgets import QDialog

from app.domain import meetings as rules
from app.domain import roles
from app.domain.roles import Actor
from app.services import committee
from app.services import meetings as svc
from tests import factories
from ui.dialogs import meeting_dialogs as dialogs
from ui.registers.meetings_tab import MeetingsTab
from ui.screen import LAPTOP_CLIENT

DAY = date.today() - timedelta(days=3)


@pytest.fixture
def meeting_db(sqlite_db):
    factories.organisation(sqlite_db)
    for i in range(7):
        committee.save_member(sqlite_db, None, f"Член Виконкому {i}", "", date(2020, 1, 1))
    meeting_id = svc.add_meeting(sqlite_db, DAY, extraordinary=False)
    for title in ("Про перше", "Про друге", "Про третє"):
        svc.save_item(sqlite_db, meeting_id, svc.ItemInput(title, "Загальний відділ"))
    return sqlite_db, meeting_id


def _tab(qtbot, db, user: Actor | None = None) -> MeetingsTab:
    tab = MeetingsTab(db)
    if user is not None:
        tab.user = user
        tab.meetings, tab.view = [], None
    qtbot.addWidget(tab)
    tab.year.setValue(DAY.year)
    tab.reload()
    return tab


def _titles(tab: MeetingsTab) -> list[str]:
    return [tab.item_table.item(r, 1).text() for r in range(tab.item_table.rowCount())]


def test_the_agenda_of_the_meeting_shows_and_moves(qtbot, meeting_db):
    db, meeting_id = meeting_db
    tab = _tab(qtbot, db)
    assert tab.view is not None and tab.view.meeting.id == meeting_id
    assert _titles(tab) == ["Про перше", "Про друге", "Про третє"]
    # a draft without visas is flagged in red, not refused
    assert "немає візи" in tab.item_table.item(0, 5).text()
    tab.item_table.selectRow(2)
    tab._on_move(-1)
    assert _titles(tab) == ["Про перше", "Про третє", "Про друге"]
    assert tab.current_item().data.title == "Про третє"  # the moved item stays chosen
    tab._on_postpone()
    assert tab.item_table.item(1, 7).text() == "перенесено"


def test_attendance_and_a_vote_give_a_numbered_decision(qtbot, meeting_db):
    db, _meeting_id = meeting_db
    tab = _tab(qtbot, db)
    attendance = dialogs.AttendanceDialog(db, tab.view, tab.user, tab)
    qtbot.addWidget(attendance)
    attendance.boxes[0][1].setChecked(False)
    assert "правомочне" in attendance.quorum.text()  # 6 of 7
    for _, box in attendance.boxes[:4]:
        box.setChecked(False)
    assert "кворуму немає" in attendance.quorum.text()  # 3 of 7
    for _, box in attendance.boxes:
        box.setChecked(True)
    attendance._on_ok()
    assert attendance.result() == QDialog.DialogCode.Accepted
    tab._refresh()
    assert tab.view.meeting.held and tab.view.meeting.protocol_number == "1"
    tab.item_table.selectRow(0)
    vote = dialogs.VoteDialog(db, tab.view, tab.current_item(), tab.user, tab)
    qtbot.addWidget(vote)
    vote.spins[0].setValue(3)  # 3 of 7: not a majority of the total membership
    assert "не прийнято" in vote.outcome.text()
    vote.spins[0].setValue(5)
    assert rules.OUTCOMES[rules.ADOPTED] in vote.outcome.text()
    vote._on_ok()
    assert vote.vote_result is not None and vote.vote_result.decision_number == "1"
    tab._refresh()
    assert tab.item_table.item(0, 8).text() == "1"  # the decision number
    assert tab.item_table.item(0, 7).text() == "прийнято"


def test_a_refused_vote_is_shown_in_the_dialog(qtbot, meeting_db):
    db, meeting_id = meeting_db
    members = committee.list_members(db)
    svc.set_attendance(db, meeting_id, [m.id for m in members[:3]])  # no quorum
    tab = _tab(qtbot, db)
    tab.item_table.selectRow(0)
    vote = dialogs.VoteDialog(db, tab.view, tab.current_item(), tab.user, tab)
    qtbot.addWidget(vote)
    vote._on_ok()
    assert "неправомочне" in vote.error.text()
    assert vote.result() != QDialog.DialogCode.Accepted


def test_a_reader_sees_no_buttons_that_change(qtbot, meeting_db):
    db, _ = meeting_db
    tab = _tab(qtbot, db, Actor("reader", frozenset({roles.READER})))
    tab.set_read_only(True)
    tab.show()
    assert not any(b.isVisible() for b in tab.write_buttons)
    assert tab.print_button.isVisible()


def test_every_meeting_dialog_fits_the_laptop(qtbot, meeting_db):
    db, meeting_id = meeting_db
    view = svc.open_meeting(db, meeting_id)
    user = Actor("clerk", frozenset({roles.CLERK}))
    made = [
        dialogs.ItemDialog(db, meeting_id, view.items[0], ["Загальний відділ"], user),
        dialogs.VisasDialog(db, view.items[0], user),
        dialogs.AttendanceDialog(db, view, user),
        dialogs.VoteDialog(db, view, view.items[0], user),
        dialogs.NewMeetingDialog(db, user),
        dialogs.MembersDialog(db, user),
        dialogs.RegulatoryDialog(db, DAY.year, user),
        MeetingsTab(db),
    ]
    for widget in made:
        qtbot.addWidget(widget)
        for size in (widget.minimumSizeHint(), widget.sizeHint()):
            assert size.width() <= LAPTOP_CLIENT.width(), (type(widget).__name__, size)
            assert size.height() <= LAPTOP_CLIENT.height(), (type(widget).__name__, size)


def test_a_user_without_the_right_gets_the_tab_built_empty(qtbot, meeting_db):
    db, _ = meeting_db
    admin = Actor("admin", frozenset({roles.ADMINISTRATOR}))
    tab = _tab(qtbot, db, admin)
    assert tab.meetings == [] and "Недостатньо прав" in tab.header.text()


def test_the_regulatory_dialog_records_a_tracking(qtbot, meeting_db):
    from app.registers import DECISIONS
    from app.services import documents

    db, _ = meeting_db
    values = DECISIONS.parse(
        {"title": "Про тарифи", "regulatory": True, "entry_into_force": DAY + timedelta(days=10)}
    )
    documents.register_document(db, DECISIONS, values, reg_date=DAY)
    dialog = dialogs.RegulatoryDialog(db, DAY.year, Actor("clerk", frozenset({roles.CLERK})))
    qtbot.addWidget(dialog)
    if not dialog.rows:  # the base tracking falls in the next year near 31 December
        return
    dialog.table.selectRow(0)
    dialog.done_edit.set_date(DAY)
    dialog.report.setText("звіт")
    dialog._on_record()
    assert dialog.error.text() == ""
    assert dialog.rows[0].done == DAY
