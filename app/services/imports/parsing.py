"""Parsing an import file's rows by a register's spec: the header row, the cells, the number and
the date, every field checked with the registration form's rules, and the clashes with what the
database already holds. Nothing is written here."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from app.domain.dates import DateError, format_date, parse_date
from app.domain.text import normalize_search
from app.registers.base import RegisterSpec
from app.registers.fields import FieldErrors, FieldKind, registration_date_errors
from app.services import field_storage
from app.services.documents import written_sub
from app.services.imports.problems import ImportFileError, ImportProblem
from app.services.imports.reading import (
    check_path,
    csv_delimiters,
    is_xlsx,
    read_csv,
    read_xlsx,
)
from db.models import Document, RegisterCounter
from db.session import Database

#: Header texts of the registration number and date columns (compared without case and spaces);
#: a register adds its own («вх. №», «вих. №») in `spec.number_headers`.
NUMBER_HEADERS = (
    "№",
    "номер",
    "реєстраційний номер",
    "реєстр. номер",
    "№ реєстрації",
)
DATE_HEADERS = ("дата", "дата реєстрації", "дата надходження", "дата реєстр.")
NUMBER_KEY = "__number__"
DATE_KEY = "__date__"

#: A journal may carry a title above its table: look for the header among the first rows.
HEADER_SEARCH_ROWS = 10
_NUMBER_RE = re.compile(r"^(\d+)\s*(?:[/\\]\s*(.*?))?$")
_INDEX_FIRST_RE = re.compile(r"^(.*?\S)\s*[/\\]\s*(\d+)$")
#: A number of a register with series, as real councils write them: «165-ра», «14-к», «931-1»,
#: «24/119», «478-рб», «119» — the running number first, then anything (kept as written).
_SERIES_NUMBER_RE = re.compile(r"^(\d+)\s*(?:([-–/\\.]|\s)\s*(\S.*))?$")


@dataclass
class _Table:
    header_row: int  # 1-based row number of the header
    headers: list[str]
    rows: list[tuple[int, list[Any]]] = field(default_factory=list)  # (file row number, cells)


def load_table(path: str | Path, spec: RegisterSpec) -> _Table:
    """The file's table: its header row (found among the first rows) and the data rows."""
    p = check_path(path)
    aliases = header_aliases(spec)
    if is_xlsx(p):
        return _find_table(read_xlsx(p), aliases)
    data = p.read_bytes()
    first_error: ImportFileError | None = None
    for sep in csv_delimiters(data):
        try:
            return _find_table(read_csv(data, sep), aliases)
        except ImportFileError as exc:
            first_error = first_error or exc
    assert first_error is not None
    raise first_error


# --- headers -------------------------------------------------------------------------------


def _header_key(text: Any) -> str:
    """Headers compare without case, spaces, apostrophe forms and a trailing colon."""
    return "".join(normalize_search("" if text is None else str(text)).split()).rstrip(":")


def header_aliases(spec: RegisterSpec) -> dict[str, str]:
    """Header text (as a key) → field key, number or date: the fields' import_headers, the
    register's own column titles (so an exported file imports back), the number and the date."""
    aliases: dict[str, str] = {}
    for col in spec.columns:
        key = _field_of_column(spec, col.key)
        if key is not None:
            aliases[_header_key(col.title)] = key
    for f in spec.fields:
        aliases[_header_key(f.label)] = f.key
        for header in f.import_headers:
            aliases[_header_key(header)] = f.key
    for header in (*NUMBER_HEADERS, *spec.number_headers, spec.number_label):
        aliases[_header_key(header)] = NUMBER_KEY
    for header in DATE_HEADERS:
        aliases[_header_key(header)] = DATE_KEY
    return aliases


_COLUMN_KINDS = {
    "correspondent_name": (FieldKind.CORRESPONDENT, FieldKind.ADDRESSEES),
    "reply_numbers": (FieldKind.DOCUMENT_REFS,),
}


def _field_of_column(spec: RegisterSpec, column: str) -> str | None:
    """The field a table column shows (`lead_executor_name` → `lead_executor`, the addressees'
    names → `addressees`), so that a file exported from the program imports back."""
    for f in spec.fields:  # its key, its storage column, or a person's «<column>_name»
        if column in (f.key, f.column) or column == f"{f.storage_column}_name":
            return f.key
    kinds = _COLUMN_KINDS.get(column, ())
    return next((f.key for f in spec.fields if f.kind in kinds), None)


def _blank(cells: Iterable[Any]) -> bool:
    return all(c is None or not str(c).strip() for c in cells)


def _find_table(rows: list[list[Any]], aliases: Mapping[str, str]) -> _Table:
    for i, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        keys = {aliases.get(_header_key(c)) for c in row}
        if NUMBER_KEY in keys or DATE_KEY in keys:
            headers = ["" if c is None else str(c).strip() for c in row]
            table = _Table(i + 1, headers)
            for j, cells in enumerate(rows[i + 1 :], start=i + 2):
                if not _blank(cells):
                    table.rows.append((j, list(cells)))
            return table
    raise ImportFileError(
        "Не знайдено рядок заголовків: у першому рядку файлу мають бути назви стовпців, "
        "серед них «№» (реєстраційний номер) і «Дата реєстрації»"
    )


# --- cells ---------------------------------------------------------------------------------


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return format_date(value.date())
    if isinstance(value, date):
        return format_date(value)
    return str(value).strip()


def _field_value(value: Any) -> Any:
    """An Excel cell as the field parser expects it: dates as dates, everything else as text."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date | bool):
        return value
    return _cell_text(value)


def parse_number(value: Any, with_series: bool = False) -> tuple[int, str]:
    """«345/01-12» → (345, "01-12"); «345» → (345, ""); also «01-12/345» (index first).

    A register with series (orders) keeps its numbers as written and takes the running number
    from the front: «165-ра» → (165, "ра"), «931-1» → (931, "1"), «24/119» → (24, "119"),
    «14-к» → (14, "к"); the tail names no case index there. Raises ValueError with a Ukrainian
    message.
    """
    text = _cell_text(value)
    if not text:
        raise ValueError("Вкажіть реєстраційний номер")
    if len(text) > 60:
        raise ValueError(f"Номер задовгий ({len(text)} знаків): номер — до 50 знаків")
    if with_series:
        series_match = _SERIES_NUMBER_RE.fullmatch(text)
        if series_match is None:
            raise ValueError(
                f"Номер «{text}» не розпізнано: потрібен порядковий номер, за ним може йти "
                "суфікс серії (наприклад, 165-р або 14-к)"
            )
        seq = int(series_match.group(1))
        if seq < 1 or seq > 10_000_000:
            raise ValueError(f"Порядковий номер має бути від 1, а не {seq}")
        return seq, (series_match.group(3) or "").strip()
    compact = text.replace(" ", "") if text.replace(" ", "").isdigit() else text
    match = _NUMBER_RE.fullmatch(compact)
    if match:
        seq, index = int(match.group(1)), (match.group(2) or "").strip()
    else:
        other = _INDEX_FIRST_RE.fullmatch(text)
        if other is None:
            raise ValueError(
                f"Номер «{text}» не розпізнано: потрібен порядковий номер, за ним через «/» "
                "може йти індекс справи (наприклад, 345/01-12)"
            )
        seq, index = int(other.group(2)), other.group(1).strip()
    if seq < 1 or seq > 10_000_000:
        raise ValueError(f"Порядковий номер має бути від 1, а не {seq}")
    return seq, index


def _parse_reg_date(value: Any) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = _cell_text(value)
    if not text:
        raise ValueError("Вкажіть дату реєстрації")
    if len(text) > 40:
        raise ValueError(f"Замість дати — текст на {len(text)} знаків: потрібна дата ДД.ММ.РРРР")
    try:
        return parse_date(text)
    except DateError as exc:
        raise ValueError(str(exc)) from exc


# --- validation and import -----------------------------------------------------------------


@dataclass(frozen=True)
class _Prepared:
    row: int
    values: dict[str, Any]
    day: date
    seq: int
    # The number as written in the journal, kept exactly (it is on the paper document) when it
    # was written in full; None for a bare running number, which the format completes with the
    # case index column as the journal's separate columns meant.
    number: str | None
    sub: str = ""  # the sub-number's key («931-1»: documents.written_sub)


def validate_rows(
    db: Database, spec: RegisterSpec, table: _Table, today: date, allow_gaps: bool = False
) -> tuple[list[_Prepared], list[ImportProblem], list[ImportProblem], tuple[str, ...]]:
    aliases = header_aliases(spec)
    columns: dict[str, int] = {}
    header_of: dict[str, str] = {}
    ignored: list[str] = []
    problems: list[ImportProblem] = []
    for i, header in enumerate(table.headers):
        key = aliases.get(_header_key(header))
        if key is None or key in columns:
            if header:
                ignored.append(header)
            continue
        columns[key], header_of[key] = i, header
    missing = [
        title
        for key, title in (
            (NUMBER_KEY, "№ (реєстраційний номер)"),
            (DATE_KEY, "Дата реєстрації"),
            *((f.key, f.label) for f in spec.fields if f.required),
        )
        if key not in columns
    ]
    if missing:
        names = ", ".join(f"«{m}»" for m in missing)
        raise ImportFileError(f"У файлі немає стовпців: {names}. Перевірте рядок заголовків.")

    def cell(cells: list[Any], key: str) -> Any:
        i = columns.get(key)
        return cells[i] if i is not None and i < len(cells) else None

    prepared: list[_Prepared] = []
    warnings: list[ImportProblem] = []
    as_written = bool(spec.series) or spec.written_numbers
    seen: dict[tuple[str, int, int, str], int] = {}
    for row_no, cells in table.rows:
        row_problems: list[ImportProblem] = []
        seq, index, day = 0, "", None
        try:
            seq, index = parse_number(cell(cells, NUMBER_KEY), as_written)
        except ValueError as exc:
            row_problems.append(ImportProblem(row_no, header_of[NUMBER_KEY], str(exc)))
        try:
            day = _parse_reg_date(cell(cells, DATE_KEY))
            if day > today:
                raise ValueError(f"Дата реєстрації {format_date(day)} ще не настала")
        except ValueError as exc:
            day = None
            row_problems.append(ImportProblem(row_no, header_of[DATE_KEY], str(exc)))
        raw = {f.key: _field_value(cell(cells, f.key)) for f in spec.fields if f.key in columns}
        tail, index = (index, "") if as_written else ("", index)
        if index and not raw.get("case_index"):
            raw["case_index"] = index
        values: dict[str, Any] = {}
        try:
            values = spec.parse(raw)
        except FieldErrors as exc:
            for key, message in exc.by_key().items():
                row_problems.append(ImportProblem(row_no, header_of.get(key, key), message))
        if day is not None and values:
            for error in registration_date_errors(spec.fields, values, day):
                row_problems.append(
                    ImportProblem(row_no, header_of.get(error.key, ""), error.message)
                )
        if index and values.get("case_index") and values["case_index"] != index:
            row_problems.append(
                ImportProblem(
                    row_no,
                    header_of[NUMBER_KEY],
                    f"Індекс у номері («{index}») не збігається з індексом справи "
                    f"(«{values['case_index']}»)",
                )
            )
        if spec.series and values:
            _fill_series(spec, values, tail)
        series = spec.series_of(values) if values else ""
        written = "".join(_cell_text(cell(cells, NUMBER_KEY)).split())
        kept = None if written.isdigit() and not as_written else written  # orders: as written
        sub = written_sub(spec, kept) if kept else ""
        if seq and day is not None:
            earlier = seen.get((series, day.year, seq, sub))
            if earlier is not None:
                row_problems.append(
                    ImportProblem(
                        row_no,
                        header_of[NUMBER_KEY],
                        f"Номер «{written}» за {day.year} рік повторюється: він уже є в рядку "
                        f"{earlier}",
                    )
                )
            else:
                seen[(series, day.year, seq, sub)] = row_no
        if row_problems:
            problems.extend(row_problems)
            continue
        assert day is not None
        prepared.append(_Prepared(row_no, values, day, seq, kept, sub))
        for text in spec.registration_warnings(values):
            warnings.append(ImportProblem(row_no, "", text))
    problems.extend(_clashes_with_database(db, spec, prepared, header_of[NUMBER_KEY]))
    if not allow_gaps:
        problems.extend(_gaps(db, spec, prepared, header_of[NUMBER_KEY]))
    problems.extend(_unknown_references(db, spec, prepared, header_of))
    problems.sort(key=lambda p: p.row)
    return prepared, problems, warnings, tuple(ignored)


def _fill_series(spec: RegisterSpec, values: dict[str, Any], tail: str) -> None:
    """A row without a series column takes the series its number's suffix names: the tail
    after the running number begins with the letters of a series' suffix («-к», «-кв» →
    personnel; «-р», «-ра», «-рб» → main activity); otherwise the register's first series."""
    key = next(f.key for f in spec.fields if f.kind == FieldKind.SERIES)
    if values.get(key):
        return
    letters = tail.strip("-–/\\. ").casefold()
    chosen = spec.series[0].code
    for series in spec.series:
        suffix = series.suffix.strip("-–/\\. ").casefold()
        if suffix and letters.startswith(suffix):
            chosen = series.code
            break
    values[key] = chosen


def _clashes_with_database(
    db: Database, spec: RegisterSpec, rows: Sequence[_Prepared], column: str
) -> list[ImportProblem]:
    """Rows whose number is already taken in the database (same register, series, year,
    running number and sub-number: «931-1» beside a registered «931» is no clash)."""
    by_year: dict[tuple[str, int], dict[tuple[int, str], _Prepared]] = {}
    for row in rows:
        key = (spec.series_of(row.values), row.day.year)
        by_year.setdefault(key, {})[(row.seq, row.sub)] = row
    problems = []
    with db.read() as s:
        for (series, year), wanted_rows in by_year.items():
            wanted = sorted({seq for seq, _sub in wanted_rows})
            for start in range(0, len(wanted), 500):
                chunk = wanted[start : start + 500]
                stmt = select(Document.seq, Document.sub, Document.reg_number).where(
                    Document.register == spec.code,
                    Document.series == series,
                    Document.year == year,
                    Document.seq.in_(chunk),
                )
                for seq, sub, number in s.execute(stmt):
                    clash = wanted_rows.get((seq, sub))
                    if clash is None:
                        continue
                    shown = clash.number or str(seq)
                    problems.append(
                        ImportProblem(
                            clash.row,
                            column,
                            f"Номер «{shown}» за {year} рік уже зареєстровано в базі ({number})",
                        )
                    )
    return problems


GAPS_HINT = (
    "Якщо в журналі справді так (його почато не з першого номера або номери пропускали), "
    "підтвердьте імпорт з пропусками: параметр --allow-gaps."
)


def _numbers(n: int) -> str:
    return (
        "номер"
        if n % 10 == 1 and n % 100 != 11
        else ("номери" if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14 else "номерів")
    )


def _gaps(
    db: Database, spec: RegisterSpec, rows: Sequence[_Prepared], column: str
) -> list[ImportProblem]:
    """Rows whose numbers do not continue the register's series without a gap: the numbers
    above the last one given (the counter, or the largest in the database) must run on from it
    one by one, in each series and year. A file numbered 10000000 would otherwise move the
    counter there for good."""
    by_series: dict[tuple[str, int], list[_Prepared]] = {}
    for row in rows:
        by_series.setdefault((spec.series_of(row.values), row.day.year), []).append(row)
    problems = []
    with db.read() as s:
        for (series, year), items in sorted(by_series.items()):
            counter = s.execute(
                select(RegisterCounter.last_seq).where(
                    RegisterCounter.register == spec.code,
                    RegisterCounter.series == series,
                    RegisterCounter.year == year,
                )
            ).scalar()
            largest = s.execute(
                select(func.max(Document.seq)).where(
                    Document.register == spec.code,
                    Document.series == series,
                    Document.year == year,
                )
            ).scalar()
            top = max(counter or 0, largest or 0)
            previous = top
            for row in sorted((r for r in items if r.seq > top), key=lambda r: r.seq):
                if row.seq == previous:
                    continue  # a sub-number of the number before it («931-1» after «931»)
                missing = row.seq - previous - 1
                if missing:
                    span = f"{previous + 1}" if missing == 1 else f"{previous + 1}–{row.seq - 1}"
                    where = (
                        f"останній номер за {year} рік у базі — {top}"
                        if previous == top
                        else f"попередній номер у файлі — {previous}"
                    )
                    problems.append(
                        ImportProblem(
                            row.row,
                            column,
                            f"Номер {row.seq} за {year} рік не продовжує нумерацію: {where}, "
                            f"пропущено {missing} {_numbers(missing)} ({span}). {GAPS_HINT}",
                        )
                    )
                previous = row.seq
    return problems


def _unknown_references(
    db: Database, spec: RegisterSpec, rows: Sequence[_Prepared], header_of: Mapping[str, str]
) -> list[ImportProblem]:
    """Rows whose «у відповідь на» names a document that is not in the database."""
    fields = [f for f in spec.fields if f.kind == FieldKind.DOCUMENT_REFS]
    problems = []
    with db.read() as s:
        for row in rows:
            for f in fields:
                try:
                    field_storage.resolve_refs(s, f, row.values.get(f.key) or (), row.day)
                except FieldErrors as exc:
                    for message in exc.by_key().values():
                        problems.append(ImportProblem(row.row, header_of.get(f.key, ""), message))
    return problems
