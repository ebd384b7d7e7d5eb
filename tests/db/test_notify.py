"""Other users' changes reach a listener: NOTIFY on PostgreSQL, data_version on SQLite."""

from __future__ import annotations

from datetime import date

import pytest

from app.registers import INCOMING
from app.services import documents
from app.services.details import get_document
from db.notify import MAX_IDS, Change, ChangeListener, DataVersion
from db.session import Database, sqlite_path
from tests import factories


def test_a_write_on_one_database_object_reaches_the_listener_of_another(db):
    if db.dialect != "postgresql":
        pytest.skip("LISTEN/NOTIFY is PostgreSQL's")
    listener = ChangeListener(db.url)
    other = Database(db.url)  # another PC
    try:
        assert listener.wait(0.1) == []
        reg = factories.incoming(other, date(2026, 3, 2))
        [change] = listener.wait(5)
        assert change == Change(other.origin, (("incoming", reg.id),), False)
        detail = get_document(other, reg.id)
        documents.update_document(other, INCOMING, reg.id, {"summary": "Інше"}, detail.version)
        assert [c.documents for c in listener.wait(5)] == [(("incoming", reg.id),)]
        with pytest.raises(documents.ConflictError):  # a refused save commits nothing
            documents.update_document(other, INCOMING, reg.id, {"summary": "Ні"}, detail.version)
        assert listener.wait(0.3) == []
    finally:
        listener.close()
        other.dispose()


def test_a_big_import_says_many_changed(db):
    if db.dialect != "postgresql":
        pytest.skip("LISTEN/NOTIFY is PostgreSQL's")
    listener = ChangeListener(db.url)
    try:
        items = [
            documents.Registration(
                INCOMING.parse({"correspondent": "А", "summary": "Б"}), date(2026, 3, 2)
            )
            for _ in range(MAX_IDS + 1)
        ]
        documents.register_many(db, INCOMING, items)
        [change] = listener.wait(5)
        assert change.more and len(change.documents) == MAX_IDS
        assert change.registers == {"incoming"}
    finally:
        listener.close()


def test_sqlite_data_version_sees_another_connection_commit(db):
    path = sqlite_path(db.url)
    if path is None:
        pytest.skip("data_version is SQLite's")
    watcher = DataVersion(str(path))
    try:
        assert not watcher.changed()
        factories.incoming(db, date(2026, 3, 2))
        assert watcher.changed()
        assert not watcher.changed()
    finally:
        watcher.close()


def test_a_payload_of_another_format_means_reread_everything():
    assert Change.from_payload("not json").more
    assert Change.from_payload('{"o": "x", "d": [["outgoing", 3]]}').registers == {"outgoing"}


def test_a_change_of_the_staff_list_names_its_record_to_the_other_pcs(db):
    if db.dialect != "postgresql":
        pytest.skip("LISTEN/NOTIFY is PostgreSQL's")
    from app.registers.staff import STAFF
    from app.services import staff_register

    listener = ChangeListener(db.url)
    other = Database(db.url)
    try:
        values = STAFF.parse({"surname": "Ґонта", "given_name": "Іван", "gender": "m"})
        staff_id = staff_register.save_person(other, None, values)
        changes = listener.wait(5)
        assert ("staff", staff_id) in {r for c in changes for r in c.documents}
        assert "staff" in {register for c in changes for register in c.registers}
    finally:
        listener.close()
        other.dispose()
