"""The modules imported while the window's first screen comes up import no SQLAlchemy (issue 10).

SQLAlchemy and its ORM are a third of the start: the first page is read with the sqlite3
module and SQLAlchemy is loaded after the first screen. A regression guard, no Qt: the modules
below are parsed, and an import at module level (not inside a function, nor under
`if TYPE_CHECKING:`) of SQLAlchemy, Alembic or a db module built on them fails the test. The
runtime check (sqlalchemy not in sys.modules after the first screen) is the window's test.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

#: What loads SQLAlchemy when imported (db.session and db.migrate do not).
HEAVY = (
    "sqlalchemy",
    "alembic",
    "db.models",
    "db.queries",
    "db.base",
    "db.notify",
    "db.exchange",
    "db.types",
    "db.audit_chain",
    "app.services.reference",
    "app.services.audit",
)

#: Imported at start (through `python -m app` and ui.main_window).
START_MODULES = sorted(
    {
        "app/cli/__init__.py",
        "app/cli/program.py",
        "app/services/database.py",
        "app/services/connection.py",
        "app/services/settings.py",
        "app/services/organisation.py",
        "app/services/calendar.py",
        "app/services/signed_in.py",
        "app/services/register_view.py",
        "db/session.py",
        "db/migrate.py",
        "db/plain.py",
        "db/queries/__init__.py",
        "db/queries/plain_documents.py",
        "ui/main_window.py",
        "ui/startup.py",
        "ui/dialogs/login.py",
        "ui/models/register_model.py",
        *(p.relative_to(ROOT).as_posix() for p in (ROOT / "app" / "registers").glob("*.py")),
        "app/services/overdue.py",
        "app/services/access.py",
        "app/services/backup.py",
        "app/services/changes.py",
        "app/services/in_use.py",
        "app/reports/access.py",
        "ui/change_watcher.py",
        "ui/overdue_timer.py",
        "ui/backup.py",
        "ui/tasks.py",
        "ui/widgets.py",
        *(
            f"ui/registers/{name}.py"
            for name in (
                "__init__",
                "actions",
                "columns",
                "entity_tab",
                "export_action",
                "filter_bar",
                "register_tab",
                "registry",
                "reply",
                "scan",
                "shortcuts",
                "tab_protocol",
            )
        ),
    }
)


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _imported(node: ast.Import | ast.ImportFrom, package: str) -> Iterator[str]:
    if isinstance(node, ast.Import):
        yield from (alias.name for alias in node.names)
        return
    module = node.module or ""
    if node.level:  # relative: from the module's package
        parts = package.split(".")[: len(package.split(".")) - node.level + 1]
        module = ".".join([*parts, *([module] if module else [])])
    yield module
    yield from (f"{module}.{alias.name}" for alias in node.names)


def _runtime_imports(body: list[ast.stmt], package: str) -> Iterator[tuple[int, str]]:
    """(line, module) of the imports run when the module is imported."""
    for node in body:
        if isinstance(node, ast.Import | ast.ImportFrom):
            yield from ((node.lineno, name) for name in _imported(node, package))
        elif isinstance(node, ast.If):
            if not _is_type_checking(node.test):
                yield from _runtime_imports(node.body, package)
            yield from _runtime_imports(node.orelse, package)
        elif isinstance(node, ast.Try):
            for part in (node.body, *(h.body for h in node.handlers), node.orelse, node.finalbody):
                yield from _runtime_imports(part, package)
        elif isinstance(node, ast.With | ast.ClassDef):
            yield from _runtime_imports(node.body, package)


#: Modules under a heavy name that need no SQLAlchemy: the first screen's plain SQL.
LIGHT = ("db.queries.plain_documents",)


def _heavy(name: str) -> bool:
    if any(name == m or name.startswith(f"{m}.") for m in LIGHT):
        return False
    return any(name == h or name.startswith(f"{h}.") for h in HEAVY)


@pytest.mark.parametrize("path", START_MODULES)
def test_a_start_module_imports_no_sqlalchemy_at_module_level(path: str) -> None:
    file = ROOT / path
    assert file.exists(), f"{path}: listed as a start module but missing — update the list"
    module = path.removesuffix(".py").removesuffix("/__init__").replace("/", ".")
    package = module if path.endswith("__init__.py") else module.rpartition(".")[0]
    found = sorted(
        {
            (line, name)
            for line, name in _runtime_imports(ast.parse(file.read_text("utf-8")).body, package)
            if _heavy(name)
        }
    )
    assert not found, (
        f"{path} imports at module level what loads SQLAlchemy before the first screen "
        f"(issue 10): "
        + "; ".join(f"line {line}: {name}" for line, name in found)
        + ". Import it inside the function that uses it, or under `if TYPE_CHECKING:` when "
        "only annotations need it."
    )


def test_the_guard_sees_a_module_level_import() -> None:
    """The parser finds what the test must refuse, and lets through what it must allow."""
    source = (
        "from typing import TYPE_CHECKING\n"
        "from sqlalchemy.orm import Session\n"
        "if TYPE_CHECKING:\n    from db.models import Document\n"
        "def f():\n    from db.queries import records\n"
        "try:\n    from .models import Staff\nexcept ImportError:\n    pass\n"
    )
    found = [n for _, n in _runtime_imports(ast.parse(source).body, "db") if _heavy(n)]
    assert "sqlalchemy.orm" in found and "db.models.Staff" in found
    assert not any(n.startswith(("db.queries", "db.models.Document")) for n in found)
