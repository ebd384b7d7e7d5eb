"""Offline work in a district and the exchange by file: the whole round on both engines at the
centre (the district copy is always a SQLite file), and every refusal leaves the database as it
was."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from app.domain.roles import STAROSTA, Actor
from app.services import household_certificates as certs
from app.services import household_exchange as ex
from app.services import households as hh
from app.services.household_view import HouseholdView, find_object, load_card
from app.services.register_view import ViewQuery
from db.session import Database
from tests.households_data import build

PASSWORD = "село-2026-пароль"


def _copy(db: Database, tmp_path: Path, district: str = "ПР") -> Database:
    path = tmp_path / f"{district}.sqlite"
    ex.make_copy(db, district, path)
    return Database(str(path))


def _state(db: Database) -> list[tuple]:
    """Everything a household exchange may touch, as comparable tuples by uuid."""
    out = []
    for model in (m for m, _r in (*ex.CENTRE_OWNED, *ex.DISTRICT_OWNED)):
        with db.read() as s:
            from sqlalchemy import select

            for row in s.scalars(select(model)):
                values = {
                    c.name: getattr(row, c.key)
                    for c in model.__table__.columns
                    if c.name not in ("id", "usn", "created_at", "updated_at")
                    and not c.name.endswith("_id")
                }
                out.append(
                    (model.__tablename__, tuple(sorted((k, str(v)) for k, v in values.items())))
                )
    return sorted(out)


def test_the_whole_round(db: Database, tmp_path: Path) -> None:
    books = build(db)
    copy = _copy(db, tmp_path)
    try:
        assert ex.copy_district(copy) == "ПР" and ex.copy_district(db) == ""
        assert HouseholdView(copy, ViewQuery("household")).count() == 2  # only the district
        # The centre no longer opens the district's books (they are the copy's series)...
        with pytest.raises(hh.HouseholdError, match="в копії округу"):
            hh.open_book(db, books.pryluky, 2, 2026)
        # ...but still the others'.
        hh.add_event(db, books.maryana, "visit", date(2026, 2, 1))
        # A day in the village: a death, a new object, a year's sections, a certificate.
        starosta = Actor("savchuk", frozenset({STAROSTA}), "Олена Савчук", district="ПР")
        card = load_card(copy, books.petrenko, starosta, log=False)
        head = next(m for m in card.members if m.is_head)
        hh.member_left(copy, head.id, date(2026, 3, 10), "died", starosta)
        book = hh.list_books(copy, card.district_id, starosta)[0]
        new = hh.save_object(
            copy,
            hh.ObjectInfo(None, book.id, "registered", None, None, "вул. Нова", "1"),
            starosta,
            [hh.MemberInfo(None, "Ярошенко", "Софія", "Петрівна", "f", is_head=True)],
        )
        hh.save_year(
            copy,
            new,
            hh.YearInfo(2026, holdings={"land": {"osg": Decimal("0.3")}}),
            starosta,
            confirm=True,
        )
        hh.add_event(copy, new, "program_full", date(2026, 3, 11), starosta)
        issued = certs.issue(copy, new, "residents", day=date(2026, 3, 11), user=starosta)
        assert issued.number == "ПР-1/2026"
        # Meanwhile at the centre: a new template text and a new village of the district.
        certs.save_template(db, certs.TemplateInfo("land", "про землю", "Земля: {земля}"))
        districts = {d.code: d for d in hh.list_districts(db)}
        p = districts["ПР"]
        hh.save_district(
            db,
            hh.DistrictInfo(
                p.id, "ПР", p.name, p.starosta_name, p.starosta_position, ("Прилуки", "Дачне")
            ),
        )
        # The reference lists are the centre's: the copy does not change them.
        with pytest.raises(hh.HouseholdError, match="веде центр"):
            certs.save_template(copy, certs.TemplateInfo("land", "x", "{адреса}"))
        with pytest.raises(hh.HouseholdError, match="веде центр"):
            hh.save_district(copy, hh.DistrictInfo(p.id, "ПР", "Інша назва"))
        # A new starosta's account at the centre travels to the copy.
        from app.services import users

        users.create_user(db, "ткачук", "пароль-старости-1", [STAROSTA], "Іван Ткачук", "ПР")
        users.create_user(db, "чужий", "пароль-старости-2", [STAROSTA], "Інший", "ЗБ")
        # District → centre.
        data, result = ex.export_changes(copy, PASSWORD)
        assert result.rows >= 6
        imported = ex.import_changes(db, data, PASSWORD)
        assert imported.rows == result.rows
        centre_new = find_object(db, "ПР", 3)
        centre_card = load_card(db, centre_new, log=False)
        assert centre_card.head_name == "Ярошенко Софія Петрівна"
        assert centre_card.year(2026).confirmed_on == date.today()
        assert [c.number for c in centre_card.certificates] == ["ПР-1/2026"]
        dead = next(m for m in load_card(db, books.petrenko, log=False).members if m.id == head.id)
        assert dead.left_reason == "died"
        assert HouseholdView(db, ViewQuery("household", search="ярошенко")).count() == 1
        # The same file again changes nothing.
        before = _state(db)
        assert ex.import_changes(db, data, PASSWORD).direction == "уже імпортовано"
        assert _state(db) == before
        # Centre → district: the template and the village; the acknowledgement.
        back, _ = ex.export_changes(db, PASSWORD, "Прилуцький")
        _h, tampered = ex.unseal(back, PASSWORD)
        tampered["users"][0]["district"] = "ЗБ"
        clear = {k: v for k, v in ex.read_header(back).items() if k not in ("sha256", "length")}
        with pytest.raises(ex.ExchangeError, match="іншого округу"):
            ex.import_changes(copy, ex.seal(clear, tampered, PASSWORD), PASSWORD)
        assert "ткачук" not in [u.login for u in users.list_users(copy)]
        ex.import_changes(copy, back, PASSWORD)
        assert certs.templates(copy)["land"].body == "Земля: {земля}"
        signed = users.authenticate(copy, "ткачук", "пароль-старости-1")
        assert signed.district == "ПР" and STAROSTA in signed.roles
        assert "чужий" not in [u.login for u in users.list_users(copy)]
        assert {n for _i, n in hh.list_districts(copy)[0].settlements} == {"Прилуки", "Дачне"}
        # Both databases agree on the district's records.
        assert set(_state(copy)) <= set(_state(db))
        assert len(_state(copy)) >= 10
        # Everything confirmed: the next files carry nothing.
        _again, result = ex.export_changes(copy, PASSWORD)
        assert result.rows == 0
    finally:
        copy.dispose()


def test_refusals_leave_the_database_unchanged(db: Database, tmp_path: Path) -> None:
    books = build(db)
    copy = _copy(db, tmp_path)
    other = _copy(db, tmp_path, "ЗБ")
    try:
        hh.add_event(copy, books.petrenko, "visit", date(2026, 2, 1))
        hh.add_event(other, books.maryana, "visit", date(2026, 2, 1))
        data, _ = ex.export_changes(copy, PASSWORD)
        before = _state(db)

        def refused(blob: bytes, match: str, password: str = PASSWORD, into: Database = db) -> None:
            with pytest.raises(ex.ExchangeError, match=match):
                ex.import_changes(into, blob, password)
            assert _state(db) == before

        refused(data[: len(data) - 40], "обрізаний|пошкоджений")
        broken = bytearray(data)
        broken[-5] ^= 0xFF
        refused(bytes(broken), "пошкоджений")
        refused(data, "Неправильний пароль", password="не-той-пароль")
        refused(b"PK\x03\x04zip", "Це не файл обміну")
        refused(data.replace(b'"schema": "', b'"schema": "9', 1), "іншою версією бази")
        # A file for the centre fed to another district's copy.
        with pytest.raises(ex.ExchangeError, match="для центру, а не для копії"):
            ex.import_changes(other, data, PASSWORD)
        # A well-sealed file whose row is malformed names the row and changes nothing.
        header = ex.read_header(data)
        header = {k: v for k, v in header.items() if k not in ("sha256", "length")}
        _h, body = ex.unseal(data, PASSWORD)
        body["tables"]["hh_event"][0]["day"] = "31.02.2026"
        refused(ex.seal(header, body, PASSWORD), "hh_event», рядок 1: поле «day»")
        # A district's file carrying another district's object is refused whole.
        _h, body = ex.unseal(data, PASSWORD)
        zb_data, _ = ex.export_changes(other, PASSWORD)
        _zh, zb_body = ex.unseal(zb_data, PASSWORD)
        body["tables"]["hh_event"] += zb_body["tables"]["hh_event"]
        refused(ex.seal(header, body, PASSWORD), "іншого округу")
        # The genuine file still goes in afterwards.
        assert ex.import_changes(db, data, PASSWORD).rows == 1
        with pytest.raises(ex.ExchangeError, match="щонайменше"):
            ex.export_changes(copy, "short")
    finally:
        copy.dispose()
        other.dispose()


def test_the_cli_round(tmp_path: Path, sqlite_db: Database, monkeypatch, capsys) -> None:
    from app.cli import main

    books = build(sqlite_db)
    monkeypatch.setenv(ex.PASSWORD_ENV, PASSWORD)
    centre, copy = sqlite_db.url, str(tmp_path / "pr.sqlite")
    assert main(["--db", centre, "district", "copy", "--district", "Прилуцький", "-o", copy]) == 0
    copy_db = Database(copy)
    hh.add_event(copy_db, books.kovalchuk, "desk_check", date(2026, 2, 3))
    copy_db.dispose()
    out = str(tmp_path / "pr.dlvx")
    assert main(["--db", copy, "district", "export", "-o", out]) == 0
    assert main(["--db", centre, "district", "import", out]) == 0
    assert "записів 1" in capsys.readouterr().out
    assert main(["--db", centre, "district", "import", out]) == 0
    assert "уже імпортовано" in capsys.readouterr().out
    assert main(["--db", centre, "district", "import", str(tmp_path / "none.dlvx")]) == 1
    back = str(tmp_path / "back.dlvx")
    assert main(["--db", centre, "district", "export", "--district", "ПР", "-o", back]) == 0
    assert main(["--db", copy, "district", "import", back]) == 0
    # A file that conflicts with the centre's own correction is not applied from the CLI.
    copy_db = Database(copy)
    for db_, house in ((sqlite_db, "3а"), (copy_db, "3б")):
        card = load_card(db_, books.kovalchuk, log=False)
        info = hh.ObjectInfo(books.kovalchuk, books.book_p, "registered", card.account,
                             card.settlement_id, card.street, house)  # fmt: skip
        hh.save_object(db_, info)
    copy_db.dispose()
    capsys.readouterr()
    assert main(["--db", copy, "district", "export", "-o", out]) == 0
    assert main(["--db", centre, "district", "import", out]) == 1
    err = capsys.readouterr().err
    assert "не вирішено, чию версію залишити: Кн. 1, о/р 2" in err and "Нічого не змінено" in err
    assert load_card(sqlite_db, books.kovalchuk, log=False).house == "3а"
    assert main(["--db", centre, "district", "retire", "--district", "ПР"]) == 0
    hh.add_event(sqlite_db, books.kovalchuk, "visit", date(2026, 2, 4))  # the centre's again
