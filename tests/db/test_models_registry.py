"""db.models loads a model's module when the model is first asked for: the map it keeps must
name every model, or `from db.models import X` fails for the model a register added last."""

from __future__ import annotations

import importlib
import pkgutil
import subprocess
import sys

import db.models


def _defined_models() -> dict[str, str]:
    found: dict[str, str] = {}
    for info in pkgutil.iter_modules(db.models.__path__):
        module = importlib.import_module(f"db.models.{info.name}")
        for name, value in vars(module).items():
            defined_here = isinstance(value, type) and value.__module__ == module.__name__
            if defined_here and hasattr(value, "__table__"):
                found[name] = info.name
    return found


def test_every_model_is_named_by_the_package():
    defined = _defined_models()
    assert defined == db.models._WHERE
    assert sorted(db.models.__all__) == sorted(defined)
    for name in defined:
        assert getattr(db.models, name).__name__ == name


def test_asking_for_one_model_loads_only_its_module():
    probe = (
        "import sys\n"
        "from db.models import Document\n"
        "print(' '.join(sorted(m for m in sys.modules if m.startswith('db.models.'))))\n"
        "import db.models\n"
        "db.models.load_all()\n"
        "from db.base import Base\n"
        "print(len(Base.metadata.tables))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    ).stdout.split("\n")
    assert out[0] == "db.models.documents"
    assert int(out[1]) == sum(1 for _ in _defined_models())


def test_an_unknown_name_is_an_attribute_error():
    try:
        db.models.NoSuchModel  # noqa: B018
    except AttributeError as exc:
        assert "NoSuchModel" in str(exc)
    else:
        raise AssertionError("an unknown model name must not pass silently")
