"""The one background-task helper (Anki's QueryOp idea).

`run_in_background(fn, on_done, on_error)` runs `fn()` on `QThreadPool.globalInstance()` and
calls `on_done(result)` — or `on_error(exception)` — later, on the GUI thread, through a queued
signal. Workers return dataclasses and lists of them, never widgets or live ORM objects: the
services already open and close their own sessions, so a result can cross threads safely.

A callback whose `owner` widget has been deleted meanwhile (a dialog closed before its search
finished) is dropped instead of touching a dead C++ object.
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable
from typing import Any, TypeVar

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

log = logging.getLogger(__name__)

T = TypeVar("T")


class _Dispatcher(QObject):
    """Lives on the GUI thread; a closure emitted from a worker runs in `_on_deliver` there."""

    deliver = Signal(object)
    idle = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.pending = 0
        self.deliver.connect(self._on_deliver)

    @Slot(object)
    def _on_deliver(self, closure: object) -> None:
        self.pending -= 1
        try:
            if callable(closure):
                closure()
        finally:
            if self.pending == 0:
                self.idle.emit()


_dispatcher: _Dispatcher | None = None


def dispatcher() -> _Dispatcher:
    """The GUI-thread dispatcher (created on first use, which must be on the GUI thread)."""
    global _dispatcher
    if _dispatcher is None or not shiboken6.isValid(_dispatcher):
        _dispatcher = _Dispatcher()
        app = QApplication.instance()
        if app is not None:
            _dispatcher.moveToThread(app.thread())
    return _dispatcher


class _Job(QRunnable):
    """Runs `fn` in the pool and hands ("done", result) or ("error", exc) to `report`."""

    def __init__(self, fn: Callable[[], Any], report: Callable[[str, Any], None]) -> None:
        super().__init__()
        self.fn = fn
        self.report = report
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            result = self.fn()
        except BaseException as exc:  # delivered to the GUI thread, never lost in the pool
            exc.__traceback_text__ = traceback.format_exc()  # type: ignore[attr-defined]
            self.report("error", exc)
        else:
            self.report("done", result)


def run_in_background(
    fn: Callable[[], T],
    on_done: Callable[[T], None],
    on_error: Callable[[BaseException], None] | None = None,
    owner: QObject | None = None,
) -> None:
    """Run `fn` off the GUI thread; deliver its result or its exception on the GUI thread.

    Without `on_error`, an exception is logged and shown in a message box (a failure never
    disappears silently). With `owner`, nothing is delivered once the owner is deleted. When
    the database was busy (another clerk's import, a backup) the user is told so in Ukrainian
    and may try again: `fn` runs once more (its transaction was rolled back, nothing is lost).
    """
    disp = dispatcher()

    def finish(kind: str, value: Any) -> None:
        if owner is not None and not shiboken6.isValid(owner):
            return
        if kind == "done":
            on_done(value)
        elif _busy(value) and ask_retry(value, owner if isinstance(owner, QWidget) else None):
            run_in_background(fn, on_done, on_error, owner)
        elif on_error is not None:
            on_error(value)
        else:
            show_error(value, owner if isinstance(owner, QWidget) else None)

    def report(kind: str, value: Any) -> None:  # on the worker thread
        disp.deliver.emit(lambda: finish(kind, value))

    disp.pending += 1
    QThreadPool.globalInstance().start(_Job(fn, report))


def _busy(exc: BaseException) -> bool:
    from app.services.db_errors import is_busy

    return is_busy(exc)


def ask_retry(exc: BaseException, parent: QWidget | None = None) -> bool:
    """The database was busy: say so and offer to try again (a seam: tests answer it)."""
    from app.services.db_errors import explain

    box = QMessageBox(QMessageBox.Icon.Warning, "Базу даних зайнято", explain(exc), parent=parent)
    again = box.addButton("Спробувати ще раз", QMessageBox.ButtonRole.AcceptRole)
    box.addButton("Скасувати", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(again)
    box.exec()
    return box.clickedButton() is again


def pending() -> int:
    """How many tasks have not delivered yet (tests wait for 0)."""
    return 0 if _dispatcher is None else _dispatcher.pending


def wait_for_done(timeout_ms: int = 5000) -> None:
    """At exit: let running database work finish before the connections are closed."""
    QThreadPool.globalInstance().waitForDone(timeout_ms)


def show_error(exc: BaseException, parent: QWidget | None = None) -> None:
    """An unexpected failure of a background task: logged with its traceback, shown briefly."""
    log.error("Background task failed: %s\n%s", exc, getattr(exc, "__traceback_text__", ""))
    QMessageBox.critical(parent, "Помилка", f"Не вдалося виконати дію:\n{user_text(exc)}")


def user_text(exc: BaseException) -> str:
    """What the clerk reads: the database's English (with its SQL and row values) becomes a
    Ukrainian sentence; the services' own errors are Ukrainian already."""
    from app.services.db_errors import explain, is_database_error

    return explain(exc) if is_database_error(exc) else str(exc)
