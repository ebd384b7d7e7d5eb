"""The personnel files' tab (an entity register, HR only): the paged table of every person of
the staff list with their file, search, state filter, export and the printed list, the file's
card with the service history, the reminders and the HR report for a period."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QWidget

from app.registers.personnel import PERSONNEL
from app.reports.tables import ReportPeriod
from app.services import personnel as hr
from app.services.dialog_support import current_user
from db.session import Database
from ui.dialogs.personnel_card import PersonnelCard
from ui.registers.entity_tab import EntityTab


class PersonnelTab(EntityTab):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(
            db,
            PERSONNEL,
            source=lambda d, q, u: hr.PersonnelView(d, q, user=u),
            may_read=hr.may_read,
            may_write=hr.may_write,
            load=lambda d, i: hr.card_values(d, i, current_user()),
            save=hr.save_file,
            parent=parent,
        )

    def _build_actions(self) -> None:
        super()._build_actions()
        self.toolbar.addSeparator()
        self.reminders_action = self.table_action(
            "Нагадування", self.show_reminders, "Що потрібно зробити протягом місяця"
        )
        self.report_action = self.table_action(
            "Звіт кадрової служби…", self.ask_report, "Звіт за період (розділи 1–2)"
        )
        self.toolbar.addAction(self.reminders_action)
        self.toolbar.addAction(self.report_action)

    def _open_card(self, record_id: int | None) -> None:

        card = self.card(record_id)
        card.exec()
        card.deleteLater()

    def card(self, record_id: int | None) -> PersonnelCard:
        values = hr.card_values(self.db, record_id, current_user()) if record_id else None
        read_only = not hr.may_write(current_user())
        card = PersonnelCard(self.db, record_id, values, read_only, self)
        card.saved.connect(lambda _id: self.refresh())
        return card

    def show_reminders(self) -> None:
        from ui.dialogs.personnel_views import RemindersDialog

        dialog = RemindersDialog(self.db, self._open_card, self)
        dialog.exec()
        dialog.deleteLater()

    def ask_report(self) -> None:
        from ui.dialogs.period import PeriodDialog
        from ui.dialogs.personnel_views import ReportDialog, build_report

        today = date.today()
        ask = PeriodDialog(
            "Звіт кадрової служби", date(today.year, 1, 1), today, self, ok_text="Сформувати"
        )
        if ask.exec() != PeriodDialog.DialogCode.Accepted:
            return
        start, end = ask.period()
        report = build_report(self.db, ReportPeriod(start, end))
        dialog = ReportDialog(self.db, report, self)
        dialog.exec()
        dialog.deleteLater()


def build_tab(db: Database, parent: QWidget) -> QWidget:
    """The tab, built by the window's tab registry when first shown."""
    return PersonnelTab(db, parent)
