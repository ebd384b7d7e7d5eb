"""Small helpers shared by the printing modules: output targets, escaping, styles, page set-up
and the signature block."""

from __future__ import annotations

import os
import re
from typing import BinaryIO
from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Frame, Paragraph, Table, TableStyle

from . import fonts
from .data import Align

Output = str | os.PathLike[str] | BinaryIO

PDF_CREATOR = "Діловод"

NBSP = "\u00a0"
_GLUE = re.compile(r" (?=[A-ZА-ЩЬЮЯҐЄІЇ]\.)|(?<=№) ")

#: A document's margins by ДСТУ 4163:2020 (left 30 mm for binding, right 10, top and bottom 20),
#: as (left, right, top, bottom) in points.
DSTU_MARGINS = (30 * mm, 10 * mm, 20 * mm, 20 * mm)

ALIGNMENTS = {"left": TA_LEFT, "center": TA_CENTER, "right": TA_RIGHT, "justify": TA_JUSTIFY}


def target(out: Output) -> str | BinaryIO:
    """reportlab takes a file name or a binary stream; resolve path-like objects."""
    if isinstance(out, str | os.PathLike):
        return os.fspath(out)
    return out


def markup(text: str) -> str:
    """Plain text → Paragraph markup: escape XML, keep the caller's line breaks."""
    return escape(text.strip()).replace("\r\n", "\n").replace("\n", "<br/>")


def glue(text: str) -> str:
    """Non-breaking spaces where a line must not break: before initials («Коваль О. П.»)
    and after «№»."""
    return _GLUE.sub(NBSP, text)


def style(
    name: str,
    size: float,
    *,
    bold: bool = False,
    italic: bool = False,
    align: Align | str = "left",
    leading: float | None = None,
    space_before: float = 0,
    space_after: float = 0,
    first_indent: float = 0,
) -> ParagraphStyle:
    fonts.register_fonts()
    face = {
        (False, False): fonts.REGULAR,
        (True, False): fonts.BOLD,
        (False, True): fonts.ITALIC,
        (True, True): fonts.BOLD_ITALIC,
    }[(bold, italic)]
    return ParagraphStyle(
        name,
        fontName=face,
        fontSize=size,
        leading=leading if leading is not None else round(size * 1.2, 2),
        alignment=ALIGNMENTS[align],
        spaceBefore=space_before,
        spaceAfter=space_after,
        firstLineIndent=first_indent,
    )


def single_frame_document(
    out: Output,
    pagesize: tuple[float, float],
    margins: tuple[float, float, float, float],
    title: str,
) -> tuple[BaseDocTemplate, Frame, float, float]:
    """A document whose pages hold one frame inside (left, right, top, bottom) margins, with
    the frame's width and height. The slip and the card differ only in what they put in it."""
    fonts.register_fonts()
    left, right, top, bottom = margins
    doc = BaseDocTemplate(
        target(out), pagesize=pagesize, title=title, author=PDF_CREATOR, creator=PDF_CREATOR
    )
    width, height = pagesize[0] - left - right, pagesize[1] - top - bottom
    frame = Frame(
        left,
        bottom,
        width,
        height,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )
    return doc, frame, width, height


def pdf_canvas(out: Output, size: tuple[float, float], title: str) -> Canvas:
    """A bare canvas for pages drawn by coordinates (stamps, envelopes, labels)."""
    fonts.register_fonts()
    c = Canvas(target(out), pagesize=size)
    c.setTitle(title)
    c.setCreator(PDF_CREATOR)
    c.setAuthor(PDF_CREATOR)
    return c


def signature_block(position: str, name: str, width: float, size: float) -> Table:
    """«Посада ____ Власне ім'я ПРІЗВИЩЕ» (ДСТУ 4163:2020), signature line in the middle."""
    cols = [width * 0.45, width * 0.22, width * 0.33]
    table = Table(
        [
            [
                Paragraph(markup(position), style("pos", size, leading=size * 1.2)),
                "",
                Paragraph(markup(name), style("name", size, bold=True, align="right")),
            ]
        ],
        colWidths=cols,
        hAlign="LEFT",
    )
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                ("LINEBELOW", (1, 0), (1, 0), 0.6, "black"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("LEFTPADDING", (1, 0), (1, 0), 6),
                ("RIGHTPADDING", (1, 0), (1, 0), 6),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
            ]
        )
    )
    return table
