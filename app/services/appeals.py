"""Appeals: the check for a likely repeat or duplicate before an appeal is registered (ст. 8).

An appeal of the same author (the same full name, compared as the search compares: case,
apostrophes and spacing ignored) that raises at least one of the same topics within the last
`REPEAT_DAYS` days is shown to the clerk with the card's «Можливо, вже зареєстровано» question;
the clerk decides — never the program — and records the decision on the card (the sign
«Повторне»/«Дублетне», the decision under ст. 8, the numbers of the earlier appeals); the
program also records what it found (`earlier_found`) when the appeal is stored.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta
from typing import Any

from app.domain.text import normalize_search
from app.registers.appeals import REPEAT_DAYS
from app.services.duplicates import Duplicate
from db.queries import appeals as q
from db.session import Database


def name_keys(values: Mapping[str, Any]) -> list[str]:
    keys = []
    for row in values.get("applicants") or ():
        name = " ".join(str(row.get(k) or "") for k in ("surname", "given_name", "patronymic"))
        key = normalize_search(name)[:300]
        if key:
            keys.append(key)
    return keys


def likely_repeats(
    db: Database, values: Mapping[str, Any], day: date, exclude: int | None = None
) -> list[Duplicate]:
    """Earlier appeals of the same author on an overlapping topic, newest first."""
    keys = name_keys(values)
    topics = [str(t.get("topic") or "") for t in values.get("topics") or () if t.get("topic")]
    if not keys or not topics:
        return []
    with db.read() as s:
        rows = q.earlier_appeal_rows(
            s, keys, topics, day - timedelta(days=REPEAT_DAYS), day, exclude
        )
    return [
        Duplicate(
            r.id,
            "appeals",
            r.reg_number,
            r.reg_date,
            r.author_name,
            "",
            None,
            r.summary,
            "той самий автор і спільна тема"
            + (f"; результат: {r.result}" if r.result else "; ще на розгляді"),
        )
        for r in reversed(rows)
    ]
