"""Demo data: a living executive committee for a newcomer, a demonstration or a benchmark.

`fill_demo` writes an organisation, its executive bodies with index codes, staff of both
genders, correspondents a city council really hears from and a nomenclature of cases for each
year (office.py), then lets each register fill itself (registry.py: incoming mail with
resolutions and control, so every register state — on control, due soon, overdue, done, done
late — is there to look at; outgoing letters; the mayor's orders of both series; …), relative to
today. `documents_count` sets the size: the other registers scale from it (3000, the default,
is a council of ~500 employees: about 1100 orders a year).

It goes through the same rules as a clerk: documents are registered by `register_many` (numbers
from the register's counter, search text, correspondents), in batches of one transaction each,
and control goes through the control service's rules and the database's working calendar.
"""

from __future__ import annotations

import random
import time
from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy import func, select

from app.domain.roles import (
    CORRESPONDENTS_WRITE,
    REFERENCE_WRITE,
    SETTINGS_WRITE,
    Actor,
    actor_of,
    write,
)
from app.registers import REGISTERS
from app.services.calendar import load_calendar
from app.services.demo import office
from app.services.demo.context import USER, DemoContext, DemoError, Progress
from app.services.demo.registry import FILLERS
from db.models import Document
from db.session import Database

__all__ = ["DemoError", "DemoResult", "Progress", "fill_demo"]


@dataclass(frozen=True)
class DemoResult:
    departments: int
    staff: int
    correspondents: int
    case_files: int
    documents: int
    on_control: int
    overdue: int
    due_soon: int
    done_late: int
    date_from: date
    date_to: date
    seconds: float
    outgoing: int = 0
    # Every filler's numbers by name («incoming», «outgoing», …), new registers' included.
    counts: dict[str, int] = field(default_factory=dict)


def needed() -> tuple[str, ...]:
    """What filling the demo needs: it registers into every register and writes every
    reference list and the organisation."""
    registers = tuple(write(code) for code in REGISTERS)
    return (*registers, REFERENCE_WRITE, CORRESPONDENTS_WRITE, SETTINGS_WRITE)


def fill_demo(
    db: Database,
    documents_count: int = 3000,
    years: int = 2,
    seed: int | None = None,
    today: date | None = None,
    progress: Progress | None = None,
    user: str | Actor = USER,
) -> DemoResult:
    """Fill an empty `db` with demo data, as `user` (who needs every right in `needed()`; the
    audit trail names him). A database that has registered documents is refused, whoever
    asks: demo letters must never mix with a real register."""
    who = actor_of(user)
    for permission in needed():
        who.require(permission)
    if documents_count < 0:
        raise DemoError("Кількість документів не може бути від'ємною")
    if not 1 <= years <= 10:
        raise DemoError("Кількість років — від 1 до 10")
    started = time.perf_counter()
    with db.read() as s:
        existing = s.execute(select(func.count()).select_from(Document)).scalar_one()
    if existing:
        raise DemoError(
            f"У базі даних уже є зареєстровані документи ({existing}): демонстраційні дані "
            "додаються лише до порожньої бази, щоб не змішатися зі справжніми реєстрами. "
            "Створіть нову базу (python -m app --db НОВИЙ_ФАЙЛ init) і заповніть її."
        )
    end = today or date.today()
    ctx = DemoContext(
        db=db,
        rng=random.Random(seed),
        calendar=load_calendar(db),
        start=end - timedelta(days=365 * years - 1),
        end=end,
        years=years,
        documents_count=documents_count,
        say=progress or (lambda _text: None),
        user=who,
    )
    office.setup(ctx)
    for filler in FILLERS:
        filler(ctx)
    counts = ctx.counts
    return DemoResult(
        departments=len(ctx.departments),
        staff=sum(len(v) for v in ctx.staff.values()),
        correspondents=len(ctx.correspondents),
        case_files=ctx.case_files,
        documents=counts.get("incoming", 0),
        on_control=counts.get("on_control", 0),
        overdue=counts.get("overdue", 0),
        due_soon=counts.get("due_soon", 0),
        done_late=counts.get("done_late", 0),
        outgoing=counts.get("outgoing", 0),
        date_from=ctx.start,
        date_to=end,
        seconds=time.perf_counter() - started,
        counts=dict(counts),
    )
