"""The control centre's overview and cells on a data set whose answers are known."""

from __future__ import annotations

from datetime import date

import pytest

from app.domain.deadlines import ControlState
from app.reports.grouping import ALL, NO_DEPARTMENT, NO_EXECUTOR, Group
from app.services.control_centre import (
    CentreState,
    ControlCounts,
    cell_documents,
    overview,
)
from tests import control_data
from tests.control_data import TODAY


@pytest.fixture
def known(db):
    return control_data.build(db)


def test_overview_counts_every_state_by_department_and_executor(db, known):
    result = overview(db, TODAY)
    assert result.soon_limit == date(2026, 3, 23)
    assert result.month_start == date(2026, 3, 1)
    # open: 1 2 3 4 9 10 12; overdue 1 9 12; today 2; soon 2 3 10; done 5 11; late 6 14
    assert result.totals == ControlCounts(
        overdue=3, due_today=1, due_soon=3, on_control=7, done=2, done_late=2
    )
    names = [(b.line.name, [e.name for e in b.executors]) for b in result.figures.departments]
    assert names == [
        ("Загальний відділ", ["Мельник І. І."]),
        ("Управління праці", ["Коваль О. П."]),
        (NO_DEPARTMENT, [NO_EXECUTOR]),
    ]
    general, labour, nobody = result.figures.departments
    assert general.executors[0].figures == ControlCounts(1, 1, 2, 4, 1, 1)
    assert general.line.figures == general.executors[0].figures
    assert labour.line.figures == ControlCounts(1, 0, 1, 2, 1, 1)
    assert nobody.line.figures == ControlCounts(overdue=1, on_control=1)
    assert labour.line.group == Group("department", known.department("koval"))
    assert labour.executors[0].group == Group(
        "executor", known.department("koval"), known.people["koval"].id
    )
    assert labour.executors[0].department == "Управління праці"


def test_a_day_later_the_states_move(db, known):
    # Thursday 19.03: document 2 (term 18.03) is overdue now; nothing is due that day.
    totals = overview(db, date(2026, 3, 19)).totals
    assert (totals.overdue, totals.due_today, totals.due_soon) == (4, 0, 2)
    # In April the March removals are last month's.
    april = overview(db, date(2026, 4, 1)).totals
    assert (april.done, april.done_late, april.on_control) == (0, 0, 7)


def test_cells_list_their_documents(db, known):
    melnyk = overview(db, TODAY).figures.departments[0].executors[0].group
    cell = cell_documents(db, melnyk, CentreState.OVERDUE, TODAY)
    assert (cell.total, known.numbers(d.id for d in cell.documents)) == (1, [1])
    doc = cell.documents[0]
    assert (doc.register, doc.register_title, doc.executor) == (
        "incoming",
        "Вхідні",
        "Мельник І. І.",
    )
    assert (doc.due_date, doc.state, doc.correspondent) == (
        date(2026, 3, 10),
        ControlState.OVERDUE,
        "Орган 1",
    )
    general = Group("department", known.department("melnyk"))
    soon = cell_documents(db, general, CentreState.DUE_SOON, TODAY)
    assert known.numbers(d.id for d in soon.documents) == [2, 3]  # by term
    late = cell_documents(db, ALL, CentreState.DONE_LATE, TODAY)
    assert known.numbers(d.id for d in late.documents) == [6, 14]  # latest done first
    assert late.documents[0].state is ControlState.DONE_LATE
    nobody = Group("executor", None, None)
    assert known.numbers(d.id for d in cell_documents(db, nobody, today=TODAY).documents) == [12]
    no_dept = Group("department", None)
    assert cell_documents(db, no_dept, CentreState.OVERDUE, TODAY).total == 1


def test_a_cell_lists_at_most_the_limit_but_counts_all(db, known):
    cell = cell_documents(db, ALL, CentreState.ON_CONTROL, TODAY, limit=3)
    assert cell.total == 7
    assert known.numbers(d.id for d in cell.documents) == [1, 12, 9]  # the most urgent


def test_an_empty_database_has_an_empty_overview(db):
    result = overview(db, TODAY)
    assert result.figures.departments == ()
    assert result.totals == ControlCounts()
    assert cell_documents(db, ALL, CentreState.OVERDUE, TODAY).documents == ()


def test_labels_name_every_state():
    assert [s.label for s in CentreState] == [
        "Прострочено",
        "Термін сьогодні",
        "Термін ≤ 3 роб. дні",
        "На контролі",
        "Виконано вчасно",
        "Із запізненням",
    ]
