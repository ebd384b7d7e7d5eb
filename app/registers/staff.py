"""The staff list (працівники) as an entity register: the people who sign, prepare and execute
documents, kept by HR. The executors of every register are chosen from it."""

from __future__ import annotations

from app.domain.roles import REFERENCE_WRITE, Actor, read, write
from app.registers.base import Column, Filter
from app.registers.entity import EntitySpec
from app.registers.fields import Field, FieldKind

GENDERS = (("m", "чоловіча"), ("f", "жіноча"))

STAFF = EntitySpec(
    code="staff",
    title="Працівники",
    record_title="Працівник",
    list_title="Список працівників виконавчих органів",
    fields=(
        Field("surname", "Прізвище", required=True, max_length=100),
        Field("given_name", "Ім'я", required=True, max_length=100),
        Field("patronymic", "По батькові", max_length=100),
        Field(
            "gender",
            "Стать",
            FieldKind.SERIES,
            required=True,
            options=tuple((code, (title,)) for code, title in GENDERS),
        ),
        Field("position", "Посада", max_length=200),
        Field("department", "Виконавчий орган", FieldKind.CHOICE, max_length=300),
        Field("phone", "Телефон", max_length=50),
        Field("active", "Працює", FieldKind.BOOL),
    ),
    columns=(
        Column("full_name", "Прізвище, ім'я, по батькові", 260, sort="name", journal_weight=2.4),
        Column("position", "Посада", 220, sort="position", journal_weight=2.0),
        Column("department_name", "Виконавчий орган", 260, sort="department", journal_weight=2.4),
        Column("phone", "Телефон", 110, journal_weight=1.0),
        Column("state_label", "Стан", 100, journal_weight=0.8),
    ),
    filters=(Filter("active", "Стан", "active", (("1", "працюють"), ("0", "звільнені"))),),
    search_placeholder="Пошук: прізвище, ім'я, посада…",
)


def may_read(actor: Actor) -> bool:
    """The staff list: its own rights, or the right to change reference lists (it was one)."""
    return actor.can(read(STAFF.code)) or actor.can(write(STAFF.code)) or actor.can(REFERENCE_WRITE)


def may_write(actor: Actor) -> bool:
    return actor.can(write(STAFF.code)) or actor.can(REFERENCE_WRITE)
