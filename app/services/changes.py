"""What changed in a document's fields between two versions, shown as a clerk reads it.

The edit conflict («someone else saved this card meanwhile») lists these to the clerk, and the
audit trail records the same list (old → new) through `differences`, the one diff the program has,
so both say the same thing about one change (a changed postal code included).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from app.domain.dates import format_date
from app.registers.base import RegisterSpec
from app.registers.kinds import value_text


@dataclass(frozen=True)
class FieldChange:
    """One field of the card: its label, and the value before and after, as text."""

    key: str
    label: str
    before: str
    after: str

    def describe(self) -> str:
        return f"{self.label}: {self.before or '(порожньо)'} → {self.after or '(порожньо)'}"


def as_text(value: Any) -> str:
    """A stored value as the card shows it (dates ДД.ММ.РРРР, lists joined by «; »)."""
    return value_text(value)


def same_value(before: Any, after: Any) -> bool:
    # An empty text and a missing value are the same to a clerk; otherwise compare as stored
    # (addressees by every part, so a changed postal code is a change).
    if before in (None, "", ()) and after in (None, "", ()):
        return True
    if isinstance(before, list | tuple) and isinstance(after, list | tuple):
        return tuple(before) == tuple(after)
    return bool(before == after)


def differences(
    before: Mapping[str, Any], after: Mapping[str, Any], keys: Iterable[str]
) -> list[tuple[str, str, str]]:
    """(key, old text, new text) of the `keys` whose value differs — THE diff of the program:
    the edit conflict and the audit trail (documents, users) both read it."""
    return [
        (key, as_text(before.get(key)), as_text(after.get(key)))
        for key in keys
        if not same_value(before.get(key), after.get(key))
    ]


def changed_fields(
    spec: RegisterSpec, before: Mapping[str, Any], after: Mapping[str, Any]
) -> list[FieldChange]:
    """The spec's fields whose value differs between `before` and `after`, in the card's order,
    each compared and shown by its own kind. A field missing from either mapping is not
    compared (nothing is known about it)."""
    result = []
    for field in spec.fields:
        if field.key not in before or field.key not in after:
            continue
        old, new = before[field.key], after[field.key]
        if not field.type.same(old, new):
            result.append(FieldChange(field.key, field.label, field.text(old), field.text(new)))
    return result


def by_whom(changed_by: str, changed_at: datetime | None) -> str:
    """«змінив Коваль О. П., 22.11.2026 14:05» — the moment (stored in UTC) in local time."""
    text = f"змінив {changed_by or 'інший користувач'}"
    if changed_at is not None:
        local = changed_at.replace(tzinfo=UTC).astimezone()
        text += f", {format_date(local.date())} {local:%H:%M}"
    return text
