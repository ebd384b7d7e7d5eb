"""The organisation the program serves, and business settings kept in the database."""

from __future__ import annotations

from sqlalchemy import String, Text
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Base, Tracked


class Organisation(Tracked, Base):
    """The one executive committee this database belongs to (a single row, id 1)."""

    __tablename__ = "organisation"

    id: Mapped[int] = mapped_column(primary_key=True)
    full_name: Mapped[str] = mapped_column(String(300))
    short_name: Mapped[str] = mapped_column(String(120))
    address: Mapped[str] = mapped_column(String(300), default="")
    postal_code: Mapped[str] = mapped_column(String(10), default="")
    edrpou: Mapped[str] = mapped_column(String(10), default="")
    mayor_name: Mapped[str] = mapped_column(String(150), default="")
    mayor_position: Mapped[str] = mapped_column(String(150), default="Міський голова")
    manager_name: Mapped[str] = mapped_column(String(150), default="")
    manager_position: Mapped[str] = mapped_column(
        String(150), default="Керуючий справами виконавчого комітету"
    )


class Setting(Base):
    """A business setting (number formats, timer interval, printer offsets) as text by key.

    Window geometry and column widths live in QSettings instead: they belong to a PC, not to the
    department's shared data.
    """

    __tablename__ = "setting"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text, default="")
