"""The plain-Python part of outgoing-mail printing: address lines, formats, fitting."""

from __future__ import annotations

import pytest

from app.printing.address_block import fit_line, set_address
from app.printing.mail import address_lines, envelope_size, label_layout

from .mail_data import DPS, LONG


@pytest.mark.parametrize(
    ("address", "lines"),
    [
        (
            "вул. Шевченка, 12, кв. 5, м. Шепетівка, Шепетівський р-н, Хмельницька обл.",
            ["вул. Шевченка, 12, кв. 5", "м. Шепетівка", "Шепетівський р-н", "Хмельницька обл."],
        ),
        (
            "вул. Кам'янецька, 112\r\nм. Хмельницький\n\n",
            ["вул. Кам'янецька, 112", "м. Хмельницький"],
        ),
        (
            "просп. Миру, буд. 7, корп. 2, офіс 14, м. Київ",
            ["просп. Миру, буд. 7, корп. 2, офіс 14", "м. Київ"],
        ),
        ("Київська обл., м. Біла Церква", ["Київська обл.", "м. Біла Церква"]),
        ("", []),
        (" , ", []),
    ],
)
def test_address_lines(address: str, lines: list[str]) -> None:
    assert address_lines(address) == lines


def test_formats_are_checked_with_ukrainian_messages() -> None:
    assert envelope_size("C5") == (229, 162)
    assert label_layout("2x7").per_sheet == 14
    with pytest.raises(ValueError, match="Невідомий формат конверта «B4»"):
        envelope_size("B4")
    with pytest.raises(ValueError, match="Невідомий аркуш етикеток"):
        label_layout("")


def test_address_is_set_smaller_then_cut_but_keeps_its_postal_code() -> None:
    roomy = set_address(DPS, 300, 200, 12)
    assert {line.size for line in roomy.lines[:-1]} == {12}  # no need to shrink
    tight = set_address(LONG, 150, 60, 12, min_size=6)
    assert tight.height <= 60
    assert tight.text_width() <= 150
    assert tight.lines[-1].text == "30455" and tight.lines[-1].postal_code
    assert tight.lines[-2].text.endswith("…")
    assert tight.lines[0].size == pytest.approx(6)


def test_fit_line_shrinks_then_cuts() -> None:
    assert fit_line("Коротко", "LiberationSerif", 10, 200, 5).size == 10
    shrunk = fit_line("Досить довгий рядок тексту", "LiberationSerif", 10, 90, 5)
    assert 5 < shrunk.size < 10 and not shrunk.text.endswith("…")
    cut = fit_line("Дуже довгий рядок " * 10, "LiberationSerif", 10, 90, 5)
    assert cut.size == 5 and cut.text.endswith("…")
