"""The register framework: a register is a declaration, the machinery is shared.

A `RegisterSpec` names the register's fields (the form and the import), its table columns (the
tab, the export and the printed journal), its numbering and its warnings. Services, the table
model, the form, the journal printout and the import all read the spec, so a new register
(outgoing, decisions, orders, appeals) is a new spec, not a copy of the incoming code.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from app.registers.fields import Field, parse_fields


@dataclass(frozen=True)
class Column:
    """A column of the register's table, of its export and of its printed journal.

    `key` names a field of `DocumentRow`; `sort` names a sort key the query layer knows
    (None: the column cannot be sorted); `journal_weight` 0 leaves it out of the printout.
    """

    key: str
    title: str
    width: int = 120
    sort: str | None = None
    journal_weight: float = 1.0
    align: str = "left"


Warning = Callable[[Mapping[str, Any]], str | None]


@dataclass(frozen=True)
class Printout:
    """A printout of one document offered in the tab's «Друк» menu.

    `function` names a function of app.services.printouts called as f(db, doc_id, **options);
    `needs_control`: offered only while the document is on control.
    """

    title: str
    function: str
    needs_control: bool = False
    options: tuple[tuple[str, object], ...] = ()


@dataclass(frozen=True)
class RegisterSpec:
    code: str
    title: str
    journal_title: str
    number_label: str
    number_setting: str
    default_number_format: str
    fields: tuple[Field, ...]
    columns: tuple[Column, ...]
    controllable: bool = True
    warnings: tuple[Warning, ...] = ()
    # Fields whose text full-text search finds (the registration number always is).
    search_fields: tuple[str, ...] = ()
    # Resolutions name the executors (incoming); False: the executor is a field of the card.
    resolutions: bool = True
    # Documents are sent out (outgoing mail): the tab offers «Відправлено…» with 10.10 checks.
    sendable: bool = False
    printouts: tuple[Printout, ...] = ()
    # Header texts of the number column in journals kept before the program (imports).
    number_headers: tuple[str, ...] = ()
    # Holds personal data (appeals, personnel files, household books): opening a card is audited.
    personal_data: bool = False

    def field(self, key: str) -> Field:
        for spec in self.fields:
            if spec.key == key:
                return spec
        raise KeyError(key)

    def parse(self, raw: Mapping[str, Any]) -> dict[str, Any]:
        """The stored values of a form or an import row; raises FieldErrors."""
        return parse_fields(self.fields, raw)

    def registration_warnings(self, values: Mapping[str, Any]) -> list[str]:
        """Warnings (not bans) a clerk should see before registering these values."""
        return [w for w in (check(values) for check in self.warnings) if w]

    def column(self, key: str) -> Column:
        for col in self.columns:
            if col.key == key:
                return col
        raise KeyError(key)
