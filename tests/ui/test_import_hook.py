"""`import ui` stops PySide6's import hook from keeping every imported module's source.

Run in a fresh interpreter each time: what matters is the order of the imports (the hook exists
from the first PySide6 import on), which this test process has long passed.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

PROBE = """
import json, linecache, sys
sys.path.insert(0, {folder!r})
{first}
import ui
import plain_module, qt_module
feature = sys.modules["shibokensupport.feature"]
print(json.dumps({{
    "cached": sorted(n for n in linecache.cache if n.endswith(("_module.py", "early.py"))),
    "plain": feature.pyside_feature_dict.get("plain_module"),
    "qt": feature.pyside_feature_dict.get("qt_module"),
    "qt_works": qt_module.check(),
}}))
"""


def _probe(tmp_path: Path, first: str) -> dict[str, object]:
    (tmp_path / "plain_module.py").write_text("VALUE = 1\n" * 2000)
    (tmp_path / "qt_module.py").write_text(
        "from PySide6.QtCore import QObject\n"
        "def check():\n"
        "    o = QObject()\n"
        "    o.setObjectName('ok')\n"  # Qt's own names: no snake_case feature switched on
        "    return o.objectName()\n"
    )
    (tmp_path / "early.py").write_text("EARLY = 1\n" * 2000)
    code = PROBE.format(folder=str(tmp_path), first=first)
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    return json.loads(out.splitlines()[-1])  # type: ignore[no-any-return]


def test_modules_imported_after_ui_leave_no_source_behind(tmp_path: Path) -> None:
    found = _probe(tmp_path, first="")
    assert found["cached"] == []
    # no source is read to answer shiboken: every module is «ignored» by __feature__ switching,
    # which the program never uses (ui/__init__.py), and PySide6 works as before in both
    assert found["plain"] == -1
    assert found["qt"] == -1
    assert found["qt_works"] == "ok"


def test_sources_kept_before_ui_are_dropped(tmp_path: Path) -> None:
    # PySide6 first (as under pytest-qt): the hook reads `early` into linecache; `import ui`
    # drops it, and nothing imported after it is kept.
    kept = "assert any(n.endswith('early.py') for n in linecache.cache)"
    found = _probe(tmp_path, first=f"import PySide6.QtCore, early; {kept}")
    assert found["cached"] == []
    assert found["plain"] == -1
    assert found["qt"] == -1
