"""Where the window's memory goes with a 1,000,000-row register open, step by step.

    python bench/bench_memory.py /tmp/dilovod-bench.sqlite [register]
    python bench/bench_memory.py /tmp/dilovod-bench.sqlite incoming --trace   # + Python objects
    python bench/bench_memory.py /tmp/dilovod-bench.sqlite incoming --maps    # + per mapping

Each step prints the process's resident memory (VmRSS, split into anonymous memory — the heap,
Python objects, SQLite's page caches — and file-backed pages — the shared libraries' code and
data actually touched) and what was added since the step before. The steps follow the program's
start (`ui.main_window.run`) and then what `bench_ui.py big` does with the register: open it,
reload the view five times, jump to the last row five times. `--trace` adds tracemalloc's
largest Python allocations by file at the end (it costs memory itself, so the figures of a
`--trace` run are higher). Build the database with `python bench/big_database.py`.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

_steps: list[tuple[str, dict[str, float]]] = []
_clock = [time.perf_counter()]


def memory() -> dict[str, float]:
    """VmRSS, RssAnon and RssFile of this process, in MB."""
    found: dict[str, float] = {}
    for line in Path("/proc/self/status").read_text().splitlines():
        key, _, value = line.partition(":")
        if key in ("VmRSS", "RssAnon", "RssFile", "RssShmem"):
            found[key] = int(value.split()[0]) / 1024
    return found


def step(label: str) -> None:
    now = memory()
    before = _steps[-1][1] if _steps else {"VmRSS": 0.0}
    _steps.append((label, now))
    took, _clock[0] = time.perf_counter() - _clock[0], time.perf_counter()
    print(
        f"{label:<46} {now['VmRSS']:6.1f} MB  (+{now['VmRSS'] - before['VmRSS']:5.1f}; "
        f"anonymous {now['RssAnon']:5.1f}, files {now['RssFile']:5.1f}; {took * 1000:5.0f} ms)",
        flush=True,
    )


def _mappings() -> list[tuple[str, int]]:
    """Resident kB per mapped file ([heap], [anon] for the unnamed), the largest first."""
    sizes: dict[str, int] = {}
    name = ""
    for line in Path("/proc/self/smaps").read_text().splitlines():
        parts = line.split()
        if parts and "-" in parts[0] and len(parts) >= 5 and not parts[0].endswith(":"):
            name = parts[5] if len(parts) > 5 else "[anon]"
        elif parts and parts[0] == "Rss:":
            sizes[name] = sizes.get(name, 0) + int(parts[1])
    return sorted(sizes.items(), key=lambda item: -item[1])


def _sqlite_memory() -> tuple[float, float]:
    """What the SQLite library holds (page caches, schemas, statements), in MB; (nan, nan) when
    the library cannot be reached (the same shared library the sqlite3 module uses)."""
    import ctypes
    import ctypes.util

    name = ctypes.util.find_library("sqlite3")
    if not name:
        return float("nan"), float("nan")
    library = ctypes.CDLL(name)
    library.sqlite3_memory_used.restype = ctypes.c_int64
    library.sqlite3_memory_highwater.restype = ctypes.c_int64
    return (
        library.sqlite3_memory_used() / 2**20,
        library.sqlite3_memory_highwater(0) / 2**20,
    )


def _wait_loaded(model: object) -> None:
    from PySide6.QtCore import QEventLoop, QTimer

    if not model.loading:  # type: ignore[attr-defined]
        return
    loop = QEventLoop()
    model.loaded.connect(loop.quit)  # type: ignore[attr-defined]
    QTimer.singleShot(30_000, loop.quit)
    loop.exec()
    model.loaded.disconnect(loop.quit)  # type: ignore[attr-defined]


def main(target: str, register: str, trace: bool) -> None:
    step("interpreter")
    if trace:
        import tracemalloc

        tracemalloc.start()
    from app.services.database import open_database

    step("imports: the database service")
    from ui.main_window import MainWindow, _application

    step("imports: the window")
    app = _application()
    step("QApplication")
    db = open_database(target).db
    step("database open (schema checked)")
    window = MainWindow(db)
    step("main window built")
    window.show()
    tab = window.current_tab() or window.register_tabs["incoming"]
    _wait_loaded(tab.model)
    window.repaint()
    app.processEvents()
    step("window shown, its register's first screen")

    tab = window.register_tabs[register]
    window.tabs.setCurrentWidget(tab)
    model, table = tab.model, tab.table
    _wait_loaded(model)
    table.repaint()
    app.processEvents()
    step(f"register «{register}» open ({model.rowCount():,} rows)")

    for _ in range(5):
        model.set_query(model.query)
        _wait_loaded(model)
        table.repaint()
    step("view reloaded five times")

    from PySide6.QtCore import Qt

    for _ in range(5):
        table.scrollToTop()
        table.repaint()
        model._pages.clear()
        table.scrollToBottom()
        last = model.index(model.rowCount() - 1, 0)
        table.setCurrentIndex(last)
        table.repaint()
        app.processEvents()
        assert model.data(last, Qt.ItemDataRole.DisplayRole)
    step("jumped to the last row five times")

    # The clerk pages through the register: every page of rows read on the way is cached up to
    # the model's bound, so this is the most the table's rows hold.
    from ui.models.register_model import PAGE_SIZE

    bar = table.verticalScrollBar()
    started = time.perf_counter()
    screens = 0
    for row in range(0, 60 * PAGE_SIZE, PAGE_SIZE // 2):
        table.scrollTo(model.index(row, 0), table.ScrollHint.PositionAtTop)
        table.repaint()
        screens += 1
    app.processEvents()
    took = (time.perf_counter() - started) * 1000 / screens
    step(f"paged down through {60 * PAGE_SIZE:,} rows ({took:.0f} ms a screen)")
    bar.setValue(bar.maximum() // 2)
    table.repaint()
    step("the middle of the register")

    from dataclasses import replace

    for search in ("ремонт", "Коваль"):  # a word in 150,000 documents; a rare one
        model.set_query(replace(model.query, search=search))
        _wait_loaded(model)
        table.repaint()
    step(f"searched twice ({model.rowCount():,} rows found)")
    model.set_query(replace(model.query, search="", sort="correspondent", descending=False))
    _wait_loaded(model)
    table.repaint()
    step("sorted by correspondent")
    from ui import tasks

    started = time.monotonic()
    while tasks.pending() and time.monotonic() - started < 60:
        app.processEvents()
        time.sleep(0.01)
    step(f"background work done ({time.monotonic() - started:.1f} s more)")

    import linecache

    sqlite_mb, sqlite_peak = _sqlite_memory()
    pool = db.engine.pool
    print(
        f"\nSQLite's own memory: {sqlite_mb:.1f} MB (peak {sqlite_peak:.1f} MB) in "
        f"{pool.checkedin() + pool.checkedout()} pooled connections; "
        f"SQLAlchemy's compiled cache: {len(db.engine._compiled_cache or {})} statements; "
        f"threads: {len(os.listdir('/proc/self/task'))}"
    )

    pages = len(model._pages)
    rows = sum(len(page) for page in model._pages.values())
    print(
        f"\nmodel: {pages} cached pages, {rows} rows; linecache: {len(linecache.cache)} files; "
        f"modules: {len(sys.modules)}"
    )
    if "--maps" in sys.argv:
        print("\nresident memory by mapping (smaps), the largest:")
        for name, kb in _mappings()[:25]:
            print(f"  {kb / 1024:6.1f} MB  {name}")
    if trace:
        import tracemalloc

        snapshot = tracemalloc.take_snapshot()
        traced, peak = tracemalloc.get_traced_memory()
        print(f"Python objects (tracemalloc): {traced / 2**20:.1f} MB, peak {peak / 2**20:.1f} MB")
        for stat in snapshot.statistics("filename")[:25]:
            frame = stat.traceback[0]
            name = frame.filename.replace(str(ROOT) + "/", "").replace(sys.prefix, "…")
            print(f"  {stat.size / 2**20:6.2f} MB  {stat.count:8,}  {name}")
    window.close()
    tasks.wait_for_done()


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    arguments = [a for a in sys.argv[1:] if not a.startswith("--")]
    main(
        arguments[0] if arguments else "/tmp/dilovod-bench.sqlite",
        arguments[1] if len(arguments) > 1 else "incoming",
        "--trace" in sys.argv,
    )
