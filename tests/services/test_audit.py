"""An audit entry for each kind of action, with who, when and what changed; append-only."""

from __future__ import annotations

import ast
import inspect
import json
import re
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest

from app.domain import roles
from app.domain.correspondence import Addressee
from app.domain.roles import Actor, PermissionDenied
from app.registers import INCOMING, OUTGOING
from app.services import audit, control, documents, mail_printouts, outgoing, printouts, users
from app.services.audit import AuditQuery
from app.services.details import get_document
from app.services.exports import export_register
from app.services.users import LoginFailed
from db.base import utcnow
from tests import factories

DAY = date.today() - timedelta(days=3)
CLERK = Actor("olena", frozenset({roles.CLERK}))
ADMIN = Actor("admin", frozenset({roles.ADMINISTRATOR}))


def trail(db, **filters):
    return audit.entries(db, ADMIN, AuditQuery(**filters))


def register(db, summary="Про дороги"):
    values = INCOMING.parse({"correspondent": "Луцька РДА", "summary": summary})
    return documents.register_many(db, INCOMING, [documents.Registration(values, DAY)], CLERK)[0]


def test_creation_change_and_cancellation(db):
    before = utcnow()
    reg = register(db)
    values = INCOMING.parse({"correspondent": "Рівненська ОДА", "summary": "Про мости"})
    documents.update_document(db, INCOMING, reg.id, values, 1, user=CLERK)
    documents.cancel_document(db, reg.id, "Зареєстровано помилково", user=CLERK)
    cancel, update, create = trail(db, document_id=reg.id)
    assert [create.action, update.action, cancel.action] == ["create", "update", "cancel"]
    assert {e.login for e in (create, update, cancel)} == {"olena"}
    assert create.reg_number == reg.reg_number and create.register == "incoming"
    assert before <= create.at <= utcnow()
    changed = json.loads(update.details)
    assert changed["Кореспондент"] == ["Луцька РДА", "Рівненська ОДА"]
    assert changed["Короткий зміст"] == ["Про дороги", "Про мости"]
    assert len(changed) == 2  # unchanged fields are not listed
    assert json.loads(cancel.details) == {"причина": "Зареєстровано помилково"}


def test_control_and_removal_from_control(db):
    reg = register(db)
    control.put_on_control(db, reg.id, user=CLERK)
    control.remove_from_control(db, reg.id, "Лист № 45", date.today(), "Кравчук", user=CLERK)
    removed = trail(db, action="remove_control")
    assert [(e.document_id, e.login) for e in removed] == [(reg.id, "olena")]
    assert json.loads(removed[0].details)["підстава"] == "Лист № 45"
    assert [e.action for e in trail(db, document_id=reg.id)][:2] == ["remove_control", "control"]


def test_sending(db):
    reg = factories.outgoing(db, DAY)
    outgoing.mark_sent(db, reg.id, date.today(), "Пошта", send_anyway=True, user=CLERK)
    (sent,) = trail(db, action="send")
    assert sent.register == "outgoing" and json.loads(sent.details)["спосіб"] == "Пошта"


def test_prints_and_exports(db, tmp_path):
    factories.organisation(db)
    reg = register(db)
    address = Addressee("Хмельницька ОДА", "майдан Незалежності, 2, м. Хмельницький", "29000")
    out = factories.outgoing(db, DAY, addressees=[address])
    printouts.print_document(db, "stamp_pdf", reg.id, user=CLERK)
    printouts.journal_pdf(db, INCOMING, DAY, date.today(), user=CLERK)
    mail_printouts.batch_labels_pdf(db, [out.id], user=CLERK)
    export_register(db, OUTGOING, tmp_path / "out.xlsx", user=CLERK)
    prints = trail(db, action="print")
    assert [(e.register, e.document_id) for e in prints] == [
        ("outgoing", None),
        ("incoming", None),
        ("incoming", reg.id),
    ]
    (exported,) = trail(db, action="export", login="olena")
    assert exported.register == "outgoing"
    assert json.loads(exported.details)["файл"] == "out.xlsx"


def test_logins_and_failures(db):
    users.create_user(db, "ivan", "секрет-0001", [roles.READER], user="admin")
    users.authenticate(db, "ivan", "секрет-0001")
    with pytest.raises(LoginFailed):
        users.authenticate(db, "ivan", "не-той")
    with pytest.raises(LoginFailed):
        users.authenticate(db, "ghost", "не-той")
    assert [e.login for e in trail(db, action="login")] == ["ivan"]
    failed = trail(db, action="login_failed")
    assert [(e.login, e.details) for e in failed] == [
        ("ghost", "невідомий користувач"),
        ("ivan", "неправильний пароль"),
    ]


def test_opening_a_card_is_recorded_only_for_personal_data(db):
    reg = register(db)
    assert not audit.record_open(db, CLERK, INCOMING, reg.id)
    personal = replace(INCOMING, personal_data=True)
    assert audit.record_open(db, CLERK, personal, reg.id)
    (opened,) = trail(db, action="open")
    assert (opened.login, opened.document_id) == ("olena", reg.id)
    with pytest.raises(PermissionDenied):
        audit.record_open(db, Actor("hr", frozenset({roles.HR})), personal, reg.id)


def test_filters_by_period_and_export(db, tmp_path):
    register(db)
    assert len(trail(db, date_from=date.today(), date_to=date.today())) == 1
    assert trail(db, date_to=date.today() - timedelta(days=1)) == []
    assert audit.export_entries(db, ADMIN, AuditQuery(), str(tmp_path / "a.csv")) == 1
    text = (tmp_path / "a.csv").read_text(encoding="utf-8-sig")
    assert "Реєстрація" in text and "olena" in text
    assert audit.logins(db) == ["olena"]


def test_only_those_allowed_see_the_trail(db):
    with pytest.raises(PermissionDenied, match="журнал дій"):
        audit.entries(db, CLERK, AuditQuery())


def test_the_program_offers_no_way_to_change_or_remove_an_entry():
    """The audit module only inserts: no UPDATE/DELETE statement, no such public function."""
    tree = ast.parse(inspect.getsource(audit))
    called = {
        node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
    }
    assert not called & {"delete", "update", "execute_update", "merge"}
    public = {
        n
        for n, f in inspect.getmembers(audit, inspect.isfunction)
        if f.__module__ == audit.__name__
    }
    assert not {n for n in public if any(w in n for w in ("delete", "remove", "update", "edit"))}


def test_pages_follow_each_other_without_gaps_or_repeats(db):
    for i in range(7):
        register(db, f"Лист {i}")
    first = trail(db, limit=3)
    second = trail(db, limit=3, before=first[-1].cursor)
    rest = trail(db, limit=3, before=second[-1].cursor)
    ids = [r.id for r in first + second + rest]
    assert ids == [r.id for r in trail(db)] and len(ids) == 7


def test_text_is_found_in_any_case_and_across_pages(db, monkeypatch):
    monkeypatch.setattr(audit, "SCAN_BATCH", 2)
    register(db, "Про дороги")
    users.create_user(db, "petro", "пароль-1", [roles.READER], "Петро", user=ADMIN)
    for i in range(5):
        register(db, f"Лист {i}")
    assert [r.action for r in trail(db, text="СТВОРЕНО: PETRO")] == [audit.USERS]
    assert len(trail(db, text="реєстрація", limit=4)) == 4


def test_details_read_as_old_to_new(db):
    two = [roles.CLERK, roles.HR]
    users.create_user(db, "petro", "пароль-1", two, "Петро", user=ADMIN)
    info = users.list_users(db)[0]
    users.update_user(db, info.id, [roles.HR], "Петро Коваль", user=ADMIN)
    changed, created = trail(db)
    assert created.details_text == "ролі: Загальний відділ, Кадрова служба; створено: petro"
    assert changed.details_text == (
        "ПІБ: Петро → Петро Коваль; користувач: petro; "
        "ролі: Загальний відділ, Кадрова служба → Кадрова служба"
    )


def test_a_moment_window_in_utc(db):
    register(db)
    now = utcnow()
    assert len(trail(db, since=now - timedelta(minutes=5), until=now + timedelta(minutes=5))) == 1
    assert trail(db, since=now + timedelta(minutes=5)) == []


def test_a_changed_address_is_recorded_as_the_conflict_message_shows_it(db):
    """The audit entry and the edit conflict read one diff: a postal code that changed is a
    change in both, written the same way (name and address)."""
    old = Addressee("Сільрада", "вул. Миру, 1", "29000")
    reg = factories.outgoing(db, DAY, addressees=[old])
    opened = get_document(db, reg.id)
    moved = Addressee("Сільрада", "вул. Миру, 1", "29001")
    new = OUTGOING.parse({**opened.values, "addressees": [moved]})
    documents.update_document(db, OUTGOING, reg.id, new, opened.version, user=CLERK)
    (update,) = trail(db, action="update")
    assert json.loads(update.details) == {
        "Адресати": ["Сільрада (вул. Миру, 1, 29000)", "Сільрада (вул. Миру, 1, 29001)"]
    }
    with pytest.raises(documents.ConflictError) as caught:
        documents.update_document(
            db, OUTGOING, reg.id, opened.values, opened.version, opened=opened.values
        )
    [change] = caught.value.changes
    assert json.loads(update.details)[change.label] == [change.before, change.after]


ROOT = Path(__file__).resolve().parents[2]
# Where the trail's model may be named at all: its declaration and the module that appends.
MAY_NAME_THE_MODEL = {"db/models/users.py", "db/models/__init__.py", "app/services/audit.py"}
# The one migration that fills the columns it adds to existing entries (and seals them into the
# hash chain) before its triggers make every entry unchangeable.
MAY_FILL_NEW_COLUMNS = {"db/migrations/versions/0004_hardening.py"}
REWRITES = re.compile(
    r"\b(update|delete)\s*\(\s*AuditEntry\b"  # SQLAlchemy update()/delete() of the model
    r"|\b(update|delete\s+from|truncate(\s+table)?|drop\s+table)\s+[\"'`]?audit_entry\b"  # SQL
    r"|\b(drop_table|alter_column|drop_column|bulk_update)\s*\(\s*[\"']audit_entry\b",  # Alembic
    re.IGNORECASE,
)


def test_nothing_in_app_or_db_updates_or_deletes_an_entry():
    """A grep of the whole program: no SQL or Alembic call rewrites `audit_entry`, and no module
    but the audit service (checked above) touches the model, so no ORM change of a row either."""
    sources = sorted(p for top in ("app", "db") for p in (ROOT / top).rglob("*.py"))
    assert len(sources) > 50  # the walk really read the trees
    rewrites, naming = [], []
    for path in sources:
        name, text = path.relative_to(ROOT).as_posix(), path.read_text(encoding="utf-8")
        if name not in MAY_FILL_NEW_COLUMNS:
            rewrites += [f"{name}: {m.group(0)}" for m in REWRITES.finditer(text)]
        if re.search(r"\bAuditEntry\b", text) and name not in MAY_NAME_THE_MODEL:
            naming.append(name)
    assert rewrites == [] and naming == []


def test_the_grep_would_see_a_rewrite():
    for line in (
        "s.execute(delete(AuditEntry).where(AuditEntry.id == 1))",
        "s.execute(update(AuditEntry).values(details=''))",
        's.execute(text("UPDATE audit_entry SET login = :x"))',
        's.execute(text("delete from audit_entry"))',
        'op.drop_table("audit_entry")',
    ):
        assert REWRITES.search(line), line
    assert not REWRITES.search('op.create_table("audit_entry", sa.Column("id"))')
