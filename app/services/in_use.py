"""A mark beside a SQLite file while the window has it open, so a restore does not pull the
file from under a running program.

SQLite's own locks cannot tell a restore that a window holds the database: a WAL-mode reader
holds no lock a second process could test without risk. So the window writes
`<file>.in-use` (process id, computer, user) when it opens the file and removes it on exit; a
mark of a process that no longer runs on this computer is stale and ignored.
"""

from __future__ import annotations

import contextlib
import getpass
import os
import socket
from pathlib import Path

SUFFIX = ".in-use"


def _mark_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + SUFFIX)


def mark(db_path: Path) -> None:
    try:
        user = getpass.getuser()
    except Exception:
        user = ""
    text = f"{os.getpid()}\n{socket.gethostname()}\n{user}\n"
    with contextlib.suppress(OSError):  # a read-only folder: the database itself will say so
        _mark_path(db_path).write_text(text, encoding="utf-8")


def unmark(db_path: Path) -> None:
    path = _mark_path(db_path)
    try:
        if path.read_text(encoding="utf-8").split("\n", 1)[0] == str(os.getpid()):
            path.unlink()
    except (OSError, ValueError):
        pass


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process: it runs
    return True


def holder(db_path: Path) -> str | None:
    """Who has the file open in the window (another process), in Ukrainian; None if nobody."""
    try:
        pid_text, host, user = (_mark_path(db_path).read_text(encoding="utf-8") + "\n\n").split(
            "\n"
        )[:3]
        pid = int(pid_text)
    except (OSError, ValueError):
        return None
    if pid == os.getpid():
        return None
    if host == socket.gethostname():
        if not _alive(pid):
            return None
        who = f" (користувач {user})" if user else ""
        return f"базу даних зараз відкрито у вікні Діловода на цьому комп'ютері{who}"
    return f"базу даних зараз відкрито у вікні Діловода на комп'ютері {host}"
