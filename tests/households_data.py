"""Small builders of household books for tests: two districts, a book each, a few objects."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from app.services import households as hh
from db.session import Database


@dataclass(frozen=True)
class Books:
    pryluky: int  # district ids
    zaborol: int
    book_p: int  # book ids (cycle 2026)
    book_z: int
    petrenko: int  # object ids
    kovalchuk: int
    maryana: int


def build(db: Database) -> Books:
    p = hh.save_district(
        db,
        hh.DistrictInfo(None, "ПР", "Прилуцький", "Олена Савчук", "Староста", ("Прилуки",)),
    )
    z = hh.save_district(
        db, hh.DistrictInfo(None, "ЗБ", "Заборольський", "Іван Ткачук", "Староста", ("Забороль",))
    )
    places = {d.id: d.settlements[0][0] for d in hh.list_districts(db)}
    book_p = hh.open_book(db, p, 1, 2026)
    book_z = hh.open_book(db, z, 1, 2026)
    petrenko = hh.save_object(
        db,
        hh.ObjectInfo(None, book_p, "registered", None, places[p], "вул. Шевченка", "12"),
        members=[
            hh.MemberInfo(
                None, "Петренко", "Микола", "Іванович", "m", date(1961, 3, 4), is_head=True
            ),
            hh.MemberInfo(
                None, "Петренко", "Ганна", "Петрівна", "f", date(1964, 7, 1), relation="дружина"
            ),
        ],
    )
    kovalchuk = hh.save_object(
        db,
        hh.ObjectInfo(None, book_p, "registered", None, places[p], "вул. Лесі Українки", "3"),
        members=[hh.MemberInfo(None, "Ковальчук", "Ірина", "Олегівна", "f", is_head=True)],
    )
    maryana = hh.save_object(
        db,
        hh.ObjectInfo(None, book_z, "registered", None, places[z], "вул. Мар’янівська", "7"),
        members=[hh.MemberInfo(None, "Д’яченко", "Мар’яна", "Ігорівна", "f", is_head=True)],
    )
    return Books(p, z, book_p, book_z, petrenko, kovalchuk, maryana)
