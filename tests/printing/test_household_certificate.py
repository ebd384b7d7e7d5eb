"""Certificates from the household books: the template filled from the card, numbered in the
district's series, audited, printed with Cyrillic text and the signature block (read back)."""

from __future__ import annotations

import io
from datetime import date
from decimal import Decimal

import pytest
from pypdf import PdfReader

from app.domain.roles import STAROSTA, Actor, PermissionDenied
from app.services import audit
from app.services import household_certificates as certs
from app.services import households as hh
from app.services.household_view import load_card
from db.session import Database
from tests.households_data import build


def _text(data: bytes) -> str:
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages)
    return " ".join(text.split())


def test_certificates_numbered_per_district_and_audited(db: Database) -> None:
    books = build(db)
    hh.save_year(db, books.petrenko, hh.YearInfo(2026, holdings={"land": {"osg": Decimal("0.45")}}))
    day = date(2026, 3, 2)
    first = certs.issue(
        db, books.petrenko, "land", purpose="до управління соціального захисту", day=day
    )
    second = certs.issue(db, books.kovalchuk, "residents", day=day)
    other = certs.issue(db, books.maryana, "residents", day=day)
    assert (first.number, second.number, other.number) == ("ПР-1/2026", "ПР-2/2026", "ЗБ-1/2026")
    assert "для ведення особистого селянського господарства — 0.45 га" in first.body
    assert first.basis == (
        "Підстава: дані погосподарської книги № 1 за 2026–2030 рр., особовий рахунок № 1."
    )
    assert first.signer_name == "Олена САВЧУК"
    assert first.signer_position == "Староста Прилуцького старостинського округу"
    card = load_card(db, books.petrenko, log=False)
    assert [c.number for c in card.certificates] == ["ПР-1/2026"]
    rows = audit.entries(db, "", audit.AuditQuery(action=audit.PRINT))
    assert any(r.record_label == "Довідка № ЗБ-1/2026" for r in rows)
    with pytest.raises(hh.HouseholdError, match="Невідомий вид"):
        certs.issue(db, books.petrenko, "nonsense")
    starosta = Actor("savchuk", frozenset({STAROSTA}), district="ПР")
    with pytest.raises(PermissionDenied):
        certs.issue(db, books.maryana, "residents", user=starosta)


def test_the_residents_certificate_lists_who_is_there(db: Database) -> None:
    books = build(db)
    card = load_card(db, books.petrenko, log=False)
    wife = next(m for m in card.members if m.given_name == "Ганна")
    hh.member_left(db, wife.id, date(2026, 2, 1), "left")
    issued = certs.issue(
        db, books.petrenko, "residents", applicant="Петренку Миколі Івановичу", day=date(2026, 3, 1)
    )
    assert "Видана Петренку Миколі Івановичу" in issued.body
    assert "1. Петренко Микола Іванович, 04.03.1961 р. н. — голова" in issued.body
    assert "Ганна" not in issued.body  # she left before the day


def test_templates_are_editable_and_checked(db: Database) -> None:
    books = build(db)
    certs.save_template(
        db, certs.TemplateInfo("residents", "про склад сім'ї", "Голова: {голова}; {адреса}.")
    )
    issued = certs.issue(db, books.kovalchuk, "residents", day=date(2026, 3, 1))
    assert issued.body.startswith("Голова: Ковальчук Ірина Олегівна;")
    certs.save_template(db, certs.TemplateInfo("land", "про землю", "Видана {заявник}."))
    assert certs.issue(db, books.petrenko, "land").body == "Видана Петренку Миколі Івановичу."
    with pytest.raises(hh.HouseholdError, match="Невідомі поля"):
        certs.save_template(db, certs.TemplateInfo("land", "x", "{прізвище}"))


def test_the_printed_certificate(sqlite_db: Database) -> None:
    books = build(sqlite_db)
    issued = certs.issue(
        sqlite_db, books.maryana, "residents", purpose="за місцем вимоги", day=date(2026, 3, 1)
    )
    text = _text(certs.certificate_pdf(issued))
    for expected in (
        "ДОВІДКА",
        "№ ЗБ-1/2026",
        "01.03.2026",
        "Д’яченко Мар’яна Ігорівна",
        "особовий рахунок № 1",
        "Іван ТКАЧУК",
        "за місцем вимоги",
    ):
        assert expected in text, expected


def test_the_cli_prints_a_certificate(tmp_path, sqlite_db: Database, capsys) -> None:
    from app.cli import main

    build(sqlite_db)
    out = tmp_path / "cert.pdf"
    args = [
        "--db",
        sqlite_db.url,
        "print",
        "household-certificate",
        "--district",
        "Прилуцький",
        "--account",
        "2",
        "--kind",
        "residents",
        "-o",
        str(out),
    ]
    assert main(args) == 0
    assert "Ковальчук Ірина Олегівна" in _text(out.read_bytes())
    assert "ПР-1/" in capsys.readouterr().out
    bad = [*args[:-2], "-o", str(tmp_path / "x.pdf")]
    bad[bad.index("2")] = "77"
    assert main(bad) == 1
    assert not (tmp_path / "x.pdf").exists()
