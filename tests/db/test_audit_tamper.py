"""The audit trail is append-only in the database and tamper-evident (issue 9).

As the program's own connection, UPDATE, DELETE and TRUNCATE of `audit_entry` are refused on
both engines; an entry changed, removed or forged behind the triggers' back (a superuser, or a
SQLite file edited with the triggers dropped) breaks the hash chain, and `verify` names the
first broken link.
"""

from __future__ import annotations

import uuid
from contextlib import contextmanager
from datetime import date, timedelta

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from app.domain import roles
from app.domain.roles import Actor
from app.registers import INCOMING
from app.services import audit, documents
from app.services.audit import AuditQuery
from db.audit_chain import entry_hash

DAY = date.today() - timedelta(days=2)
CLERK = Actor("olena", frozenset({roles.CLERK}))
ADMIN = Actor("admin", frozenset({roles.ADMINISTRATOR}))


def _register(db, n: int = 3) -> list[documents.Registered]:
    items = [
        documents.Registration(
            INCOMING.parse({"correspondent": "Луцька РДА", "summary": f"Лист {i}"}), DAY
        )
        for i in range(n)
    ]
    return documents.register_many(db, INCOMING, items, CLERK)


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE audit_entry SET login = 'хтось' WHERE id = 2",
        "UPDATE audit_entry SET details = ''",
        "DELETE FROM audit_entry WHERE id = 2",
        "DELETE FROM audit_entry",
        "TRUNCATE audit_entry",
    ],
)
def test_the_database_refuses_to_change_the_trail(db, statement):
    _register(db)
    if statement.startswith("TRUNCATE") and db.dialect == "sqlite":
        statement = "DELETE FROM audit_entry"  # SQLite's TRUNCATE is a DELETE without WHERE
    with pytest.raises(DBAPIError, match="лише доповнюється"), db.write() as s:
        s.execute(text(statement))
    with db.read() as s:
        assert s.execute(text("SELECT count(*) FROM audit_entry")).scalar() == 3
    assert audit.verify(db, ADMIN).ok


def test_a_clean_trail_verifies(db):
    _register(db)
    audit.log(db, CLERK, audit.EXPORT, register="incoming", details={"файл": "x.csv"})
    check = audit.verify(db, ADMIN)
    assert check.ok and check.entries == 4
    assert "цілий" in check.describe()


@contextmanager
def _behind_the_triggers(db):
    """A session of someone who went around the program: the SQLite file with its triggers
    dropped, or PostgreSQL's superuser with triggers set aside (replication role)."""
    with db.write() as s:
        if db.dialect == "sqlite":
            s.execute(text("DROP TRIGGER audit_entry_no_update"))
            s.execute(text("DROP TRIGGER audit_entry_no_delete"))
        else:
            s.execute(text("SET LOCAL session_replication_role = replica"))
        yield s


def test_a_changed_entry_is_the_first_broken_link(db):
    _register(db)
    with _behind_the_triggers(db) as s:
        s.execute(text("UPDATE audit_entry SET login = 'інший' WHERE id = 2"))
    check = audit.verify(db, ADMIN)
    assert not check.ok and check.entries == 1
    assert check.broken is not None and check.broken.id == 2
    assert "змінено або підроблено" in check.describe() and "Запис № 2" in check.describe()


def test_a_removed_entry_breaks_the_next_link(db):
    _register(db)
    with _behind_the_triggers(db) as s:
        s.execute(text("DELETE FROM audit_entry WHERE id = 2"))
    check = audit.verify(db, ADMIN)
    assert check.broken is not None and check.broken.id == 3
    assert "вилучено" in check.broken.reason


def test_a_forged_row_is_found(db):
    """Inserting is allowed (the program must append), but a row that is not chained to the one
    before it, or whose hash does not cover its content, shows."""
    _register(db, 2)
    with db.write() as s:  # a forged entry appended by hand, with a made-up hash
        s.execute(
            text(
                "INSERT INTO audit_entry (id, at, login, action, register, reg_number, details, "
                "record_kind, record_label, prev_hash, hash) VALUES (3, :at, 'olena', 'cancel', "
                "'incoming', '', '', '', '', :prev, :hash)"
            ),
            {"at": DAY.isoformat() + " 10:00:00", "prev": "0" * 64, "hash": "f" * 64},
        )
    check = audit.verify(db, ADMIN)
    assert check.broken is not None and check.broken.id == 3 and check.entries == 2
    with db.read() as s:
        real = s.execute(text("SELECT hash FROM audit_entry WHERE id = 2")).scalar()
    with _behind_the_triggers(db) as s:  # now linked to the real chain, but the hash is made up
        s.execute(text("UPDATE audit_entry SET prev_hash = :p WHERE id = 3"), {"p": real})
    check = audit.verify(db, ADMIN)
    assert check.broken is not None and check.broken.id == 3
    assert "підроблено" in check.broken.reason


def test_entries_name_their_record_generically(db):
    [reg] = _register(db, 1)
    staff_uuid = uuid.uuid4()
    audit.log(db, ADMIN, audit.REFERENCE, record=("staff", staff_uuid, "Коваль О. П."))
    staff, create = audit.entries(db, ADMIN, AuditQuery())
    assert (create.record_kind, create.record_label) == ("document", f"Вх. № {reg.reg_number}")
    with db.read() as s:
        doc_uuid = s.execute(text("SELECT uuid FROM document")).scalar()
    assert str(create.record_uuid).replace("-", "") == str(doc_uuid).replace("-", "")
    assert create.document_id == reg.id and create.reg_number == reg.reg_number  # as before
    assert (staff.record_kind, staff.record_uuid, staff.record_label) == (
        "staff",
        staff_uuid,
        "Коваль О. П.",
    )
    assert audit.entries(db, ADMIN, AuditQuery(text="коваль о"))[0].id == staff.id
    assert audit.verify(db, ADMIN).ok


def test_the_hash_covers_the_new_columns(db):
    audit.log(db, ADMIN, audit.REFERENCE, record=("staff", uuid.uuid4(), "Коваль О. П."))
    with db.read() as s:
        row = s.execute(text("SELECT * FROM audit_entry")).mappings().one()
    fields = {k: v for k, v in row.items() if k not in ("prev_hash", "hash")}
    assert entry_hash(**fields, prev_hash=row["prev_hash"]) == row["hash"]
    changed = {**fields, "record_label": "Мельник І. І."}
    assert entry_hash(**changed, prev_hash=row["prev_hash"]) != row["hash"]


def test_only_those_who_may_read_the_trail_verify_it(db):
    with pytest.raises(roles.PermissionDenied):
        audit.verify(db, CLERK)


def test_on_postgresql_the_programs_role_cannot_set_the_triggers_aside(fresh_pg_url):
    """The README's server set-up: the trail belongs to `dilovod_audit`, the program's role keeps
    SELECT and INSERT; it can neither change rows nor disable, drop or replace the triggers."""
    from sqlalchemy import create_engine
    from sqlalchemy.engine import make_url

    from app.services.database import open_database

    app_role = f"dilovod_app_{uuid.uuid4().hex[:8]}"
    admin = create_engine(fresh_pg_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f"CREATE ROLE {app_role} LOGIN"))
        exists = conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = 'dilovod_audit'"))
        if exists.first() is None:
            conn.execute(text("CREATE ROLE dilovod_audit NOLOGIN"))
        conn.execute(text(f"GRANT CREATE, USAGE ON SCHEMA public TO {app_role}, dilovod_audit"))
        conn.execute(text(f"GRANT dilovod_audit TO {app_role}"))
    url = make_url(fresh_pg_url).set(username=app_role).render_as_string(hide_password=False)
    try:
        opened = open_database(url)  # init, as the program's role
        with admin.connect() as conn:
            conn.execute(text(f"REVOKE dilovod_audit FROM {app_role}"))
        db = opened.db
        with db.read() as s:
            owner = "SELECT tableowner FROM pg_tables WHERE tablename = 'audit_entry'"
            assert s.execute(text(owner)).scalar() == "dilovod_audit"
        _register(db, 2)  # appending works
        attempts = [
            "UPDATE audit_entry SET login = 'x'",
            "DELETE FROM audit_entry",
            "TRUNCATE audit_entry",
            "ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_no_change",
            "DROP TRIGGER audit_entry_no_change ON audit_entry",
            "DROP TABLE audit_entry",
            "DROP FUNCTION audit_entry_refuse() CASCADE",
            "CREATE OR REPLACE FUNCTION audit_entry_refuse() RETURNS trigger LANGUAGE plpgsql "
            "AS $$ BEGIN RETURN OLD; END $$",
            "SET ROLE dilovod_audit",
        ]
        for statement in attempts:
            with pytest.raises(DBAPIError), db.engine.begin() as conn:
                conn.execute(text(statement))
        check = audit.verify(db, ADMIN)
        assert check.ok and check.entries == 2
        db.dispose()
    finally:
        with admin.connect() as conn:
            conn.execute(text(f"REASSIGN OWNED BY {app_role} TO postgres"))
            conn.execute(text(f"DROP OWNED BY {app_role}"))
        admin.dispose()
        base = create_engine(
            make_url(fresh_pg_url).set(database="postgres"), isolation_level="AUTOCOMMIT"
        )
        with base.connect() as conn:
            conn.execute(
                text(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                    f"WHERE usename = '{app_role}'"
                )
            )
            conn.execute(text(f"DROP ROLE {app_role}"))
        base.dispose()
