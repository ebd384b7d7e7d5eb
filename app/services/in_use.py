"""Who has a SQLite database open, so that a restore never pulls the file from under a running
program: a window, an import on the command line, any command that writes.

SQLite's own locks cannot tell: a WAL-mode reader holds none another process could test, and an
import that commits in steps holds the write lock only now and then. So every process that opens
the database (`open_database`) holds an operating-system lock on a small file of its own in the
folder `<file>.in-use/` beside the database. The lock goes with the process — closed, crashed or
killed — so a file left behind is recognised as stale. A restore takes the folder's `restore`
lock first (a program starting meanwhile is refused), then tries every holder's lock: one it
cannot take belongs to a live process, and the restore is refused.
"""

from __future__ import annotations

import contextlib
import getpass
import os
import secrets
import socket
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

SUFFIX = ".in-use"
RESTORE = "restore.lock"
#: Windows locks byte ranges and refuses to read a locked one: the lock sits past the text.
_LOCK_OFFSET = 2**20


class InUse(RuntimeError):
    """The database cannot be opened now (it is being restored); a Ukrainian message."""


def _folder(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + SUFFIX)


def _try_lock(fh: IO[bytes]) -> bool:
    """Take the file's lock without waiting; False when another process holds it."""
    try:
        if sys.platform == "win32":
            import msvcrt

            fh.seek(_LOCK_OFFSET)
            msvcrt.locking(fh.fileno(), msvcrt.LK_NBLCK, 1)
        else:
            import fcntl

            fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def _unlock(fh: IO[bytes]) -> None:
    with contextlib.suppress(OSError):
        if sys.platform == "win32":
            import msvcrt

            fh.seek(_LOCK_OFFSET)
            msvcrt.locking(fh.fileno(), msvcrt.LK_UNLCK, 1)
        else:
            import fcntl

            fcntl.flock(fh.fileno(), fcntl.LOCK_UN)


def _who() -> str:
    try:
        return getpass.getuser()
    except Exception:
        return ""


@dataclass
class _Hold:
    path: Path
    fh: IO[bytes]
    count: int = 1


_HELD: dict[Path, _Hold] = {}


def hold(db_path: Path, what: str = "Діловод") -> None:
    """Mark `db_path` as open by this process until `release` (or the process ends).

    Raises InUse while a restore of the file runs. A folder where nothing can be written
    protects nothing and is let be (opening the database will say so itself)."""
    db_path = db_path.resolve()
    if db_path in _HELD:
        _HELD[db_path].count += 1
        return
    folder = _folder(db_path)
    host = socket.gethostname()
    name = f"{host}-{os.getpid()}-{secrets.token_hex(4)}.lock"
    try:
        folder.mkdir(exist_ok=True)
        fh = open(folder / name, "w+b")  # noqa: SIM115 - held open while the database is
    except OSError:
        return
    fh.write(f"{os.getpid()}\n{host}\n{_who()}\n{what}\n".encode())
    fh.flush()
    if not _try_lock(fh):  # pragma: no cover - a fresh name nobody else knows
        fh.close()
        return
    _HELD[db_path] = _Hold(folder / name, fh)
    if _restore_running(folder):
        release(db_path)
        raise InUse(
            f"Базу даних {db_path} зараз відновлюють з резервної копії. Зачекайте хвилину і "
            "спробуйте ще раз."
        )


def release(db_path: Path) -> None:
    held = _HELD.get(db_path.resolve())
    if held is None:
        return
    held.count -= 1
    if held.count > 0:
        return
    del _HELD[db_path.resolve()]
    _unlock(held.fh)
    held.fh.close()
    held.path.unlink(missing_ok=True)


def _restore_running(folder: Path) -> bool:
    try:
        fh = open(folder / RESTORE, "a+b")  # noqa: SIM115 - closed below
    except OSError:
        return False
    try:
        if _try_lock(fh):
            _unlock(fh)
            return False
        return True
    finally:
        fh.close()


def _describe(text: str) -> str:
    _pid, host, user, what = ([*text.split("\n"), "", "", "", ""])[:4]
    here = host == socket.gethostname()
    where = "на цьому комп'ютері" if here else f"на комп'ютері {host or '?'}"
    who = f", користувач {user}" if user else ""
    return f"{what or 'Діловод'} ({where}{who})"


def holders(db_path: Path) -> list[str]:
    """The other live processes that have `db_path` open, described in Ukrainian; the marks of
    processes that are gone are removed on the way."""
    db_path = db_path.resolve()
    folder = _folder(db_path)
    if not folder.is_dir():
        return []
    own = _HELD.get(db_path)
    found = []
    for mark in sorted(folder.glob("*.lock")):
        if mark.name == RESTORE or (own is not None and mark == own.path):
            continue
        if mark.name.startswith(f"{socket.gethostname()}-{os.getpid()}-"):
            continue  # this very process: it closes the database before a restore
        try:
            fh = open(mark, "r+b")  # noqa: SIM115 - closed below
        except OSError:
            continue
        try:
            text = fh.read(4096).decode("utf-8", errors="replace")
            if _try_lock(fh):
                _unlock(fh)
                fh.close()
                mark.unlink(missing_ok=True)  # its process is gone
                continue
            found.append(_describe(text))
        finally:
            fh.close()
    return found


def holder(db_path: Path) -> str | None:
    """Who has the file open (another process), in Ukrainian; None if nobody."""
    found = holders(db_path)
    if not found:
        return None
    return "базу даних зараз відкрито: " + "; ".join(found)


@contextlib.contextmanager
def restoring(db_path: Path) -> Iterator[None]:
    """Hold the file's restore lock while it is replaced: programs starting meanwhile are
    refused. Raises InUse when another restore of it runs."""
    folder = _folder(db_path.resolve())
    try:
        folder.mkdir(exist_ok=True)
        fh = open(folder / RESTORE, "a+b")  # noqa: SIM115 - closed below
    except OSError:
        yield  # a folder where nothing can be written: the restore itself will fail there
        return
    try:
        if not _try_lock(fh):
            raise InUse(
                "Цю базу даних уже відновлюють з іншої копії. Зачекайте, поки це скінчиться."
            )
        try:
            yield
        finally:
            _unlock(fh)
    finally:
        fh.close()
