"""Python's cyclic garbage is collected on the GUI thread, never on a worker.

A widget's Python wrapper caught in a reference cycle is freed by whichever thread's allocation
sets the collector off. When that is a worker — a register's page or the reference lists read
in the background (ui/tasks.py), SQLAlchemy imported after the first screen — Qt destroys the
widget off the GUI thread and the program crashes. Seen: QAbstractItemView::~QAbstractItemView
called from a worker importing a module, while a closed register tab's table was garbage
(tests/ui/test_small_points.py, one run in eight before this, more once the first screen moved
SQLAlchemy's import onto a worker). So the automatic collector is switched off and the same
generational collection runs from a timer on the GUI thread, as pyqtgraph's GarbageCollector
does: generation 0 when its count passes the usual threshold, older ones as they fill up.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QCoreApplication, QObject, QTimer

#: How often the GUI thread looks at the collector's counts, in ms.
INTERVAL_MS = 250

_COLLECTOR = "dilovod_gui_thread_collector"


class _Collector(QObject):
    def __init__(self, app: QCoreApplication) -> None:
        super().__init__(app)
        self.setObjectName(_COLLECTOR)
        self.thresholds = gc.get_threshold()
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.check)

    def check(self) -> None:
        first, second, third = gc.get_count()
        if third > self.thresholds[2]:
            gc.collect(2)
        elif second > self.thresholds[1]:
            gc.collect(1)
        elif first > self.thresholds[0]:
            gc.collect(0)


def collect_on_gui_thread(app: QCoreApplication) -> None:
    """Switch the automatic collector off and collect from `app`'s thread (once per app)."""
    if app.findChild(QObject, _COLLECTOR) is not None:
        return
    collector = _Collector(app)
    gc.disable()
    collector.timer.start(INTERVAL_MS)
    app.aboutToQuit.connect(gc.enable)
