"""The period «з … по …» asked before printing a register's journal."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QVBoxLayout, QWidget

from app.domain.dates import DateError
from ui.screen import give_title_room
from ui.widgets import DateEdit, ErrorLabel


class PeriodDialog(QDialog):
    """Asks for a period «з … по …» (the printed journal, the control centre's reports)."""

    def __init__(
        self,
        title: str,
        start: date,
        end: date,
        parent: QWidget | None = None,
        ok_text: str = "Друкувати",
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.date_from = DateEdit(start, self)
        self.date_to = DateEdit(end, self)
        self.error = ErrorLabel(self)
        form = QFormLayout()
        form.addRow("З:", self.date_from)
        form.addRow("По:", self.date_to)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Скасувати")
        buttons.accepted.connect(self._on_accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        give_title_room(self)  # «Журнал реєстрації вхідних документів», not «Журнал…кументів»

    def period(self) -> tuple[date, date]:
        start, end = self.date_from.date(), self.date_to.date()
        assert start is not None and end is not None
        return start, end

    def _on_accept(self) -> None:
        try:
            start, end = self.date_from.date(), self.date_to.date()
        except DateError as exc:
            self.error.show_error(str(exc))
            return
        if start is None or end is None:
            self.error.show_error("Вкажіть обидві дати періоду")
        elif start > end:
            self.error.show_error("Початок періоду пізніший за кінець")
        else:
            self.accept()
