"""Registration number formats: «345/01-12», «01-12/345», «17-р».

Every executive committee writes its numbers a little differently, so the format is a setting
(DOMAIN.md: incoming, outgoing, orders with «-р» / «-к» suffixes). The running number ``{n}`` is
kept by the database per series and year; this module only checks a format an administrator typed
and renders numbers from it.
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass

__all__ = [
    "PLACEHOLDERS",
    "NumberFormatError",
    "format_number",
    "number_pattern",
    "validate_format",
]

#: Placeholder → what it means, for the settings dialog's hint.
PLACEHOLDERS: dict[str, str] = {
    "n": "порядковий номер у межах року",
    "index": "індекс справи за номенклатурою (наприклад, 01-12)",
    "year": "рік, чотири цифри (2026)",
    "yy": "рік, дві цифри (26)",
}

#: Characters that only separate parts of a number; dropped next to an empty placeholder.
_SEPARATORS = "/\\-–—._| "


class NumberFormatError(ValueError):
    """The administrator's number format cannot be used; ``str(error)`` is ready to show."""


@dataclass(frozen=True)
class _Part:
    literal: str
    field: str | None = None
    spec: str = ""


def _parse(fmt: str) -> list[_Part]:
    try:
        parsed = list(string.Formatter().parse(fmt))
    except ValueError:
        raise NumberFormatError(
            "Неправильний формат номера: фігурні дужки { } мають бути парними "
            "(для дужки як символу пишіть {{ або }})"
        ) from None
    parts: list[_Part] = []
    for literal, field, spec, conversion in parsed:
        if literal:
            parts.append(_Part(literal))
        if field is None:
            continue
        if field not in PLACEHOLDERS:
            known = ", ".join("{" + name + "}" for name in PLACEHOLDERS)
            raise NumberFormatError(
                f"Невідоме поле {{{field}}} у форматі номера. Можна використовувати: {known}"
            )
        if conversion:
            raise NumberFormatError(f"Поле {{{field}}} не може мати перетворення «!{conversion}»")
        parts.append(_Part("", field, spec or ""))
    return parts


def validate_format(fmt: str) -> None:
    """Raise :class:`NumberFormatError` unless ``fmt`` can number documents.

    ``{n}`` is required — without it every document would get the same number. Format specs such
    as ``{n:04d}`` are allowed (some offices pad numbers), and checked by rendering a sample.
    """
    if not fmt or not fmt.strip():
        raise NumberFormatError("Вкажіть формат номера, наприклад {n}/{index}")
    parts = _parse(fmt)
    if not any(part.field == "n" for part in parts):
        raise NumberFormatError("Формат номера має містити поле {n} (порядковий номер)")
    try:
        _render(parts, 1, "01-01", 2026)
    except (ValueError, TypeError):
        raise NumberFormatError(f"Неправильне оформлення поля у форматі «{fmt}»") from None


def _render(parts: list[_Part], n: int, index: str, year: int) -> list[str]:
    values: dict[str, object] = {"n": n, "index": index, "year": year, "yy": f"{year % 100:02d}"}
    return [
        format(values[part.field], part.spec) if part.field is not None else part.literal
        for part in parts
    ]


def format_number(fmt: str, n: int, index: str = "", year: int = 2026) -> str:
    """Render a registration number: ``format_number("{n}/{index}", 345, "01-12") == "345/01-12"``.

    When a placeholder renders empty (a document with no case index yet), one separator next to
    it goes too, so «{n}/{index}» gives «345», not «345/»: the separator after it when something
    follows (``{index}/{n}`` → «345»), otherwise the one before it.
    """
    parts = _parse(fmt)
    rendered = _render(parts, n, index.strip(), year)
    for i, part in enumerate(parts):
        if part.field is None or rendered[i]:
            continue
        after = i + 1
        if after < len(parts) and parts[after].field is None and after + 1 < len(parts):
            rendered[after] = rendered[after].lstrip(_SEPARATORS)
        elif i > 0 and parts[i - 1].field is None:
            rendered[i - 1] = rendered[i - 1].rstrip(_SEPARATORS)
        elif after < len(parts) and parts[after].field is None:
            rendered[after] = rendered[after].lstrip(_SEPARATORS)
    return "".join(rendered).strip()


def number_pattern(fmt: str, index: str = "", year: int = 2026) -> re.Pattern[str]:
    """A regex that matches numbers in this format and captures the running number as ``n``.

    Used when importing old registers: «345/01-12» → 345.
    """
    sample = format_number(fmt, 987654321, index, year)
    head, _, tail = sample.partition("987654321")
    return re.compile(re.escape(head) + r"0*(?P<n>\d+)" + re.escape(tail))
