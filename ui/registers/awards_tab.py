"""The «Нагородження» tab: the awards register's generic tab (petitions registered and edited
on their cards, the eligibility warnings before saving) plus what only awards need — granting
the selected petitions by one order, printing their certificates from certificate N (a paper
jam) or as text only on pre-printed forms, the statistics of a period, and the kinds and
occasions (reference lists). Contributed to the window through the tab registry."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QDialog,
    QInputDialog,
    QLabel,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from app.registers.awards import AWARDS
from app.services.dialog_support import current_user
from app.services.register_view import DocumentRow
from db.session import Database
from ui.registers.actions import print_pdf
from ui.registers.register_tab import RegisterTab


class AwardsTab(RegisterTab):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(db, AWARDS, parent)
        # The current recipient's other awards (the ladder and the interval at a glance).
        self.history = QLabel(self)
        self.history.setWordWrap(True)
        self.history.setStyleSheet("color: palette(placeholder-text);")
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(layout.indexOf(self.table) + 1, self.history)
        self.toolbar.addSeparator()
        self.grant_action = self.table_action(
            "Нагородити розпорядженням…",
            self._on_grant,
            "Зв'язати вибрані подання з розпорядженням про нагородження (п. 28.5)",
        )
        self.hand_action = self.table_action(
            "Вручено…", self._on_hand_over, "Позначити вибрані відзнаки врученими"
        )
        self.certificates_action = self.table_action(
            "Грамоти…", self._on_certificates, "Надрукувати грамоти вибраних (з № N, на бланках)"
        )
        self.stats_action = self.table_action(
            "Статистика…", self._on_stats, "Нагородження за період: за видами і приводами"
        )
        self.kinds_action = self.table_action(
            "Види і приводи…", self._on_kinds, "Види відзнак, їхні правила і шаблони; приводи"
        )
        for action in (
            self.grant_action,
            self.hand_action,
            self.certificates_action,
            self.stats_action,
            self.kinds_action,
        ):
            self.toolbar.addAction(action)

    def _update_actions(self, row: DocumentRow | None) -> None:
        super()._update_actions(row)
        label = getattr(self, "history", None)
        if label is None:
            return
        if row is None:
            label.setText("")
            return
        from app.services import awards

        label.setText(awards.history_hint(self.db, row.id))

    # --- granting and handing over ---------------------------------------------------------

    def _on_grant(self) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        number, ok = QInputDialog.getText(
            self,
            "Нагородити розпорядженням",
            f"Вибрано подань: {len(ids)}.\nНомер розпорядження (напр. 145-р або "
            "«145-р від 20.08.2026»):",
        )
        if not ok or not number.strip():
            return
        from app.services import awards

        try:
            changed = awards.grant(self.db, ids, number.strip(), current_user())
        except Exception as exc:  # the clerk reads why; nothing was stored
            QMessageBox.warning(self, "Не збережено", str(exc))
            return
        self.refresh()
        QMessageBox.information(
            self, "Нагородження", f"Розпорядженням № {number.strip()} нагороджено: {changed}"
        )

    def _on_hand_over(self) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        by, ok = QInputDialog.getText(
            self, "Вручено", f"Вибрано: {len(ids)}. Хто вручив (сьогодні):", text="Міський голова"
        )
        if not ok:
            return
        from app.services import awards

        try:
            awards.hand_over(self.db, ids, date.today(), by, current_user())
        except Exception as exc:
            QMessageBox.warning(self, "Не збережено", str(exc))
            return
        self.refresh()

    # --- printing ------------------------------------------------------------------------------

    def _on_certificates(self) -> None:
        from ui.dialogs.award_dialogs import CertificatesDialog

        ids = self.selected_ids()
        if not ids:
            return
        dialog = CertificatesDialog(len(ids), self)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        options = dialog.options()
        dialog.deleteLater()
        if not accepted:
            return
        if options.get("preprinted"):
            from app.services.settings import print_settings

            offsets = print_settings(self.db)
            options.update(offset_x_mm=offsets.offset_x_mm, offset_y_mm=offsets.offset_y_mm)
        db, user = self.db, current_user()

        def produce() -> bytes:
            from app.services.printouts import print_selection

            return print_selection(db, "award_certificates_pdf", ids, user, **options)

        print_pdf(self, f"Грамоти — {len(ids)}", produce)

    # --- statistics and reference lists ----------------------------------------------------

    def _on_stats(self) -> None:
        """The register's statistics dialog (AWARDS.statistics: app/reports/awards.py), the same
        as Друк ▸ Статистика за період…, saved to PDF, XLSX or CSV."""
        self.document_actions.show_statistics()

    def _on_kinds(self) -> None:
        from ui.dialogs.award_dialogs import AwardKindsDialog

        dialog = AwardKindsDialog(self.db, self)
        dialog.exec()
        dialog.deleteLater()


def build_tab(db: Database, parent: QWidget) -> QWidget:
    """The tab, built by the window's tab registry when first shown."""
    return AwardsTab(db, parent)
