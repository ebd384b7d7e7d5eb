"""Figures grouped by executive body (department) and lead executor, with totals.

The control centre and the period report both show the same shape — a department, its lead
executors under it, a line of totals — over different figures, so the shape is built once here
from the rows that the database grouped (db/queries/control_centre.py). The figures are small
frozen dataclasses of counts that add up field by field (`Figures`).

A document is counted under the department and the lead executor stored on it when the
resolution named that executor (regulation 9.5: the first executor is the lead, and answers for
the term). Documents on control without a resolution have neither, and are shown apart, never
dropped: a control nobody executes is what the clerk must see first.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, fields
from typing import Any, Generic, Literal, Self, TypeVar, cast

from app.domain.text import uk_sort_key

NO_DEPARTMENT = "Виконавчий орган не визначено"
NO_EXECUTOR = "Виконавця не призначено"

Level = Literal["all", "department", "executor"]


class Figures:
    """Mixin for frozen dataclasses of integer counts: `a + b` adds them field by field."""

    def __add__(self, other: Self) -> Self:
        names = [f.name for f in fields(cast(Any, self))]
        return cast(Any, type(self))(**{n: getattr(self, n) + getattr(other, n) for n in names})


F = TypeVar("F", bound=Figures)


@dataclass(frozen=True)
class Group:
    """Which documents a line (and a cell of it) covers.

    level "all": every document; "department": one department (id None: documents without
    one); "executor": one lead executor within one department (id None: without an executor).
    """

    level: Level = "all"
    department_id: int | None = None
    executor_id: int | None = None


ALL = Group()


@dataclass(frozen=True)
class Line(Generic[F]):
    group: Group
    name: str
    figures: F
    department: str = ""  # an executor line: the department it is counted under


@dataclass(frozen=True)
class DepartmentBlock(Generic[F]):
    line: Line[F]
    executors: tuple[Line[F], ...]


@dataclass(frozen=True)
class GroupedFigures(Generic[F]):
    departments: tuple[DepartmentBlock[F], ...]
    total: F

    def executor_lines(self) -> list[Line[F]]:
        """Every executor line, department by department (the order of the tree)."""
        return [line for block in self.departments for line in block.executors]


def _order(name: str, missing: bool) -> tuple[bool, str]:
    """Ukrainian alphabetical order; the «not set» line goes last."""
    return missing, uk_sort_key(name)


GroupRow = tuple[int | None, int | None, str, F]


def build(
    rows: Iterable[GroupRow[F]], department_names: dict[int, str], zero: F
) -> GroupedFigures[F]:
    """Departments (alphabetically) with their executors (alphabetically) and the totals.

    `rows` are (department id, lead executor id, lead executor name, figures); several rows of
    one group (one per query) are added together.
    """
    by_group: dict[tuple[int | None, int | None], tuple[str, F]] = {}
    for dept_id, executor_id, name, figures in rows:
        key = (dept_id, executor_id)
        known_name, known = by_group.get(key, ("", zero))
        by_group[key] = (known_name or name, known + figures)
    departments: dict[int | None, list[Line[F]]] = {}
    for (dept_id, executor_id), (name, figures) in by_group.items():
        dept_name = department_names.get(dept_id, NO_DEPARTMENT) if dept_id else NO_DEPARTMENT
        shown = name if executor_id is not None and name else NO_EXECUTOR
        group = Group("executor", dept_id, executor_id)
        departments.setdefault(dept_id, []).append(Line(group, shown, figures, dept_name))
    blocks = []
    for dept_id, executors in departments.items():
        executors.sort(key=lambda line: _order(line.name, line.group.executor_id is None))
        total = zero
        for line in executors:
            total = total + line.figures
        name = executors[0].department
        line = Line(Group("department", dept_id), name, total, name)
        blocks.append(DepartmentBlock(line, tuple(executors)))
    blocks.sort(key=lambda b: _order(b.line.name, b.line.group.department_id is None))
    grand = zero
    for block in blocks:
        grand = grand + block.line.figures
    return GroupedFigures(tuple(blocks), grand)
