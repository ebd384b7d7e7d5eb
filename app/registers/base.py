"""The register framework: a register is a declaration, the machinery is shared.

A `RegisterSpec` names the register's fields (the form and the import), its table columns (the
tab, the export and the printed journal), and its hooks: number series, the term policy, control,
sending, filters, printouts, the detail table that holds the fields only this register has, and
what to do after a document is stored. Services, the table model, the form, the journal and the
import all read the spec, so a new document register is a new spec, not a copy of another.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cached_property
from typing import Any, Protocol

from app.domain.calendar import WorkingCalendar
from app.domain.deadlines import (
    DEFAULT_TERM_DAYS,
    URGENT_WORKING_DAYS,
    adjust_term,
    default_term,
)
from app.registers.fields import Field, FieldKind, parse_fields


@dataclass(frozen=True)
class Column:
    """A column of the register's table, of its export and of its printed journal.

    `key` names a value of the row: a column of `document` or of the register's detail table,
    or a value the row computes (`state_label`); `sort` names a sort key (a core sort of the
    query layer, or the key of a detail column; None: the column cannot be sorted);
    `journal_weight` 0 leaves it out of the printout.
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
    """A printout offered in the tab's «Друк» menu.

    `function` names a function of app.services.printouts. `scope` "one" acts on the current
    document (f(db, doc_id, **options)); "selection" on the selected documents, in the table's
    order (f(db, ids, **options)) — batches such as reminders, certificates, copies handed.
    `needs_control`: offered only while the document is on control.
    """

    title: str
    function: str
    needs_control: bool = False
    options: tuple[tuple[str, object], ...] = ()
    scope: str = "one"


@dataclass(frozen=True)
class Series:
    """A number series of a register that keeps several (orders: main activity «-р», personnel
    «-к»; regulation 4.13, Правила 1000/5 ІІІ.3): its own counter from 1 each calendar year.

    `suffix` is the default end of its numbers (a setting may change it); `permission` names the
    register code whose rights also reach this series (HR reads and writes personnel orders);
    an `optional` series exists only once an administrator adds it in the settings.
    """

    code: str
    title: str
    suffix: str
    aliases: tuple[str, ...] = ()
    permission: str = ""
    # Kept only once an administrator adds it (settings: series.<register>.<code>).
    optional: bool = False

    @property
    def names(self) -> tuple[str, ...]:
        return (self.title, self.suffix, self.suffix.lstrip("-"), *self.aliases)


@dataclass(frozen=True)
class TermWording:
    """The word for a document's term, one per register, as the rule the register follows
    words it (the control actions, dialog titles, tooltips and help use it, never both).

    The rule: documents under the executive committee's regulation (2011, п. 9.5–9.14:
    correspondence, orders, decisions) have a «термін виконання»; appeals and information
    requests follow their laws (ЗУ «Про звернення громадян» ст. 20, ЗУ «Про доступ до публічної
    інформації» ст. 20), which say «строк розгляду» — there the same actions say «строк».
    What is common to all registers (the control centre, the calendar) says «термін». Legal
    phrases quoted from a law or the regulation stay as they have them: «строк зберігання»,
    «строк оскарження», the regulation's «проміжні строки інформування» (п. 4.x, interim
    reports) beside its «кінцевий термін виконання».
    """

    noun: str  # «термін»
    genitive: str  # «терміну»
    plural_genitive: str  # «термінів»
    of_what: str  # «виконання»

    @property
    def full(self) -> str:
        """«термін виконання»."""
        return f"{self.noun} {self.of_what}"

    @property
    def title(self) -> str:
        """«Термін виконання» (a form's label)."""
        return self.full[:1].upper() + self.full[1:]


REGULATION_TERM = TermWording("термін", "терміну", "термінів", "виконання")
LAW_TERM = TermWording("строк", "строку", "строків", "розгляду")


class TermPolicy(Protocol):
    """How a register's documents get a term when the order or resolution names none."""

    @property
    def rule(self) -> str:
        """Where the rule comes from, as the card says it («п. 9.11»)."""
        ...

    @property
    def wording(self) -> TermWording:
        """«термін виконання» or, where a law says so, «строк розгляду» (see TermWording)."""
        ...

    def default_term(self, received: date, urgent: bool, calendar: WorkingCalendar) -> date | None:
        """The term when none is given; None: a term must be given."""
        ...

    def describe(self, urgent: bool) -> str:
        """How the default term is counted, as the card says it («30 календарних днів»)."""
        ...

    def extension_problem(
        self, received: date, new_term: date, calendar: WorkingCalendar
    ) -> str | None:
        """Why the term may not be extended to `new_term` (None: it may): a law's ceiling."""
        ...


@dataclass(frozen=True)
class CorrespondenceTerm:
    """Regulation 9.11: 30 calendar days from receipt, «Терміново» 7 working days; a term that
    falls on a day off moves to the preceding working day."""

    rule: str = "п. 9.11"
    wording: TermWording = REGULATION_TERM

    def default_term(self, received: date, urgent: bool, calendar: WorkingCalendar) -> date | None:
        return default_term(received, urgent, calendar)

    def describe(self, urgent: bool) -> str:
        if urgent:
            return f"«Терміново» — {URGENT_WORKING_DAYS} робочих днів"
        return f"{DEFAULT_TERM_DAYS} календарних днів"

    def extension_problem(
        self, received: date, new_term: date, calendar: WorkingCalendar
    ) -> str | None:
        return None  # 9.12 asks for a reason, not a ceiling


@dataclass(frozen=True)
class StatedTerm:
    """The term is the one the document itself states (an order's tasks, 4.15); there is no
    default, and a stated term on a day off moves to the preceding working day."""

    rule: str = "термін, визначений документом"
    wording: TermWording = REGULATION_TERM

    def default_term(self, received: date, urgent: bool, calendar: WorkingCalendar) -> date | None:
        return None

    def describe(self, urgent: bool) -> str:
        return self.rule

    def extension_problem(
        self, received: date, new_term: date, calendar: WorkingCalendar
    ) -> str | None:
        return None

    @staticmethod
    def adjust(term: date, calendar: WorkingCalendar) -> date:
        return adjust_term(term, calendar)


@dataclass(frozen=True)
class Control:
    """Documents of the register can go on control. `by_resolution`: resolutions name the
    executors and the term (incoming, 9.5); otherwise the card names the executor (outgoing,
    orders: the executors are named in the order)."""

    by_resolution: bool = True


@dataclass(frozen=True)
class Filter:
    """A filter of the tab beyond the common ones (period, executor, department, state):
    `column` of `document` or of the detail table equals the chosen value."""

    key: str
    label: str
    column: str
    choices: tuple[tuple[str, str], ...]  # (value, shown text)


AfterStore = Callable[[Any, Any, Any], None]  # (session, document, detail) → None


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
    warnings: tuple[Warning, ...] = ()
    # Warnings that need the database, f(db, values, doc_id) → texts (an award: the rules
    # checked against the recipient's earlier awards, and those awards listed).
    context_warnings: Callable[[Any, Mapping[str, Any], int | None], list[str]] | None = None
    # Fields whose text full-text search finds (the registration number always is).
    search_fields: tuple[str, ...] = ()
    printouts: tuple[Printout, ...] = ()
    # Header texts of the number column in journals kept before the program (imports).
    number_headers: tuple[str, ...] = ()
    # Holds personal data (appeals, personnel files, household books): opening a card is audited.
    personal_data: bool = False
    # Numbers kept as written in journals before the program, the running number taken from the
    # front (decisions «931-1», «24/119»): the tail is no case index (as with series' suffixes).
    written_numbers: bool = False
    # --- hooks --------------------------------------------------------------------------------
    # Number series; none: the register has one series ("").
    series: tuple[Series, ...] = ()
    # Control of execution; None: the register's documents never go on control.
    control: Control | None = field(default_factory=Control)
    term: TermPolicy = field(default_factory=CorrespondenceTerm)
    # Documents are sent out (outgoing mail): the tab offers «Відправлено…» with 10.10 checks.
    sending: bool = False
    filters: tuple[Filter, ...] = ()
    # The ORM model of the 1:1 detail table holding this register's own fields, by its name in
    # db.models ("AppealDetail"; "": every field lives in `document`); a field's column is
    # looked for there first. A name, not the class: listing the registers (the window's tabs)
    # must not load every register's tables — `detail` looks the class up when first used.
    detail_model: str = ""
    # Child tables of TABLE fields: the field's `table` name → the model's name in db.models.
    children_models: tuple[tuple[str, str], ...] = ()
    # Called after the values of a document are stored (derived columns of the detail table).
    after_store: AfterStore | None = None
    # Values a row reads beyond its columns, and how it shows them as of a day: a state that
    # changes with time alone (an order's copies become late once the third working day passed).
    row_keys: tuple[str, ...] = ()
    present: Callable[[dict[str, Any], date], None] | None = None
    # The register's statistics for a period: «module:function» of a builder
    # f(db, actor, ReportPeriod) → app.reports.tables.TableReport, shown by the tab (and
    # offered by `report NAME` when a module of app/cli/reports names it too).
    statistics: str = ""
    # What the date of a document is (an order's date is the date of signing, 4.14).
    date_label: str = "Дата реєстрації"
    date_hint: str = "Дата надходження; змініть, якщо документ надійшов у вихідний"

    # --- the register's tables, loaded when first used --------------------------------------------

    @cached_property
    def detail(self) -> type | None:
        """The detail table's ORM model (None: the register has none)."""
        return _model(self.detail_model) if self.detail_model else None

    @cached_property
    def children(self) -> tuple[tuple[str, type], ...]:
        """Child tables of TABLE fields, by the field's `table` name → ORM model."""
        return tuple((table, _model(name)) for table, name in self.children_models)

    # --- what the flags used to say, now read from the hooks -----------------------------------

    @property
    def controllable(self) -> bool:
        return self.control is not None

    @property
    def resolutions(self) -> bool:
        return self.control is not None and self.control.by_resolution

    @property
    def sendable(self) -> bool:
        return self.sending

    @property
    def interim_reports(self) -> bool:
        """Its controls may have interim reports: the regulation's «проміжні строки
        інформування» of a long control (2011, пп. 3.4, 4.7, 9.12). Appeals and information
        requests follow their laws' terms of consideration (15–45 days, 5–20 working days),
        which have none: their «строк» wording says so (TermWording)."""
        return self.control is not None and self.term.wording == REGULATION_TERM

    @property
    def has_executors(self) -> bool:
        """Its documents name a lead executor (and so a department): by control or by a
        «виконавець» field. The tab filters by executor and department only then (awards
        have neither)."""
        return self.controllable or any(f.storage_column == "lead_executor" for f in self.fields)

    # --- fields and columns --------------------------------------------------------------------

    def field(self, key: str) -> Field:
        for spec in self.fields:
            if spec.key == key:
                return spec
        raise KeyError(key)

    def has_field(self, key: str) -> bool:
        return any(f.key == key for f in self.fields)

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

    def child_model(self, table: str) -> type:
        for name, model in self.children:
            if name == table:
                return model
        raise KeyError(table)

    # --- series ----------------------------------------------------------------------------------

    def series_of(self, values: Mapping[str, Any]) -> str:
        """The series a document's values name ("" for a register with one series)."""
        if not self.series:
            return ""
        for f in self.fields:
            if f.kind == FieldKind.SERIES:
                return str(values.get(f.key) or self.series[0].code)
        return self.series[0].code

    def series_named(self, code: str) -> Series:
        for s in self.series:
            if s.code == code:
                return s
        raise KeyError(code)

    def with_series(self, extra: tuple[Series, ...]) -> RegisterSpec:
        """This spec with series an administrator added (a third series of orders)."""
        known = {s.code for s in self.series}
        added = tuple(s for s in extra if s.code not in known)
        if not added:
            return self
        series = (*self.series, *added)
        fields = tuple(
            replace(f, options=series_options(series)) if f.kind == FieldKind.SERIES else f
            for f in self.fields
        )
        return replace(self, series=series, fields=fields)


def series_options(series: tuple[Series, ...]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """The options of a SERIES field: each series' code with the names a clerk may type."""
    return tuple((s.code, s.names) for s in series)


def _model(name: str) -> type:
    """A model of db.models by name (its module is imported on first use: db/models/__init__)."""
    import db.models

    model = getattr(db.models, name)
    assert isinstance(model, type)
    return model
