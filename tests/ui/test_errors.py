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
