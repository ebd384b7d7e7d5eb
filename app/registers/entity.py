"""Entity registers: records that are not numbered documents — an employee of the staff list,
later a personnel file or a household — shown and edited as a register tab on the same
infrastructure as the document registers (the paged table, search, filters, export, the
printed list, the audit trail and change notification).

An `EntitySpec` declares the table's columns and the card's fields; its service supplies the
rows through the same row-source protocol as `RegisterView` (count, page, ids, rows by ids), so
one table model, one export and one printed list serve both kinds of register.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from app.registers.base import Column, Filter
from app.registers.fields import Field, parse_fields


@dataclass(frozen=True)
class EntitySpec:
    code: str  # the record kind and the permission code («staff»)
    title: str  # the tab («Працівники»)
    record_title: str  # a card's title («Працівник»)
    list_title: str  # the printed list («Список працівників»)
    fields: tuple[Field, ...]
    columns: tuple[Column, ...]
    filters: tuple[Filter, ...] = ()
    default_sort: str = "name"
    search_placeholder: str = "Пошук…"

    # What the shared tab machinery asks of every register: no control, no number.
    controllable = False
    number_label = ""

    def field(self, key: str) -> Field:
        for f in self.fields:
            if f.key == key:
                return f
        raise KeyError(key)

    def parse(self, raw: Mapping[str, Any]) -> dict[str, Any]:
        return parse_fields(self.fields, raw)

    def column(self, key: str) -> Column:
        for col in self.columns:
            if col.key == key:
                return col
        raise KeyError(key)
