"""Interim reports on a long control (3.4, 4.7, 9.12): the report dates and each report given.

`InterimReportsDialog` lists the final term and the reports (given, or due) and records the
next report; «Строки звітів…» opens `ReportDatesDialog`, where the dates are typed or filled in
monthly, quarterly or half-yearly up to the final term. The rules are the services'
(app/services/interim_reports.py); the dialogs keep what was typed when a rule refuses it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from app.domain.dates import DateError, format_date, parse_date
from app.domain.interim import PERIODS
from app.services import interim_reports as reports
from app.services.control import ControlError
from app.services.dialog_support import current_user
from ui.dialogs.control import _ControlDialog, _history_list
from ui.widgets import DateEdit, FieldProblem, hint_label, text_box

if TYPE_CHECKING:
    from db.session import Database


def _line(report: reports.ReportLine) -> str:
    if report.given is None:
        return f"{format_date(report.due)} — очікується"
    said = f": {report.note}" if report.note else ""
    who = f" ({report.person})" if report.person else ""
    return f"{format_date(report.due)} — надано {format_date(report.given)}{who}{said}"


class InterimReportsDialog(_ControlDialog):
    """The schedule of reports and the next report given."""

    def __init__(self, db: Database, doc_id: int, parent: QWidget | None = None) -> None:
        super().__init__(db, doc_id, "Проміжні звіти", parent, "Записати звіт")
        self.new_due_date: date | None = None
        self.final_label = QLabel(self)
        self.form.addRow("Остаточний термін:", self.final_label)
        self.next_label = QLabel(self)
        self.form.addRow("Наступний звіт:", self.next_label)
        self.reports = _history_list(self)
        self.reports.setMaximumHeight(130)
        dates_button = QPushButton("Строки звітів…", self)
        dates_button.setAutoDefault(False)
        dates_button.clicked.connect(self._on_dates)
        self.dates_button = dates_button
        self.form.addRow("Звіти:", self.reports)
        self.form.addRow("", dates_button)
        self.day = DateEdit(date.today(), parent=self)
        self._date_row("Звіт надано:", self.day)
        self.note = text_box(self, 3, "Що повідомив виконавець про хід виконання")
        self.form.addRow("Зміст звіту:", self.with_error(self.note))
        self.person = QLineEdit(self)
        self.person.setPlaceholderText("Хто подав звіт (виконавець)")
        self.form.addRow("Хто подав:", self.person)
        self.form.addRow(
            "",
            hint_label(
                "Кожен наступний звіт — це термін документа в центрі контролю; після останнього "
                "звіту термін — остаточний. З контролю знімають лише за результатом (п. 9.14).",
                self,
            ),
        )
        self._load()

    def _load(self) -> None:
        plan = reports.schedule(self._db, self._doc_id, current_user())
        self.plan = plan
        self.reports.clear()
        for report in plan.reports:
            self.reports.addItem(_line(report))
        if not plan.on_control:
            self.final_label.setText("—")
            self.next_label.setText("—")
            self.error.show_error("Документ не перебуває на контролі")
            self.ok_button.setEnabled(False)
            self.dates_button.setEnabled(False)
            return
        self.final_label.setText(f"<b>{format_date(plan.final)}</b>")
        upcoming = plan.next_report
        if upcoming is None:
            self.next_label.setText("строків проміжних звітів немає — задайте їх «Строки звітів…»")
        else:
            self.next_label.setText(f"<b>{format_date(upcoming.due)}</b>")
        self.ok_button.setEnabled(upcoming is not None)

    def _on_dates(self) -> None:
        dialog = ReportDatesDialog(self._db, self._doc_id, self)
        if dialog.exec():
            self.new_due_date = dialog.new_due_date
            self._load()
        dialog.deleteLater()

    def _widget_for_error(self, message: str) -> QWidget | None:
        return self.note if "Напишіть" in message else self.day

    def _prepare_save(self) -> Callable[[], object]:
        day = self.day.date_value()
        assert day is not None
        db, doc_id, user = self._db, self._doc_id, current_user()
        note, person = self.note.toPlainText(), self.person.text()
        return lambda: reports.record_report(db, doc_id, day, note, person, user=user)

    def _saved(self, result: object) -> None:
        assert isinstance(result, date)
        self.new_due_date = result

    def reject(self) -> None:
        # dates changed through «Строки звітів…» are saved: the tab refreshes as after a save
        if self.new_due_date is not None and not self.is_saving():
            self.done(1)
            return
        super().reject()


class ReportDatesDialog(_ControlDialog):
    """The dates by which the executor reports, before the final term."""

    def __init__(self, db: Database, doc_id: int, parent: QWidget | None = None) -> None:
        super().__init__(db, doc_id, "Строки проміжних звітів", parent, "Зберегти строки")
        self.new_due_date: date | None = None
        plan = reports.schedule(db, doc_id, current_user())
        if not plan.on_control:
            self.error.show_error("Документ не перебуває на контролі")
            self.ok_button.setEnabled(False)
        else:
            self.form.addRow("Остаточний термін:", QLabel(f"<b>{format_date(plan.final)}</b>"))
        self.dates = QLineEdit(self)
        self.dates.setPlaceholderText("31.03.2026, 30.06.2026, 30.09.2026")
        self.dates.setText(", ".join(format_date(r.due) for r in plan.pending))
        self.dates.setMinimumWidth(360)
        self.form.addRow("Дати звітів:", self.with_error(self.dates))
        row = QHBoxLayout()
        self.fill_buttons: dict[int, QPushButton] = {}
        for months, title in PERIODS.items():
            button = QPushButton(title.capitalize(), self)
            button.setAutoDefault(False)
            button.clicked.connect(lambda _=False, m=months: self._on_fill(m))
            button.setEnabled(plan.on_control)
            row.addWidget(button)
            self.fill_buttons[months] = button
        row.addStretch(1)
        holder = QWidget(self)
        holder.setLayout(row)
        row.setContentsMargins(0, 0, 0, 0)
        self.form.addRow("Заповнити:", holder)
        self.form.addRow(
            "",
            hint_label(
                "Дати через кому. Звіт у неробочий день переноситься на попередній робочий; "
                "остаточний термін — не проміжний звіт. Звіти, уже надані, лишаються.",
                self,
            ),
        )

    def _on_fill(self, months: int) -> None:
        try:
            dates = reports.periodic(self._db, self._doc_id, months)
        except ControlError as exc:
            self.show_problem(str(exc), self.dates)
            return
        self.dates.setText(", ".join(format_date(d) for d in dates))

    def typed_dates(self) -> list[date]:
        found: list[date] = []
        for part in self.dates.text().replace(";", ",").split(","):
            if not part.strip():
                continue
            try:
                found.append(parse_date(part.strip()))
            except DateError as exc:
                raise FieldProblem(self.dates, f"«{part.strip()}»: {exc}") from None
        return found

    def _widget_for_error(self, message: str) -> QWidget | None:
        return self.dates

    def _prepare_save(self) -> Callable[[], object]:
        dates = self.typed_dates()
        db, doc_id, user = self._db, self._doc_id, current_user()
        return lambda: reports.set_report_dates(db, doc_id, dates, user=user)

    def _saved(self, result: object) -> None:
        assert isinstance(result, date)
        self.new_due_date = result
