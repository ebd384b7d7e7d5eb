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
from app.services.access import may_write
from app.services.imports import staging
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
    progress: staging.Progress | None = None,
) -> ImportResult:
    """Check every row of the file; unless there is a problem or `dry_run`, register them all,
    keeping their numbers — in steps that let other clerks register meanwhile, and still all
    or none (staging.py). Numbers that leave a gap in the register's series (or jump past its
    counter) are a problem unless the clerk confirmed them (`allow_gaps`). Raises
    ImportFileError for an unusable file."""
    actor = actor_of(user)
    if not may_write(spec, actor):  # before reading anything: an import writes
        actor.require(write(spec.code))
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
    items = [documents.Registration(p.values, p.day, p.seq, p.number) for p in prepared]
    registered = _write(db, spec, items, actor, progress)
    return ImportResult(
        rows=result.rows,
        problems=(),
        imported=len(registered),
        dry_run=False,
        ignored_columns=ignored,
        warnings=result.warnings,
        first_number=registered[0][1],
        last_number=registered[-1][1],
    )


def _write(
    db: Database,
    spec: RegisterSpec,
    items: list[documents.Registration],
    actor: Actor,
    progress: staging.Progress | None,
) -> list[tuple[int, str]]:
    """Stage the rows in short transactions, then commit them all at once (staging.py); on
    any failure nothing stays: the staged rows go, the counters come back."""
    documents.check_registrations(db, spec, items, actor)  # before anything is written
    staging.discard_stale(db)
    reserved = staging.reserve(db, spec, items)
    code = staging.new_code()
    try:
        staging.stage(db, spec, items, code, actor.login, progress)
        return staging.commit(db, spec, code, actor)
    except BaseException as exc:
        staging.discard(db, code)
        staging.unreserve(db, spec, reserved)
        if isinstance(exc, IntegrityError):
            raise ImportFileError(
                "Під час імпорту хтось зареєстрував документ з одним із цих номерів. "
                "Нічого не імпортовано: запустіть імпорт ще раз."
            ) from exc
        raise


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
                Document.register == spec.code,
                Document.year == year,
                Document.seq == seq,
                Document.sub == "",
            )
        ).first()
        if found is None or (index and found.case_index != index):
            return None
        return int(found.id)
