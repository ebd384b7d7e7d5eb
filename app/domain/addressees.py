"""Addressees of an outgoing document (regulation 10.2) and their postal codes (10.10.3).

10.2: a document names at most four different addressees. Sent to more, the addressees are
listed on a separate sheet (список розсилки), the document's addressee block refers to that
list, and each copy sent names only its own addressee. 10.10.3: before sending, the general
department checks that the address and the postal code are present (app.domain.correspondence
checks them).
"""

from __future__ import annotations

from collections.abc import Sequence

from .plural import count_phrase

__all__ = [
    "MAX_ADDRESSEES_ON_DOCUMENT",
    "addressee_block",
    "copies_for_distribution",
    "distribution_list_reference",
    "needs_distribution_list",
]

#: Regulation 10.2: «Документ не повинен містити більше чотирьох різних адрес».
MAX_ADDRESSEES_ON_DOCUMENT = 4


def needs_distribution_list(count: int) -> bool:
    """True when a document goes to more addressees than it may name (five or more)."""
    return count > MAX_ADDRESSEES_ON_DOCUMENT


def distribution_list_reference(count: int) -> str:
    """What the addressee block says instead of the names: «Згідно зі списком розсилки
    (21 адресат)»."""
    return f"Згідно зі списком розсилки ({count_phrase(count, 'адресат', 'адресати', 'адресатів')})"


def _names(names: Sequence[str]) -> list[str]:
    """The addressees as given, blank entries dropped (an empty row in a form is no addressee)."""
    return [name.strip() for name in names if name.strip()]


def addressee_block(names: Sequence[str]) -> list[str]:
    """The lines of the document's addressee block (реквізит «Адресат»): the names themselves
    when there are at most four, otherwise one line referring to the distribution list."""
    given = _names(names)
    if needs_distribution_list(len(given)):
        return [distribution_list_reference(len(given))]
    return given


def copies_for_distribution(names: Sequence[str]) -> list[list[str]]:
    """One copy per addressee, in the order given: the addressee block printed on each copy.

    Up to four addressees every copy carries the same block with all the names; with more,
    copy *i* names only addressee *i* (10.2), and the list itself goes to the file copy.
    """
    given = _names(names)
    if needs_distribution_list(len(given)):
        return [[name] for name in given]
    return [list(given) for _ in given]
