"""Reminder sheets (нагадування): each lead executor's open documents due within N working days.

The general department hands each executor a sheet listing the documents whose term ends within
the next N working days, the overdue ones included (they are the most urgent), so that reports
reach the department before the term (regulation 11.6) and an extension is asked for in time
(9.12: at least 3 days before the term). One sheet per executor, in the order of departments
and names, so the batch can be handed out department by department. The executor is addressed in
the dative case («Мельнику І. І.», «Коваль О. П.»), as resolutions name executors (9.5).

Documents on control without a lead executor cannot be reminded of: they are counted apart
(`without_executor`) so the clerk knows to give them a resolution.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from app.domain.deadlines import ControlState, ControlThresholds
from app.domain.names import signature_form
from app.domain.roles import Actor
from app.domain.text import uk_sort_key
from app.services.access import control_scope
from app.services.calendar import load_calendar
from app.services.control_centre import CellDocument, cell_document
from app.services.organisation import get_organisation
from app.services.reference import list_departments, list_staff
from db.queries import control_centre as q
from db.session import Database

if TYPE_CHECKING:
    from app.printing.control_centre_data import RemindersData

#: More than this many working days ahead is a plan, not a reminder.
MAX_DAYS = 60


class ReminderError(ValueError):
    """Reminders that cannot be made, with a Ukrainian message."""


@dataclass(frozen=True)
class ReminderSheet:
    executor_id: int
    executor: str  # «Коваль О. П.»
    addressee: str  # «Коваль О. П.», «Мельнику І. І.»
    department: str  # the line under the name: the department, else the position, else ""
    documents: tuple[CellDocument, ...]

    @property
    def overdue(self) -> int:
        return sum(1 for d in self.documents if d.state is ControlState.OVERDUE)


@dataclass(frozen=True)
class Reminders:
    today: date
    days: int
    limit_date: date
    organisation: str
    sheets: tuple[ReminderSheet, ...]
    without_executor: int
    signatory: tuple[str, str] = ("", "")  # who signs the sheets, as on the довідка

    @property
    def documents(self) -> int:
        return sum(len(sheet.documents) for sheet in self.sheets)


def reminders(
    db: Database, days: int, today: date | None = None, *, user: str | Actor = ""
) -> Reminders:
    """The sheets for terms up to `days` working days after `today` (0: overdue and today),
    of the registers `user` may read (whoever hands them out sees what is on them)."""
    if not 0 <= days <= MAX_DAYS:
        raise ReminderError(f"Кількість робочих днів має бути від 0 до {MAX_DAYS}")
    calendar = load_calendar(db)
    day = today or date.today()
    thresholds = ControlThresholds.for_day(day, calendar)
    limit = calendar.add_working_days(day, days) if days else day
    with db.read() as s:
        rows = q.reminder_rows(s, limit, control_scope(user))
    staff = {info.id: info for info in list_staff(db)}
    departments = {d.id: d.name for d in list_departments(db)}
    by_executor: dict[int, list[CellDocument]] = {}
    without = 0
    for row in rows:
        if row.lead_executor_id is None or row.lead_executor_id not in staff:
            without += 1
            continue
        by_executor.setdefault(row.lead_executor_id, []).append(cell_document(row, thresholds))
    sheets = []
    for executor_id, documents in by_executor.items():
        info = staff[executor_id]
        # The line under the name: the department, else (a deputy mayor, who heads none) the
        # position; nothing when neither is known.
        dept = departments.get(info.department_id or 0, "")
        where = dept or info.position.strip()
        sheet = ReminderSheet(executor_id, info.short, info.dative, where, tuple(documents))
        sheets.append(sheet)
    # Department by department (as the batch is handed out), then those without one.
    sheets.sort(
        key=lambda sh: (
            staff[sh.executor_id].department_id not in departments,
            uk_sort_key(sh.department),
            uk_sort_key(sh.executor),
        )
    )
    org = get_organisation(db)
    signatory = (org.manager_position, signature_form(org.manager_name)) if org else ("", "")
    organisation = org.full_name if org else ""
    return Reminders(day, days, limit, organisation, tuple(sheets), without, signatory)


def reminders_pdf(result: Reminders) -> bytes:
    """The batch of sheets as PDF bytes (reportlab is imported only now)."""
    from app.printing.reminders import print_reminders

    buffer = io.BytesIO()
    print_reminders(printable(result), buffer)
    return buffer.getvalue()


def printable(result: Reminders) -> RemindersData:
    from app.printing.control_centre_data import ReminderLine, RemindersData, ReminderSheetData

    return RemindersData(
        organisation=result.organisation,
        as_of=result.today,
        limit_date=result.limit_date,
        signatory_position=result.signatory[0],
        signatory_name=result.signatory[1],
        sheets=[
            ReminderSheetData(
                executor=sheet.executor,
                addressee=sheet.addressee,
                department=sheet.department,
                lines=[
                    ReminderLine(
                        register=_number_prefix(d.register, d.register_title),
                        number=d.reg_number,
                        reg_date=d.reg_date,
                        correspondent=d.correspondent,
                        summary=d.summary,
                        due_date=d.due_date,
                        term=d.term_text,
                        state=d.state_label,
                        overdue=d.state is ControlState.OVERDUE,
                    )
                    for d in sheet.documents
                ],
            )
            for sheet in result.sheets
        ],
    )


def _number_prefix(register: str, title: str) -> str:
    """«Вх.», «Вих.» — how a document's number is introduced on paper (the register's own
    label without its «№»), else the register's title."""
    from app.registers import REGISTERS

    spec = REGISTERS.get(register)
    return spec.number_label.removesuffix("№").strip() if spec else title
