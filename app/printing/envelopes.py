"""Envelopes: one per page, the page the size of the envelope, laid out as Укрпошта expects.

The sender («Від кого») sits in the upper left corner, the postage stamp or franking imprint
goes in the upper right (left blank here), and the recipient («Кому», «Куди», the postal code
alone on the last line, bold and larger) in the lower right quarter, high enough above the
bottom edge for the sorting machines' strip. A recipient that does not fit the quarter first
grows upwards (never into the stamp's place), then is set smaller; the sender block is confined
to the left half, so the two can never meet. Type sizes follow the envelope's height, a bit less
than proportionally: a C4 envelope is read from further away, but not twice as far.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from . import fonts
from .address_block import AddressBlock, fit_line, set_address
from .common import pdf_canvas
from .mail import MailPiece, PostalAddress, envelope_size

REGISTERED = "Рекомендоване"
RECIPIENT_LABELS = ("Кому:", "Куди:")
SENDER_LABELS = ("Від кого:", "")

RECIPIENT_SIZE = 12.0  # on DL; scaled with the envelope
SENDER_SIZE = 9.5
REFERENCE_SIZE = 7.5
STAMP_ZONE = (48 * mm, 32 * mm)  # postage stamp or franking imprint, top right
GAP = 5 * mm


@dataclass(frozen=True)
class EnvelopeGeometry:
    """Where everything goes on an envelope of ``width`` × ``height`` points."""

    width: float
    height: float

    @property
    def scale(self) -> float:
        return float((self.height / (110 * mm)) ** 0.6)

    @property
    def margin_x(self) -> float:
        return self.width * 0.045

    @property
    def margin_y(self) -> float:
        return max(self.height * 0.07, 7 * mm)

    @property
    def recipient_x(self) -> float:
        return self.width * 0.46

    @property
    def recipient_width(self) -> float:
        return self.width - self.margin_x - self.recipient_x

    @property
    def recipient_bottom(self) -> float:
        """The sorting machines' strip along the bottom edge stays clear."""
        return 15 * mm * self.scale**0.5

    @property
    def recipient_top(self) -> float:
        """Where the recipient block starts when it fits the lower quarter."""
        return self.height * 0.52

    @property
    def recipient_ceiling(self) -> float:
        """The highest a long recipient block may reach: below the stamp's place."""
        return self.height - self.margin_y - STAMP_ZONE[1] - GAP / 2

    @property
    def sender_width(self) -> float:
        return self.recipient_x - GAP - self.margin_x

    @property
    def sender_floor(self) -> float:
        return self.height * 0.42

    @property
    def reference_y(self) -> float:
        return 6 * mm * self.scale


def recipient_block(g: EnvelopeGeometry, recipient: PostalAddress) -> tuple[AddressBlock, float]:
    """The recipient set to fit, and the y of its top edge."""
    block = set_address(
        recipient,
        g.recipient_width,
        g.recipient_ceiling - g.recipient_bottom,
        RECIPIENT_SIZE * g.scale,
        labels=RECIPIENT_LABELS,
        code_scale=1.3,
        min_size=RECIPIENT_SIZE * g.scale * 0.6,
    )
    return block, max(g.recipient_top, g.recipient_bottom + block.height)


def sender_block(g: EnvelopeGeometry, sender: PostalAddress) -> AddressBlock:
    return set_address(
        sender,
        g.sender_width,
        g.height - g.margin_y - g.sender_floor,
        SENDER_SIZE * g.scale,
        labels=SENDER_LABELS,
        code_scale=1.0,
        min_size=SENDER_SIZE * g.scale * 0.6,
    )


def _draw_registered(c: Canvas, g: EnvelopeGeometry) -> None:
    """«Рекомендоване» in a frame at the top, left of the stamp's place."""
    size = 12 * g.scale
    pad = size * 0.45
    w = stringWidth(REGISTERED, fonts.BOLD, size) + 2 * pad
    h = size * 1.6
    right = g.width - g.margin_x - STAMP_ZONE[0] - GAP / 2
    top = g.height - g.margin_y
    c.saveState()
    c.setLineWidth(1.0)
    c.rect(right - w, top - h, w, h, stroke=1, fill=0)
    c.setFont(fonts.BOLD, size)
    c.drawCentredString(right - w / 2, top - h / 2 - size * 0.33, REGISTERED)
    c.restoreState()


def _draw_envelope(c: Canvas, g: EnvelopeGeometry, sender: AddressBlock, piece: MailPiece) -> None:
    sender.draw(c, g.margin_x, g.height - g.margin_y)
    block, top = recipient_block(g, piece.recipient)
    block.draw(c, g.recipient_x, top)
    if piece.registered:
        _draw_registered(c, g)
    if piece.reference.strip():
        size = REFERENCE_SIZE * g.scale
        line = fit_line(piece.reference, fonts.REGULAR, size, g.sender_width, size * 0.7)
        c.setFont(line.font, line.size)
        c.drawString(g.margin_x, g.reference_y, line.text)


def render_envelopes(sender: PostalAddress, pieces: Sequence[MailPiece], size: str = "DL") -> bytes:
    """One envelope per page; see :func:`app.printing.mail.envelopes_pdf`."""
    width_mm, height_mm = envelope_size(size)
    if not pieces:
        raise ValueError("Немає жодного адресата: друкувати конверти нема для кого.")
    g = EnvelopeGeometry(width_mm * mm, height_mm * mm)
    out = io.BytesIO()
    c = pdf_canvas(out, (g.width, g.height), f"Конверти {size}")
    sender_set = sender_block(g, sender)  # the same on every envelope: set it once
    for piece in pieces:
        _draw_envelope(c, g, sender_set, piece)
        c.showPage()
    c.save()
    return out.getvalue()
