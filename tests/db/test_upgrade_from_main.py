"""A database made by the program before the register platform (schema 0003: the release with
incoming and outgoing correspondence, users and the audit trail), filled by its own demo,
upgrades with nothing lost: every document, resolution, control entry, addressee and answer
link stays, search still finds them, numbering continues, and the new columns take their
defaults. The file in tests/data was made by `python -m app demo` of that release."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

from sqlalchemy import text

from app.registers import INCOMING, ORDERS, OUTGOING
from app.services import documents
from app.services.register_view import RegisterView, ViewQuery
from db.migrate import current_revision, head_revision, upgrade
from db.session import Database

OLD = Path(__file__).parent.parent / "data" / "main-0003.sqlite"
TABLES = (
    "document",
    "resolution",
    "resolution_executor",
    "control_event",
    "addressee",
    "document_link",
    "correspondent",
    "staff",
    "department",
    "case_file",
    "audit_entry",
)


def _counts(db: Database) -> dict[str, int]:
    with db.read() as s:
        return {t: int(s.execute(text(f"SELECT count(*) FROM {t}")).scalar_one()) for t in TABLES}


def test_a_database_of_the_previous_release_upgrades_with_nothing_lost(tmp_path):
    path = tmp_path / "dilovod.sqlite"
    shutil.copy(OLD, path)
    old = Database(path)
    assert current_revision(old.engine) == "0003"
    before = _counts(old)
    with old.read() as s:
        numbers = s.execute(text("SELECT id, reg_number FROM document ORDER BY id")).all()
        last_incoming = s.execute(
            text("SELECT max(seq) FROM document WHERE register = 'incoming' AND year = 2026")
        ).scalar_one()
    old.dispose()

    db = Database(path)
    assert upgrade(db.engine) is not None  # a copy set aside first
    assert current_revision(db.engine) == head_revision()
    assert _counts(db) == before
    with db.read() as s:
        assert s.execute(text("SELECT id, reg_number FROM document ORDER BY id")).all() == numbers
        assert s.execute(text("SELECT DISTINCT series FROM document")).scalars().all() == [""]
        relations = s.execute(text("SELECT DISTINCT relation FROM document_link")).scalars()
        assert list(relations) == ["reply_to"]
        assert s.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert s.execute(text("PRAGMA foreign_key_check")).first() is None
        assert s.execute(text("PRAGMA integrity_check")).scalar() == "ok"

    # search still finds the documents (the full-text triggers and index were rebuilt)
    [first] = RegisterView(db, ViewQuery("incoming", sort="number", descending=False)).page(0, 1)
    word = max(first.summary.split(), key=len)
    found = RegisterView(db, ViewQuery("incoming", search=word)).all_rows()
    assert first.id in {r.id for r in found}
    assert RegisterView(db, ViewQuery("outgoing")).count() == before["document"] - sum(
        1 for _ in RegisterView(db, ViewQuery("incoming")).ids()
    )

    # numbering continues; a new letter is found by search at once; orders start at 1
    values = INCOMING.parse({"correspondent": "Луцька РДА", "summary": "Про пасіки громади"})
    reg = documents.register_document(db, INCOMING, values, reg_date=date(2026, 12, 2))
    assert reg.seq == last_incoming + 1
    assert [r.id for r in RegisterView(db, ViewQuery("incoming", search="пасіки")).all_rows()] == [
        reg.id
    ]
    answer = OUTGOING.parse(
        {"addressees": "Луцька РДА", "summary": "Відповідь", "reply_to": reg.reg_number}
    )
    documents.register_document(db, OUTGOING, answer, reg_date=date(2026, 12, 2))
    order = ORDERS.parse({"series": "personnel", "title": "Про відпустку"})
    assert documents.register_document(db, ORDERS, order, reg_date=date(2026, 12, 2)).seq == 1
    db.dispose()
