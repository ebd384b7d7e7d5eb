"""A postal address set into a box of fixed width and limited height: envelopes and labels.

An address must never spill out of its place: on an envelope it would run into the sender or
the postage stamp, on a label onto the next label. So the block is set in the largest type that
fits (down to a floor), and past the floor lines are cut with «…» — the postal code is never the
line that goes. Layout follows Укрпошта: the name, the address lines (street and house,
settlement, district, region), then the postal code alone on the last line, bold and larger.
Field labels («Кому:», «Куди:») hang in a gutter on the left, smaller, on the field's first line.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from . import fonts
from .mail import PostalAddress, address_lines
from .wrapping import LineBreaker

LEADING = 1.2  # line height as a multiple of the type size
LABEL_SCALE = 0.75  # gutter labels against the text
GUTTER_GAP = 1.5 * 72 / 25.4
SHRINK_STEP = 0.94


@dataclass(frozen=True)
class SetLine:
    text: str
    font: str
    size: float
    label: str = ""  # printed in the gutter beside this line
    space_before: float = 0.0
    postal_code: bool = False  # the line that is never cut

    @property
    def height(self) -> float:
        return self.space_before + self.size * LEADING


@dataclass(frozen=True)
class AddressBlock:
    lines: tuple[SetLine, ...]
    gutter: float  # width of the label column, 0 without labels
    label_size: float

    @property
    def height(self) -> float:
        return sum(line.height for line in self.lines)

    def text_width(self) -> float:
        """The widest line, gutter included: what the block really occupies."""
        widest = max((stringWidth(x.text, x.font, x.size) for x in self.lines), default=0.0)
        return self.gutter + widest

    def draw(self, c: Canvas, x: float, top: float) -> None:
        """Draw with the block's top left corner at (x, top)."""
        cursor = top
        for line in self.lines:
            cursor -= line.height
            baseline = cursor + line.size * (LEADING - 0.95)
            if line.label:
                c.setFont(fonts.REGULAR, self.label_size)
                c.drawString(x, baseline, line.label)
            c.setFont(line.font, line.size)
            c.drawString(x + self.gutter, baseline, line.text)


def set_address(
    address: PostalAddress,
    width: float,
    max_height: float,
    size: float,
    *,
    labels: tuple[str, str] | None = None,
    code_scale: float = 1.25,
    min_size: float | None = None,
) -> AddressBlock:
    """The address in the largest type from ``size`` down to ``min_size`` (70 % by default)
    whose block fits ``width`` × ``max_height`` points; below that, cut with «…»."""
    floor = min_size if min_size is not None else size * 0.7
    while True:
        block = _compose(address, width, size, labels, code_scale)
        if block.height <= max_height or size <= floor:
            break
        size = max(size * SHRINK_STEP, floor)
    return block if block.height <= max_height else _cut(block, max_height)


def _compose(
    address: PostalAddress,
    width: float,
    size: float,
    labels: tuple[str, str] | None,
    code_scale: float,
) -> AddressBlock:
    fonts.register_fonts()
    label_size = size * LABEL_SCALE
    gutter = 0.0
    if labels is not None:
        gutter = max(stringWidth(t, fonts.REGULAR, label_size) for t in labels) + GUTTER_GAP
    avail = width - gutter
    breaker = LineBreaker(size)
    name_label, address_label = labels if labels is not None else ("", "")

    lines: list[SetLine] = []
    for i, text in enumerate(breaker.wrap(address.name.strip(), fonts.REGULAR, avail)):
        lines.append(SetLine(text, fonts.REGULAR, size, name_label if i == 0 else ""))
    wrapped: list[str] = []
    for line in address_lines(address.address):
        wrapped.extend(breaker.wrap(line, fonts.REGULAR, avail))
    lines.extend(
        SetLine(text, fonts.REGULAR, size, address_label if i == 0 else "")
        for i, text in enumerate(wrapped)
    )
    code = address.postal_code.strip()
    if code:
        natural = max(stringWidth(code, fonts.BOLD, size), 1.0)
        code_size = min(size * code_scale, size * avail / natural)
        lines.append(
            SetLine(code, fonts.BOLD, code_size, space_before=size * 0.15, postal_code=True)
        )
    return AddressBlock(tuple(lines), gutter, label_size)


def _cut(block: AddressBlock, max_height: float) -> AddressBlock:
    """Drop text lines from the end (never the postal code) until the block fits; the last
    line kept ends with «…» so the cut is visible."""
    lines = list(block.lines)
    code = lines.pop() if lines and lines[-1].postal_code else None
    budget = max_height - (code.height if code else 0.0)
    kept: list[SetLine] = []
    used = 0.0
    for line in lines:
        if used + line.height > budget:
            break
        kept.append(line)
        used += line.height
    if kept and len(kept) < len(lines):
        kept[-1] = replace(kept[-1], text=kept[-1].text.rstrip(" ,;") + "…")
    return AddressBlock(tuple([*kept, *([code] if code else [])]), block.gutter, block.label_size)


def fit_line(text: str, font: str, size: float, width: float, min_size: float) -> SetLine:
    """One line in ``size`` or smaller (not below ``min_size``) so it fits ``width``; if it
    still does not, its end is cut with «…»."""
    fonts.register_fonts()
    text = " ".join(text.split())
    natural = stringWidth(text, font, size)
    if natural > width:
        size = max(size * width / natural, min_size)
    if stringWidth(text, font, size) > width:
        while text and stringWidth(text + "…", font, size) > width:
            text = text[:-1]
        text = text.rstrip(" ,;") + "…"
    return SetLine(text, font, size)


def one_line(address: PostalAddress) -> str:
    """«Name, address, postal code» on one line: the sender above a label."""
    parts: Sequence[str] = [address.name.strip(), *address_lines(address.address)]
    code = address.postal_code.strip()
    return ", ".join(p for p in [*parts, code] if p)
