from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from app.printing import fonts

ROOT = Path(__file__).resolve().parents[2]


def test_importing_the_package_does_not_import_reportlab() -> None:
    code = (
        "import sys, app.printing as p; "
        "assert 'reportlab' not in sys.modules, 'reportlab imported at start-up'; "
        "p.RegistrationStampData; p.print_journal; "
        "assert 'reportlab' in sys.modules"
    )
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True)


def test_fonts_and_licence_are_shipped() -> None:
    folder = fonts.fonts_dir()
    assert folder == ROOT / "resources" / "fonts"
    for name in ("Regular", "Bold", "Italic", "BoldItalic"):
        assert (folder / f"LiberationSerif-{name}.ttf").is_file()
    assert "SIL Open Font License" in (folder / "LICENSE-LiberationSerif.txt").read_text("utf-8")
    fonts.register_fonts()
    fonts.register_fonts()  # idempotent


def test_pyinstaller_bundle_is_honoured(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert fonts.resources_dir() == tmp_path / "resources"
