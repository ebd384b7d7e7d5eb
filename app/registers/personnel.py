"""Personnel files (особові справи) as an entity register: one file per person of the staff
list (the same record, not a second list), kept by HR only (app/domain/roles.py: the HR role
holds `register.personnel.*`; a reader's right never reaches personal data).

The card's own fields are the person's (names and sex, kept in `staff`) and the file's
(personnel number, date of birth, contacts, education); the post, department, category and rank
come from the service history (app/domain/personnel.py) and are shown, not typed.
"""

from __future__ import annotations

from app.domain.roles import Actor, read, write
from app.registers.base import Column, Filter
from app.registers.entity import EntitySpec
from app.registers.fields import Field, FieldKind
from app.registers.staff import GENDERS

PERSONNEL = EntitySpec(
    code="personnel",
    title="Особові справи",
    record_title="Особова справа",
    list_title="Список працівників (особові справи)",
    fields=(
        Field("personnel_number", "Табельний номер", required=True, max_length=20),
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
        Field("birth_date", "Дата народження", FieldKind.DATE),
        Field("phone", "Телефон", max_length=50),
        Field("email", "Електронна пошта", max_length=150),
        Field("address", "Місце проживання", max_length=300),
        Field("education", "Освіта", FieldKind.MULTILINE, max_length=2000),
        Field("notes", "Примітки", FieldKind.MULTILINE, max_length=2000),
    ),
    columns=(
        Column("personnel_number", "Таб. №", 70, sort="number", journal_weight=0.7),
        Column("full_name", "Прізвище, ім'я, по батькові", 240, sort="name", journal_weight=2.4),
        Column("position", "Посада", 200, sort="position", journal_weight=2.0),
        Column("department_name", "Виконавчий орган", 220, sort="department", journal_weight=2.2),
        Column("category", "Кат.", 45, sort="category", journal_weight=0.5, align="center"),
        Column("rank", "Ранг", 45, journal_weight=0.5, align="center"),
        Column("hired_date", "Прийнято", 85, sort="hired", journal_weight=0.9),
        Column("dismissed_date", "Звільнено", 85, journal_weight=0.9),
        Column("state_label", "Стан", 90, journal_weight=0.8),
    ),
    filters=(Filter("active", "Стан", "active", (("1", "працюють"), ("0", "звільнені"))),),
    search_placeholder="Пошук: прізвище, ім'я, табельний номер…",
)


def may_read(actor: Actor) -> bool:
    """HR's files: read with the register's read or write right (the HR role holds both)."""
    return actor.can(read(PERSONNEL.code)) or actor.can(write(PERSONNEL.code))


def may_write(actor: Actor) -> bool:
    return actor.can(write(PERSONNEL.code))
