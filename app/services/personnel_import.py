"""Importing employees and their service history from a spreadsheet (CSV or XLSX), as councils
that kept personnel in tables move to the program: one history entry a row — personnel number,
name, sex, date of birth, the entry's kind, date (and end), basis or ground, post, department,
category, rank, order number and date.

Every row or none: all rows are checked first (dates, kinds, the rules of
app/domain/personnel.py, departments and orders that exist) and each problem is named by its
row and column; only a file without problems is written, in one transaction. A personnel
number already in the register adds the rows to that person's history.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select

from app.domain import personnel as rules
from app.domain.dates import DateError, parse_date
from app.domain.text import uk_sort_key
from app.services import audit, settings
from app.services import personnel as hr
from app.services.imports.problems import ImportFileError, ImportProblem
from app.services.imports.reading import read_rows
from db.models import PersonnelEvent, PersonnelFile, Staff
from db.queries import personnel as q
from db.session import Database

#: Column → the headers it is recognised by (case and apostrophes ignored).
HEADERS: dict[str, tuple[str, ...]] = {
    "number": ("табельний номер", "таб. №", "таб №", "табельний №"),
    "surname": ("прізвище",),
    "given_name": ("ім'я", "імя"),
    "patronymic": ("по батькові",),
    "sex": ("стать",),
    "birth_date": ("дата народження",),
    "kind": ("вид запису", "подія", "вид події"),
    "day": ("дата", "дата запису", "дата події"),
    "end": ("дата закінчення", "по"),
    "detail": ("підстава", "підстава або стаття", "вид", "результат"),
    "post": ("посада",),
    "department": ("виконавчий орган", "підрозділ"),
    "category": ("категорія", "категорія посади"),
    "rank": ("ранг",),
    "amount": ("кількість", "днів", "поріг"),
    "order_number": ("розпорядження №", "номер розпорядження", "розпорядження"),
    "order_date": ("дата розпорядження",),
}
REQUIRED = ("number", "surname", "given_name", "sex", "kind", "day")
_SEX = {
    "ч": "m",
    "чол": "m",
    "чоловіча": "m",
    "m": "m",
    "ж": "f",
    "жін": "f",
    "жіноча": "f",
    "f": "f",
}
_KIND_NAMES = {
    **{title.casefold(): code for code, title in rules.EVENT_KINDS.items()},
    **{code: code for code in rules.EVENT_KINDS},
    "призначення": rules.HIRE,
    "прийняття": rules.HIRE,
    "прийняття на роботу": rules.HIRE,
    "звільнення": rules.DISMISSAL,
    "відпустка": rules.VACATION,
    "переведення": rules.TRANSFER,
    "ранг": rules.RANK,
    "надбавка за вислугу": rules.SENIORITY,
    "оцінка": rules.EVALUATION,
    "навчання": rules.TRAINING,
    "стягнення": rules.PENALTY,
}


def _key(text: Any) -> str:
    return " ".join(str(text or "").replace("’", "'").replace("ʼ", "'").casefold().split())


@dataclass
class PersonnelImport:
    rows: int = 0
    people: int = 0
    new_people: int = 0
    events: int = 0
    problems: list[ImportProblem] = field(default_factory=list)
    dry_run: bool = False


@dataclass
class _Row:
    line: int
    number: str
    person: tuple[str, str, str, str, date | None]
    event: hr.EventInput


def _text(cells: list[Any], i: int | None) -> str:
    if i is None or i >= len(cells) or cells[i] is None:
        return ""
    value = cells[i]
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, date):
        return value.strftime("%d.%m.%Y")
    return str(value).strip()


def _columns(header: list[Any]) -> tuple[dict[str, int], list[str]]:
    names = [str(h or "").strip() for h in header]
    found: dict[str, int] = {}
    for i, name in enumerate(names):
        for column, known in HEADERS.items():
            if _key(name) in known and column not in found:
                found[column] = i
    return found, names


def _parse(rows: list[list[Any]], db: Database) -> tuple[list[_Row], list[ImportProblem]]:
    if not rows:
        raise ImportFileError("Файл порожній: потрібен рядок заголовків і рядки записів")
    columns, names = _columns(rows[0])
    missing = [HEADERS[c][0] for c in REQUIRED if c not in columns]
    if missing:
        raise ImportFileError(
            "У першому рядку немає стовпців: " + ", ".join(f"«{m}»" for m in missing)
        )
    problems: list[ImportProblem] = []
    parsed: list[_Row] = []
    martial_end = settings.martial_law_end(db)
    cap = hr.vacation_cap(db)
    with db.read() as s:
        departments = q.department_ids(s)

    for line, cells in enumerate(rows[1:], start=2):
        if not any(str(c or "").strip() for c in cells):
            continue

        def get(column: str, cells: list[Any] = cells) -> str:
            return _text(cells, columns.get(column))

        def bad(column: str, message: str, line: int = line) -> None:
            header = names[columns[column]] if column in columns else ""
            problems.append(ImportProblem(line, header, message))

        def day_of(column: str, required: bool = False) -> date | None:
            text = get(column)
            if not text:
                if required:
                    bad(column, "вкажіть дату")
                return None
            try:
                return parse_date(text)
            except DateError as exc:
                bad(column, str(exc))
                return None

        def number_of(column: str) -> int | None:
            text = get(column)
            if not text:
                return None
            if not text.isdigit():
                bad(column, f"«{text}» — не ціле число")
                return None
            return int(text)

        before = len(problems)
        number = get("number")
        if not number:
            bad("number", "вкажіть табельний номер")
        for column in ("surname", "given_name"):
            if not get(column):
                bad(column, "не заповнено")
        sex = _SEX.get(_key(get("sex")))
        if sex is None:
            bad("sex", "стать: «ч» (чоловіча) або «ж» (жіноча)")
        kind = _KIND_NAMES.get(_key(get("kind")))
        if kind is None:
            bad("kind", f"невідомий вид запису «{get('kind')}»")
        day, end = day_of("day", required=True), day_of("end")
        birth, order_date = day_of("birth_date"), day_of("order_date")
        category, rank, amount = number_of("category"), number_of("rank"), number_of("amount")
        department = get("department")
        if department and department not in departments:
            bad("department", f"виконавчого органу «{department}» немає в довіднику")
        if len(problems) > before or kind is None or day is None or sex is None:
            continue
        event = hr.EventInput(
            kind=kind, day=day, end=end, detail=get("detail"), post=get("post"),
            department=department, category=category, rank=rank, amount=amount,
            order_number=get("order_number"), order_date=order_date,
        )  # fmt: skip
        try:
            rule = rules.Event(kind, day, end, event.detail, category, rank, amount)
            rules.check_event(rule, rules.martial_law_on(day, martial_end), cap)
        except rules.PersonnelError as exc:
            problems.append(ImportProblem(line, "", str(exc)))
            continue
        if event.order_number:
            with db.read() as s:
                year = (order_date or day).year
                if q.find_order(s, event.order_number, year) is None:
                    bad(
                        "order_number",
                        f"розпорядження з кадрових питань № {event.order_number} за {year} рік "
                        "немає в реєстрі",
                    )
                    continue
        person = (get("surname"), get("given_name"), get("patronymic"), sex, birth)
        parsed.append(_Row(line, number, person, event))
    return parsed, problems


def import_personnel(
    db: Database, path: str | Path, user: Any = "", dry_run: bool = False
) -> PersonnelImport:
    """Check the whole file; write it only when no row has a problem (one transaction)."""
    actor = hr.require_write(user)
    rows = read_rows(path)
    parsed, problems = _parse(rows, db)
    result = PersonnelImport(rows=len(parsed) + len({p.row for p in problems}), dry_run=dry_run)
    result.problems = problems
    numbers = {r.number for r in parsed}
    result.people = len(numbers)
    if problems or dry_run:
        return result
    ladder = hr.ladder(db)
    with db.write() as s:
        files = {
            f.personnel_number: f.staff_id
            for f in s.execute(
                select(PersonnelFile).where(PersonnelFile.personnel_number.in_(numbers))
            ).scalars()
        }
        departments = q.department_ids(s)
        touched: set[int] = set()
        for row in sorted(parsed, key=lambda r: (r.number, r.event.day)):
            staff_id = files.get(row.number)
            if staff_id is None:
                surname, given, patronymic, sex, birth = row.person
                staff = Staff(
                    surname=surname, given_name=given, patronymic=patronymic, gender=sex,
                    active=False, changed_by=actor.login,
                    sort_key=uk_sort_key(f"{surname} {given} {patronymic}")[:150],
                )  # fmt: skip
                s.add(staff)
                s.flush()
                s.add(
                    PersonnelFile(
                        staff_id=staff.id, personnel_number=row.number, birth_date=birth,
                        changed_by=actor.login,
                    )
                )  # fmt: skip
                s.flush()  # the file before its events (their foreign key)
                files[row.number] = staff_id = staff.id
                result.new_people += 1
            e = row.event
            year = (e.order_date or e.day).year
            order = q.find_order(s, e.order_number, year) if e.order_number else None
            percent = None
            if e.kind == rules.SENIORITY:
                percent = rules.ladder_percent(ladder, e.amount)
            s.add(
                PersonnelEvent(
                    staff_id=staff_id, kind=e.kind, event_date=e.day, end_date=e.end,
                    detail=e.detail[:200], post=e.post[:200],
                    department_id=departments.get(e.department) if e.department else None,
                    category=e.category, rank=e.rank, amount=e.amount, percent=percent,
                    order_id=order.id if order else None,
                    order_number=order.reg_number if order else "",
                    order_date=order.reg_date if order else None, changed_by=actor.login,
                )
            )  # fmt: skip
            result.events += 1
            touched.add(staff_id)
        s.flush()
        for staff_id in touched:
            hr.refresh_derived(s, staff_id)
        details = {"файл": Path(path).name, "працівників": len(touched), "записів": result.events}
        audit.add(s, actor, audit.IMPORT, register="personnel", details=details)
    return result
