"""Window figures: cold start to a usable window, and a 1,000,000-row register in the window.

    python bench/bench_ui.py start              # cold start on an empty database (5 runs)
    python bench/bench_ui.py ratio              # the same against a bare PySide6 window
    python bench/bench_ui.py big /tmp/dilovod-bench.sqlite   # first screen, last row, memory
    python bench/bench_ui.py centre /tmp/dilovod-bench.sqlite   # the «Контроль» tab

"Usable" means the window is painted and the register's first page is in the table. Cold start
is measured from before the interpreter starts (the parent's clock) to that moment, in a fresh
process each time. Runs offscreen unless DISPLAY is set (then under Xvfb or a real screen).
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def _rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


#: Resident memory (MB) at the steps of `_show_window`, for the `big` figure's breakdown.
_MEMORY: dict[str, float] = {}


def _show_window(target: str) -> tuple[object, object]:
    """Open the database and show the main window as `run()` does; returns (app, window)."""
    _MEMORY["interpreter"] = _rss_mb()
    # In the program's order (`python -m app`): the `ui` package before PySide6, so that its
    # fix of PySide6's import hook (ui/__init__.py) is in place for every import after it.
    from app.services.database import open_database
    from ui.main_window import MainWindow, _application

    _MEMORY["imports"] = _rss_mb()
    app = _application()
    from PySide6.QtCore import QEventLoop, QTimer

    db = open_database(target).db
    # What `ui.main_window._show` reads before the window: the organisation and whether to ask
    # for a login (the benchmark's database has the one, and its login is never shown).
    from app.services.organisation import get_organisation
    from app.services.signed_in import asks_for_login

    get_organisation(db)
    asks_for_login(db)
    window = MainWindow(db)
    window.show()
    tab = window.current_tab() or window.register_tabs["incoming"]  # the one on screen
    loop = QEventLoop()
    if tab.model.loading:
        tab.model.loaded.connect(loop.quit)
        QTimer.singleShot(30_000, loop.quit)
        loop.exec()
    window.repaint()
    app.processEvents()
    _MEMORY["window"] = _rss_mb()
    return app, window


def probe_start(target: str) -> None:
    """Child process: show the window and print the wall clock when it is usable, then when
    the database layer is ready too — SQLAlchemy, the core models and the engine, which the
    first screen of a SQLite file does without and the background loads right after it (what
    the clerk's first card waits for if opened sooner)."""
    _app, window = _show_window(target)
    print(f"USABLE {time.time():.6f}", flush=True)
    from db.queries import documents  # noqa: F401  (loading in the background, or loaded)

    with window.db.read() as session:  # type: ignore[attr-defined]
        session.connection()
    print(f"READY {time.time():.6f}", flush=True)


def probe_floor() -> None:
    """Child process: the floor — a bare PySide6 window with 7 empty tabs, shown and painted,
    as a whole process (what no program on this machine can start faster than)."""
    from PySide6.QtWidgets import QApplication, QMainWindow, QTabWidget, QWidget

    app = QApplication(sys.argv)
    window = QMainWindow()
    tabs = QTabWidget(window)
    for i in range(7):
        tabs.addTab(QWidget(tabs), f"Вкладка {i + 1}")
    window.setCentralWidget(tabs)
    window.resize(1280, 720)
    window.show()
    window.repaint()
    app.processEvents()
    print(f"USABLE {time.time():.6f}", flush=True)


def _program_env(folder: Path) -> dict[str, str]:
    """The child's environment: the program as a clerk runs it. Its modules' bytecode is cached
    (pip compiles site-packages at install, PyInstaller ships bytecode, and a source checkout
    writes __pycache__ on the first run), so PYTHONDONTWRITEBYTECODE — set on some build and CI
    machines — is dropped: with it every start would recompile the program from source, a
    fifth of its instructions, which no clerk's start pays. The warm-up run writes the cache."""
    env = dict(os.environ, DILOVOD_HOME=str(folder))
    if env.pop("PYTHONDONTWRITEBYTECODE", None):
        print("(PYTHONDONTWRITEBYTECODE is set here: dropped for the measured program)")
    env.setdefault("QT_QPA_PLATFORM", "offscreen" if "DISPLAY" not in os.environ else "xcb")
    return env


def _timed(args: list[str], env: dict[str, str], mark: str = "USABLE") -> float:
    return _marks(args, env)[mark]


def _marks(args: list[str], env: dict[str, str]) -> dict[str, float]:
    """Seconds from before the child's interpreter started to each moment it printed."""
    started = time.time()
    out = subprocess.run(
        [sys.executable, __file__, *args], env=env, capture_output=True, text=True, check=True
    ).stdout
    return {
        line.split()[0]: float(line.split()[1]) - started
        for line in out.splitlines()
        if line.startswith(("USABLE", "READY"))
    }


def bench_start_ratio(runs: int = 7) -> None:
    """Cold start against the floor, run in turns so both see the same load: on a machine
    shared with other work the ratio is the figure to compare (0.6 s over the idle machine's
    0.18 s floor is 3.3×)."""
    from app.services import organisation
    from app.services.database import open_database

    folder = Path(tempfile.mkdtemp(prefix="dilovod-start-"))
    target = str(folder / "empty.sqlite")
    db = open_database(target).db
    organisation.save_organisation(
        db, organisation.OrganisationInfo("Виконавчий комітет міської ради", "Міська рада")
    )
    db.dispose()
    env = _program_env(folder)
    _timed(["probe", target], env)  # warm the disk cache
    _timed(["floor"], env)
    program, floor = [], []
    for _ in range(runs):
        program.append(_timed(["probe", target], env))
        floor.append(_timed(["floor"], env))
    p, f = statistics.median(program), statistics.median(floor)
    ratios = sorted(a / b for a, b in zip(program, floor, strict=True))
    print(
        f"cold start {p:.2f} s (min {min(program):.2f}), bare PySide6 window with 7 tabs "
        f"{f:.2f} s (min {min(floor):.2f}): ratio {p / f:.2f}× (paired runs: "
        f"{ratios[0]:.2f}–{ratios[-1]:.2f}×; target 0.6 / 0.18 = 3.3×) "
        f"{'OK' if p / f < 0.6 / 0.18 else 'OVER'}"
    )


def bench_start(runs: int = 5) -> None:
    from app.services import organisation
    from app.services.database import open_database

    folder = Path(tempfile.mkdtemp(prefix="dilovod-start-"))
    target = str(folder / "empty.sqlite")
    db = open_database(target).db
    organisation.save_organisation(
        db, organisation.OrganisationInfo("Виконавчий комітет міської ради", "Міська рада")
    )
    db.dispose()
    env = _program_env(folder)
    marks = [_marks(["probe", target], env) for _ in range(runs + 1)][1:]  # the first warms
    times = [m["USABLE"] for m in marks]  # the disk cache
    ready = statistics.median(m["READY"] for m in marks)
    median = statistics.median(times)
    verdict = "OK" if median < 0.6 else "OVER 0.6 s"
    print(
        f"cold start to a usable window, empty database: {median:.2f} s "
        f"(min {min(times):.2f}, max {max(times):.2f}) {verdict}; the database layer loaded "
        f"behind it: {ready:.2f} s"
    )


def bench_big(target: str, register: str = "incoming") -> None:
    before = time.perf_counter()
    app, window = _show_window(target)  # first: it imports in the program's order
    shown = time.perf_counter()
    from PySide6.QtCore import Qt

    tab = window.register_tabs[register]  # type: ignore[attr-defined]
    window.tabs.setCurrentWidget(tab)  # type: ignore[attr-defined]
    model, table = tab.model, tab.table
    if model.loading:  # a tab built only now (tabs are built when first shown)
        from PySide6.QtCore import QEventLoop, QTimer

        wait = QEventLoop()
        model.loaded.connect(wait.quit)
        QTimer.singleShot(30_000, wait.quit)
        wait.exec()
        shown = time.perf_counter()
    print(f"rows in the register: {model.rowCount():,}")
    print(f"open + window + first screen of the register: {(shown - before) * 1000:.0f} ms")

    def first_screen() -> float:
        started = time.perf_counter()
        model.set_query(model.query)
        from PySide6.QtCore import QEventLoop, QTimer

        loop = QEventLoop()
        model.loaded.connect(loop.quit)
        QTimer.singleShot(30_000, loop.quit)
        loop.exec()
        model.loaded.disconnect(loop.quit)
        table.repaint()
        return (time.perf_counter() - started) * 1000

    samples = [first_screen() for _ in range(5)]
    print(
        f"first screen once the database is open (reload of the view): "
        f"{statistics.median(samples):.1f} ms (target 150 ms)"
    )

    def jump_last() -> float:
        table.scrollToTop()
        table.repaint()
        model._pages.clear()
        started = time.perf_counter()
        table.scrollToBottom()
        last = model.index(model.rowCount() - 1, 0)
        table.setCurrentIndex(last)
        table.repaint()
        app.processEvents()  # type: ignore[attr-defined]
        value = model.data(last, Qt.ItemDataRole.DisplayRole)
        assert value, "the last row is empty"
        return (time.perf_counter() - started) * 1000

    jumps = [jump_last() for _ in range(5)]
    print(
        f"jump to the last row (Ctrl+End), painted: {statistics.median(jumps):.1f} ms "
        f"(target 100 ms)"
    )
    print(
        f"memory with the 1,000,000-row register open: {_rss_mb():.0f} MB (target 120 MB): "
        f"interpreter {_MEMORY['interpreter']:.0f}, after imports {_MEMORY['imports']:.0f}, "
        f"window with its first screen {_MEMORY['window']:.0f} "
        f"(step by step: bench/bench_memory.py)"
    )


def bench_centre(target: str) -> None:
    """The «Контроль» tab over the big database: counts read and painted, in the window."""
    from PySide6.QtCore import QEventLoop, QTimer

    app, window = _show_window(target)
    centre = window.control_tab  # type: ignore[attr-defined]
    window.tabs.setCurrentWidget(centre)  # type: ignore[attr-defined]

    def opened() -> float:
        started = time.perf_counter()
        centre.refresh()
        loop = QEventLoop()
        timer = QTimer()
        timer.timeout.connect(lambda: loop.quit() if not centre.loading else None)
        timer.start(1)
        loop.exec()
        timer.stop()
        centre.repaint()
        return (time.perf_counter() - started) * 1000

    samples = [opened() for _ in range(5)]
    print(
        f"control centre tab, counts read and painted: {statistics.median(samples):.0f} ms "
        f"(min {min(samples):.0f}, max {max(samples):.0f}; target 300 ms)"
    )
    del app


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else "start"
    if command == "probe":
        probe_start(sys.argv[2])
    elif command == "floor":
        probe_floor()
    elif command == "ratio":
        bench_start_ratio()
    elif command == "centre":
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        bench_centre(sys.argv[2] if len(sys.argv) > 2 else "/tmp/dilovod-bench.sqlite")
    elif command == "big":
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        bench_big(
            sys.argv[2] if len(sys.argv) > 2 else "/tmp/dilovod-bench.sqlite",
            sys.argv[3] if len(sys.argv) > 3 else "incoming",
        )
    else:
        bench_start()
