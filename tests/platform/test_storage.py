"""The register platform resolves every field, column, sort and filter of every spec to its
storage: a field a spec declares can never be dropped silently on save."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from app.registers import REGISTERS, RegisterSpec
from app.registers.base import Column, Filter
from app.registers.fields import Field, FieldKind
from app.services import documents
from app.services.field_storage import STORAGE, storage_problems
from app.services.register_view import RegisterView, ViewQuery


@pytest.mark.parametrize("code", sorted(REGISTERS))
def test_every_field_column_sort_and_filter_of_every_spec_resolves_to_storage(code):
    assert storage_problems(REGISTERS[code]) == []


def test_every_field_kind_has_a_storage():
    assert set(STORAGE) == set(FieldKind)


def _made_up(**changes) -> RegisterSpec:
    base = RegisterSpec(
        code="meetings",
        title="Засідання",
        journal_title="Журнал засідань",
        number_label="№",
        number_setting="number_format.meetings",
        default_number_format="{n}",
        fields=(Field("summary", "Зміст", FieldKind.MULTILINE, required=True),),
        columns=(Column("reg_number", "№", sort="number"),),
        control=None,
    )
    return replace(base, **changes)


def test_a_field_with_no_column_is_reported_not_dropped():
    """The silent drop seen before the platform: Field("meeting_date", DATE) on a spec whose
    storage has no such column was accepted and lost on save."""
    spec = _made_up(fields=(Field("meeting_date", "Дата засідання", FieldKind.DATE),))
    assert storage_problems(spec) == ["поле meeting_date: немає стовпця meeting_date"]


def test_columns_sorts_and_filters_that_name_nothing_are_reported():
    spec = _made_up(
        columns=(Column("venue", "Місце"), Column("reg_number", "№", sort="nowhere")),
        filters=(Filter("hall", "Зала", "hall_id", ()),),
    )
    assert storage_problems(spec) == [
        "стовпець таблиці venue: немає в базі",
        "сортування nowhere: невідоме",
        "фільтр hall: немає стовпця hall_id",
    ]


def test_registering_on_a_spec_with_an_unresolved_field_stores_nothing(db):
    spec = _made_up(
        fields=(
            Field("summary", "Зміст", FieldKind.MULTILINE, required=True),
            Field("meeting_date", "Дата засідання", FieldKind.DATE),
        )
    )
    values = spec.parse({"summary": "Про бюджет", "meeting_date": "05.03.2026"})
    with pytest.raises(LookupError, match="meeting_date"):
        documents.register_document(db, spec, values, reg_date=date(2026, 3, 5))
    assert RegisterView(db, ViewQuery("meetings")).count() == 0
