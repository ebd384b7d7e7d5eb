"""Other users' changes, brought to the window without a restart.

PostgreSQL: a `QThread` of its own LISTENs (db.notify.ChangeListener) — a wait that lasts the
whole session, which is why it is not a `ui.tasks` job (those are short and share a pool). It
waits in half-second slices, so `stop()` ends it promptly on exit. Notifications this window's
own writes sent are ignored: the tab that made a change refreshes itself already.
SQLite: a timer asks ``PRAGMA data_version`` every few seconds (microseconds a question).

Either way, changes arriving close together make one `changed(registers)` signal ~300 ms after
the last one (an import or a burst of registrations repaints once). An empty set means «re-read
every register».
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QThread, QTimer, Signal

from db.session import Database, sqlite_path

if TYPE_CHECKING:
    from db.notify import Change, ChangeListener, DataVersion

log = logging.getLogger(__name__)

DEBOUNCE_MS = 300
POLL_MS = 3000
_SLICE_SECONDS = 0.5
_RETRY_SLICES = 10  # after a lost connection, reconnect in about 5 s


class _ListenThread(QThread):
    received = Signal(object)  # list[Change], delivered queued on the GUI thread
    connected = Signal(bool)  # listening (True) or lost the connection (False)

    def __init__(self, url: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._url = url
        self._stopping = False

    def stop(self) -> None:
        self._stopping = True
        self.wait()

    def run(self) -> None:
        from db.notify import ChangeListener  # (imported by ChangeWatcher.start already)

        listener: ChangeListener | None = None
        pause = 0
        while not self._stopping:
            if pause:
                pause -= 1
                self.msleep(int(_SLICE_SECONDS * 1000))
                continue
            try:
                if listener is None:
                    listener = ChangeListener(self._url)
                    self.connected.emit(True)
                changes = listener.wait(_SLICE_SECONDS)
            except Exception as exc:  # the server restarted, the network dropped: try again
                log.warning("Change listener: %s", exc)
                if listener is not None:
                    _close_quietly(listener)
                listener, pause = None, _RETRY_SLICES
                self.connected.emit(False)
                continue
            if changes:
                self.received.emit(changes)
        if listener is not None:
            _close_quietly(listener)


def _close_quietly(listener: ChangeListener) -> None:
    try:
        listener.close()
    except Exception:  # closing a broken connection
        log.debug("Change listener: close failed", exc_info=True)


class ChangeWatcher(QObject):
    """Emits `changed(frozenset[str])`: the registers others changed (empty: all of them)."""

    changed = Signal(object)

    def __init__(self, db: Database, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self._registers: set[str] = set()
        self._everything = False
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(DEBOUNCE_MS)
        self._debounce.timeout.connect(self._on_debounced)
        self._thread: _ListenThread | None = None
        self._poll: QTimer | None = None
        self._version: DataVersion | None = None
        # PostgreSQL: whether LISTEN is in place now (while False, others' changes are missed).
        self.listening = False
        self._lost = False

    def start(self) -> None:
        # Imported when watching starts, after the first screen: the window's start does not
        # need it (db.notify itself loads SQLAlchemy only where PostgreSQL's NOTIFY uses it).
        from db.notify import DataVersion

        if self.db.dialect == "postgresql":
            self._thread = _ListenThread(self.db.url, self)
            self._thread.received.connect(self._on_received)
            self._thread.connected.connect(self._on_connected)
            self._thread.start()
            return
        path = sqlite_path(self.db.url)
        if path is not None:
            self._version = DataVersion(str(path))
            self._poll = QTimer(self)
            self._poll.timeout.connect(self._on_poll)
            self._poll.start(POLL_MS)

    def stop(self) -> None:
        """Stop listening (the thread ends within half a second) and close the connection."""
        self._debounce.stop()
        if self._thread is not None:
            self._thread.stop()
            self._thread = None
        if self._poll is not None:
            self._poll.stop()
        if self._version is not None:
            self._version.close()
            self._version = None

    def _on_connected(self, listening: bool) -> None:
        if listening and self._lost:  # back after a lost connection: re-read what was missed
            self._everything = True
            self._debounce.start()
        self._lost = not listening
        self.listening = listening

    def _on_received(self, changes: list[Change]) -> None:
        for change in changes:
            if change.origin == self.db.origin:
                continue
            self._registers |= change.registers
            self._everything |= change.more or not change.documents
            self._debounce.start()

    def _on_poll(self) -> None:
        if self._version is not None and self._version.changed():
            self._everything = True
            self._debounce.start()

    def _on_debounced(self) -> None:
        registers = frozenset() if self._everything else frozenset(self._registers)
        self._registers, self._everything = set(), False
        self.changed.emit(registers)
