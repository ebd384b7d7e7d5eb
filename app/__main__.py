"""`python -m app` — the program's entry point: the window, or a command (`--help`).

This is the one module that knows all three layers (ARCHITECTURE.md): it hands the window's
start function to the command line, so that nothing else in app/ depends on the UI, and the UI
is imported only when the window is really started.
"""

from __future__ import annotations

from app.cli import main


def start_window(target: str | None) -> int:
    from ui.main_window import run

    return run(target)


if __name__ == "__main__":
    raise SystemExit(main(start_window=start_window))
