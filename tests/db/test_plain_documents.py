"""The first screen in plain SQL (db/queries/plain_documents.py) is the first page SQLAlchemy
reads: for every document register, every sort a clerk can click and both directions, the
same count and the same rows with the same values in the same order — so the pages after it,
read through SQLAlchemy, continue it (issue 10: the window shows its first screen before
SQLAlchemy is loaded)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from app.domain import roles
from app.domain.roles import Actor
from app.registers import REGISTERS
from app.services.demo import fill_demo
from app.services.register_view import FirstScreenView, RegisterView, ViewQuery
from db.queries.plain_documents import detail_table
from db.session import Database

TODAY = date(2026, 3, 16)


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory, sqlite_template: Path) -> Iterator[Path]:
    """Every register filled by the demo (150 letters, a year of orders, decisions, appeals)."""
    path = tmp_path_factory.mktemp("plain") / "demo.sqlite"
    shutil.copy(sqlite_template, path)
    db = Database(path)
    fill_demo(db, documents_count=150, years=1, seed=5, today=TODAY)
    db.dispose()
    yield path


def _views(code: str) -> list[ViewQuery]:
    sorts = [c.sort for c in REGISTERS[code].columns if c.sort]
    return [
        ViewQuery(code, sort=sort, descending=descending)
        for sort in dict.fromkeys(["reg_date", *sorts])
        for descending in (True, False)
    ]


def _typed(rows: list) -> list:  # type: ignore[type-arg]
    return [{k: type(v) for k, v in r.values.items()} for r in rows]


def _may_be_plain(code: str, sort: str) -> bool:
    """A sort SQLAlchemy reads in one part (its first column never empty) is read plain too."""
    from db.queries import documents as q

    keys = q.sort_columns(REGISTERS[code].detail, sort) or q.SORTS[q.DEFAULT_SORT]
    return not q._nullable(keys[0])


@pytest.mark.parametrize("code", sorted(REGISTERS))
def test_the_plain_first_page_is_sqlalchemys_first_page(demo_file: Path, code: str) -> None:
    db = Database(demo_file)
    plain_views = 0
    for view in _views(code):
        quick = FirstScreenView(db, view, today=TODAY, first_rows=60)
        usual = RegisterView(db, view, today=TODAY)
        total = usual.count()
        assert total > 0, code  # the demo fills every register
        assert quick.count() == total, view
        first = quick.page(0, 60, total)
        assert first == usual.page(0, 60, total), view
        assert _typed(first) == _typed(usual.page(0, 60, total)), view  # True is not 1
        assert quick.page(60, 60, total) == usual.page(60, 60, total), view  # the next, as usual
        if quick._first is not None:
            plain_views += 1
        elif _may_be_plain(code, view.sort):
            raise AssertionError(f"{view} was not read in plain SQL")
    assert plain_views, code
    db.dispose()


def test_a_filtered_view_is_not_plain(demo_file: Path) -> None:
    db = Database(demo_file)
    for view in (
        ViewQuery("incoming", search="Шепетівка"),
        ViewQuery("incoming", state="overdue"),
        ViewQuery("incoming", date_from=date(2026, 1, 1)),
    ):
        quick = FirstScreenView(db, view, today=TODAY)
        assert quick._first is None
        usual = RegisterView(db, view, today=TODAY)
        assert quick.page(0, 30) == usual.page(0, 30)
    db.dispose()


def test_a_user_of_some_series_sees_only_those_on_the_first_screen(demo_file: Path) -> None:
    """Orders: an HR officer reads the personnel orders, not the mayor's main ones."""
    spec = REGISTERS["orders"]
    hr_series = [s for s in spec.series if s.permission]
    assert hr_series, "the orders' register has series read by other rights"
    officer = Actor("hr", frozenset({roles.HR}), "Кадровик")
    db = Database(demo_file)
    view = ViewQuery("orders")
    quick = FirstScreenView(db, view, today=TODAY, user=officer)
    usual = RegisterView(db, view, today=TODAY, user=officer)
    assert quick._first is not None
    rows = quick.page(0, 200, quick.count())
    assert rows == usual.page(0, 200, usual.count())
    assert rows and {r.series for r in rows} <= {s.code for s in hr_series}
    db.dispose()


def test_detail_tables_are_named_as_the_models_name_them() -> None:
    from db.models import load_all

    load_all()
    from db.base import Base

    tables = {m.class_.__name__: m.local_table.name for m in Base.registry.mappers}
    for spec in REGISTERS.values():
        if spec.detail_model:
            assert detail_table(spec.detail_model) == tables[spec.detail_model]
