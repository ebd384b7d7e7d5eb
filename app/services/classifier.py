"""The classifier of appeals and the lists of information requests, as editable data.

The shipped defaults (app/domain/appeal_classifier.py) are written the first time any list is
read, so a new database and an upgraded one both start with them; from then on the
administrator edits them (Довідники ▸ Класифікатор звернень): an item is never deleted once
used, it gets the day it stops (the Cabinet amended the classifier in 2023 and 2024), and a new
item the day it takes effect. A card offers, and the register accepts, only the items in effect
on the document's date.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from app.domain import appeal_classifier as cls
from app.domain.dates import format_date
from app.domain.roles import REFERENCE_WRITE, Actor, actor_of
from app.services import audit
from db.models import ClassifierItem
from db.queries import classifier as q
from db.session import Database


class ClassifierError(ValueError):
    """An item that cannot be saved, with a Ukrainian message."""


@dataclass(frozen=True)
class ClassifierEntry:
    id: int | None
    list_code: str
    code: str
    title: str
    privileged: bool = False
    valid_from: date | None = None
    valid_to: date | None = None
    position: int = 0

    @property
    def period_text(self) -> str:
        start = f"з {format_date(self.valid_from)}" if self.valid_from else ""
        end = f"по {format_date(self.valid_to)}" if self.valid_to else ""
        return " ".join(p for p in (start, end) if p) or "без обмежень"


def _entry(row: ClassifierItem) -> ClassifierEntry:
    return ClassifierEntry(
        row.id,
        row.list_code,
        row.code,
        row.title,
        row.privileged,
        row.valid_from,
        row.valid_to,
        row.position,
    )


def seed_defaults(s: Session, user: str = "") -> bool:
    """Write the shipped lists into an empty classifier (True: they were written)."""
    if q.count_items(s):
        return False
    for list_code, entries in cls.DEFAULTS.items():
        for position, item in enumerate(entries, start=1):
            s.add(
                ClassifierItem(
                    list_code=list_code,
                    code=item.code,
                    title=item.title,
                    privileged=item.privileged,
                    valid_from=cls.SINCE,
                    position=position,
                    changed_by=user,
                )
            )
    s.flush()
    return True


def ensure_defaults(db: Database) -> None:
    """The shipped lists, written once (a read-only check after that)."""
    with db.read() as s:
        if q.count_items(s):
            return
    with db.write() as s:
        seed_defaults(s)


def list_items(db: Database, list_code: str, day: date | None = None) -> list[ClassifierEntry]:
    """The items of a list; `day`: only those in effect that day (what a card offers)."""
    ensure_defaults(db)
    with db.read() as s:
        return [_entry(r) for r in q.items(s, list_code, day)]


def titles_on(db: Database, list_code: str, day: date) -> list[str]:
    return [e.title for e in list_items(db, list_code, day)]


def titles_in_order(db: Database, list_code: str, *found: dict[str, int]) -> list[str]:
    """A report's lines for a list: its items in the list's order, then any other value the
    counts `found` hold (typed before the list had it, or since taken out of effect)."""
    listed = [e.title for e in list_items(db, list_code)]
    extra = sorted({t for counts in found for t in counts if t and t not in listed})
    return list(dict.fromkeys([*listed, *extra]))


def value_problem(s: Session, list_code: str, label: str, value: str, day: date) -> str | None:
    """Why `value` cannot be stored in a field of list `list_code` on `day` (None: it can):
    it must be an item in effect that day."""
    if not value:
        return None
    cache: dict[str, list[tuple[str, date | None, date | None]]] = s.info.setdefault(
        "classifier_items", {}
    )
    if list_code not in cache:  # once per list and transaction (an import stores thousands)
        seed_defaults(s)
        cache[list_code] = [(r.title, r.valid_from, r.valid_to) for r in q.items(s, list_code)]
    if any(t == value and cls.effective(f, u, day) for t, f, u in cache[list_code]):
        return None
    return (
        f"«{label}»: «{value}» немає в класифікаторі станом на {format_date(day)}; "
        "виберіть значення зі списку (список веде адміністратор)"
    )


def save_item(db: Database, entry: ClassifierEntry, user: str | Actor = "") -> ClassifierEntry:
    """Add or change an item (administrators): a title is required and unique among the
    list's items in effect at the same time; the end is not before the start."""
    actor = actor_of(user)
    actor.require(REFERENCE_WRITE)
    title = " ".join(entry.title.split())
    if not title:
        raise ClassifierError("Вкажіть назву пункту класифікатора")
    if len(title) > 150:
        raise ClassifierError("Назва пункту — не більше 150 знаків")
    if entry.list_code not in cls.LIST_TITLES:
        raise ClassifierError(f"Невідомий список класифікатора: {entry.list_code}")
    if entry.valid_from and entry.valid_to and entry.valid_to < entry.valid_from:
        raise ClassifierError("Дата припинення дії раніша за дату початку")
    with db.write() as s:
        seed_defaults(s, actor.login)
        others = [r for r in q.items(s, entry.list_code) if r.id != entry.id]
        for other in others:
            if other.title == title and _overlap(entry, other):
                raise ClassifierError(
                    f"Пункт «{title}» уже є в цьому списку на ті самі дати "
                    f"({_entry(other).period_text})"
                )
        row = s.get(ClassifierItem, entry.id) if entry.id else None
        if row is None:
            position = max((r.position for r in others), default=0) + 1
            row = ClassifierItem(list_code=entry.list_code, position=position)
            s.add(row)
        before = _entry(row) if row.id else None
        row.code = entry.code.strip()[:20]
        row.title = title
        row.privileged = entry.privileged
        row.valid_from, row.valid_to = entry.valid_from, entry.valid_to
        row.changed_by = actor.login
        s.flush()
        after = _entry(row)
        audit.add(
            s,
            actor,
            audit.REFERENCE,
            record=(
                "classifier_item",
                row.uuid,
                f"{cls.LIST_TITLES[row.list_code]}: {title}"[:200],
            ),
            details={"було": _describe(before), "стало": _describe(after)},
        )
        return after


def _describe(entry: ClassifierEntry | None) -> str:
    if entry is None:
        return ""
    flag = ", пільгова" if entry.privileged else ""
    return f"{entry.code} {entry.title} ({entry.period_text}{flag})".strip()


def _overlap(a: ClassifierEntry, b: ClassifierItem) -> bool:
    a_start, a_end = a.valid_from or date.min, a.valid_to or date.max
    b_start, b_end = b.valid_from or date.min, b.valid_to or date.max
    return a_start <= b_end and b_start <= a_end
