"""A made-up register with fields of every kind — a detail table and a child table among them —
round-trips through save, load, the table, export, import and the journal, on both engines.

It stores its own fields in the orders' detail and child tables (a test cannot add tables to
the schema the migrations build), each field mapped by `column`; two variants, because the
correspondent and the addressees share the document's correspondent column.
"""

from __future__ import annotations

import io
from datetime import date

import pytest
from pypdf import PdfReader

from app.registers import REGISTERS, RegisterSpec
from app.registers.base import Column, Series, series_options
from app.registers.fields import Field, FieldKind
from app.services import documents, exports, imports, printouts
from app.services.details import load_document
from app.services.register_view import RegisterView, ViewQuery
from tests import factories

DAY = date(2026, 3, 5)
SERIES = (Series("a", "перша", "-а"), Series("b", "друга", "-б"))


def _spec(variant: str) -> RegisterSpec:
    who = (
        Field("correspondent", "Кореспондент", FieldKind.CORRESPONDENT, required=True)
        if variant == "correspondent"
        else Field("addressees", "Адресати", FieldKind.ADDRESSEES, required=True)
    )
    fields = (
        Field("series", "Серія", FieldKind.SERIES, options=series_options(SERIES)),
        who,
        Field("theme", "Тема", FieldKind.TEXT, required=True, column="title", max_length=300),
        Field("summary", "Зміст", FieldKind.MULTILINE, required=True),
        Field("held_on", "Дата проведення", FieldKind.DATE, column="ext_date"),
        Field("sheets", "Аркушів", FieldKind.INT),
        Field("urgent", "Терміново", FieldKind.BOOL),
        Field("kind", "Вид", FieldKind.CHOICE, choices=("чергове", "позачергове")),
        Field("case_index", "Справа", FieldKind.CASE_INDEX),
        Field("chair", "Головував", FieldKind.STAFF, column="prepared_by"),
        Field(
            "refers",
            "Стосується вх. №",
            FieldKind.DOCUMENT_REFS,
            target="incoming",
            column="executes_numbers",
        ),
        Field(
            "attendees",
            "Присутні",
            FieldKind.TABLE,
            table="order_copy",
            column="copies_text",
            columns=(
                Field("executor", "Хто", FieldKind.STAFF, required=True),
                Field("handed_date", "Коли", FieldKind.DATE),
            ),
        ),
    )
    who_column = "correspondent_name"
    return RegisterSpec(
        code="sittings",
        title="Засідання",
        journal_title="Журнал засідань",
        number_label="№",
        number_setting="number_format.sittings",
        default_number_format="{n}{suffix}",
        series=SERIES,
        fields=fields,
        columns=(
            Column("reg_number", "№", sort="number"),
            Column("reg_date", "Дата", sort="reg_date"),
            Column("series", "Серія"),
            Column(who_column, "Хто"),
            Column("title", "Тема"),
            Column("summary", "Зміст", sort="summary"),
            Column("ext_date", "Дата проведення"),
            Column("sheets", "Аркушів"),
            Column("urgent", "Терміново"),
            Column("kind", "Вид", sort="kind"),
            Column("case_index", "Справа"),
            Column("prepared_by_name", "Головував"),
            Column("executes_numbers", "Стосується вх. №"),
            Column("copies_text", "Присутні"),
        ),
        search_fields=("theme", "summary"),
        control=None,
        detail_model="OrderDetail",
        children_models=(("order_copy", "OrderCopy"),),
    )


def _raw(variant: str, incoming_number: str) -> dict[str, object]:
    raw: dict[str, object] = {
        "series": "b",
        "theme": "Про бюджет громади",
        "summary": "Розгляд проєкту бюджету на 2027 рік",
        "held_on": "04.03.2026",
        "sheets": "3",
        "urgent": True,
        "kind": "позачергове",
        "case_index": "01-12",
        "chair": "Бондар В. П.",
        "refers": incoming_number,
        "attendees": [
            {"executor": "Мельник І. І.", "handed_date": "05.03.2026"},
            {"executor": "Коваль О. П.", "handed_date": ""},
        ],
    }
    if variant == "correspondent":
        raw["correspondent"] = "Хмельницька ОДА"
    else:
        raw["addressees"] = "Хмельницька ОДА; Луцька РДА"
    return raw


def _prepare(db):
    factories.organisation(db)
    factories.staff(db)
    return factories.incoming(db, date(2026, 3, 2), "Про бюджетний процес")


@pytest.mark.parametrize("variant", ["correspondent", "addressees"])
def test_a_spec_of_every_kind_round_trips(db, tmp_path, monkeypatch, variant):
    spec = _spec(variant)
    monkeypatch.setitem(REGISTERS, spec.code, spec)
    incoming = _prepare(db)
    values = spec.parse(_raw(variant, incoming.reg_number))
    reg = documents.register_document(db, spec, values, reg_date=DAY)
    assert reg.reg_number == "1-б"

    # save → load: every field reads back as it was parsed (people as the staff list names them)
    stored = load_document(db, reg.id, spec=spec).values
    assert stored == {**values, "chair": "Бондар В. П."}

    # the table: the spec's columns, the detail and child tables' values among them
    [row] = RegisterView(db, ViewQuery(spec.code)).all_rows()
    shown = {c.key: row.display(c.key) for c in spec.columns}
    assert shown["title"] == "Про бюджет громади"
    assert shown["ext_date"] == "04.03.2026"
    assert shown["prepared_by_name"] == "Бондар В. П."
    assert shown["executes_numbers"] == incoming.reg_number
    assert shown["copies_text"] == "Мельник І. І. | 05.03.2026; Коваль О. П."
    assert shown["urgent"] == "так"

    # a search finds it by the words of a detail field
    assert RegisterView(db, ViewQuery(spec.code, search="бюджету")).count() == 1

    # export → import into a second database holding the same incoming letter
    path = tmp_path / "sittings.csv"
    assert exports.export_view(db, spec, ViewQuery(spec.code), path) == 1
    other = _second_database(tmp_path)
    try:
        _prepare(other)
        result = imports.import_file(other, spec, path)
        assert result.problems == () and result.imported == 1
        [again] = RegisterView(other, ViewQuery(spec.code)).all_rows()
        assert again.reg_number == "1-б" and again.series == "b"
        back = load_document(other, again.id, spec=spec).values
        expected = {**values, "chair": "Бондар В. П."}
        if variant == "addressees":  # the table shows names; the addresses stay in the card
            assert [a.name for a in back["addressees"]] == [a.name for a in values["addressees"]]
            back, expected = dict(back), dict(expected)
            back.pop("addressees"), expected.pop("addressees")
        assert back == expected
    finally:
        other.dispose()

    # the journal prints the detail and child values
    pdf = printouts.journal_pdf(db, spec, date(2026, 3, 1), date(2026, 3, 31))
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    flat = "".join(text.split())  # narrow columns wrap their text
    for expected_text in ("1-б", "Про бюджет громади", "Бондар В. П.", "Мельник І. І."):
        assert "".join(expected_text.split()) in flat


def _second_database(tmp_path):
    from db.migrate import upgrade
    from db.session import Database

    other = Database(tmp_path / "other.sqlite")
    upgrade(other.engine)
    return other


def test_changing_the_child_rows_leaves_tombstones_of_removed_rows(sqlite_db, monkeypatch):
    from sqlalchemy import text

    spec = _spec("correspondent")
    monkeypatch.setitem(REGISTERS, spec.code, spec)
    incoming = _prepare(sqlite_db)
    values = spec.parse(_raw("correspondent", incoming.reg_number))
    reg = documents.register_document(sqlite_db, spec, values, reg_date=DAY)
    fewer = spec.parse({**_raw("correspondent", incoming.reg_number), "attendees": []})
    documents.update_document(sqlite_db, spec, reg.id, {"attendees": fewer["attendees"]}, 1)
    with sqlite_db.read() as s:
        graves = s.execute(text("SELECT table_name FROM tombstone")).scalars().all()
        usn = s.execute(text("SELECT usn FROM document WHERE id = :i"), {"i": reg.id}).scalar()
    assert graves == ["order_copy", "order_copy"]
    assert usn and usn > 0
