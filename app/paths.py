"""Where the program keeps its files: one module, with environment overrides.

DILOVOD_HOME moves the whole data folder (tests, portable installs); DILOVOD_DATABASE names the
database (a file path or an SQLAlchemy URL); otherwise a SQLite file in the per-user data folder.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "Dilovod"


def data_dir() -> Path:
    override = os.environ.get("DILOVOD_HOME")
    if override:
        path = Path(override).expanduser()
    else:
        from platformdirs import user_data_dir

        path = Path(user_data_dir(APP_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_database() -> str:
    """The database the program opens when the command line names none."""
    return chosen_database() or str(data_dir() / "dilovod.sqlite")


def chosen_database() -> str | None:
    """The database the environment names (DILOVOD_DATABASE), if any: it overrides the server
    a PC keeps in its settings, as `--db` does."""
    return os.environ.get("DILOVOD_DATABASE") or None


def resources_dir() -> Path:
    """resources/ beside the packages, or inside a PyInstaller bundle."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parents[1] / "resources"
