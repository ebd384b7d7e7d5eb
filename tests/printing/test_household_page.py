"""A household's page of the book printed as it stands: the title part, the members with their
relation to the head and birth dates (the one who died too, with the date), the dwelling, land,
livestock and machinery by year, the notes; read back from the PDF; the print is audited."""

from __future__ import annotations

import io
from datetime import date
from decimal import Decimal

import pytest
from pypdf import PdfReader

from app.domain.roles import STAROSTA, Actor, PermissionDenied
from app.services import audit
from app.services import household_page as hp
from app.services import households as hh
from app.services.household_view import load_card
from db.session import Database
from tests.households_data import build


def _text(data: bytes) -> str:
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages)
    return " ".join(text.split())


def test_the_page_prints_the_record_as_it_stands(db: Database) -> None:
    books = build(db)
    hh.add_member(db, books.petrenko, hh.MemberInfo(None, "Петренко", "Олег", "Миколайович",
                  "m", date(1990, 5, 17), relation="син", arrived_on=date(2026, 2, 3)))  # fmt: skip
    hh.save_year(
        db,
        books.petrenko,
        hh.YearInfo(
            2026,
            dwelling_kind="житловий будинок",
            built_year=1975,
            wall_material="цегла",
            total_area=Decimal("84.5"),
            living_area=Decimal("52"),
            rooms=4,
            notes="сарай, погріб",
            holdings={
                "land": {"osg": Decimal("0.45"), "house": Decimal("0.25")},
                "livestock": {"cows": Decimal(1), "poultry": Decimal(12), "bees": Decimal(3)},
                "machinery": {"tractor": Decimal(1)},
            },
        ),
        confirm=True,
    )
    hh.save_year(db, books.petrenko, hh.YearInfo(2027, holdings={"land": {"osg": Decimal("0.5")}}))
    wife = next(
        m for m in load_card(db, books.petrenko, log=False).members if m.given_name == "Ганна"
    )
    hh.member_left(db, wife.id, date(2026, 4, 1), "died")
    starosta = Actor("savchuk", frozenset({STAROSTA}), "Олена Савчук", district="ПР")
    page = hp.book_page(db, books.petrenko, starosta)
    data = hp.book_page_pdf(page)
    assert data[:4] == b"%PDF"
    text = _text(data)
    for expected in (
        "ПОГОСПОДАРСЬКА КНИГА № 1 на 2026–2030 роки",
        "Особовий рахунок № 1",
        "Прилуцький старостинський округ",
        "домогосподарство з реєстрацією місця проживання",
        "с. Прилуки, вул. Шевченка, 12",
        "Петренко Микола Іванович голова ч 04.03.1961",
        "Петренко Ганна Петрівна дружина ж 01.07.1964",
        "помер 01.04.2026",
        "Петренко Олег Миколайович син ч 17.05.1990",
        "прибув(ла) 03.02.2026",
        "на 01.01.2026 на 01.01.2027",
        "Рік побудови 1975",
        "Загальна площа, м² 84.5",
        "для ведення особистого селянського господарства 0.45 0.5",
        "для будівництва і обслуговування житлового будинку 0.25",
        "у тому числі корови 1",
        "птиця 12",
        "бджолосім'ї 3",
        "трактори 1",
        "2026: сарай, погріб",
        f"Відомості на 01.01.2026 перевірено {date.today():%d.%m.%Y}",
        "не має правових наслідків",
        "Олена САВЧУК",
    ):
        assert expected in text, expected
    assert "Відомостей немає" not in text
    rows = audit.entries(db, "", audit.AuditQuery(action=audit.PRINT))
    assert any(r.record_label == "Кн. 1, о/р 1" and r.login == "savchuk" for r in rows)
    # An empty card prints its empty sections as such; another district's page is refused.
    empty = _text(hp.book_page_pdf(hp.book_page(db, books.kovalchuk)))
    assert empty.count("Відомостей немає.") == 4
    with pytest.raises(PermissionDenied):
        hp.book_page(db, books.maryana, starosta)
