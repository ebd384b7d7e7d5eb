"""«Адміністрування ▸ Журнал дій…»: who did what and when, filtered, exported; never edited.

The trail is read a page at a time off the GUI thread (app.services.audit pages by key, so a
trail of millions of entries opens as fast as a short one); the period is chosen in local days
and turned into UTC moments here, because the trail stores UTC. «Експорт…» writes the filtered
trail as a whole through `audit.export_entries`. «Перевірити цілісність» walks the hash chain
(`audit.verify`) and names the first broken link. The dialog has no way to change an entry: the
service offers none.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.services import audit
from app.services.audit import ACTION_TITLES, AuditQuery, AuditRow
from app.services.dialog_support import current_user
from ui.file_dialogs import in_documents
from ui.models.audit_model import AuditModel
from ui.registers.export_action import CSV_FILTER, XLSX_FILTER
from ui.screen import fit_to_screen
from ui.tasks import run_in_background, show_error
from ui.widgets import DateEdit, ErrorLabel, format_count

if TYPE_CHECKING:
    from db.session import Database

PAGE = 500
#: No limit worth the name for an export: the administrator asked for the whole filtered trail.
EXPORT_LIMIT = 10_000_000
TEXT_DELAY_MS = 400


class AuditLogDialog(QDialog):
    """The read-only trail with filters by period, user, action and text."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Журнал дій")
        fit_to_screen(self, 1200, 640)
        self._db = db
        self._generation = 0
        self._query = AuditQuery(limit=PAGE)
        self.last_message = ""

        self.date_from = DateEdit(optional=True, parent=self)
        self.date_to = DateEdit(optional=True, parent=self)
        self.user = QComboBox(self)
        self.user.addItem("усі", "")
        for login in audit.logins(db):
            self.user.addItem(login or "(система)", login)
        self.action = QComboBox(self)
        self.action.addItem("усі", "")
        for code, title in ACTION_TITLES.items():
            self.action.addItem(title, code)
        self.text = QLineEdit(self)
        self.text.setPlaceholderText("Пошук у подробицях, номері, користувачі…")
        self.text.setClearButtonEnabled(True)
        self.export_button = QPushButton("Експорт…", self)
        self.verify_button = QPushButton("Перевірити цілісність", self)
        self.verify_button.setToolTip(
            "Переконатися, що жоден запис журналу не змінено й не вилучено в обхід програми"
        )
        self.filter_error = ErrorLabel(self)

        bar = QHBoxLayout()
        for label, widget in (
            ("Період з", self.date_from),
            ("по", self.date_to),
            ("Користувач", self.user),
            ("Дія", self.action),
        ):
            bar.addWidget(QLabel(label, self))
            bar.addWidget(widget)
        bar.addWidget(self.text, 1)
        bar.addWidget(self.export_button)

        self.model = AuditModel(self)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        self.view.setWordWrap(False)
        header = self.view.horizontalHeader()
        for column, width in enumerate((130, 110, 130, 90, 100)):
            header.resizeSection(column, width)
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.status = QLabel(self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText("Закрити")
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.filter_error)
        layout.addWidget(self.view, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.verify_button)
        bottom.addWidget(buttons)
        layout.addLayout(bottom)

        self._text_timer = QTimer(self)
        self._text_timer.setSingleShot(True)
        self._text_timer.setInterval(TEXT_DELAY_MS)
        self._text_timer.timeout.connect(self.reload)
        self.text.textChanged.connect(self._text_timer.start)
        for edit in (self.date_from, self.date_to):
            edit.editingFinished.connect(self.reload)
        self.user.currentIndexChanged.connect(self.reload)
        self.action.currentIndexChanged.connect(self.reload)
        self.model.more_wanted.connect(self._on_more_wanted)
        self.export_button.clicked.connect(self._on_export)
        self.verify_button.clicked.connect(self._on_verify)
        self.reload()

    # --- filters and loading -------------------------------------------------------------------

    def query(self) -> AuditQuery | None:
        """The filter as typed; None (with a message) while a date cannot be read."""
        days: list[date | None] = []
        for edit in (self.date_from, self.date_to):
            if not edit.is_valid():
                self.filter_error.show_error("Дата має бути у форматі ДД.ММ.РРРР")
                return None
            days.append(edit.valid_date())
        self.filter_error.clear_error()
        start, end = days
        return AuditQuery(
            login=str(self.user.currentData() or ""),
            action=str(self.action.currentData() or ""),
            since=_utc_midnight(start) if start else None,
            until=_utc_midnight(end + timedelta(days=1)) if end else None,
            text=self.text.text().strip(),
            limit=PAGE,
        )

    def reload(self) -> None:
        """Read the first page for the current filter (an older answer still on its way is
        dropped when it arrives: the generation has moved on)."""
        self._text_timer.stop()
        query = self.query()
        if query is None:
            return
        self._query = query
        self._load(query, first=True)

    def is_loading(self) -> bool:
        return self.model.loading

    def _on_more_wanted(self) -> None:
        if self.model.rows:
            self._load(replace(self._query, before=self.model.rows[-1].cursor), first=False)

    def _load(self, query: AuditQuery, first: bool) -> None:
        self._generation += 1
        generation = self._generation
        db, actor = self._db, current_user()
        self.model.loading = True
        self.status.setText("Читаю журнал…")

        def done(rows: list[AuditRow]) -> None:
            if generation != self._generation:
                return
            self.model.loading = False
            more = len(rows) == query.limit
            if first:
                self.model.reset(rows, more)
            else:
                self.model.append(rows, more)
            self._show_count()

        def failed(exc: BaseException) -> None:
            if generation == self._generation:
                self.model.loading = False
                self.status.setText("")
                show_error(exc, self)

        run_in_background(lambda: audit.entries(db, actor, query), done, failed, owner=self)

    def _show_count(self) -> None:
        shown = format_count(len(self.model.rows))
        if self.model.more:
            self.status.setText(f"Показано {shown} записів; прокрутіть донизу, щоб побачити ще")
        else:
            self.status.setText(f"Записів: {shown}")

    # --- export --------------------------------------------------------------------------------

    def _on_export(self) -> None:
        query = self.query()
        if query is None:
            return
        default = in_documents(f"Журнал_дій_{date.today().isoformat()}.xlsx")
        name, chosen = QFileDialog.getSaveFileName(
            self, "Експорт журналу дій", str(default), f"{XLSX_FILTER};;{CSV_FILTER}"
        )
        if not name:
            return
        path = Path(name)
        if path.suffix.lower() not in (".xlsx", ".csv"):
            path = path.with_name(path.name + (".csv" if chosen == CSV_FILTER else ".xlsx"))
        self.export(path, query)

    def export(self, path: Path, query: AuditQuery) -> None:
        """Write the filtered trail (all of it, not only the pages on screen) in the background."""
        from app.services.table_files import rows_text

        db, actor = self._db, current_user()
        whole = replace(query, limit=EXPORT_LIMIT)
        self.export_button.setEnabled(False)

        def done(count: int) -> None:
            self.export_button.setEnabled(True)
            self.last_message = f"Експортовано {rows_text(count)} у {path}"
            self.status.setText(self.last_message)

        def failed(exc: BaseException) -> None:
            self.export_button.setEnabled(True)
            show_error(exc, self)

        run_in_background(
            lambda: audit.export_entries(db, actor, whole, str(path)), done, failed, owner=self
        )

    # --- the chain ---------------------------------------------------------------------------

    def _on_verify(self) -> None:
        db, actor = self._db, current_user()
        self.verify_button.setEnabled(False)
        self.status.setText("Перевірка журналу…")

        def done(check: audit.ChainCheck) -> None:
            self.verify_button.setEnabled(True)
            self.last_message = check.describe()
            self._show_count()
            if check.ok:
                QMessageBox.information(self, "Журнал дій", self.last_message)
            else:
                QMessageBox.warning(self, "Журнал дій пошкоджено", self.last_message)

        def failed(exc: BaseException) -> None:
            self.verify_button.setEnabled(True)
            self._show_count()
            show_error(exc, self)

        run_in_background(lambda: audit.verify(db, actor), done, failed, owner=self)


def _utc_midnight(day: date) -> datetime:
    """The UTC moment at which `day` begins on this PC (daylight saving included), naive as the
    trail stores it."""
    return datetime.combine(day, time.min).astimezone().astimezone(UTC).replace(tzinfo=None)
