"""`python -m app` without a command starts the window without building every command's
parser (they import the reports' and services' modules, with SQLAlchemy: issue 10)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from app.cli.program import main, window_args


@pytest.mark.parametrize(
    ("argv", "db"),
    [([], None), (["gui"], None), (["--db", "x.sqlite"], "x.sqlite"), (["gui", "--db", "y"], "y")],
)
def test_the_window_starts_with_these(argv: list[str], db: str | None) -> None:
    args = window_args(argv)
    assert args is not None and args.db == db
    chosen: list[str | None] = []
    assert main(argv, start_window=lambda target: chosen.append(target) or 0) == 0
    assert len(chosen) == 1
    if db:
        assert chosen == [db]


@pytest.mark.parametrize(
    "argv",
    [
        ["--help"],
        ["demo"],
        ["report", "appeals"],
        ["--db"],
        ["gui", "extra"],
        ["-x"],
        ["gui", "--user", "x"],
    ],
)
def test_anything_else_is_the_full_parsers(argv: list[str]) -> None:
    assert window_args(argv) is None


def test_a_mistake_is_reported_once(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db"], start_window=lambda target: 0) == 2
    err = capsys.readouterr().err
    assert err.count("помилка") == 1 and "--db" in err


def test_starting_the_window_builds_no_command_parser(tmp_path) -> None:  # type: ignore[no-untyped-def]
    probe = (
        "import sys\n"
        "from app.cli import main\n"
        "main(['--db', sys.argv[1]], start_window=lambda target: 0)\n"
        "print(' '.join(m for m in ('sqlalchemy', 'app.cli.reports', 'app.services.reference')"
        " if m in sys.modules) or 'none')\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe, str(tmp_path / "x.sqlite")],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert out.split() == ["none"]
