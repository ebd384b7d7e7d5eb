"""«Відправлено»: marking an outgoing document sent, after the checks of regulation 10.10.

The dialog lists what 10.10 finds missing as soon as it opens (and again when the way of
sending changes: a letter by e-mail needs an e-mail address, not a postal code). Sending with
something missing is possible, but only as an explicit choice: the button then reads
«Відправити попри це», and the service refuses an incomplete document without that choice.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QWidget

from app.domain.correspondence import SEND_METHODS
from app.domain.dates import format_date
from app.services import outgoing
from app.services.calendar import load_calendar
from app.services.details import get_document
from app.services.dialog_support import current_user, document_heading
from db.session import Database
from ui.dialogs.fields import FormDialog
from ui.tasks import run_in_background
from ui.widgets import DateEdit, WrappedLabel

SEND = "Відправлено"
SEND_ANYWAY = "Відправити попри це"


class SendDialog(FormDialog):
    def __init__(self, db: Database, doc_id: int, parent: QWidget | None = None) -> None:
        super().__init__("Відправлення документа", parent=parent, ok_text=SEND)
        self._db, self._doc_id = db, doc_id
        self._doc = get_document(db, doc_id, user=current_user())
        self.problems: list[str] = []
        self._asked = 0
        heading = QLabel(f"<b>{document_heading(self._doc)}</b>", self)
        heading.setWordWrap(True)
        self.body.addWidget(heading)
        form = QFormLayout()
        self.body.addLayout(form)
        values = self._doc.values
        urgent = bool(values.get("urgent"))
        now = datetime.now()
        planned = outgoing.default_sent_date(now, load_calendar(db), urgent)
        self.sent_date = DateEdit(values.get("sent_date") or now.date(), self)  # type: ignore[arg-type]
        today = now.date()
        later = "" if planned == today else f" Поданий зараз — {format_date(planned)}."
        rule = WrappedLabel(
            "Вкажіть день, коли документ фактично відправлено. Подані до 16:00 документи "
            "надсилаються того ж дня, пізніше — наступного робочого дня (п. 10.9), "
            f"термінові — у день підписання (п. 10.11).{later}",
            self,
        )
        rule.setStyleSheet("color: palette(placeholder-text);")
        self.method = QComboBox(self)
        self.method.setEditable(True)
        self.method.addItems(list(SEND_METHODS))
        self.method.setCurrentText(str(values.get("send_method") or SEND_METHODS[0]))
        form.addRow("Дата відправлення:", self.with_error(self.sent_date))
        form.addRow("Спосіб надсилання:", self.with_error(self.method))
        self.body.addWidget(rule)
        self.checks = WrappedLabel("Перевіряю реквізити (п. 10.10)…", self)
        self.body.addWidget(self.checks)
        self.method.currentTextChanged.connect(self._on_method_changed)
        self.setMinimumWidth(560)
        if self._doc.cancelled:
            self.error.show_error("Документ анульовано: його не відправляють")
            self.ok_button.setEnabled(False)
        self._check()

    def is_checking(self) -> bool:
        return self.checks.text().endswith("…")

    def _on_method_changed(self) -> None:
        self.ok_button.setText(SEND)
        self.ok_button.setDefault(True)
        self._check()

    def _check(self) -> None:
        db, doc_id, method = self._db, self._doc_id, self.method.currentText()
        self.checks.setText("Перевіряю реквізити (п. 10.10)…")
        self._asked += 1
        asked = self._asked  # a slower answer about an earlier way of sending is ignored

        def show(problems: list[str]) -> None:
            if asked == self._asked:
                self._show_problems(problems)

        run_in_background(lambda: outgoing.sending_check(db, doc_id, method), show, owner=self)

    def _show_problems(self, problems: list[str]) -> None:
        self.problems = list(problems)
        if not problems:
            self.checks.setStyleSheet("color: #146c43;")
            self.checks.setText("Реквізити за п. 10.10 на місці.")
            self.ok_button.setText(SEND)
            self.ok_button.setDefault(True)
            return
        self.checks.setStyleSheet("color: #b02a37;")
        self.checks.setText(
            "Перед відправленням не вистачає:\n• "
            + "\n• ".join(problems)
            + "\n\nВиправте картку документа або відправте попри це."
        )
        self.ok_button.setText(SEND_ANYWAY)
        # Sending anyway is a click, never the Enter a clerk presses out of habit.
        self.ok_button.setDefault(False)
        self.ok_button.setAutoDefault(False)
        self.cancel_button.setDefault(True)

    def _prepare_save(self) -> Callable[[], object]:
        day = self.sent_date.date_value()
        assert day is not None
        method = self.method.currentText().strip()
        db, doc_id, version, user = self._db, self._doc_id, self._doc.version, current_user()
        # The list was on screen and the button read «Відправити попри це»: the clerk's choice.
        anyway = bool(self.problems)
        return lambda: outgoing.mark_sent(
            db, doc_id, day, method, expected_version=version, send_anyway=anyway, user=user
        )

    def _save_failed(self, exc: BaseException) -> None:
        if isinstance(exc, outgoing.SendingIncomplete):
            # Found missing only now (the check had not come back, or the card changed meanwhile).
            self._show_problems(list(exc.problems))

    def _widget_for_error(self, message: str) -> QWidget | None:
        if "Дата" in message:
            return self.sent_date
        if "спосіб" in message:
            return self.method
        return None
