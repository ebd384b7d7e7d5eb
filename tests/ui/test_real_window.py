"""The real window on a real X server (Qt's xcb platform, not offscreen), as on a Linux
desktop: it fails when one of the xcb libraries README.md names is missing.

Xvfb provides the server (`.ci/run` installs it); without Xvfb on this machine the test is
skipped. The screen is the office laptop's 1366×768: the window must fit it.
"""

from __future__ import annotations

import os
import select
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def x_display():
    xvfb = shutil.which("Xvfb")
    if xvfb is None:
        pytest.skip("Xvfb is not installed (bash .ci/run installs it)")
    read, write = os.pipe()
    server = subprocess.Popen(
        [xvfb, "-displayfd", str(write), "-screen", "0", "1366x768x24", "-nolisten", "tcp"],
        pass_fds=(write,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    ready, _, _ = select.select([read], [], [], 20)  # never wait forever for a server
    number = os.read(read, 64).decode().strip() if ready else ""
    os.close(read)
    if not number:
        server.kill()
        server.wait(10)
        pytest.skip("Xvfb did not start")
    yield f":{number}"
    server.terminate()
    server.wait(10)


@pytest.mark.slow
def test_the_window_starts_on_xcb_and_fits_1366x768(x_display, tmp_path):
    env = dict(os.environ)
    env.update(
        DISPLAY=x_display,
        QT_QPA_PLATFORM="xcb",
        DILOVOD_HOME=str(tmp_path),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        PYTHONPATH=str(ROOT),
    )
    env.pop("WAYLAND_DISPLAY", None)
    done = subprocess.run(
        [sys.executable, "-m", "tests.ui.xcb_child", str(tmp_path / "xcb.sqlite")],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    lines = dict(line.split(" ", 1) for line in done.stdout.splitlines() if " " in line)
    assert lines["PLATFORM"] == "xcb"
    width, height = map(int, lines["SCREEN"].split())
    assert (width, height) == (1366, 768)
    min_width, min_height = map(int, lines["MINIMUM"].split())
    assert min_width <= width and min_height <= height
    frame_width, frame_height, visible = map(int, lines["WINDOW"].split())
    assert visible == 1
    assert frame_width <= width and frame_height <= height
