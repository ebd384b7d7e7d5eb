"""Is this letter registered already? Asked before registering, answered with the earlier ones.

The post brings the same letter twice (by e-mail and on paper, or resent): a second number for
it splits its control in two. The clerk is warned — never refused, she decides — when an earlier
document of the same register has

* the same sender and the same sender's number (any time in the last year), or
* the same sender and a very similar summary, registered within `RECENT_DAYS` days.

Cancelled documents do not count. Names and numbers are compared as the search does (case,
apostrophes and spacing ignored).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from difflib import SequenceMatcher
from typing import Any

from app.domain.dates import format_date
from app.domain.roles import Actor, actor_of
from app.domain.text import normalize_search
from db.queries import duplicates as q
from db.session import Database

RECENT_DAYS = 30
NUMBER_YEARS_DAYS = 366
#: How alike two summaries must be (difflib's ratio on the normalised texts) to count.
SIMILAR = 0.85


@dataclass(frozen=True)
class Duplicate:
    """An earlier document that looks like the one being registered, and why."""

    id: int
    register: str
    reg_number: str
    reg_date: date
    correspondent: str
    ext_number: str
    ext_date: date | None
    summary: str
    reason: str

    def describe(self) -> str:
        ext = f", вих. № {self.ext_number}" if self.ext_number else ""
        if self.ext_date:
            ext += f" від {format_date(self.ext_date)}"
        return (
            f"№ {self.reg_number} від {format_date(self.reg_date)} — {self.correspondent}{ext}: "
            f"«{self.summary}» ({self.reason})"
        )


def similar(a: str, b: str) -> bool:
    """Two summaries that say the same thing (the same words, a typo or an ending apart)."""
    left, right = normalize_search(a), normalize_search(b)
    if not left or not right:
        return False
    return left == right or SequenceMatcher(None, left, right).ratio() >= SIMILAR


def _duplicate(row: Any, reason: str) -> Duplicate:
    return Duplicate(
        row.id,
        row.register,
        row.reg_number,
        row.reg_date,
        row.correspondent_name,
        row.ext_number,
        row.ext_date,
        row.summary,
        reason,
    )


def find_duplicates(
    db: Database,
    register: str,
    values: dict[str, Any],
    day: date,
    exclude: int | None = None,
    user: str | Actor = "",
) -> list[Duplicate]:
    """Earlier documents of `register` that look like `values` registered on `day`, newest
    first (at most one entry per document)."""
    actor = actor_of(user)
    if not actor.can_read(register):
        return []  # a clerk who cannot see the register is not shown its letters either
    if register == "appeals":
        from app.services.appeals import likely_repeats

        return likely_repeats(db, values, day, exclude)
    sender = str(values.get("correspondent") or "").strip()
    if not sender:
        return []
    number = str(values.get("ext_number") or "").strip()
    summary = str(values.get("summary") or "")
    found: dict[int, Duplicate] = {}
    with db.read() as s:
        sender_id = q.correspondent_id(s, normalize_search(sender)[:300])
        if sender_id is None:
            return []  # a sender never seen before has sent nothing yet
        if number:
            oldest = day - timedelta(days=NUMBER_YEARS_DAYS)
            for row in q.same_sender_number(s, register, sender_id, number, exclude):
                if row.reg_date >= oldest:
                    found[row.id] = _duplicate(row, "той самий відправник і вихідний номер")
        since = day - timedelta(days=RECENT_DAYS)
        for row in q.recent_from_sender(s, register, sender_id, since, day, exclude):
            if row.id not in found and similar(summary, row.summary):
                found[row.id] = _duplicate(
                    row, f"той самий відправник і схожий зміст за {RECENT_DAYS} днів"
                )
    return sorted(found.values(), key=lambda d: (d.reg_date, d.id), reverse=True)
