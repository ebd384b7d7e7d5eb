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
