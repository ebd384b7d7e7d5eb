from __future__ import annotations

import io
from dataclasses import replace
from datetime import date

import pytest

from app.printing import ControlRemoval, print_registration_card

from . import DPS, page_size_mm, page_texts, sample_card, sample_control


def test_card_shows_registration_resolution_and_control() -> None:
    out = io.BytesIO()
    print_registration_card(sample_card(sample_control()), out)
    text = " ".join(page_texts(out))
    for expected in (
        "РЕЄСТРАЦІЙНО-КОНТРОЛЬНА КАРТКА",
        "345/01-12",
        "05.03.2026",
        DPS,
        "12345/6/22-01-04-02 від 02.03.2026",
        "Лист",
        "01-12",
        "Коваль О. П.",
        "Мельнику І. І.",
        "Міський голова Віктор БОНДАР",
        "03.04.2026",  # the resolution's term
        "КОНТРОЛЬ термін 17.04.2026",  # the mark
        "Обґрунтований запит виконавця",
        "Відповіді отримано від 3 з 7 підприємств.",
        "Зняття з контролю",
    ):
        assert expected in text, expected
    assert "житлово" not in text
    assert page_size_mm(out) == (148.0, 210.0)


def test_three_copies_give_three_pages() -> None:
    out = io.BytesIO()
    print_registration_card(sample_card(replace(sample_control(), term_changes=())), out, copies=3)
    texts = page_texts(out)
    assert len(texts) == 3
    assert all("345/01-12" in t and "КОНТРОЛЬ термін 17.04.2026" in t for t in texts)


def test_no_mark_when_not_on_control() -> None:
    out = io.BytesIO()
    print_registration_card(sample_card(), out)
    [text] = page_texts(out)
    assert "КОНТРОЛЬ термін" not in text and "Зняття з контролю" not in text


def test_removal_is_printed() -> None:
    control = replace(
        sample_control(),
        removal=ControlRemoval(
            date(2026, 4, 10),
            "Лист-відповідь від 10.04.2026 № 512/01-15",
            "Керуючий справами Ольга МАРЧУК",
        ),
    )
    out = io.BytesIO()
    print_registration_card(sample_card(control), out)
    text = " ".join(page_texts(out))
    assert "10.04.2026" in text
    assert "Лист-відповідь від 10.04.2026 № 512/01-15" in text
    assert "Ольга МАРЧУК" in text


def test_overlong_card_continues_with_its_number() -> None:
    control = replace(sample_control(), progress=sample_control().progress * 40)
    out = io.BytesIO()
    print_registration_card(sample_card(control), out, copies=2)
    texts = page_texts(out)
    assert len(texts) >= 4
    continued = [t for t in texts if "(продовження)" in t]
    assert continued and all("РКК № 345/01-12 від 05.03.2026" in t for t in continued)
    assert sum("РЕЄСТРАЦІЙНО-КОНТРОЛЬНА КАРТКА" in t for t in texts) == 2


def test_copies_must_be_positive() -> None:
    with pytest.raises(ValueError):
        print_registration_card(sample_card(), io.BytesIO(), copies=0)
