"""An unexpected error in the window becomes a Ukrainian message, not silence."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QMessageBox, QWidget

from ui.errors import error_dialog_hook


def test_an_unexpected_error_is_shown_to_the_clerk(qtbot, monkeypatch, capsys):
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _p, _t, text: shown.append(text))
    parent = QWidget()
    qtbot.addWidget(parent)
    try:
        raise ImportError("No module named 'ui.dialogs.reference'")
    except ImportError as exc:
        error_dialog_hook(parent)(ImportError, exc, exc.__traceback__)
    assert len(shown) == 1
    assert "внутрішню помилку" in shown[0] and "ui.dialogs.reference" in shown[0]
    assert "Traceback" in capsys.readouterr().err  # kept for the administrator


def test_a_busy_database_is_said_in_ukrainian_and_tried_again(qtbot, wait_tasks, monkeypatch):
    """Issue 9: other clerks got the raw «database is locked» while an import ran."""
    import sqlite3

    from sqlalchemy.exc import OperationalError

    from ui import tasks

    attempts: list[int] = []
    asked: list[str] = []

    def work() -> str:
        attempts.append(1)
        if len(attempts) == 1:
            raise OperationalError(
                "BEGIN IMMEDIATE", {}, sqlite3.OperationalError("database is locked")
            )
        return "зареєстровано"

    def answer(exc: BaseException, _parent: object = None) -> bool:
        from app.services.db_errors import explain

        asked.append(explain(exc))
        return True

    monkeypatch.setattr(tasks, "ask_retry", answer)
    done: list[str] = []
    tasks.run_in_background(work, done.append)
    wait_tasks()
    wait_tasks()
    assert done == ["зареєстровано"] and len(attempts) == 2
    assert "спробуйте ще раз" in asked[0] and "locked" not in asked[0]


def test_a_full_disk_in_the_window_is_a_ukrainian_sentence(qtbot, monkeypatch, capsys):
    import sqlite3

    from sqlalchemy.exc import OperationalError

    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: warned.append(text))
    parent = QWidget()
    qtbot.addWidget(parent)
    exc = OperationalError(
        "INSERT INTO document (summary) VALUES (?)",
        ("Іваненко, борг",),
        sqlite3.OperationalError("database or disk is full"),
    )
    error_dialog_hook(parent)(OperationalError, exc, None)
    assert len(warned) == 1 and "закінчилося місце" in warned[0]
    assert "INSERT" not in warned[0] and "Іваненко" not in warned[0]
