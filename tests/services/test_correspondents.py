"""The correspondents' list as the addressees editor loads it."""

from __future__ import annotations

from app.services.reference import CorrespondentInfo, all_correspondents, save_correspondent

OVA = CorrespondentInfo(
    None, "Волинська обласна військова адміністрація", "Київський майдан, 9", "43027", "ova@ua.ua"
)


def test_all_correspondents_carry_their_addresses_in_ukrainian_order(db):
    save_correspondent(db, OVA)
    save_correspondent(db, CorrespondentInfo(None, "Луцька міська рада"))
    save_correspondent(db, CorrespondentInfo(None, "Іваничівська селищна рада"))
    found = all_correspondents(db)
    assert [c.name for c in found] == [
        "Волинська обласна військова адміністрація",
        "Іваничівська селищна рада",  # І after В, not before А as in binary order
        "Луцька міська рада",
    ]
    assert found[0] == CorrespondentInfo(found[0].id, OVA.name, OVA.address, "43027", "ova@ua.ua")


def test_percent_and_underscore_are_letters_in_the_search(db):
    """Issue 9: «%» and «_» matched every correspondent (LIKE's wildcards)."""
    from app.services.reference import CorrespondentInfo, list_correspondents, save_correspondent

    for name in ("Луцька РДА", "ТОВ «100% Якість»", "ФОП Іванов_І"):
        save_correspondent(db, CorrespondentInfo(None, name))
    assert [c.name for c in list_correspondents(db, "%")] == ["ТОВ «100% Якість»"]
    assert [c.name for c in list_correspondents(db, "_")] == ["ФОП Іванов_І"]
    assert [c.name for c in list_correspondents(db, "луцька")] == ["Луцька РДА"]


def test_a_million_character_search_is_cut_not_failed(db):
    """Issue 9: SQLite answered «LIKE or GLOB pattern too complex»."""
    from app.services.audit import AuditQuery, entries
    from app.services.reference import list_correspondents
    from app.services.register_view import RegisterView, ViewQuery

    huge = "ж" * 1_000_000
    assert list_correspondents(db, huge) == []
    assert RegisterView(db, ViewQuery(register="incoming", search=huge)).all_rows() == []
    assert entries(db, "admin", AuditQuery(text=huge)) == []
