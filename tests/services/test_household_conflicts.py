"""A household record changed both in the district's copy and at the centre since the last
exchange: the import shows both versions field by field and applies nothing until the clerk
decides each record (keep ours / take theirs); the decision is audited; afterwards both sides
agree. The comparison itself is pure (no database, no Qt)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import select

from app.domain.roles import STAROSTA, Actor
from app.services import household_certificates as certs
from app.services import household_conflicts as hc
from app.services import household_exchange as ex
from app.services import households as hh
from app.services.household_view import load_card
from db.models import AuditEntry, HouseholdObject
from db.session import Database
from tests.households_data import build
from tests.services.test_household_exchange import PASSWORD, _copy, _state

STAROSTA_PR = Actor("savchuk", frozenset({STAROSTA}), "Олена Савчук", district="ПР")


def test_compare_rows_names_the_differing_fields_only() -> None:
    ours = {"surname": "Петренко", "given_name": "Ганна", "patronymic": "Петрівна", "sex": "f",
            "birth_date": date(1964, 7, 1), "relation": "дружина", "is_head": False,
            "registration": "registered", "left_reason": ""}  # fmt: skip
    theirs = {**ours, "birth_date": date(1964, 7, 11), "registration": "declared"}
    diff = hc.compare_rows("hh_member", ours, theirs)
    assert diff is not None and diff.title == "Член домогосподарства: Петренко Ганна Петрівна"
    assert [(f.title, f.ours, f.theirs) for f in diff.changed] == [
        ("Дата народження", "01.07.1964", "11.07.1964"),
        ("Реєстрація", "зареєстроване місце проживання", "задеклароване місце проживання"),
    ]
    assert next(f for f in diff.fields if f.title == "Стать") == hc.FieldDiff(
        "Стать", "жіноча", "жіноча", False
    )
    assert hc.compare_rows("hh_member", ours, dict(ours)) is None
    # The same amount written differently is no difference; a deletion differs in every field.
    line = {"year": 2026, "section": "land", "kind": "osg", "amount": Decimal("0.4500")}
    assert hc.compare_rows("hh_holding", line, {**line, "amount": Decimal("0.45")}) is None
    gone = hc.compare_rows("hh_holding", line, None)
    assert gone is not None and gone.theirs_deleted
    assert gone.title == "Земля в особистому користуванні: для ведення особистого селянського " \
        "господарства, 2026 р."  # fmt: skip
    assert {f.theirs for f in gone.fields} == {hc.DELETED}
    conflict = hc.Conflict("k", "Кн. 1, о/р 1", (diff, gone))
    assert conflict.summary().startswith(
        "Член домогосподарства: Петренко Ганна Петрівна: Дата народження, Реєстрація; Земля"
    )
    assert hc.undecided((conflict,), {"k": "maybe"}) == ["Кн. 1, о/р 1"]
    assert hc.undecided((conflict,), {"k": hc.KEEP_OURS}) == []


def _both_sides_change(db: Database, copy: Database, books) -> None:
    """Petrenko's card changed at both ends (street, a land line created on each side);
    Kovalchuk's only at the centre (a note) and in the village (a visit)."""
    centre_p = load_card(db, books.petrenko, log=False)
    street = "вул. Тараса Шевченка"
    hh.save_object(db, hh.ObjectInfo(books.petrenko, books.book_p, "registered",
                   centre_p.account, centre_p.settlement_id, street, "12"))  # fmt: skip
    hh.save_year(db, books.petrenko, hh.YearInfo(2026, holdings={"land": {"osg": Decimal("0.5")}}))
    centre_k = load_card(db, books.kovalchuk, log=False)
    hh.save_object(db, hh.ObjectInfo(books.kovalchuk, books.book_p, "registered",
                   centre_k.account, centre_k.settlement_id, "вул. Лесі Українки", "3",
                   note="уточнено за реєстром громади"))  # fmt: skip
    village = load_card(copy, books.petrenko, STAROSTA_PR, log=False)
    hh.save_object(copy, hh.ObjectInfo(books.petrenko, books.book_p, "registered",
                   village.account, village.settlement_id, "вул. Шевченка", "12а"),
                   STAROSTA_PR)  # fmt: skip
    land = hh.YearInfo(2026, holdings={"land": {"osg": Decimal("0.45")}})
    hh.save_year(copy, books.petrenko, land, STAROSTA_PR)
    hh.add_event(copy, books.kovalchuk, "visit", date(2026, 2, 1), STAROSTA_PR)


def _object(db: Database, object_id: int) -> tuple[str, str, str]:
    with db.read() as s:
        obj = s.get(HouseholdObject, object_id)
        assert obj is not None
        return obj.street, obj.house, obj.note


def _osg(db: Database, object_id: int) -> Decimal:
    card = load_card(db, object_id, log=False)
    return Decimal(card.year(2026).holdings["land"]["osg"])


def test_a_conflict_is_shown_and_nothing_applied_until_decided(
    db: Database, tmp_path: Path
) -> None:
    books = build(db)
    copy = _copy(db, tmp_path)
    try:
        # The centre still may not open the district's books, add objects or issue certificates.
        with pytest.raises(hh.HouseholdError, match="в копії округу"):
            hh.save_object(db, hh.ObjectInfo(None, books.book_p, "registered", None, None, "Нова"))
        with pytest.raises(hh.HouseholdError, match="в копії округу"):
            hh.open_book(db, books.pryluky, 2, 2026)
        with pytest.raises(hh.HouseholdError, match="в копії округу"):
            certs.issue(db, books.petrenko, "residents", day=date(2026, 3, 11))
        card = load_card(db, books.petrenko, log=False)
        with pytest.raises(hh.HouseholdError, match="змінює староста"):
            hh.save_object(db, hh.ObjectInfo(books.petrenko, books.book_p, "registered", 99,
                           card.settlement_id, "вул. Шевченка", "12"))  # fmt: skip
        _both_sides_change(db, copy, books)
        data, _ = ex.export_changes(copy, PASSWORD)
        plan = ex.prepare_import(db, data, PASSWORD)
        assert not plan.already and len(plan.conflicts) == 1
        conflict = plan.conflicts[0]
        assert conflict.label.startswith("Кн. 1, о/р 1: Прилуки, вул. Тараса Шевченка, 12")
        by_title = {r.title: r for r in conflict.rows}
        assert set(by_title) == {
            "Титульна частина",
            "Земля в особистому користуванні: для ведення особистого селянського господарства, "
            "2026 р.",
        }
        title = by_title["Титульна частина"]
        assert [(f.title, f.ours, f.theirs) for f in title.changed] == [
            ("Вулиця", "вул. Тараса Шевченка", "вул. Шевченка"),
            ("Будинок", "12", "12а"),
        ]
        land = next(r for t, r in by_title.items() if t.startswith("Земля"))
        assert [(f.ours, f.theirs) for f in land.changed] == [("0.5", "0.45")]
        # Without decisions nothing is applied — not even the records without a conflict.
        before = _state(db)
        with pytest.raises(ex.ExchangeConflict, match="не вирішено"):
            ex.import_changes(db, data, PASSWORD)
        with pytest.raises(ex.ExchangeConflict):
            ex.apply_import(db, plan, {conflict.key: "можливо"})
        assert _state(db) == before
        # The clerk keeps the centre's version of Petrenko's card; the rest merges.
        result = ex.apply_import(db, plan, {conflict.key: hc.KEEP_OURS}, "admin")
        assert result.conflicts == 1
        assert _object(db, books.petrenko)[:2] == ("вул. Тараса Шевченка", "12")
        assert _osg(db, books.petrenko) == Decimal("0.5")
        assert len(load_card(db, books.kovalchuk, log=False).events) == 1
        with db.read() as s:
            entry = s.scalars(
                select(AuditEntry).where(AuditEntry.record_uuid == HouseholdObject.uuid)
                .where(HouseholdObject.id == books.petrenko)
                .order_by(AuditEntry.id.desc())
            ).first()  # fmt: skip
            assert entry is not None and entry.login == "admin"
            assert "залишено наше" in entry.details and "Вулиця, Будинок" in entry.details
        # Back to the village: the centre's version arrives without a conflict there (the
        # centre had seen the village's), with the centre's note on Kovalchuk's card.
        back, _ = ex.export_changes(db, PASSWORD, "ПР")
        village_plan = ex.prepare_import(copy, back, PASSWORD)
        assert village_plan.conflicts == ()
        ex.apply_import(copy, village_plan)
        assert _object(copy, books.petrenko)[:2] == ("вул. Тараса Шевченка", "12")
        assert _osg(copy, books.petrenko) == Decimal("0.5")
        assert _object(copy, books.kovalchuk)[2] == "уточнено за реєстром громади"
        assert load_card(copy, books.petrenko, log=False).head_name == "Петренко Микола Іванович"
        # Nothing echoes: the next files carry nothing the other side has, and both agree.
        again, result = ex.export_changes(copy, PASSWORD)
        assert ex.prepare_import(db, again, PASSWORD).conflicts == ()
        ex.import_changes(db, again, PASSWORD)
        _again, result = ex.export_changes(db, PASSWORD, "ПР")
        assert result.rows == 0
        district = [r for r in _state(copy) if r[0].startswith("hh_") and r[0] != "hh_certificate"]
        assert set(district) <= set(_state(db))
    finally:
        copy.dispose()


def test_taking_theirs_applies_the_other_version(db: Database, tmp_path: Path) -> None:
    books = build(db)
    copy = _copy(db, tmp_path)
    try:
        _both_sides_change(db, copy, books)
        data, _ = ex.export_changes(copy, PASSWORD)
        plan = ex.prepare_import(db, data, PASSWORD)
        (conflict,) = plan.conflicts
        ex.apply_import(db, plan, {conflict.key: hc.TAKE_THEIRS})
        assert _object(db, books.petrenko)[:2] == ("вул. Шевченка", "12а")
        assert _osg(db, books.petrenko) == Decimal("0.45")
        # The object's derived search text follows the merged card.
        from app.services.household_view import HouseholdView
        from app.services.register_view import ViewQuery

        assert HouseholdView(db, ViewQuery("household", search="12а")).count() == 1
        # The village gets the centre's Kovalchuk note and no conflict; the versions agree.
        back, _ = ex.export_changes(db, PASSWORD, "ПР")
        assert ex.prepare_import(copy, back, PASSWORD).conflicts == ()
        ex.import_changes(copy, back, PASSWORD)
        assert _object(copy, books.kovalchuk)[2] == "уточнено за реєстром громади"
        assert _object(copy, books.petrenko)[:2] == ("вул. Шевченка", "12а")
        # A second round of changes on one side only is no conflict.
        village = load_card(copy, books.petrenko, STAROSTA_PR, log=False)
        info = hh.ObjectInfo(books.petrenko, books.book_p, "registered", village.account,
                             village.settlement_id, "вул. Шевченка", "12б")  # fmt: skip
        hh.save_object(copy, info, STAROSTA_PR)
        data, _ = ex.export_changes(copy, PASSWORD)
        assert ex.prepare_import(db, data, PASSWORD).conflicts == ()
        ex.import_changes(db, data, PASSWORD)
        assert _object(db, books.petrenko)[1] == "12б"
        # Conflicting again, then decided the other way at the village.
        hh.save_object(db, replace(info, house="12в"))
        hh.save_object(copy, replace(info, house="12г"), STAROSTA_PR)
        back, _ = ex.export_changes(db, PASSWORD, "ПР")
        plan = ex.prepare_import(copy, back, PASSWORD)
        (conflict,) = plan.conflicts
        assert [(f.ours, f.theirs) for f in conflict.rows[0].changed] == [("12г", "12в")]
        ex.apply_import(copy, plan, {conflict.key: hc.TAKE_THEIRS}, STAROSTA_PR)
        data, _ = ex.export_changes(copy, PASSWORD)
        assert ex.prepare_import(db, data, PASSWORD).conflicts == ()
        ex.import_changes(db, data, PASSWORD)
        assert _object(db, books.petrenko)[1] == _object(copy, books.petrenko)[1] == "12в"
    finally:
        copy.dispose()
