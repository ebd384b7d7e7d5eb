"""Files written before the reminders' state was kept (schema 0006–0008), or kept empty since
(a database upgraded through 0009 shows them so at 0013), get their reminder dates without being
edited: the upgrade marks their state as not derived and the reminders derive it first."""

from __future__ import annotations

import uuid
from datetime import date

import pytest
import sqlalchemy as sa
from alembic import command
from sqlalchemy import text

from app.services import personnel_reminders
from app.services.personnel_reminders import reminders
from db.migrate import alembic_config, current_revision, head_revision, upgrade
from db.session import Database

HIRED = date(2023, 3, 1)


def _insert(conn: sa.Connection, table: str, **values: object) -> None:
    """A row with `values`; every other column that allows no NULL and has no default gets an
    empty value of its type (the schema of an old revision, read from the database)."""
    t = sa.Table(table, sa.MetaData(), autoload_with=conn)
    for column in t.columns:
        if column.name in values or column.nullable or column.server_default is not None:
            continue
        if column.primary_key and isinstance(column.type, sa.Integer) and column.name == "id":
            continue
        if isinstance(column.type, sa.Uuid) or column.name == "uuid":
            values[column.name] = str(uuid.uuid4())
        elif isinstance(column.type, sa.Integer | sa.Boolean):
            values[column.name] = 0
        elif isinstance(column.type, sa.Date):
            values[column.name] = date(2000, 1, 1)
        elif isinstance(column.type, sa.DateTime):
            values[column.name] = sa.func.now()
        else:
            values[column.name] = ""
    conn.execute(t.insert().values(**values))


@pytest.mark.parametrize("revision", ["0008", "0013"])
def test_a_file_of_an_older_schema_gets_its_reminders_after_the_upgrade(tmp_path, revision):
    path = tmp_path / "old.sqlite"
    db = Database(str(path))
    config = alembic_config()
    with db.engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, revision)
        _insert(conn, "staff", id=7, surname="Ткачук", given_name="Марія",
                patronymic="Іванівна", gender="f", position="головний спеціаліст",
                active=True)  # fmt: skip
        _insert(conn, "personnel_file", staff_id=7, personnel_number="101",
                category=6, rank=13, hired_date=HIRED)  # fmt: skip
        _insert(conn, "personnel_event", staff_id=7, kind="hire", event_date=HIRED,
                detail="як переможець конкурсу", post="головний спеціаліст",
                category=6, rank=13)  # fmt: skip
    db.dispose()

    db = Database(str(path))
    upgrade(db.engine)
    assert current_revision(db.engine) == head_revision()
    found = reminders(db, "hr", on=date(2026, 3, 10)).of(7)
    assert any("3" in r.text and "вислуг" in r.text for r in found), found
    with db.read() as s:
        start, version = s.execute(
            text("SELECT service_start, state_version FROM personnel_file WHERE staff_id = 7")
        ).one()
    assert str(start) == "2023-03-01"
    assert version == personnel_reminders.STATE_VERSION
    db.dispose()


def test_files_already_derived_are_not_read_again(db):
    from tests.personnel.helpers import hire, new_file, office

    office(db)
    hire(db, new_file(db), date(2024, 1, 15))
    assert personnel_reminders.refresh_stale(db) == 0
