"""The household books' tab (an entity register): the objects of the user's districts in the
paged table with search (name, address, account number), the type and January-check filters,
export and the printed list; the object's card by sections instead of a generic form.
Contributed to the window through the tab registry."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

from app.domain.roles import PermissionDenied
from app.registers.households import HOUSEHOLDS
from app.reports.households import completeness, form6
from app.reports.tables import ReportPeriod, TableReport
from app.services import household_view, households
from app.services.dialog_support import current_user
from db.session import Database
from ui.registers.entity_tab import EntityTab
from ui.registers.filter_bar import FilterBar


def _no_card(db: Database, record_id: int) -> dict[str, Any]:
    return {}


def _no_save(*_args: Any) -> int:
    raise NotImplementedError  # the card saves through the household services itself


class HouseholdTab(EntityTab):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(
            db,
            HOUSEHOLDS,
            source=lambda d, q, u: household_view.HouseholdView(d, q, user=u),
            may_read=households.may_read,
            may_write=households.may_write,
            load=_no_card,
            save=_no_save,
            parent=parent,
        )
        # No urgent documents here: the legend says what grey rows are instead.
        self.legend.setText("Сірим — закинуті об'єкти.")

    def _make_filter_bar(self) -> FilterBar:
        bar = super()._make_filter_bar()
        # Objects belong to districts, not to executive bodies: no «Орган» here.
        bar.department.hide()
        for label in bar.findChildren(QLabel):
            if label.buddy() is bar.department:
                label.hide()
        return bar

    def _build_actions(self) -> None:
        super()._build_actions()
        self.exchange_action = self.table_action(
            "Обмін з центром…", self._on_exchange, "Файл змін для центру або з центру"
        )
        self.exchange_action.setVisible(households.may_write(current_user()))
        self.districts_action = self.table_action(
            "Округи та книги…", self._on_districts, "Старостинські округи, населені пункти, книги"
        )
        self.report_action = self.table_action(
            "Повнота обліку…", self.ask_completeness, "Таблиця повноти обліку за округами за період"
        )
        self.form6_action = self.table_action(
            "6-сільрада…", self.ask_form6, "Форма № 6-сільрада станом на 1 січня"
        )
        self.toolbar.addSeparator()
        self.toolbar.addAction(self.report_action)
        self.toolbar.addAction(self.form6_action)
        self.toolbar.addSeparator()
        self.templates_action = self.table_action(
            "Шаблони довідок…", self._on_templates, "Тексти довідок з полями для підстановки"
        )
        self.toolbar.addAction(self.districts_action)
        self.toolbar.addAction(self.templates_action)
        self.toolbar.addAction(self.exchange_action)

    def _update_actions(self, row: Any) -> None:
        super()._update_actions(row)
        self.exchange_action.setEnabled(True)
        self.districts_action.setEnabled(True)
        self.report_action.setEnabled(True)
        self.templates_action.setEnabled(True)

    def _on_templates(self) -> None:
        from ui.dialogs.household_templates import TemplatesDialog

        dialog = TemplatesDialog(self.db, self)
        dialog.exec()
        dialog.deleteLater()
        self.form6_action.setEnabled(True)

    def ask_completeness(self) -> None:
        from ui.dialogs.period import PeriodDialog

        today = date.today()
        ask = PeriodDialog(
            "Повнота погосподарського обліку",
            date(today.year, 1, 1),
            today,
            self,
            ok_text="Сформувати",
        )
        if ask.exec() == PeriodDialog.DialogCode.Accepted:
            start, end = ask.period()
            self._show_report(
                lambda: completeness(self.db, current_user(), ReportPeriod(start, end))
            )
        ask.deleteLater()

    def ask_form6(self) -> None:
        on = date(date.today().year, 1, 1)
        self._show_report(lambda: form6(self.db, current_user(), ReportPeriod(None, on)))

    def _show_report(self, build: Callable[[], TableReport]) -> None:
        from ui.dialogs.household_report import HouseholdReportDialog

        try:
            table = build()
        except PermissionDenied as exc:
            QMessageBox.warning(self, "Звіт", str(exc))
            return
        dialog = HouseholdReportDialog(self.db, table, self)
        dialog.exec()
        dialog.deleteLater()

    def _on_districts(self) -> None:
        from ui.dialogs.household_districts import DistrictsDialog

        dialog = DistrictsDialog(self.db, self)
        dialog.exec()
        dialog.deleteLater()
        self.document_changed()

    def _on_exchange(self) -> None:
        from ui.dialogs.household_exchange import ExchangeDialog

        dialog = ExchangeDialog(self.db, self)
        dialog.exec()
        if dialog.imported:
            self.document_changed()
        dialog.deleteLater()

    def _open_card(self, record_id: int | None) -> None:
        from ui.dialogs.household_card import HouseholdCard

        read_only = not households.may_write(current_user())
        card = HouseholdCard(self.db, record_id, read_only, self)
        card.saved.connect(self._on_card_saved)
        card.exec()
        card.deleteLater()

    def _on_card_saved(self, object_id: int) -> None:
        self.document_changed()


def build_tab(db: Database, parent: QWidget) -> QWidget:
    """The tab, built by the window's tab registry when first shown."""
    return HouseholdTab(db, parent)
