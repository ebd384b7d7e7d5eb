"""Issue 9: a restore while a command-line import runs moved every imported document into the
set-aside file (only a window left the in-use mark). Every process that opens the database holds
the mark now, and the restore is refused while one runs."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from app.cli import main
from app.services.backup import list_backups

ROOT = Path(__file__).resolve().parents[2]


def _journal(path: Path, rows: int) -> Path:
    lines = ["№;Дата реєстрації;Кореспондент;Короткий зміст"]
    lines += [f"{n};02.03.2026;Кореспондент {n % 50};Про лист {n}" for n in range(1, rows + 1)]
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def test_a_restore_waits_for_a_running_import(tmp_path, capsys):
    db = tmp_path / "d.sqlite"
    assert main(["--db", str(db), "init"]) == 0
    assert main(["--db", str(db), "backup", "--to", str(tmp_path / "copies")]) == 0
    [copy] = list_backups(tmp_path / "copies")
    journal = _journal(tmp_path / "j.csv", 3000)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-m", "app", "--db", str(db), "import", "incoming", str(journal)]
    importer = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    marks = db.with_name(db.name + ".in-use")
    deadline = time.monotonic() + 60
    while not any("import" in m.read_text(errors="replace") for m in marks.glob("*-*.lock")):
        assert importer.poll() is None, importer.communicate()
        assert time.monotonic() < deadline
        time.sleep(0.05)
    capsys.readouterr()
    assert main(["--db", str(db), "restore", str(copy), "--yes"]) == 1
    err = capsys.readouterr().err
    assert "Не відновлено" in err and "команда «import»" in err
    out, err = importer.communicate(timeout=240)
    assert importer.returncode == 0, err.decode()
    assert "Імпортовано документів: 3000" in out.decode()
    assert not list(tmp_path.glob("d.before-restore-*"))  # nothing was set aside
    import sqlite3

    conn = sqlite3.connect(db)
    assert conn.execute("SELECT count(*) FROM document").fetchone()[0] == 3000
    conn.close()
