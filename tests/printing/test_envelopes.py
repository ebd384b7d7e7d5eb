"""Envelopes: one per page, the envelope's size, sender top left, recipient bottom right."""

from __future__ import annotations

import pytest
from reportlab.lib.units import mm

from app.printing import ENVELOPE_SIZES, MailPiece, envelopes_pdf
from app.printing.envelopes import GAP, EnvelopeGeometry, recipient_block, sender_block

from . import MM, page_texts, read_pdf, text_positions
from .mail_data import DPS, LONG, PERSON, REFERENCE, SENDER

PIECES = [MailPiece(DPS, REFERENCE, registered=True), MailPiece(PERSON), MailPiece(LONG)]


@pytest.mark.parametrize("size", ["DL", "C5", "C4"])
def test_one_page_per_envelope_the_size_of_the_envelope(size: str) -> None:
    pdf = read_pdf(envelopes_pdf(SENDER, PIECES, size))
    assert len(pdf.pages) == 3
    width, height = ENVELOPE_SIZES[size]
    for page in pdf.pages:
        assert float(page.mediabox.width) == pytest.approx(width * MM, abs=1)
        assert float(page.mediabox.height) == pytest.approx(height * MM, abs=1)


def test_names_addresses_and_postal_codes_are_printed_in_cyrillic() -> None:
    first, second, _ = page_texts(envelopes_pdf(SENDER, PIECES))
    for text in (first, second):
        assert "Від кого:" in text and "Кому:" in text and "Куди:" in text
        assert "Виконавчий комітет Шепетівської міської ради" in text
        assert "вул. Героїв Небесної Сотні, 4 м. Шепетівка" in text
        assert "30400" in text
    assert DPS.name in first
    assert "вул. Кам'янецька, 112 м. Хмельницький 29009" in first
    assert "Ґудзь Євгенії Їжаківні" in second
    assert "вул. Шевченка, 5, кв. 12 с. Плесна Шепетівський р-н Хмельницька обл. 30433" in second


def test_registered_mark_and_reference_only_where_asked() -> None:
    first, second, _ = page_texts(envelopes_pdf(SENDER, PIECES))
    assert "Рекомендоване" in first and REFERENCE in first
    assert "Рекомендоване" not in second and "Вих. №" not in second


def _where(pdf: bytes, page: int, text: str) -> tuple[float, float, float]:
    """Where the line that starts with ``text`` is drawn, and its type size."""
    [d] = [d for d in text_positions(pdf, page) if d.text.startswith(text)]
    return d.x, d.y, d.size


@pytest.mark.parametrize("size", ["DL", "C5", "C4"])
def test_sender_top_left_recipient_bottom_right_reference_bottom_left(size: str) -> None:
    pdf = envelopes_pdf(SENDER, PIECES, size)
    width, height = (v * MM for v in ENVELOPE_SIZES[size])
    x, y, _ = _where(pdf, 0, "Виконавчий комітет")
    assert x < width * 0.2 and y > height * 0.75
    x, y, _ = _where(pdf, 1, "Ґудзь Євгенії Їжаківні")
    assert x > width * 0.45 and y < height * 0.52
    code_x, code_y, _ = _where(pdf, 1, "30433")
    assert code_x == pytest.approx(x) and code_y < y  # aligned with the name, the last line
    x, y, _ = _where(pdf, 0, REFERENCE)
    assert x < width * 0.2 and y < height * 0.1


def test_type_grows_with_the_envelope_and_the_postal_code_is_larger() -> None:
    sizes = {}
    for size in ENVELOPE_SIZES:
        pdf = envelopes_pdf(SENDER, PIECES, size)
        _, _, name_size = _where(pdf, 1, "Ґудзь Євгенії Їжаківні")
        _, _, code_size = _where(pdf, 1, "30433")
        assert code_size > name_size
        sizes[size] = name_size
    assert sizes["DL"] < sizes["C5"] < sizes["C4"]


@pytest.mark.parametrize("size", ["DL", "C5", "C4"])
def test_long_recipient_shrinks_inside_its_place_and_keeps_the_postal_code(size: str) -> None:
    g = EnvelopeGeometry(*(v * mm for v in ENVELOPE_SIZES[size]))
    block, top = recipient_block(g, LONG)
    assert block.text_width() <= g.recipient_width + 0.01
    assert top <= g.recipient_ceiling + 0.01  # below the stamp's place
    assert top - block.height >= g.recipient_bottom - 0.01  # above the sorting strip
    assert block.lines[-1].text == "30455"
    short, short_top = recipient_block(g, DPS)
    assert short_top == pytest.approx(g.recipient_top)  # a short one starts at mid-height
    assert block.lines[0].size < short.lines[0].size  # the long one was set smaller
    # The sender, however long, stays left of the recipient column.
    sender = sender_block(g, LONG)
    assert g.margin_x + sender.text_width() <= g.recipient_x - GAP + 0.01


@pytest.mark.parametrize("size", ["DL", "C5", "C4"])
def test_long_texts_stay_in_their_places(size: str) -> None:
    """Whatever the lengths: everything inside the margins, the sender left of the recipient
    column, the recipient below the stamp's place, and the cut shown with «…»."""
    pdf = envelopes_pdf(LONG, [MailPiece(LONG, REFERENCE * 5, registered=True)], size)
    g = EnvelopeGeometry(*(v * mm for v in ENVELOPE_SIZES[size]))
    found = text_positions(pdf)
    assert any(d.text.endswith("…") for d in found)
    for d in found:
        assert d.x >= g.margin_x - 0.01 and d.right() <= g.width - g.margin_x + 0.01, d
        assert d.y >= 5 * mm and d.y + 0.9 * d.size <= g.height - g.margin_y + 0.01, d
        if d.text == "Рекомендоване":
            assert d.y > g.recipient_ceiling
        elif d.x >= g.recipient_x - 0.01:
            assert d.y + 0.9 * d.size <= g.recipient_ceiling + 0.01, d
            assert d.y >= g.recipient_bottom - d.size * 0.25, d
        else:
            assert d.right() <= g.recipient_x - GAP + 0.01, d


@pytest.mark.parametrize("bad", ["A4", "dl", ""])
def test_unknown_size_is_refused_in_ukrainian(bad: str) -> None:
    with pytest.raises(ValueError, match="Допустимі формати: DL, C5, C4"):
        envelopes_pdf(SENDER, PIECES, bad)


def test_no_pieces_is_refused() -> None:
    with pytest.raises(ValueError, match="Немає жодного адресата"):
        envelopes_pdf(SENDER, [])
