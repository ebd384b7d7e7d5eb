"""The window (PySide6). Importing this package first tames one PySide6 import hook.

shiboken6 replaces `__import__` to support `from __feature__ import snake_case`, and after
every later import it asks whether the module uses PySide6 by reading its source through
`inspect.getsource` — which keeps the text of every imported module (SQLAlchemy, the services,
the dialogs) in `linecache` for the life of the process: about 10 million characters that no
traceback needs, 12 MB of the window's memory (21 MB when PySide6 is imported before SQLAlchemy;
bench/bench_memory.py). Reading the files without linecache still cost a twentieth of the
window's start (every module's whole source read once more). The answer only chooses a module's
`__feature__` default: 0 («no feature») for a module using PySide6, -1 («ignore it when
switching») for the others — and as the program never imports `__feature__`, the selection is
«no feature» everywhere either way. So every module is answered «ignore» at once, unread.
Known upstream: napari/napari#8584.
"""

from __future__ import annotations

import sys
from types import ModuleType


def _uses_pyside(module: ModuleType) -> bool:
    """shiboken's question «does this module use PySide6?», answered without reading its source:
    no module here selects a `__feature__`, so «ignore it» (False) changes nothing."""
    return False


def _tame_feature_hook() -> None:
    import shiboken6  # noqa: F401  (installs the hook and its `feature` module)

    feature = sys.modules.get("shibokensupport.feature")
    if feature is not None and hasattr(feature, "_mod_uses_pyside"):
        feature._mod_uses_pyside = _uses_pyside  # type: ignore[attr-defined]
    # What the hook kept before this (PySide6 imported first, as in the tests) is dropped too:
    # files only, which a traceback reads again; sources registered without a file stay.
    import linecache

    for name, entry in list(linecache.cache.items()):
        if len(entry) == 4 and entry[1] is not None:
            linecache.cache.pop(name, None)


_tame_feature_hook()
