"""Household books (погосподарські книги) as an entity register: the objects of household
accounting of the actor's starosta districts, with the card by sections
(app.services.household_view).

The spec declares the table, the printed list and the filters; the title part of the card is
its fields (kept in `hh_object`), the sections are the card's own tabs.
"""

from __future__ import annotations

from app.domain.households import OBJECT_KINDS
from app.domain.roles import Actor
from app.registers.base import Column, Filter
from app.registers.entity import EntitySpec
from app.registers.fields import Field, FieldKind

HOUSEHOLDS = EntitySpec(
    code="household",
    title="Погосподарські книги",
    record_title="Об'єкт погосподарського обліку",
    list_title="Список об'єктів погосподарського обліку",
    fields=(
        Field(
            "kind",
            "Тип об'єкта",
            FieldKind.SERIES,
            required=True,
            options=tuple((code, (title,)) for code, title in OBJECT_KINDS.items()),
        ),
        Field("street", "Вулиця", max_length=200),
        Field("house", "Будинок", max_length=20),
        Field("flat", "Квартира", max_length=20),
        Field("note", "Примітки", max_length=2000),
    ),
    columns=(
        Column("district_name", "Округ", 130, journal_weight=1.2),
        Column("book_account", "Книга / о/р", 90, sort="account", journal_weight=0.8),
        Column("head_name", "Голова домогосподарства", 240, sort="head", journal_weight=2.4),
        Column("address", "Адреса", 280, sort="address", journal_weight=2.8),
        Column("kind_label", "Тип об'єкта", 220, journal_weight=2.0),
    ),
    filters=(
        Filter("kind", "Тип", "kind", tuple(OBJECT_KINDS.items())),
        Filter("january", "Січнева перевірка", "january", (("open", "не підтверджені"),)),
    ),
    default_sort="account",
    search_placeholder="Пошук: прізвище, адреса, № рахунку…",
)


def may_read(actor: Actor) -> bool:
    return actor.can_read(HOUSEHOLDS.code)


def may_write(actor: Actor) -> bool:
    return actor.can_write(HOUSEHOLDS.code)
