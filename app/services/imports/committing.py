"""Committing an import: every row or none, in one transaction, keeping the journal's numbers;
and finding a document by the number a clerk types."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from app.domain.roles import Actor, actor_of, write
from app.registers.base import RegisterSpec
from app.services import documents
from app.services.imports.parsing import load_table, parse_number, validate_rows
from app.services.imports.problems import ImportFileError, ImportProblem
from db.models import Document
from db.session import Database


@dataclass(frozen=True)
class ImportResult:
    rows: int  # data rows found (blank rows are skipped)
    problems: tuple[ImportProblem, ...]
    imported: int  # 0 when there were problems or on a dry run
    dry_run: bool
    ignored_columns: tuple[str, ...] = ()
    warnings: tuple[ImportProblem, ...] = ()  # 9.2 warnings: reported, never blocking
    first_number: str = ""
    last_number: str = ""

    @property
    def ok(self) -> bool:
        return not self.problems


def import_file(
    db: Database,
    spec: RegisterSpec,
    path: str | Path,
    *,
    dry_run: bool = False,
    user: str | Actor = "",
    today: date | None = None,
    allow_gaps: bool = False,
) -> ImportResult:
    """Check every row of the file; unless there is a problem or `dry_run`, register them all,
    keeping their numbers. Numbers that leave a gap in the register's series (or jump past its
    counter) are a problem unless the clerk confirmed them (`allow_gaps`). Raises
    ImportFileError for an unusable file."""
    actor_of(user).require(write(spec.code))  # before reading anything: an import writes
    table = load_table(path, spec)
    prepared, problems, warnings, ignored = validate_rows(
        db, spec, table, today or date.today(), allow_gaps
    )
    result = ImportResult(
        rows=len(table.rows),
        problems=tuple(problems),
        imported=0,
        dry_run=dry_run,
        ignored_columns=ignored,
        warnings=tuple(warnings),
    )
    if problems or dry_run or not prepared:
        return result
    try:
        registered = documents.register_many(
            db,
            spec,
            [documents.Registration(p.values, p.day, p.seq, p.number) for p in prepared],
            user=user,
        )
    except IntegrityError as exc:
        raise ImportFileError(
            "Під час імпорту хтось зареєстрував документ з одним із цих номерів. "
            "Нічого не імпортовано: запустіть імпорт ще раз."
        ) from exc
    return ImportResult(
        rows=result.rows,
        problems=(),
        imported=len(registered),
        dry_run=False,
        ignored_columns=ignored,
        warnings=result.warnings,
        first_number=registered[0].reg_number,
        last_number=registered[-1].reg_number,
    )


def find_document_id(db: Database, spec: RegisterSpec, number: str, year: int) -> int | None:
    """The document of `spec` with registration number `number` («12/01-12», or just the running
    number «12») registered in `year`; None when there is none."""
    with db.read() as s:
        exact = s.execute(
            select(Document.id).where(
                Document.register == spec.code,
                Document.year == year,
                Document.reg_number == number.strip(),
            )
        ).scalar_one_or_none()
        if exact is not None:
            return int(exact)
        try:
            seq, index = parse_number(number)
        except ValueError:
            return None
        found = s.execute(
            select(Document.id, Document.case_index).where(
                Document.register == spec.code, Document.year == year, Document.seq == seq
            )
        ).first()
        if found is None or (index and found.case_index != index):
            return None
        return int(found.id)
