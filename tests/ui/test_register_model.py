"""The paged register model: Qt's model checks, colours, sorting and filtering in SQL."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush

from app.registers import INCOMING
from app.services import control
from app.services.register_view import ViewQuery
from tests import factories
from ui.models.register_model import PAGE_SIZE, RegisterModel


def _model(qtbot, db) -> RegisterModel:
    model = RegisterModel(db, INCOMING)
    with qtbot.waitSignal(model.loaded, timeout=5000):
        model.refresh()
    return model


def test_model_passes_qt_model_checks(qtbot, qtmodeltester, filled_db):
    model = _model(qtbot, filled_db)
    assert model.rowCount() == 300
    qtmodeltester.check(model)


def test_rows_are_paged_and_the_last_row_is_cheap(qtbot, filled_db):
    model = _model(qtbot, filled_db)
    last = model.index(299, 0).data()
    assert last == model.row_data(299).reg_number
    # newest first: the last row is the first letter registered
    assert model.row_data(299).reg_date == date.today() - timedelta(days=150)
    assert len(model._pages) <= 2
    assert model.row_data(PAGE_SIZE).id != model.row_data(PAGE_SIZE - 1).id


def test_overdue_row_is_red_and_urgent_number_bold(qtbot, filled_db):
    old = factories.incoming(filled_db, date.today() - timedelta(days=60), "Про старе", urgent=True)
    control.put_on_control(filled_db, old.id, term=date.today() - timedelta(days=5))
    model = _model(qtbot, filled_db)
    row = model.row_of(old.id)
    if row is None:
        model.locate(old.id, lambda r: None)
        qtbot.waitUntil(lambda: model.row_of(old.id) is not None)
        row = model.row_of(old.id)
    brush = model.index(row, 3).data(Qt.ItemDataRole.BackgroundRole)
    assert isinstance(brush, QBrush) and brush.color().name() == "#f8d7da"
    assert model.index(row, 0).data(Qt.ItemDataRole.FontRole).bold()
    assert "Прострочено" in model.index(row, 0).data(Qt.ItemDataRole.ToolTipRole)


def test_sort_and_state_filter_run_in_sql(qtbot, filled_db):
    model = _model(qtbot, filled_db)
    column = [c.key for c in INCOMING.columns].index("correspondent_name")
    with qtbot.waitSignal(model.loaded):
        model.sort(column, Qt.SortOrder.AscendingOrder)
    names = [model.row_data(r).correspondent_name for r in range(40)]
    assert names[0] == "Кореспондент № 0" and names == sorted(names, key=lambda n: int(n[15:]))
    not_sortable = [c.sort for c in INCOMING.columns].index(None)
    model.sort(not_sortable)
    assert model.query.sort == "correspondent"
    with qtbot.waitSignal(model.loaded):
        model.set_query(ViewQuery(INCOMING.code, state="overdue"))
    assert model.rowCount() == 0


def test_paging_through_keeps_a_bounded_cache_of_correct_rows(qtbot, filled_db, monkeypatch):
    from ui.models import register_model

    monkeypatch.setattr(register_model, "PAGE_SIZE", 7)  # 300 rows: 43 pages, 3 kept
    monkeypatch.setattr(register_model, "MAX_PAGES", 3)
    model = _model(qtbot, filled_db)
    expected = [r.id for r in model.make_source(model.query, "").all_rows()]
    assert len(expected) == 300
    for row in range(300):  # the clerk pages down to the end …
        assert model.row_data(row).id == expected[row]
        assert len(model._pages) <= 3
    assert sorted(model._pages) == [40, 41, 42]  # … the last pages stay, the first were dropped
    for row in (0, 150, 299, 6, 7, 298):  # read again after eviction: still the right rows
        assert model.row_data(row).id == expected[row]
        assert len(model._pages) <= 3
    assert model.row_of(expected[0]) == 0  # found on a page read again


def test_the_id_vector_is_packed_and_pages_read_by_it_are_right(qtbot, filled_db, monkeypatch):
    from array import array

    from ui.models import register_model

    monkeypatch.setattr(register_model, "PAGE_SIZE", 7)
    monkeypatch.setattr(register_model, "MAX_PAGES", 3)
    model = _model(qtbot, filled_db)
    expected = [r.id for r in model.make_source(model.query, "").all_rows()]
    found: list[int | None] = []
    model.locate(expected[250], found.append)  # not on the first page: the id vector is read
    qtbot.waitUntil(lambda: bool(found))
    assert found == [250]
    assert isinstance(model._ids, array) and model._ids.itemsize == 8
    assert model._ids.tolist() == expected
    model._pages.clear()
    for row in (0, 150, 299, 6, 7):  # pages now read by key from the vector
        assert model.row_data(row).id == expected[row]
    assert model.row_of(expected[123]) == 123  # by the vector, its page not cached
