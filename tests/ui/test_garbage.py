"""Cyclic garbage is collected on the GUI thread (ui/garbage.py): a widget freed by a worker's
collection crashed the program (Qt destroyed it off the GUI thread)."""

from __future__ import annotations

import gc
import threading
import weakref

from ui.garbage import collect_on_gui_thread


class _Node:
    def __init__(self) -> None:
        self.me = self  # a cycle: only the collector frees it


def _garbage(count: int, freed_on: list[int]) -> None:
    nodes = [_Node() for _ in range(count)]
    weakref.finalize(nodes[0], lambda: freed_on.append(threading.get_ident()))


def test_a_workers_allocations_collect_nothing_and_the_gui_thread_collects(qtbot, qapp):
    collect_on_gui_thread(qapp)
    collect_on_gui_thread(qapp)  # once per application
    assert not gc.isenabled()
    freed_on: list[int] = []
    worker = threading.Thread(target=_garbage, args=(5 * gc.get_threshold()[0], freed_on))
    worker.start()
    worker.join()
    assert not freed_on  # made and left as garbage on the worker, not collected there
    qtbot.waitUntil(lambda: bool(freed_on), timeout=5000)
    assert freed_on == [threading.main_thread().ident]
