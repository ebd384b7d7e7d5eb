"""Household books: districts, books, objects with members, the starosta's reach, search, the
yearly sections and the January check (both engines)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from app.domain import households as dom
from app.domain.roles import STAROSTA, Actor, PermissionDenied
from app.services import household_view as hv
from app.services import households as hh
from app.services.register_view import ViewQuery
from db.session import Database
from tests.households_data import build

STAROSTA_P = Actor("savchuk", frozenset({STAROSTA}), "Олена Савчук", district="ПР")
STAROSTA_NONE = Actor("nobody", frozenset({STAROSTA}), "Без округу", district="")


def _view(db: Database, user: object = "", search: str = "", **extra: str) -> hv.HouseholdView:
    return hv.HouseholdView(
        db, ViewQuery("household", search=search, extra=tuple(extra.items())), user=user
    )


def test_cycle_is_five_years_from_2026() -> None:
    assert dom.cycle_start(2026) == 2026
    assert dom.cycle_start(2030) == 2026
    assert dom.cycle_start(2031) == 2031
    assert dom.cycle_start(2025) == 2021
    assert dom.cycle_text(2026) == "2026–2030"


def test_books_and_accounts(db: Database) -> None:
    books = build(db)
    card = hv.load_card(db, books.kovalchuk)
    assert (card.book_number, card.account, card.cycle_start) == (1, 2, 2026)
    assert card.head_name == "Ковальчук Ірина Олегівна"
    with pytest.raises(hh.HouseholdError, match="уже є"):
        hh.open_book(db, books.pryluky, 1, 2026)
    with pytest.raises(hh.HouseholdError, match="не перший рік"):
        hh.open_book(db, books.pryluky, 2, 2027)
    with pytest.raises(hh.HouseholdError, match="уже є"):
        hh.save_object(db, hh.ObjectInfo(None, books.book_p, "house", 1))
    other = hh.save_object(db, hh.ObjectInfo(None, books.book_p, "land", 1 + 9))
    assert hv.load_card(db, other).account == 10
    assert "Прилуки" in card.address and "Лесі Українки, 3" in card.address


def test_starosta_sees_and_changes_only_own_district(db: Database) -> None:
    books = build(db)
    assert _view(db, STAROSTA_P).count() == 2
    assert _view(db).count() == 3  # the centre (system actor)
    assert _view(db, STAROSTA_NONE).count() == 0
    assert [d.code for d in hh.list_districts(db, STAROSTA_P)] == ["ПР"]
    with pytest.raises(PermissionDenied, match="іншого округу"):
        hv.load_card(db, books.maryana, STAROSTA_P)
    with pytest.raises(PermissionDenied):
        hh.add_member(db, books.maryana, hh.MemberInfo(None, "Ткач", "Ігор"), STAROSTA_P)
    with pytest.raises(PermissionDenied):
        hh.add_event(db, books.maryana, "visit", date(2026, 2, 1), STAROSTA_P)
    with pytest.raises(PermissionDenied):
        hh.save_object(db, hh.ObjectInfo(None, books.book_z, "house"), STAROSTA_P)
    # Own district: allowed.
    hh.add_event(db, books.petrenko, "visit", date(2026, 2, 1), STAROSTA_P)
    by_name = Actor("savchuk", frozenset({STAROSTA}), district="Прилуцький")
    assert _view(db, by_name).count() == 2  # the account may name the district
    reader = Actor("reader", frozenset({"reader"}))
    with pytest.raises(PermissionDenied):
        _view(db, reader)


def test_members_history_is_kept(db: Database) -> None:
    books = build(db)
    card = hv.load_card(db, books.petrenko)
    head = next(m for m in card.members if m.is_head)
    hh.member_left(db, head.id, date(2026, 3, 10), "died")
    son = hh.add_member(
        db,
        books.petrenko,
        hh.MemberInfo(
            None,
            "Петренко",
            "Олег",
            "Миколайович",
            "m",
            date(1990, 1, 2),
            relation="син",
            is_head=True,
            arrived_on=date(2026, 4, 1),
        ),
    )
    card = hv.load_card(db, books.petrenko)
    assert len(card.members) == 3  # nobody deleted
    dead = next(m for m in card.members if m.id == head.id)
    assert dead.left_reason == "died" and dead.state_text == "помер 10.03.2026"
    assert card.head_name == "Петренко Олег Миколайович"
    assert {m.given_name for m in card.present_members(date(2026, 1, 1))} == {"Микола", "Ганна"}
    assert {m.given_name for m in card.present_members(date(2026, 5, 1))} == {"Олег", "Ганна"}
    with pytest.raises(hh.HouseholdError, match="вже вибув"):
        hh.member_left(db, head.id, date(2026, 3, 11))
    assert son


def test_search_any_case_and_apostrophe(db: Database) -> None:
    books = build(db)
    for text in ("мар'яна", "МАРʼЯНА", "Д'ЯЧЕНКО", "мар’янівська 7"):
        assert [r.id for r in _view(db, search=text).all_rows()] == [books.maryana], text
    assert [r.id for r in _view(db, search="петренко ганна").all_rows()] == [books.petrenko]
    assert _view(db, search="ковальчук").count() == 1
    # An account number; a stray quote is no syntax error.
    assert books.kovalchuk in [r.id for r in _view(db, search="2").all_rows()]
    assert _view(db, search="\"'").count() == 3  # nothing searchable: everything
    # A starosta's search stays in the district.
    assert _view(db, STAROSTA_P, search="мар'яна").count() == 0


def test_yearly_sections_and_january_check(db: Database) -> None:
    books = build(db)
    last = hh.YearInfo(
        2025,
        dwelling_kind="будинок",
        built_year=1978,
        total_area=Decimal("86.5"),
        holdings={
            "land": {"osg": Decimal("0.45"), "house": Decimal("0.25")},
            "livestock": {"cows": Decimal(1), "poultry": Decimal(20)},
        },
    )
    hh.save_year(db, books.petrenko, last, confirm=True)
    this = hh.YearInfo(2026, holdings={"land": {"osg": Decimal("0.40")}})
    hh.save_year(db, books.petrenko, this)
    card = hv.load_card(db, books.petrenko)
    assert card.year(2025).holdings["land"]["osg"] == Decimal("0.45")  # last year readable
    assert card.year(2025).holdings["livestock"]["poultry"] == 20
    assert card.year(2026).holdings == {"land": {"osg": Decimal("0.4")}}
    year = date.today().year
    open_ids = {r.id for r in _view(db, january="open").all_rows()}
    assert books.petrenko in open_ids and len(open_ids) == 3
    hh.save_year(db, books.petrenko, hh.YearInfo(year), confirm=True)
    assert books.petrenko not in {r.id for r in _view(db, january="open").all_rows()}
    with pytest.raises(hh.HouseholdError, match="Невідомий вид"):
        hh.save_year(db, books.petrenko, hh.YearInfo(2026, holdings={"land": {"x": Decimal(1)}}))
    with pytest.raises(hh.HouseholdError, match="від'ємною"):
        hh.save_year(db, books.petrenko, hh.YearInfo(2026, holdings={"land": {"osg": Decimal(-1)}}))


def test_opening_a_card_is_audited(db: Database) -> None:
    from app.services import audit

    books = build(db)
    hv.load_card(db, books.petrenko, STAROSTA_P)
    rows = audit.entries(db, "", audit.AuditQuery(action=audit.OPEN))
    assert any(r.login == "savchuk" and "о/р 1" in r.record_label for r in rows)


def test_find_object(db: Database) -> None:
    books = build(db)
    assert hv.find_object(db, "Заборольський", 1) == books.maryana
    assert hv.find_object(db, "ПР", 2) == books.kovalchuk
    with pytest.raises(hh.HouseholdError, match="немає"):
        hv.find_object(db, "ПР", 99)


def test_demo_filler_is_small_and_searchable(db: Database) -> None:
    import random
    import time

    from app.services.demo.households import generate

    started = time.perf_counter()
    counts = generate(db, random.Random(7), objects_per_district=60, today=date(2026, 6, 1))
    assert time.perf_counter() - started < 5
    assert counts["districts"] == 3 and counts["objects"] == 180
    assert _view(db).count() == 180
    first = _view(db).all_rows(1)[0]
    card = hv.load_card(db, first.id, log=False)
    assert card.year(2025).confirmed_on is not None  # last year checked in January
    word = card.members[0].surname if card.members else str(card.account)
    assert first.id in [r.id for r in _view(db, search=word).all_rows()]
    # New objects after the bulk path get their own ids (PostgreSQL's sequence too).
    book = hh.list_books(db, card.district_id)[0]
    assert hh.save_object(db, hh.ObjectInfo(None, book.id, "land"))
