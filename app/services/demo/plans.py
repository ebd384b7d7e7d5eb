"""What the demo plans to register before it registers it: one incoming document or one order
with what happens to it afterwards. Kept apart so that the fillers and their follow-ups
(resolutions, control) share the plan without importing one another."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass
class Plan:
    """One document to register, and what happens to it afterwards."""

    day: date
    values: dict
    department: str  # index code of the lead executor's body
    kind_of_sender: str
    doc_id: int = 0


@dataclass
class OrderPlan:
    """One order to register: its values, and what acts on it afterwards."""

    day: date
    series: str
    kind: str
    title: str
    summary: str = ""
    prepared_by: str = ""
    signatory: str = ""
    lead_executor: str = ""
    copies: list[tuple[str, date | None]] = field(default_factory=list)
    act: str = ""  # "cancels" or "amends": acts on an earlier order of its series
    ref: str = ""  # the incoming document it executes (its registration number)
    term: date | None = None  # the term of its tasks, when it goes on control
    doc_id: int = 0
    number: str = ""
