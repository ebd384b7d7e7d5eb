"""Issue 9: a long import lets other clerks register between its steps and is still all or
nothing (the rows are staged, then committed at once), on both engines."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select, update

from app.registers import INCOMING
from app.services import audit
from app.services.imports import import_file, staging
from app.services.register_view import RegisterView, ViewQuery
from db.base import utcnow
from db.models import Document, RegisterCounter
from db.session import Database
from tests import factories

DAY = date(2026, 3, 2)
TODAY = date(2026, 3, 10)


def _journal(path: Path, numbers: range) -> Path:
    lines = ["№;Дата реєстрації;Кореспондент;Короткий зміст"]
    lines += [f"{n};02.03.2026;Кореспондент {n % 7};Про лист {n}" for n in numbers]
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def _other(db: Database) -> Database:
    """Another clerk's connection to the same database."""
    return Database(db.url)


def _registered(db: Database) -> list[int]:
    with db.read() as s:
        stmt = select(Document.seq).where(Document.register == "incoming").order_by(Document.seq)
        return list(s.execute(stmt).scalars())


def _counter(db: Database) -> int:
    with db.read() as s:
        return int(s.execute(select(func.max(RegisterCounter.last_seq))).scalar() or 0)


def test_a_clerk_registers_while_the_import_runs(db, tmp_path, monkeypatch):
    monkeypatch.setattr(staging, "CHUNK", 10)
    clerk = _other(db)
    seen: list[tuple[int, int]] = []

    def between_steps(done: int, total: int) -> None:
        # the import's rows are invisible until they are all committed
        visible = len(RegisterView(clerk, ViewQuery(register="incoming")).all_rows())
        registered = factories.incoming(clerk, DAY, f"Лист клерка {done}")
        seen.append((visible, registered.seq))

    path = _journal(tmp_path / "j.csv", range(1, 51))
    try:
        result = import_file(db, INCOMING, path, today=TODAY, progress=between_steps)
    finally:
        clerk.dispose()
    assert result.imported == 50 and (result.first_number, result.last_number) == ("1", "50")
    # the clerk got in after every step, with numbers after the file's (reserved at the start)
    assert [seq for _, seq in seen] == [51, 52, 53, 54, 55]
    assert [visible for visible, _ in seen] == [0, 1, 2, 3, 4]
    assert _registered(db) == list(range(1, 56))
    assert audit.verify(db).ok


def test_a_failure_mid_way_leaves_nothing(db, tmp_path, monkeypatch):
    monkeypatch.setattr(staging, "CHUNK", 10)

    def fail_on_the_third(done: int, _total: int) -> None:
        if done == 30:
            raise RuntimeError("зник струм")

    path = _journal(tmp_path / "j.csv", range(1, 51))
    with pytest.raises(RuntimeError):
        import_file(db, INCOMING, path, today=TODAY, progress=fail_on_the_third)
    with db.read() as s:
        assert s.execute(select(func.count()).select_from(Document)).scalar() == 0
    assert _counter(db) == 0  # the reserved numbers are given back
    assert factories.incoming(db, DAY).seq == 1
    again = _journal(tmp_path / "again.csv", range(2, 52))
    assert import_file(db, INCOMING, again, today=TODAY).imported == 50


def test_a_number_taken_meanwhile_fails_the_import_whole(db, tmp_path, monkeypatch):
    """Another import (or anything) took one of the file's numbers while it was staged."""
    monkeypatch.setattr(staging, "CHUNK", 10)
    clerk = _other(db)

    def someone_imports_number_40(done: int, _total: int) -> None:
        if done == 10:
            other = _journal(tmp_path / "other.csv", range(40, 41))
            import_file(clerk, INCOMING, other, today=TODAY, allow_gaps=True)

    path = _journal(tmp_path / "j.csv", range(1, 51))
    try:
        with pytest.raises(ValueError, match="хтось зареєстрував"):
            import_file(db, INCOMING, path, today=TODAY, progress=someone_imports_number_40)
    finally:
        clerk.dispose()
    assert _registered(db) == [40]
    with db.read() as s:
        staged = select(func.count()).where(Document.register.like("~imp%"))
        assert s.execute(staged).scalar() == 0


def test_a_batch_left_by_a_dead_import_is_cleared_by_the_next(db, tmp_path):
    code = staging.new_code()
    items = [staging.Registration(INCOMING.parse({"correspondent": "А", "summary": "Б"}), DAY, 7)]
    staging.stage(db, INCOMING, items, code, "import")
    with db.write() as s:  # as if it were staged two hours ago and the process died
        s.execute(
            update(Document)
            .where(Document.register == code)
            .values(created_at=utcnow() - timedelta(hours=2))
        )
    import_file(db, INCOMING, _journal(tmp_path / "j.csv", range(1, 3)), today=TODAY)
    with db.read() as s:
        assert s.execute(select(Document.register).distinct()).scalars().all() == ["incoming"]
