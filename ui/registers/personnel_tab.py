"""The personnel files' tab (an entity register, HR only): the paged table of every person of
the staff list with their file, search, state filter, export and the printed list, the file's
card with the service history, the reminders and the HR report for a period."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QDialog, QWidget

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
        self.import_action = self.table_action(
            "Імпорт з таблиці…",
            self.import_file,
            "Працівники та їхні послужні списки з файлу CSV або XLSX: усі рядки або жодного",
        )
        self.toolbar.addAction(self.reminders_action)
        self.toolbar.addAction(self.report_action)
        self.vacations_action = self.table_action(
            "Графік відпусток…", self._on_vacations, "Графік відпусток на рік для затвердження"
        )
        self.toolbar.addAction(self.import_action)
        self.toolbar.addAction(self.vacations_action)
        self.import_action.setVisible(hr.may_write(current_user()))

    def _open_card(self, record_id: int | None) -> None:
        self.open_card(record_id)

    def open_card(self, record_id: int | None) -> None:
        """The person's card, modal (also from the control centre's HR reminders)."""
        card = self.card(record_id)
        card.exec()
        card.deleteLater()

    def card(self, record_id: int | None) -> PersonnelCard:
        values = hr.card_values(self.db, record_id, current_user()) if record_id else None
        read_only = not hr.may_write(current_user())
        card = PersonnelCard(self.db, record_id, values, read_only, self)
        card.saved.connect(lambda _id: self.refresh())
        return card

    def import_dialog(self) -> QDialog:
        """The import dialog over app/services/personnel_import.py (the CLI's `import
        personnel`): checked first, problems by row and column, then all rows or none."""
        from app.services.personnel_import import import_personnel
        from ui.dialogs.import_file import ImportDialog, ImportOutcome

        db, user = self.db, current_user()

        def check(path: str) -> ImportOutcome:
            result = import_personnel(db, path, user, dry_run=True)
            return ImportOutcome(
                result.problems,
                f"Перевірено записів: {result.rows} ({result.people} працівників).",
            )

        def commit(path: str) -> ImportOutcome:
            result = import_personnel(db, path, user)
            return ImportOutcome(
                result.problems,
                f"Імпортовано записів послужних списків: {result.events}; працівників: "
                f"{result.people}, з них нових: {result.new_people}.",
            )

        return ImportDialog(
            "Імпорт особових справ",
            "Один рядок — один запис послужного списку: табельний номер, прізвище, ім'я, "
            "стать, вид запису, дата (обов'язкові), далі — підстава, посада, виконавчий орган, "
            "категорія, ранг, розпорядження. Спершу файл перевіряється повністю; імпортується "
            "лише файл без помилок — усі рядки разом.",
            check,
            commit,
            self,
        )

    def import_file(self) -> None:
        dialog = self.import_dialog()
        dialog.exec()
        if getattr(dialog, "imported", None) is not None:
            self.refresh()
        dialog.deleteLater()

    def _on_vacations(self) -> None:
        """Asks the year (the next one from October on: the schedule is made before it)."""
        from PySide6.QtWidgets import QInputDialog

        today = date.today()
        year, ok = QInputDialog.getInt(
            self, "Графік відпусток", "На який рік:",
            today.year + (1 if today.month >= 10 else 0), 2000, 2100,
        )  # fmt: skip
        if ok:
            self.print_vacations(year)

    def print_vacations(self, year: int) -> None:
        """«Графік відпусток» of `year`, previewed to print or save."""
        db, user, wanted = self.db, current_user(), year

        def produce() -> bytes:
            from app.reports.vacation_schedule import vacation_schedule
            from app.services.organisation import get_organisation
            from app.services.report_files import report_pdf

            org = get_organisation(db)
            table = vacation_schedule(db, user, wanted)
            return report_pdf(table, org.full_name if org else "")

        from ui.registers.actions import print_pdf

        print_pdf(self, f"Графік відпусток на {year} рік", produce)

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
