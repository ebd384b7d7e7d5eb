"""Input dataclasses for everything printed.

Services map database records to these; the printing functions never see ORM objects.
Fields are plain ``str`` / ``date`` / ``int``. Names arrive already formatted: executors in
the dative case («Коваль О. П.», «Мельнику І. І.»), signatories as «Власне ім'я ПРІЗВИЩЕ»
(see :func:`official_name`). Sequences may be lists or tuples.

This module must not import reportlab: ``app.printing`` re-exports it at start-up.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

Align = Literal["left", "center", "right"]


def fmt_date(value: date | None) -> str:
    """ДД.ММ.РРРР, or an empty string for a missing date."""
    return value.strftime("%d.%m.%Y") if value is not None else ""


def official_name(given_name: str, surname: str) -> str:
    """«Власне ім'я ПРІЗВИЩЕ» for signature blocks (ДСТУ 4163:2020): ``Віктор БОНДАР``."""
    return f"{given_name.strip()} {surname.strip().upper()}".strip()


# --- stamps -------------------------------------------------------------------------------


@dataclass(frozen=True)
class RegistrationStampData:
    """Відмітка про надходження: «<organisation>», «Вх. № 345/01-12», «від 05.03.2026»."""

    organisation: str  # short name, e.g. «Шепетівська міська рада»
    reg_number: str  # «345/01-12»
    reg_date: date
    sheets: int | None = None  # printed as «Аркушів: 3» when given
    number_prefix: str = "Вх. №"
    code: str = ""  # the record code (app.domain.record_code), printed as a QR beside the stamp


@dataclass(frozen=True)
class ControlStampData:
    """Штамп «Контроль» with the due date (regulation 9.7)."""

    due_date: date


# --- resolution ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Resolution:
    """One resolution (regulation 9.5); used by the slip and by the РКК card."""

    executors: Sequence[str]  # dative case, the first one is the lead executor
    task: str
    author_position: str  # «Міський голова»
    author_name: str  # «Віктор БОНДАР» (official_name())
    resolution_date: date
    due_date: date | None = None


@dataclass(frozen=True)
class ResolutionSlipData:
    """Бланк резолюції: the resolution plus the document it belongs to."""

    resolution: Resolution
    doc_number: str  # «345/01-12»
    doc_date: date
    organisation: str = ""  # heading, e.g. «Виконавчий комітет Шепетівської міської ради»
    doc_prefix: str = "До вх. №"  # the reference line reads «До вх. № 345/01-12 від 05.03.2026»


# --- registration-control card ------------------------------------------------------------


@dataclass(frozen=True)
class TermChange:
    """One change of the control term, kept in the history (regulation 9.12)."""

    changed_on: date
    old_term: date
    new_term: date
    reason: str
    changed_by: str = ""


@dataclass(frozen=True)
class ProgressNote:
    """Monthly information about the progress of a long control (regulation 9.12)."""

    noted_on: date
    text: str


@dataclass(frozen=True)
class ControlRemoval:
    """Зняття з контролю (regulation 9.13–9.14)."""

    removed_on: date
    basis: str  # «Лист-відповідь від 20.03.2026 № 512/01-15»
    removed_by: str  # «Керуючий справами Ольга МАРЧУК»


@dataclass(frozen=True)
class CardControl:
    due_date: date  # the current term
    term_changes: Sequence[TermChange] = ()
    progress: Sequence[ProgressNote] = ()
    removal: ControlRemoval | None = None


@dataclass(frozen=True)
class RegistrationCardData:
    """Реєстраційно-контрольна картка (РКК) of an incoming document."""

    organisation: str
    reg_number: str
    reg_date: date
    correspondent: str
    correspondent_number: str = ""
    correspondent_date: date | None = None
    kind: str = ""  # вид документа: «Лист», «Запит», …
    summary: str = ""
    sheets: int | None = None
    case_index: str = ""  # «01-12»
    resolutions: Sequence[Resolution] = ()
    control: CardControl | None = None  # None: not on control, no «Контроль» mark
    code: str = ""  # the record code (app.domain.record_code), a QR in the heading


# --- tables: journals and reports ---------------------------------------------------------


@dataclass(frozen=True)
class JournalColumn:
    title: str
    width_weight: float = 1.0  # share of the table width, relative to the other columns
    align: Align = "left"


@dataclass(frozen=True)
class JournalData:
    """Журнал реєстрації for a period; generic over the register (columns come with it)."""

    title: str  # «Журнал реєстрації вхідних документів»
    organisation: str  # full name
    period_from: date
    period_to: date
    columns: Sequence[JournalColumn]
    rows: Sequence[Sequence[str]]  # one string per column; "\n" starts a new line in a cell


@dataclass(frozen=True)
class ControlReportRow:
    number: str
    reg_date: date
    correspondent: str
    summary: str
    lead_executor: str
    due_date: date
    state: str  # «Прострочено», «На виконанні», «Виконано» …
    overdue: bool = False  # printed in bold
    term: str = ""  # the term as printed when it says more than the date (an interim report)


@dataclass(frozen=True)
class ControlReportData:
    organisation: str
    as_of: date
    rows: Sequence[ControlReportRow]
    title: str = "Звіт про стан виконання документів, що перебувають на контролі"
    closing_lines: Sequence[str] = field(default=())  # e.g. totals, printed after the table
