"""Business settings stored in the database (shared by every PC of a department).

They change how every PC numbers and prints, so only the administrator changes them: each
setter takes `user` and refuses (PermissionDenied) without SETTINGS_WRITE; a plain string is the
system (the CLI, the services that checked their own permission first).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from app.domain.dates import parse_date
from app.domain.numbering import validate_format
from app.domain.roles import SETTINGS_WRITE, Actor, actor_of
from app.registers.base import RegisterSpec
from db.session import Database

TIMER_MINUTES = "overdue.interval_minutes"
MARTIAL_LAW_END = "calendar.martial_law_end"
PRINT_OFFSET_X = "print.offset_x_mm"
PRINT_OFFSET_Y = "print.offset_y_mm"
STAMP_MODE = "print.stamp_mode"  # "page" or "label"
#: The base of the copying limit for information requests (app/registers/info_requests.py).
SUBSISTENCE_MINIMUM = "info_requests.subsistence_minimum"


def get_setting(db: Database, key: str, default: str = "") -> str:
    """A setting's text, read in plain SQL (`Database.plain`): the window's first screen reads
    the calendar's and the login's settings before SQLAlchemy is loaded."""
    with db.plain() as read:
        rows = read("SELECT value FROM setting WHERE key = :key", {"key": key})
    return default if not rows or rows[0][0] is None else str(rows[0][0])


def set_setting(db: Database, key: str, value: str, user: str | Actor = "") -> None:
    from db.models import Setting

    actor_of(user).require(SETTINGS_WRITE)
    with db.write() as s:
        row = s.get(Setting, key)
        if row is None:
            s.add(Setting(key=key, value=value))
        else:
            row.value = value


def number_setting(spec: RegisterSpec, series: str = "") -> str:
    """The setting key of a series' number format («number_format.orders.personnel»)."""
    return f"{spec.number_setting}.{series}" if series else spec.number_setting


def default_number_format(spec: RegisterSpec, series: str = "") -> str:
    """A series' default format: the spec's, with the series' suffix («{n}-к», 4.13)."""
    if not series:
        return spec.default_number_format
    return spec.default_number_format.replace("{suffix}", spec.series_named(series).suffix)


def series_enabled(db: Database, spec: RegisterSpec, series: str) -> bool:
    """A series the register always keeps, or an optional one an administrator has added."""
    if not series or not spec.series_named(series).optional:
        return True
    return get_setting(db, f"series.{spec.code}.{series}", "0") == "1"


def set_series_enabled(
    db: Database, spec: RegisterSpec, series: str, enabled: bool, user: str | Actor = ""
) -> None:
    """Add (or put aside) an optional series; its numbers, once given, stay in the register."""
    actor_of(user).require(SETTINGS_WRITE)
    spec.series_named(series)  # KeyError for a series the register does not know
    set_setting(db, f"series.{spec.code}.{series}", "1" if enabled else "0")


def number_format(db: Database, spec: RegisterSpec, series: str = "") -> str:
    return get_setting(db, number_setting(spec, series), default_number_format(spec, series))


def set_number_format(
    db: Database, spec: RegisterSpec, fmt: str, user: str | Actor = "", series: str = ""
) -> None:
    actor_of(user).require(SETTINGS_WRITE)
    validate_format(fmt)
    set_setting(db, number_setting(spec, series), fmt)


def timer_minutes(db: Database) -> int:
    try:
        return max(1, int(get_setting(db, TIMER_MINUTES, "5")))
    except ValueError:
        return 5


def subsistence_minimum(db: Database) -> Decimal:
    """The subsistence minimum for able-bodied persons the copying fee is a share of."""
    from app.registers.info_requests import subsistence_minimum as read_minimum

    with db.read() as s:
        return read_minimum(s)


def martial_law_end(db: Database) -> date | None:
    text = get_setting(db, MARTIAL_LAW_END, "")
    return parse_date(text) if text else None


@dataclass(frozen=True)
class PrintSettings:
    """Where this office's printer puts the stamps: offsets in millimetres, page or label."""

    offset_x_mm: float = 0.0
    offset_y_mm: float = 0.0
    stamp_mode: str = "page"


def print_settings(db: Database) -> PrintSettings:
    def number(key: str) -> float:
        try:
            return float(get_setting(db, key, "0").replace(",", "."))
        except ValueError:
            return 0.0

    return PrintSettings(
        number(PRINT_OFFSET_X), number(PRINT_OFFSET_Y), get_setting(db, STAMP_MODE, "page")
    )


def save_print_settings(db: Database, settings: PrintSettings, user: str | Actor = "") -> None:
    actor_of(user).require(SETTINGS_WRITE)
    set_setting(db, PRINT_OFFSET_X, str(settings.offset_x_mm))
    set_setting(db, PRINT_OFFSET_Y, str(settings.offset_y_mm))
    set_setting(db, STAMP_MODE, settings.stamp_mode)
