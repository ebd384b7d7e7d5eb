"""The database's own English errors as sentences a clerk can act on.

SQLite and PostgreSQL answer in English, and SQLAlchemy's text of an error carries the SQL and
the row's values (a summary, a correspondent — personal data on a screen or in a log). Whatever
reaches a user goes through `explain`: what happened, what to do, and nothing of the statement.
A database that refuses (full, read-only, locked) has changed nothing: the transaction is
rolled back, which the sentences say.
"""

from __future__ import annotations

from typing import Any

UNCHANGED = "Нічого не змінено."

#: (fragments of the driver's text, in lower case) → the sentence
_KNOWN: tuple[tuple[tuple[str, ...], str], ...] = (
    (
        (
            "database or disk is full",
            "no space left on device",
            "could not extend file",
            "disk full",
        ),
        "На диску з базою даних закінчилося місце. "
        + UNCHANGED
        + " Звільніть місце на диску (або попросіть адміністратора) і повторіть дію.",
    ),
    (
        ("attempt to write a readonly database", "readonly database", "read-only"),
        "База даних відкрита лише для читання: програма не може в неї записувати. "
        + UNCHANGED
        + " Перевірте права на файл і теку бази даних (або попросіть адміністратора).",
    ),
    (
        (
            "database is locked",
            "database table is locked",
            "lock timeout",
            "could not obtain lock",
            "canceling statement due to lock timeout",
        ),
        "Базу даних зараз змінює інший користувач або програма (наприклад, триває імпорт "
        "чи резервне копіювання). " + UNCHANGED + " Зачекайте хвилину і спробуйте ще раз.",
    ),
    (
        ("deadlock detected", "could not serialize access"),
        "Два записи в базу даних зіткнулися. " + UNCHANGED + " Спробуйте ще раз.",
    ),
    (
        ("disk i/o error", "unable to open database file"),
        "Не вдається прочитати або записати файл бази даних (диск, мережева тека чи права "
        "доступу). " + UNCHANGED + " Перевірте, чи доступна тека з базою, і повторіть дію.",
    ),
    (
        ("database disk image is malformed", "file is not a database"),
        "Файл бази даних пошкоджено. "
        + UNCHANGED
        + " Закрийте програму; під час наступного запуску вона запропонує відновити базу "
        "з резервної копії.",
    ),
    (
        ("лише доповнюється",),
        "Журнал дій лише доповнюється: змінювати чи видаляти його записи не можна. " + UNCHANGED,
    ),
    (
        (
            "server closed the connection",
            "connection refused",
            "could not connect",
            "terminating connection",
            "connection is closed",
            "consuming input failed",
        ),
        "Зв'язок із сервером бази даних перервано. "
        + UNCHANGED
        + " Перевірте мережу і повторіть дію; якщо не допомагає — перезапустіть програму.",
    ),
    (
        ("value too long", "string data right truncation"),
        "Значення задовге для бази даних. " + UNCHANGED + " Скоротіть текст і повторіть.",
    ),
)


def is_database_error(exc: BaseException) -> bool:
    """An error of the database itself: through SQLAlchemy, or from a plain read through the
    sqlite3 module (`Database.plain`: the settings, the calendar, a register's first page)."""
    import sqlite3

    from sqlalchemy.exc import SQLAlchemyError

    return isinstance(exc, SQLAlchemyError | sqlite3.Error)


def driver_text(exc: BaseException) -> str:
    """The driver's own message without SQLAlchemy's SQL and parameters."""
    orig: Any = getattr(exc, "orig", None)
    text = str(orig if orig is not None else exc)
    return text.split("\n[SQL:", 1)[0].strip()


def known(exc: BaseException) -> str | None:
    """The Ukrainian sentence for a database error we recognise, else None."""
    low = driver_text(exc).lower()
    for fragments, sentence in _KNOWN:
        if any(f in low for f in fragments):
            return sentence
    return None


def is_busy(exc: BaseException) -> bool:
    """Whether the database refused only because another writer held it (worth a retry)."""
    return known(exc) == _KNOWN[2][1]


def explain(exc: BaseException) -> str:
    """A Ukrainian sentence for any database error; an unknown one keeps the driver's first
    line (without SQL or values) for the administrator."""
    sentence = known(exc)
    if sentence is not None:
        return sentence
    first = (driver_text(exc).splitlines() or [""])[0][:300]
    return (
        "Базі даних не вдалося виконати дію. "
        + UNCHANGED
        + (f" Технічні подробиці для адміністратора: {first}" if first else "")
    )
