"""Dates as the clerks type and read them: ``ДД.ММ.РРРР``.

Every form in the program has date fields, and the registers, stamps and cards print dates. Keeping
parsing and formatting in one place means one set of error messages (in Ukrainian, telling the
clerk what to fix) and one output format everywhere, as DOMAIN.md requires.
"""

from __future__ import annotations

import re
from datetime import date

__all__ = [
    "MAX_YEAR",
    "MIN_YEAR",
    "MONTHS_GENITIVE",
    "DateError",
    "format_date",
    "format_date_long",
    "parse_date",
    "parse_optional_date",
]

#: Years outside this range are almost certainly typing mistakes (``05.03.0226``): dates of birth
#: in household books reach back to the 1900s, control terms forward a few years at most.
MIN_YEAR = 1900
MAX_YEAR = 2199

#: Month names in the genitive case, as in «05 березня 2026 року» (ДСТУ 4163:2020, 5.11).
MONTHS_GENITIVE = (
    "січня",
    "лютого",
    "березня",
    "квітня",
    "травня",
    "червня",
    "липня",
    "серпня",
    "вересня",
    "жовтня",
    "листопада",
    "грудня",
)

_FORMAT_MESSAGE = "Дата має бути у форматі ДД.ММ.РРРР"
_DATE_RE = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})")


class DateError(ValueError):
    """A date the clerk typed cannot be understood; ``str(error)`` is ready to show."""


def parse_date(text: str) -> date:
    """Parse ``ДД.ММ.РРРР`` (also ``Д.М.РРРР`` and ``ДД.ММ.РР``, read as 20РР).

    Spaces anywhere are ignored because people type «05. 03. 2026» and paste dates with trailing
    blanks. A two-digit year means this century: the program registers current documents, and
    dates of birth (where 19РР matters) are typed in full.
    """
    compact = "".join(text.split())
    if not compact:
        raise DateError(f"Вкажіть дату. {_FORMAT_MESSAGE}")
    match = _DATE_RE.fullmatch(compact)
    if match is None:
        raise DateError(f"{_FORMAT_MESSAGE}, наприклад 05.03.2026 (введено: «{text.strip()}»)")
    day, month, year_text = match.groups()
    year = int(year_text)
    if len(year_text) == 2:
        year += 2000
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise DateError(f"Неправдоподібний рік {year}: рік має бути між {MIN_YEAR} і {MAX_YEAR}")
    try:
        return date(year, int(month), int(day))
    except ValueError:
        shown = f"{int(day):02d}.{int(month):02d}.{year:04d}"
        hint = "" if 1 <= int(month) <= 12 else " (місяць має бути від 01 до 12)"
        raise DateError(f"Такої дати не існує: {shown}{hint}") from None


def parse_optional_date(text: str | None) -> date | None:
    """Like :func:`parse_date`, but an empty field means «no date» rather than an error."""
    if text is None or not text.strip():
        return None
    return parse_date(text)


def format_date(d: date | None) -> str:
    """``05.03.2026``; an empty string for a missing date so table cells stay blank."""
    if d is None:
        return ""
    return f"{d.day:02d}.{d.month:02d}.{d.year:04d}"


def format_date_long(d: date | None) -> str:
    """``05 березня 2026 року`` — the verbal-numeric form used on certificates and letters."""
    if d is None:
        return ""
    return f"{d.day:02d} {MONTHS_GENITIVE[d.month - 1]} {d.year:04d} року"
