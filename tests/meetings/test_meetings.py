"""Meetings in the database, on both engines: the plan, the agenda (order, move, withdraw,
visas flagged not blocked), attendance and quorum (6.1), votes by the total membership (6.14),
adopted items becoming numbered decisions dated the meeting day (6.18), protocols numbered within
the year (6.21), membership by dates, and the rights of the decisions register."""

from __future__ import annotations

from datetime import date

import pytest

from app.domain import meetings as rules
from app.domain import roles
from app.domain.roles import Actor, PermissionDenied
from app.registers import DECISIONS
from app.services import committee, imports
from app.services import meetings as svc
from app.services.details import get_document

READER = Actor("reader", frozenset({roles.READER}))


def members(db, n: int = 11, start: date = date(2020, 1, 1)) -> list[int]:
    return [
        committee.save_member(db, None, f"Член Виконкому {i}", "член виконкому", start)
        for i in range(n)
    ]


def held_meeting(db, day: date = date(2026, 3, 19), present: int = 7):
    ids = members(db)
    meeting_id = svc.add_meeting(db, day, extraordinary=False)
    item_ids = [
        svc.save_item(db, meeting_id, svc.ItemInput(f"Про питання {i}", "Відділ освіти"))
        for i in range(1, 4)
    ]
    protocol = svc.set_attendance(db, meeting_id, ids[:present])
    return meeting_id, item_ids, protocol


def test_plan_of_a_year_is_twelve_third_thursdays_and_not_doubled(db):
    assert svc.plan_year(db, 2026) == 12
    assert svc.plan_year(db, 2026) == 0
    plan = svc.list_meetings(db, 2026)
    assert [m.day for m in plan] == rules.year_plan(2026)
    assert all(m.start_time == "14:00" and not m.extraordinary for m in plan)
    assert plan[9].deadlines.publish == date(2026, 10, 1)
    with pytest.raises(svc.MeetingError, match="вже є"):
        svc.add_meeting(db, date(2026, 10, 15))
    extra = svc.add_meeting(db, date(2026, 10, 15), "10:00")
    assert svc.open_meeting(db, extra).meeting.extraordinary


def test_items_are_ordered_moved_and_withdrawn(db):
    meeting_id = svc.add_meeting(db, date(2026, 3, 19), extraordinary=False)
    ids = [svc.save_item(db, meeting_id, svc.ItemInput(f"Про {i}")) for i in "абвг"]
    svc.move_item(db, ids[3], 1)
    view = svc.open_meeting(db, meeting_id)
    assert [i.data.title for i in view.items] == ["Про г", "Про а", "Про б", "Про в"]
    assert [i.position for i in view.items] == [1, 2, 3, 4]
    svc.withdraw_item(db, ids[0])
    view = svc.open_meeting(db, meeting_id)
    assert view.items[1].outcome_text == "знято з розгляду"
    assert view.items[1].flags == ()


def test_a_draft_without_visas_or_late_is_flagged_not_refused(db):
    meeting_id = svc.add_meeting(db, date(2026, 10, 15), extraordinary=False)
    item = svc.save_item(
        db, meeting_id, svc.ItemInput("Про бюджет", financial=True, submitted=date(2026, 10, 13))
    )
    svc.set_visas(db, item, [rules.Visa(rules.HEAD, "Коваль О. П.", date(2026, 10, 1), "agreed")])
    flags = svc.open_meeting(db, meeting_id).items[0].flags
    assert "подано пізно (п. 5.8)" in flags
    assert any("фінансового" in f for f in flags)
    assert not any("що готує" in f for f in flags)


def test_no_vote_without_quorum(db):
    _meeting_id, items, _ = held_meeting(db, present=5)  # 5 of 11
    with pytest.raises(svc.MeetingError, match="неправомочне"):
        svc.record_vote(db, items[0], 5)


def test_majority_of_the_total_membership_adopts_and_numbers_the_decision(db):
    meeting_id, items, protocol = held_meeting(db, present=7)
    assert protocol == "1"
    rejected = svc.record_vote(db, items[0], 5, 2, 0)  # 5 of 11: not a majority of all
    assert rejected.outcome == rules.REJECTED and rejected.decision_id is None
    first = svc.record_vote(db, items[1], 6, 1)
    second = svc.record_vote(db, items[2], 7)
    assert (first.decision_number, second.decision_number) == ("1", "2")
    doc = get_document(db, first.decision_id)
    assert doc.reg_date == date(2026, 3, 19)  # the day of the meeting (6.18)
    view = svc.open_meeting(db, meeting_id)
    assert view.items[1].votes == (6, 1, 0, 0)
    assert view.items[1].decision_number == "1"
    with pytest.raises(svc.MeetingError, match="уже прийнято"):
        svc.record_vote(db, items[1], 7)
    with pytest.raises(svc.MeetingError, match="більше"):
        svc.record_vote(db, items[0], 8)


def test_protocols_are_numbered_within_the_calendar_year(db):
    ids = members(db, 5)
    numbers = []
    for day in (date(2025, 12, 18), date(2026, 1, 15), date(2026, 2, 19)):
        meeting_id = svc.add_meeting(db, day, extraordinary=False)
        numbers.append(svc.set_attendance(db, meeting_id, ids))
    assert numbers == ["1", "1", "2"]


def test_protocol_signed_late_is_flagged(db):
    meeting_id, _, _ = held_meeting(db, date(2026, 3, 19))
    info = svc.open_meeting(db, meeting_id).meeting
    assert info.protocol_late(date(2026, 4, 30))
    svc.update_meeting(db, meeting_id, protocol_signed=date(2026, 3, 25))
    info = svc.open_meeting(db, meeting_id).meeting
    assert not info.protocol_late(date(2026, 4, 30))


def test_membership_by_dates_counts_the_total(db):
    members(db, 9)
    committee.save_member(db, None, "Новий Член", "", date(2026, 5, 1))
    committee.save_member(db, None, "Колишній Член", "", date(2020, 1, 1), date(2026, 2, 1))
    assert len(committee.list_members(db, on=date(2026, 3, 1))) == 9
    assert len(committee.list_members(db, on=date(2026, 6, 1))) == 10
    with pytest.raises(committee.MembershipError):
        committee.save_member(db, None, "Х", "", date(2026, 5, 1), date(2026, 4, 1))


def test_a_reader_cannot_change_meetings(db):
    with pytest.raises(PermissionDenied):
        svc.add_meeting(db, date(2026, 3, 19), user=READER)


def test_decisions_numbers_as_written_are_imported(db, tmp_path):
    path = tmp_path / "decisions.csv"
    path.write_text(
        "№;Дата;Заголовок\n931-1;17.11.2021;Про затвердження\n24/119;18.11.2021;Про звіт\n",
        encoding="utf-8",
    )
    result = imports.import_file(db, DECISIONS, str(path), allow_gaps=True)
    assert result.imported == 2
    numbers = {documents_number(db, i) for i in range(1, 3)}
    assert numbers == {"931-1", "24/119"}


def documents_number(db, doc_id: int) -> str:
    return get_document(db, doc_id).reg_number


def test_the_mayors_suspension_and_a_cancellation_show_in_the_register(db):
    from app.registers import ORDERS
    from app.services import documents

    first = documents.register_document(
        db, DECISIONS, DECISIONS.parse({"title": "Про тарифи"}), reg_date=date(2026, 3, 19)
    )
    order = documents.register_document(
        db,
        ORDERS,
        ORDERS.parse({"series": "main", "title": "Про зупинення дії рішення"}),
        reg_date=date(2026, 3, 20),
    )
    detail = get_document(db, first.id)
    values = {
        **detail.values,
        "suspended_by": DECISIONS.field("suspended_by").parse(order.reg_number),
    }
    documents.update_document(db, DECISIONS, first.id, values, detail.version)
    shown = get_document(db, first.id).values["lost_force"]
    assert shown == f"дію зупинено розпорядженням № {order.reg_number} від 20.03.2026"
    later = documents.register_document(
        db,
        DECISIONS,
        DECISIONS.parse({"title": "Про скасування", "cancels": first.reg_number}),
        reg_date=date(2026, 4, 16),
    )
    assert later.reg_number == "2"
    # cancelled later: «втратило чинність» replaces the suspension
    assert get_document(db, first.id).values["lost_force"].startswith("втратило чинність")


def test_a_decision_from_an_agenda_item_has_its_title_as_summary_in_the_control_centre(db):
    """An adopted item's decision carries the item's title as its summary (the card, the
    search), and the control centre shows a decision's title where its summary is empty (those
    registered before, or by hand with no summary): the «Короткий зміст» column is never blank."""
    from app.registers import DECISIONS
    from app.reports.grouping import ALL
    from app.services import control, documents
    from app.services.control_centre import CentreState, cell_documents

    _, items, _ = held_meeting(db)
    adopted = svc.record_vote(db, items[1], 7)
    doc = get_document(db, adopted.decision_id)
    assert doc.values["summary"] == "Про питання 2"
    older = documents.register_document(
        db, DECISIONS, DECISIONS.parse({"title": "Про старе рішення"}), reg_date=date(2026, 2, 19)
    )
    for doc_id in (adopted.decision_id, older.id):
        control.put_on_control(db, doc_id, term=date(2026, 4, 30), today=date(2026, 3, 19))
    cell = cell_documents(db, ALL, CentreState.ON_CONTROL, date(2026, 3, 20))
    summaries = {d.reg_number: d.summary for d in cell.documents}
    assert summaries == {
        adopted.decision_number: "Про питання 2",
        older.reg_number: "Про старе рішення",
    }
    assert get_document(db, older.id).values["summary"] == ""  # nothing written over
