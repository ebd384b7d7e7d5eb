"""The record's QR code beside the registration stamp and in the РКК's heading: drawn, in its
place, leaving the stamp's text where it was; decoded from a rendering when zbarimg exists."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from app.printing import (
    ControlStampData,
    RegistrationCardData,
    RegistrationStampData,
    print_document_stamps,
    print_registration_card,
    print_registration_stamp,
)
from app.printing.data import CardControl
from app.printing.qr import STAMP_QR_SIZE
from app.printing.stamps import PAGE_STAMP_RIGHT, QR_GAP, REGISTRATION_BOTTOM, REGISTRATION_WIDTH

from . import MM, page_texts, read_pdf, text_positions

CODE = "DLV-0F3A9CDE12344BCD8EF0A1B2C3D4E5F6"
STAMP = RegistrationStampData("Шепетівська міська рада", "345/01-12", date(2026, 3, 5), sheets=3)
CARD = RegistrationCardData(
    "Виконавчий комітет Шепетівської міської ради",
    "345/01-12",
    date(2026, 3, 5),
    "Хмельницька ОДА",
    summary="Про ремонт доріг",
    control=CardControl(date(2026, 4, 5)),
)
_RECT = re.compile(rb"[-\d.]+ [-\d.]+ [-\d.]+ [-\d.]+ re\b")


def _rects(pdf: io.BytesIO) -> list[tuple[float, float, float, float]]:
    """Every rectangle drawn on the first page, in the page's coordinates (no transforms in
    the stamps' own drawing but the QR's, so the QR's modules are the small filled squares)."""
    data = read_pdf(pdf).pages[0].get_contents().get_data()  # type: ignore[union-attr]
    return [tuple(float(v) for v in m.group().split()[:4]) for m in _RECT.finditer(data)]  # type: ignore[misc]


def _positions(pdf: io.BytesIO) -> dict[str, tuple[float, float]]:
    return {d.text: (d.x, d.y) for d in text_positions(pdf)}


def test_the_page_stamp_grows_a_qr_and_keeps_its_text_in_place() -> None:
    plain, coded = io.BytesIO(), io.BytesIO()
    print_document_stamps(STAMP, ControlStampData(date(2026, 4, 5)), plain)
    print_document_stamps(replace(STAMP, code=CODE), ControlStampData(date(2026, 4, 5)), coded)
    assert len(_rects(coded)) > len(_rects(plain)) + 50  # the code's dark modules
    assert _positions(coded) == _positions(plain)  # the stamp's size and place are unchanged
    assert page_texts(coded) == page_texts(plain)  # the code is a picture, not text


def test_the_qr_sits_left_of_the_frame_and_moves_with_the_offsets(tmp_path: Path) -> None:
    pdf = io.BytesIO()
    print_registration_stamp(replace(STAMP, code=CODE), pdf, offset_x_mm=5, offset_y_mm=3)
    assert len(_rects(pdf)) > 50
    frame_left = 210 * MM - PAGE_STAMP_RIGHT - REGISTRATION_WIDTH + 5 * MM
    qr_left = frame_left - QR_GAP - STAMP_QR_SIZE
    qr_bottom = REGISTRATION_BOTTOM - 3 * MM
    page = _render(pdf, tmp_path)
    if page is None:
        return
    from PIL import Image

    with Image.open(page) as image:
        scale = image.width / (210 * MM)
        height = image.height

        def dark(x: float, y: float, w: float, h: float) -> int:
            box = (int(x * scale), int(height - (y + h) * scale))
            box += (int((x + w) * scale), int(height - y * scale))
            return sum(image.convert("L").crop(box).histogram()[:128])

        assert dark(qr_left, qr_bottom, STAMP_QR_SIZE, STAMP_QR_SIZE) > 500
        assert dark(qr_left - 20 * MM, qr_bottom, 19 * MM, STAMP_QR_SIZE) == 0
    _maybe_decode(page)


def test_a_label_keeps_everything_on_it_with_the_code() -> None:
    pdf = io.BytesIO()
    print_registration_stamp(replace(STAMP, code=CODE), pdf, mode="label")
    [text] = page_texts(pdf)
    assert "Вх. № 345/01-12" in text and "від 05.03.2026" in text and "Аркушів: 3" in text
    width = 70 * MM
    for x, _y in _positions(pdf).values():
        assert STAMP_QR_SIZE < x < width  # the text keeps right of the code
    assert len(_rects(pdf)) > 50


def test_the_card_heading_has_the_code_and_still_the_whole_title(tmp_path: Path) -> None:
    plain, coded = io.BytesIO(), io.BytesIO()
    print_registration_card(CARD, plain)
    print_registration_card(replace(CARD, code=CODE), coded)
    assert len(_rects(coded)) > len(_rects(plain)) + 50
    text = page_texts(coded)[0]
    assert "РЕЄСТРАЦІЙНО-" in text and "КОНТРОЛЬНА КАРТКА" in text and "КОНТРОЛЬ" in text
    page = _render(coded, tmp_path)
    if page is not None:
        _maybe_decode(page)


def _render(pdf: io.BytesIO, folder: Path) -> Path | None:
    if shutil.which("pdftoppm") is None:
        return None
    pytest.importorskip("PIL")
    (folder / "page.pdf").write_bytes(pdf.getvalue())
    subprocess.run(
        ["pdftoppm", "-png", "-r", "150", "-f", "1", "-l", "1", "page.pdf", "p"],
        cwd=folder,
        check=True,
    )
    return next(folder.glob("p*.png"))


def _maybe_decode(page: Path) -> None:
    """The code read back from the rendered page, when a decoder is installed."""
    if shutil.which("zbarimg") is None:
        return
    out = subprocess.run(["zbarimg", "--raw", "-q", str(page)], capture_output=True, text=True)
    assert CODE in out.stdout.split()
