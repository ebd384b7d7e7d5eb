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
    "split_written",
    "sub_key",
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


# --- numbers as written: sub-numbers ---------------------------------------------------------

#: The running number first, then anything: «931-1», «24/119», «165-ра», «931-1а».
_WRITTEN_RE = re.compile(r"^(\d+)\s*(?:[-–/\\.\s]\s*(\S.*))?$")
_PARTS_RE = re.compile(r"\d+|[^\W\d_]+")
#: A sub-number's digits, padded so that text order is numeric order (931-2 before 931-10).
_PAD = 6
SUB_MAX = 30


def sub_key(tail: str) -> str:
    """The key of a sub-number written after the running number: «1» → «000001», «119» →
    «000119», «1а» → «000001а», «2-1» → «000002-000001»; "" when the tail names none — a
    series' suffix such as «р» or «к» (letters first) is part of the format, not a sub-number.

    Numbers kept as written (decisions «931-1» — an amendment registered after 931; council-style
    «24/119») share their running number with the plain one, so the running number alone
    cannot tell them apart: (running number, sub key) does, sorts them numerically (931, 931-1,
    931-2, 931-10, 932) and makes «931-1» and «931/1» the same number."""
    text = tail.strip().casefold()
    if not text or not text[0].isdigit():
        return ""
    parts: list[str] = []
    for part in _PARTS_RE.findall(text):
        if part.isdigit():
            parts.append(("-" if parts else "") + part.lstrip("0").rjust(_PAD, "0"))
        else:
            parts.append(part)
    return "".join(parts)[:SUB_MAX]


def split_written(number: str) -> tuple[int, str]:
    """A number as written → (running number, sub key): «931-1» → (931, «000001»).

    Raises NumberFormatError (ready to show) when it does not begin with a running number."""
    text = " ".join(number.split())
    match = _WRITTEN_RE.fullmatch(text)
    if match is None or len(text) > 50:
        raise NumberFormatError(
            f"Номер «{text}» не розпізнано: потрібен порядковий номер, за ним може йти "
            "підномер (наприклад, 931-1 або 24/119)"
        )
    seq = int(match.group(1))
    if seq < 1 or seq > 10_000_000:
        raise NumberFormatError(f"Порядковий номер має бути від 1, а не {seq}")
    return seq, sub_key(match.group(2) or "")
