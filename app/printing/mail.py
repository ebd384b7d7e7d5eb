"""Printing for outgoing mail: envelopes, address labels and the distribution list (10.2).

The input dataclasses and the paper geometry live here, in plain Python; the renderers
(envelopes.py, labels.py, distribution.py) import reportlab and are loaded by the functions at
the bottom only when something is printed, so importing this module costs nothing at start-up.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

__all__ = [
    "ENVELOPE_SIZES",
    "LABEL_LAYOUTS",
    "DistributionEntry",
    "DistributionListData",
    "LabelLayout",
    "MailPiece",
    "PostalAddress",
    "address_lines",
    "distribution_list_pdf",
    "envelope_size",
    "envelopes_pdf",
    "label_layout",
    "labels_pdf",
]


@dataclass(frozen=True)
class PostalAddress:
    name: str  # the addressee: organisation or person (may be long: it is wrapped)
    address: str = ""  # street, house, settlement, district, region — "\n" or ", " between
    postal_code: str = ""  # 5 digits in Ukraine


@dataclass(frozen=True)
class MailPiece:
    recipient: PostalAddress
    reference: str = ""  # «Вих. № 15/01-12 від 20.11.2026», printed small, optional
    registered: bool = False  # рекомендоване: the envelope says «Рекомендоване»


@dataclass(frozen=True)
class DistributionEntry:
    recipient: PostalAddress
    send_method: str = ""  # «Пошта», «Електронна пошта», «СЕВ ОВВ», «Нарочно» …
    email: str = ""


@dataclass(frozen=True)
class DistributionListData:
    organisation: str
    reg_number: str
    reg_date: date
    title: str  # the document's title (заголовок)
    signatory: str  # «Міський голова Олена КОВАЛЬ»
    entries: tuple[DistributionEntry, ...]
    compiled_by: str = ""  # executor's name and phone, printed at the bottom (10.3)


#: Envelope formats (ДСТУ ISO 269), width × height in mm, landscape as they go into a printer.
ENVELOPE_SIZES = {"DL": (220, 110), "C5": (229, 162), "C4": (324, 229)}


@dataclass(frozen=True)
class LabelLayout:
    """A sheet of self-adhesive labels on A4, all in mm; labels are filled row by row."""

    columns: int
    rows: int
    width: float
    height: float
    left: float  # from the sheet's left edge to the first column
    top: float  # from the sheet's top edge to the first row
    pitch_x: float  # from one column's left edge to the next one's
    pitch_y: float

    @property
    def per_sheet(self) -> int:
        return self.columns * self.rows


LABEL_LAYOUTS = {
    # 70 × 37 mm, 24 per sheet, edge to edge (3 × 70 = 210 mm; 0.5 mm above and below).
    "3x8": LabelLayout(3, 8, 70.0, 37.0, 0.0, 0.5, 70.0, 37.0),
    # 99.1 × 38.1 mm, 14 per sheet (the L7163 layout): 4.65 mm sides, 2.5 mm between columns.
    "2x7": LabelLayout(2, 7, 99.1, 38.1, 4.65, 15.15, 101.6, 38.1),
}


def envelope_size(size: str) -> tuple[float, float]:
    """The envelope's width and height in mm, or a Ukrainian ValueError naming the formats."""
    try:
        return ENVELOPE_SIZES[size]
    except KeyError:
        allowed = ", ".join(ENVELOPE_SIZES)
        raise ValueError(
            f"Невідомий формат конверта «{size}». Допустимі формати: {allowed}."
        ) from None


def label_layout(layout: str) -> LabelLayout:
    try:
        return LABEL_LAYOUTS[layout]
    except KeyError:
        allowed = ", ".join(LABEL_LAYOUTS)
        raise ValueError(f"Невідомий аркуш етикеток «{layout}». Допустимі: {allowed}.") from None


# A part after a comma that belongs to the line before it: the house, building, flat, office.
_CONTINUATION = re.compile(r"(\d|(буд|будинок|корп|корпус|кв|квартира|оф|офіс|прим|к)\b\.?)", re.I)


def address_lines(address: str) -> list[str]:
    """The address as printed lines, in the order written (street, settlement, district,
    region). Lines are the caller's "\\n"; a one-line address is split at ", ", keeping the
    house and flat with their street: «вул. Шевченка, 12, кв. 5, м. Шепетівка» →
    [«вул. Шевченка, 12, кв. 5», «м. Шепетівка»]."""
    text = address.replace("\r\n", "\n").strip()
    if "\n" in text:
        return [line.strip() for line in text.split("\n") if line.strip()]
    lines: list[str] = []
    for part in (p.strip() for p in text.split(",")):
        if not part:
            continue
        if lines and _CONTINUATION.match(part):
            lines[-1] = f"{lines[-1]}, {part}"
        else:
            lines.append(part)
    return lines


def envelopes_pdf(sender: PostalAddress, pieces: Sequence[MailPiece], size: str = "DL") -> bytes:
    """One envelope per page, the page the size of the envelope (DL, C5 or C4, landscape)."""
    from .envelopes import render_envelopes

    return render_envelopes(sender, pieces, size)


def labels_pdf(
    pieces: Sequence[MailPiece],
    *,
    sender: PostalAddress | None = None,
    skip: int = 0,
    layout: str = "3x8",
) -> bytes:
    """A4 sheets of address labels; ``skip`` leaves the first labels of a used sheet empty."""
    from .labels import render_labels

    return render_labels(pieces, sender=sender, skip=skip, layout=layout)


def distribution_list_pdf(data: DistributionListData) -> bytes:
    """Список розсилки on A4 portrait, header repeated and pages numbered when it runs over."""
    from .distribution import render_distribution_list

    return render_distribution_list(data)
