"""Ukrainian plural forms of a noun after a number: 1 адресат, 2 адресати, 5 адресатів.

Ukrainian has three forms, chosen by the last two digits: 1 (but not 11) takes the singular,
2–4 (but not 12–14) the «few» form, everything else — 0, 5–20, 11–14, 25 … — the genitive
plural. Messages that count things («Згідно зі списком розсилки (21 адресат)») need it right;
the wrong form is the first thing a clerk notices on a printed page.
"""

from __future__ import annotations

__all__ = ["count_phrase", "plural"]


def plural(n: int, one: str, few: str, many: str) -> str:
    """The form of a noun that follows the number ``n``: ``plural(22, "адресат", "адресати",
    "адресатів")`` → «адресати». Negative numbers take the form of their absolute value."""
    n = abs(n)
    if n % 10 == 1 and n % 100 != 11:
        return one
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return few
    return many


def count_phrase(n: int, one: str, few: str, many: str) -> str:
    """The number with its noun: ``count_phrase(5, "адресат", "адресати", "адресатів")`` →
    «5 адресатів»."""
    return f"{n} {plural(n, one, few, many)}"
