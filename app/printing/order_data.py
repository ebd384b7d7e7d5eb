"""Input dataclasses of the mayor's orders' printouts: the heading of the order's blank and the
register of copies handed to the executors (regulation 4.16).

Plain values only (no reportlab, no ORM): app/services/order_printouts.py maps the orders to
these, app/printing/orders.py draws them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class OrderHeadingData:
    """The heading of an order on the council's blank (ДСТУ 4163:2020): the clerk's template."""

    organisation: str  # «Виконавчий комітет Шепетівської міської ради»
    number: str  # «45-р»
    signed: date  # the date of the order is the date of signing (4.14)
    title: str  # «Про скликання засідання виконавчого комітету»
    place: str = ""  # «м. Шепетівка» (app.domain.places); "" leaves the place empty
    heading: str = "РОЗПОРЯДЖЕННЯ"
    issuer: str = "міського голови"


@dataclass(frozen=True)
class HandedCopy:
    """A copy of an order handed (or still to hand) to an executor."""

    executor: str  # «Коваль О. П.»
    handed: date | None  # None: not handed yet (the line is filled in by hand)
    late: bool = False  # handed after the due day (signing + 3 working days)


@dataclass(frozen=True)
class OrderCopies:
    """One order of the register with its copies, in the order they were entered."""

    number: str
    signed: date
    title: str
    copies: Sequence[HandedCopy] = ()
    cancelled: bool = False


@dataclass(frozen=True)
class CopiesRegisterData:
    """Реєстр видачі копій розпоряджень: the orders chosen or those of a period."""

    organisation: str
    subtitle: str  # «з 01.11.2026 по 30.11.2026», «вибрані розпорядження»
    orders: Sequence[OrderCopies]
    title: str = "Реєстр видачі копій розпоряджень міського голови"
