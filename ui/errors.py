"""What a clerk sees when something unexpected fails inside the window.

Qt calls `sys.excepthook` for an exception raised in a slot; Python's default only prints it to
a console the clerk never sees, so a failing menu item would look like a button that does
nothing. The hook keeps the traceback on stderr (for the administrator) and shows a Ukrainian
message over the window. Expected failures (a wrong date, a refused rule) never get here: the
forms show those beside their fields.
"""

from __future__ import annotations

import sys
import traceback
from collections.abc import Callable
from types import TracebackType

from PySide6.QtWidgets import QMessageBox, QWidget

Hook = Callable[[type[BaseException], BaseException, TracebackType | None], None]


def error_dialog_hook(parent: QWidget | None) -> Hook:
    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        traceback.print_exception(kind, exc, tb, file=sys.stderr)
        from app.services.db_errors import explain, is_database_error

        if is_database_error(exc):  # the disk is full, the file read-only, locked …
            QMessageBox.warning(parent, "Діловод: база даних", explain(exc))
            return
        QMessageBox.critical(
            parent,
            "Діловод: помилка",
            "Дію не виконано через внутрішню помилку програми. Те, що вже було збережено, "
            "не втрачено.\n\nЯкщо помилка повторюється, передайте адміністраторові цей текст:\n"
            f"{kind.__name__}: {exc}",
        )

    return hook


def install(parent: QWidget | None) -> None:
    """Show unexpected errors of the running window as a message over `parent`."""
    sys.excepthook = error_dialog_hook(parent)
