"""Conflicts of the household exchange: one record changed both in a district copy and at the
centre since the last exchange (issue 15, gap 2; next-registers.md §2.2: «conflicts resolved per
object»).

Pure comparison, no database and no Qt: the exchange (app/services/household_exchange.py) hands
over both versions of each row as plain values (references already named — a settlement by its
name, a book by its number) and gets back the field-by-field differences to show. A record is
the object of household accounting with its card (title part, members, yearly sections, lines
of land, livestock and machinery, work events); the clerk decides per record: keep ours or take
theirs. Only the rows changed on both sides and different are in conflict; what changed on one
side only is merged as usual.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from app.domain import households as dom

KEEP_OURS, TAKE_THEIRS = "ours", "theirs"
DECISION_TITLES: dict[str, str] = {KEEP_OURS: "залишено наше", TAKE_THEIRS: "взято їхнє"}

#: The fields compared and shown, per table, in the card's order. The row's identity, change
#: number, who/when and the derived head and search text are not compared (each side derives
#: them again from the merged card).
FIELD_TITLES: dict[str, dict[str, str]] = {
    "hh_object": {
        "book_id": "Книга",
        "account": "Особовий рахунок",
        "kind": "Тип об'єкта",
        "settlement_id": "Населений пункт",
        "street": "Вулиця",
        "house": "Будинок",
        "flat": "Квартира",
        "note": "Примітки",
    },
    "hh_member": {
        "surname": "Прізвище",
        "given_name": "Ім'я",
        "patronymic": "По батькові",
        "sex": "Стать",
        "birth_date": "Дата народження",
        "relation": "Відношення до голови",
        "is_head": "Голова домогосподарства",
        "registration": "Реєстрація",
        "registered_on": "Дата реєстрації",
        "arrived_on": "Прибув(ла)",
        "left_on": "Вибув(ла)",
        "left_reason": "Причина",
        "note": "Примітки",
    },
    "hh_year": {
        "year": "Рік",
        "dwelling_kind": "Житло",
        "built_year": "Рік побудови",
        "wall_material": "Матеріал стін",
        "total_area": "Загальна площа, м²",
        "living_area": "Житлова площа, м²",
        "rooms": "Кімнат",
        "notes": "Додаткові відомості",
        "confirmed_on": "Перевірено",
        "confirmed_by": "Перевірив(ла)",
    },
    "hh_holding": {
        "year": "Рік",
        "section": "Розділ",
        "kind": "Вид",
        "amount": "Площа, га / кількість",
    },
    "hh_event": {"kind": "Вид роботи", "day": "Дата", "done_by": "Виконав(ла)", "note": "Примітка"},
}

_CODES: dict[tuple[str, str], Mapping[str, str]] = {
    ("hh_object", "kind"): dom.OBJECT_KINDS,
    ("hh_member", "sex"): {"m": "чоловіча", "f": "жіноча"},
    ("hh_member", "registration"): dom.REGISTRATIONS,
    ("hh_member", "left_reason"): dom.LEFT_REASONS,
    ("hh_holding", "section"): {k: v.split(",")[0] for k, v in dom.SECTION_TITLES.items()},
    ("hh_event", "kind"): dom.EVENT_KINDS,
}

ABSENT = "—"
DELETED = "(видалено)"


def show(table: str, field: str, value: Any, section: str = "") -> str:
    """A value as the clerk reads it: dates as 01.02.2026, codes by their titles."""
    if value is None or value == "":
        return ABSENT
    if isinstance(value, bool):
        return "так" if value else "ні"
    if isinstance(value, datetime):
        return value.strftime("%d.%m.%Y %H:%M")
    if isinstance(value, date):
        return value.strftime("%d.%m.%Y")
    if isinstance(value, Decimal):
        text = f"{value:f}"
        return text.rstrip("0").rstrip(".") if "." in text else text
    if table == "hh_holding" and field == "kind":
        return dom.SECTIONS.get(section, {}).get(str(value), str(value))
    codes = _CODES.get((table, field))
    if codes is not None:
        return codes.get(str(value), str(value))
    return str(value)


@dataclass(frozen=True)
class FieldDiff:
    title: str
    ours: str
    theirs: str
    differs: bool


@dataclass(frozen=True)
class RowDiff:
    """One row of a record in both versions; `theirs_deleted`: the other side deleted it."""

    table: str
    title: str
    fields: tuple[FieldDiff, ...]
    theirs_deleted: bool = False

    @property
    def changed(self) -> tuple[FieldDiff, ...]:
        return tuple(f for f in self.fields if f.differs)


@dataclass(frozen=True)
class Conflict:
    """A record changed on both sides: `key` is the object's uuid (what a decision names)."""

    key: str
    label: str
    rows: tuple[RowDiff, ...]

    def summary(self) -> str:
        """The differing fields in one line (for the audit trail)."""
        parts = []
        for row in self.rows:
            names = ", ".join(f.title for f in row.changed) or DELETED
            parts.append(f"{row.title}: {names}")
        return "; ".join(parts)


def row_title(table: str, row: Mapping[str, Any]) -> str:
    if table == "hh_object":
        return "Титульна частина"
    if table == "hh_member":
        name = dom.full_name(
            str(row.get("surname") or ""),
            str(row.get("given_name") or ""),
            str(row.get("patronymic") or ""),
        )
        return f"Член домогосподарства: {name}"
    if table == "hh_year":
        return f"Відомості станом на 1 січня {row.get('year')} р."
    if table == "hh_holding":
        section = str(row.get("section") or "")
        kind = show(table, "kind", row.get("kind"), section)
        return f"{show(table, 'section', section)}: {kind}, {row.get('year')} р."
    if table == "hh_event":
        return (
            f"Робота «{show(table, 'kind', row.get('kind'))}» {show(table, 'day', row.get('day'))}"
        )
    return table


def compare_rows(
    table: str, ours: Mapping[str, Any], theirs: Mapping[str, Any] | None
) -> RowDiff | None:
    """Both versions of a row field by field; None when they do not differ. `theirs` None: the
    other side deleted the row (every field then differs)."""
    titles = FIELD_TITLES[table]
    section = str(ours.get("section") or "")
    fields = []
    for field, title in titles.items():
        mine = show(table, field, ours.get(field), section)
        other = DELETED if theirs is None else show(table, field, theirs.get(field), section)
        fields.append(FieldDiff(title, mine, other, theirs is None or mine != other))
    if not any(f.differs for f in fields):
        return None
    return RowDiff(table, row_title(table, ours), tuple(fields), theirs_deleted=theirs is None)


def undecided(conflicts: tuple[Conflict, ...], decisions: Mapping[str, str]) -> list[str]:
    """The records still without a decision (a decision is «ours» or «theirs»)."""
    return [c.label for c in conflicts if decisions.get(c.key) not in DECISION_TITLES]
