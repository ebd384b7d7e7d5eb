"""Award certificates (грамоти, подяки, вітальні адреси), A4 portrait, one per page.

Drawn on a bare canvas by coordinates: a batch of 200 for one Independence Day must come out in
well under two seconds (a platypus story measures every paragraph several times). The page: the
council's name, the kind's heading, the template's lines with the recipient's name set large,
the signature block per ДСТУ 4163:2020 («Міський голова — підпис — Власне ім'я ПРІЗВИЩЕ»), and
the order that granted the award. On pre-printed forms (`preprinted`) only the text is printed,
moved by the printer's offsets, as for stamps.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit

from . import fonts
from .common import Output, pdf_canvas


@dataclass(frozen=True)
class Certificate:
    """One certificate's text, the name already in its case (app.domain.certificate_text)."""

    heading: str  # «ПОДЯКА»; lines split by "\n"
    lines: tuple[str, ...]  # the template filled in
    name_index: int  # the line that names the recipient (set large); -1: none
    signer_position: str  # «Міський голова»
    signer_name: str  # «Віктор БОНДАР»
    order: str  # «Розпорядження міського голови від 20.08.2026 № 145-р»; "" without one
    organisation: str = ""  # «ШЕПЕТІВСЬКА МІСЬКА РАДА»
    place_year: str = ""  # «м. Шепетівка — 2026»


@dataclass(frozen=True)
class Layout:
    preprinted: bool = False  # print the text only (a form with its heading and frame)
    offset_x_mm: float = 0.0
    offset_y_mm: float = 0.0


WIDTH, HEIGHT = A4
_MARGIN = 25 * mm
_TEXT = WIDTH - 2 * _MARGIN


def _centred(c, text: str, y: float, font: str, size: float, dx: float) -> float:  # type: ignore[no-untyped-def]
    """Draw `text` wrapped to the text width, centred; returns the y below it."""
    leading = size * 1.25
    for line in simpleSplit(text, font, size, _TEXT) or [""]:
        c.setFont(font, size)
        c.drawCentredString(WIDTH / 2 + dx, y, line)
        y -= leading
    return y


def _page(c, cert: Certificate, layout: Layout) -> None:  # type: ignore[no-untyped-def]
    dx, dy = layout.offset_x_mm * mm, -layout.offset_y_mm * mm
    if not layout.preprinted:
        c.setLineWidth(2)
        c.rect(12 * mm, 12 * mm, WIDTH - 24 * mm, HEIGHT - 24 * mm)
        c.setLineWidth(0.6)
        c.rect(15 * mm, 15 * mm, WIDTH - 30 * mm, HEIGHT - 30 * mm)
    y = HEIGHT - 35 * mm + dy
    if cert.organisation and not layout.preprinted:
        y = _centred(c, cert.organisation.upper(), y, fonts.BOLD, 14, dx) - 18 * mm
    else:
        y -= 18 * mm
    if not layout.preprinted:
        for part in cert.heading.split("\n"):
            y = _centred(c, part, y, fonts.BOLD, 34, dx)
        y -= 14 * mm
    else:
        y -= 45 * mm
    # The body is centred in the room between the heading and the signature block.
    blocks = []
    for i, line in enumerate(cert.lines):
        if i == cert.name_index:
            blocks.append((line, fonts.BOLD_ITALIC, 22.0, 4 * mm, 4 * mm))
        else:
            blocks.append((line, fonts.REGULAR, 16.0, 0.0, 1.5 * mm))
    height = sum(
        before + after + size * 1.25 * max(1, len(simpleSplit(text, font, size, _TEXT)))
        for text, font, size, before, after in blocks
    )
    room = y - (80 * mm + dy)
    y -= max(0.0, (room - height) / 2)
    for text, font, size, before, after in blocks:
        y = _centred(c, text, y - before, font, size, dx) - after
    # The signature block: position — a line for the signature — Власне ім'я ПРІЗВИЩЕ.
    base = 62 * mm + dy
    c.setFont(fonts.REGULAR, 14)
    c.drawString(_MARGIN + dx, base, cert.signer_position)
    c.setLineWidth(0.6)
    c.line(_MARGIN + 68 * mm + dx, base - 1, _MARGIN + 108 * mm + dx, base - 1)
    c.setFont(fonts.BOLD, 14)
    c.drawRightString(WIDTH - _MARGIN + dx, base, cert.signer_name)
    c.setFont(fonts.REGULAR, 11)
    if cert.order:
        c.drawString(_MARGIN + dx, 42 * mm + dy, cert.order)
    if cert.place_year:
        c.drawCentredString(WIDTH / 2 + dx, 27 * mm + dy, cert.place_year)


def write_certificates(
    items: Sequence[Certificate], out: Output, layout: Layout | None = None, title: str = ""
) -> None:
    """One A4 page per certificate, in the order given."""
    layout = layout or Layout()
    c = pdf_canvas(out, A4, title or "Грамоти")
    c.setPageCompression(1)
    for cert in items:
        _page(c, cert, layout)
        c.showPage()
    if not items:
        c.setFont(fonts.REGULAR, 14)
        c.drawString(_MARGIN, HEIGHT / 2, "Немає нагороджень для друку")
        c.showPage()
    c.save()
