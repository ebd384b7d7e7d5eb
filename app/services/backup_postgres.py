"""A backup of a PostgreSQL database through `pg_dump -Fc` (restored with `pg_restore`).

The server's own tools make the only trustworthy copy of a live PostgreSQL database, so the
program only runs them: `pg_dump` must be on PATH (it comes with the PostgreSQL client
programs). The password travels in the PGPASSWORD environment variable, never on the command
line, where every user of the PC could read it in the process list.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from sqlalchemy.engine import make_url

from app.services.backup import DEFAULT_KEEP, BackupError, prune, remember, stamped_path

DUMP_TIMEOUT_S = 3600


def pg_dump_command(url: str, target: Path) -> tuple[list[str], dict[str, str]]:
    """The pg_dump command line and its environment for a database URL."""
    program = shutil.which("pg_dump")
    if program is None:
        raise BackupError(
            "Програму pg_dump не знайдено. Встановіть клієнтські програми PostgreSQL "
            "(пакет postgresql-client) або зробіть копію на сервері — див. README, "
            "розділ «Резервні копії сервера»."
        )
    parsed = make_url(url)
    command = [program, "--format=custom", "--no-password", f"--file={target}"]
    if parsed.host:
        command.append(f"--host={parsed.host}")
    if parsed.port:
        command.append(f"--port={parsed.port}")
    if parsed.username:
        command.append(f"--username={parsed.username}")
    command.append(f"--dbname={parsed.database}")
    env = dict(os.environ)
    if parsed.password:
        env["PGPASSWORD"] = str(parsed.password)
    return command, env


def backup_postgres(url: str, folder: Path, keep: int = DEFAULT_KEEP) -> Path:
    """`pg_dump -Fc` of the database at `url` into `folder`; the newest `keep` dumps stay."""
    stem = make_url(url).database or "dilovod"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise BackupError(f"Теку для резервних копій {folder} недоступна: {exc}") from exc
    target = stamped_path(folder, stem, ".dump")
    partial = target.with_name(target.name + ".partial")
    command, env = pg_dump_command(url, partial)
    try:
        result = subprocess.run(
            command, env=env, capture_output=True, text=True, timeout=DUMP_TIMEOUT_S, check=False
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        partial.unlink(missing_ok=True)
        raise BackupError(f"pg_dump не виконано: {exc}") from exc
    if result.returncode != 0:
        partial.unlink(missing_ok=True)
        raise BackupError(f"pg_dump завершився з помилкою: {result.stderr.strip()}")
    os.replace(partial, target)
    remember(target)
    prune(folder, stem, ".dump", keep)
    return target
