"""A shared PostgreSQL server: the connection a PC keeps, its password, and the check.

The URL is kept per PC (QSettings, by the window) and never holds the password. The password
goes to the system's credential store through `keyring` when the PC has one (Windows
Credential Manager, macOS Keychain, the Secret Service on Linux desktops); where there is none
(`keyring`'s fail backend, or the library missing), the window asks for it at start and keeps it
in memory only.
"""

from __future__ import annotations

from dataclasses import dataclass

from db.session import is_sqlite

KEYRING_SERVICE = "Dilovod"
DEFAULT_PORT = 5432


@dataclass(frozen=True)
class ServerConnection:
    """Where the shared database is: everything but the password."""

    host: str
    database: str
    user: str
    port: int = DEFAULT_PORT

    def url(self, password: str | None = None) -> str:
        """The SQLAlchemy URL (with the password only when given: never stored so)."""
        from sqlalchemy.engine import URL

        url = URL.create(
            "postgresql+psycopg",
            username=self.user or None,
            password=password or None,
            host=self.host or None,
            port=self.port,
            database=self.database,
        )
        return url.render_as_string(hide_password=False)

    @property
    def label(self) -> str:
        """«user@host:port/database», as the window and the credential store name it."""
        return f"{self.user}@{self.host}:{self.port}/{self.database}"

    @classmethod
    def from_url(cls, url: str) -> ServerConnection | None:
        """The connection a PostgreSQL URL names (None for SQLite and anything else)."""
        if is_sqlite(url) or "://" not in url:
            return None  # (a local file: SQLAlchemy not loaded for it, see db/session.py)
        from sqlalchemy.engine import make_url

        try:
            parsed = make_url(url)
        except Exception:
            return None
        if parsed.get_backend_name() != "postgresql":
            return None
        return cls(
            parsed.host or "", parsed.database or "", parsed.username or "", parsed.port or 5432
        )


def password_in_url(url: str) -> bool:
    from sqlalchemy.engine import make_url

    try:
        return bool(make_url(url).password)
    except Exception:
        return False


def without_password(url: str) -> str:
    """The URL as it may be shown or stored (the password masked out)."""
    if is_sqlite(url):
        return url  # no password in a file's address
    from sqlalchemy.engine import make_url

    try:
        return make_url(url).render_as_string(hide_password=True)
    except Exception:
        return url


# --- the credential store -------------------------------------------------------------------


def keyring_available() -> bool:
    """Whether this PC has a credential store `keyring` can use (not its fail backend)."""
    try:
        import keyring
        from keyring.backends import fail
    except ImportError:
        return False
    try:
        return not isinstance(keyring.get_keyring(), fail.Keyring)
    except Exception:
        return False


def stored_password(conn: ServerConnection) -> str | None:
    if not keyring_available():
        return None
    import keyring

    try:
        return keyring.get_password(KEYRING_SERVICE, conn.label)
    except Exception:  # a locked or broken store: ask instead
        return None


def store_password(conn: ServerConnection, password: str) -> bool:
    """Keep the password in the credential store; False where there is none (or it refused)."""
    if not keyring_available():
        return False
    import keyring

    try:
        keyring.set_password(KEYRING_SERVICE, conn.label, password)
    except Exception:
        return False
    return True


def forget_password(conn: ServerConnection) -> None:
    if not keyring_available():
        return
    import keyring

    try:
        keyring.delete_password(KEYRING_SERVICE, conn.label)
    except Exception:  # nothing stored
        return


# --- checking ----------------------------------------------------------------------------------


def check_connection(url: str, timeout: int = 5) -> str:
    """Connect and look: a Ukrainian sentence saying what was found. Raises ConnectionProblem."""
    from sqlalchemy import create_engine, inspect, text
    from sqlalchemy.pool import NullPool

    from db.migrate import SCHEMA_HEAD, current_revision
    from db.session import database_url

    url = database_url(url).replace("postgresql://", "postgresql+psycopg://", 1)
    engine = create_engine(url, connect_args={"connect_timeout": timeout}, poolclass=NullPool)
    try:
        with engine.connect() as conn:
            version = conn.execute(text("SHOW server_version")).scalar()
        if not inspect(engine).get_table_names():
            return f"З'єднання є (PostgreSQL {version}). База порожня: схему буде створено."
        revision = current_revision(engine)
        if revision is None:
            raise ConnectionProblem(
                "У цій базі вже є чужі таблиці: це не база Діловода. Вкажіть іншу (порожню) базу."
            )
        if revision == SCHEMA_HEAD:
            return f"З'єднання є (PostgreSQL {version}). База Діловода готова."
        return f"З'єднання є (PostgreSQL {version}). Схему бази буде оновлено."
    except ConnectionProblem:
        raise
    except Exception as exc:
        raise ConnectionProblem(explain(exc)) from exc
    finally:
        engine.dispose()


class ConnectionProblem(RuntimeError):
    """The server could not be used, with a Ukrainian explanation."""


def needs_password(exc: BaseException) -> bool:
    """Whether the server refused for want of a (right) password: then it is worth asking."""
    raw = str(getattr(exc, "orig", None) or exc.__cause__ or exc).lower()
    return "password" in raw


def explain(exc: BaseException) -> str:
    """A clerk's sentence for a failed connection (the driver's text kept after it)."""
    raw = str(getattr(exc, "orig", None) or exc).strip()
    low = raw.lower()
    if "password authentication failed" in low or "no password supplied" in low:
        reason = "Невірне ім'я користувача або пароль."
    elif "does not exist" in low and "database" in low:
        reason = "На сервері немає такої бази даних."
    elif "connection refused" in low or "could not connect" in low or "timeout" in low:
        reason = "Сервер не відповідає: перевірте адресу, порт і мережу."
    elif "could not translate host name" in low or "name or service not known" in low:
        reason = "Невідома адреса сервера."
    else:
        reason = "Не вдалося з'єднатися з сервером."
    first_line = raw.splitlines()[0] if raw else ""
    return f"{reason}\n({first_line})" if first_line else reason
