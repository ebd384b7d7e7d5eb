"""This PC's own settings (QSettings): window geometry, column widths, the backup folder.

Business settings live in the database; these belong to one PC. A module of its own, so the
backup controller and its dialog need not import the main window for them.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings

ORGANISATION = "Dilovod"


def settings() -> QSettings:
    """Where window geometry and column widths live (business settings are in the database)."""
    return QSettings(ORGANISATION, ORGANISATION)
