"""What «Про програму» says: the version and the database in words a clerk reads."""

from __future__ import annotations

from importlib import metadata

from sqlalchemy.engine import make_url

from db.session import sqlite_path

#: The version when the program runs from a folder that was never installed (a checkout).
FALLBACK_VERSION = "0.1.0"


def version() -> str:
    try:
        return metadata.version("dilovod")
    except metadata.PackageNotFoundError:
        return FALLBACK_VERSION


def database_text(url: str) -> str:
    """«файл /home/…/dilovod.sqlite» or «сервер PostgreSQL 10.0.0.5:5432, база dilovod,
    користувач dilovod» — never the raw URL, never the password."""
    path = sqlite_path(url)
    if path is not None:
        return f"файл {path}"
    try:
        parsed = make_url(url)
    except Exception:
        return "невідома"
    if parsed.get_backend_name() == "sqlite":
        return "тимчасова (у пам'яті)"
    host = parsed.host or "localhost"
    port = f":{parsed.port}" if parsed.port else ""
    user = f", користувач {parsed.username}" if parsed.username else ""
    return f"сервер PostgreSQL {host}{port}, база {parsed.database or '—'}{user}"
