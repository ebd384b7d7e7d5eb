"""The background overdue check: at start, after every change and every few minutes.

The scan itself is `app.services.overdue.scan` (counts on the partial index of open controls);
it always runs through `ui.tasks`, never on the GUI thread. The day of the previous scan is kept
in QSettings (per database), so a document whose term passed while the program was closed is
announced once, at the next start.
"""

from __future__ import annotations

import hashlib
import logging
from datetime import date

from PySide6.QtCore import QObject, QSettings, QTimer, Signal

from app.domain.dates import format_date, parse_date
from app.services.connection import without_password
from app.services.overdue import OverdueSummary, scan
from app.services.settings import timer_minutes
from app.services.signed_in import current_user
from db.session import Database
from ui.tasks import run_in_background

log = logging.getLogger(__name__)

DEBOUNCE_MS = 400
_LAST_DAY_KEY = "overdue/last_scan_day"


class OverdueMonitor(QObject):
    """Emits `summary_changed(OverdueSummary)` after each scan; at most one scan runs at once."""

    summary_changed = Signal(object)

    def __init__(self, db: Database, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.summary: OverdueSummary | None = None
        url = without_password(db.url)  # the same key whatever the password
        self._key = f"{_LAST_DAY_KEY}/{hashlib.sha1(url.encode()).hexdigest()[:12]}"
        self.last_day: date | None = self._stored_day(self._key)
        self._running = False
        self._again = False
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(DEBOUNCE_MS)
        self._debounce.timeout.connect(self._on_check_now)
        self._periodic = QTimer(self)
        self._periodic.timeout.connect(self._on_check_now)

    def start(self) -> None:
        """The first scan now; then every N minutes (the department's setting)."""
        self._on_check_now()

    def stop(self) -> None:
        self._debounce.stop()
        self._periodic.stop()

    def request_check(self) -> None:
        """Something changed: scan soon (several changes in a row make one scan)."""
        self._debounce.start()

    def _on_check_now(self) -> None:
        if self._running:
            self._again = True
            return
        self._running = True
        db, since, user = self.db, self.last_day, current_user()

        def work() -> tuple[OverdueSummary, int]:
            # the signed-in user's registers only: the status bar, the tab titles and the
            # tray never name a document he may not read
            return scan(db, since=since, user=user), timer_minutes(db)

        run_in_background(work, self._on_scanned, self._on_failed, owner=self)

    def _on_scanned(self, result: tuple[OverdueSummary, int]) -> None:
        summary, minutes = result
        self._running = False
        self.summary = summary
        self.last_day = summary.today
        QSettings("Dilovod", "Dilovod").setValue(self._key, format_date(summary.today))
        interval = minutes * 60_000
        if self._periodic.interval() != interval or not self._periodic.isActive():
            self._periodic.start(interval)
        self.summary_changed.emit(summary)
        self._rerun_if_asked()

    def _on_failed(self, exc: BaseException) -> None:
        self._running = False
        log.warning("Overdue scan failed: %s", exc)
        if not self._periodic.isActive():
            self._periodic.start(5 * 60_000)
        self._rerun_if_asked()

    def _rerun_if_asked(self) -> None:
        if self._again:
            self._again = False
            self.request_check()

    @staticmethod
    def _stored_day(key: str) -> date | None:
        text = QSettings("Dilovod", "Dilovod").value(key, "")
        try:
            return parse_date(str(text)) if text else None
        except ValueError:
            return None
