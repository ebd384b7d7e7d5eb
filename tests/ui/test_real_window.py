"""The real window on a real X server (Qt's xcb platform, not offscreen), as on a Linux
desktop: it fails when one of the xcb libraries README.md names is missing.

Xvfb provides the server (`.ci/run` installs it); without Xvfb on this machine the test is
skipped. The screen is the office laptop's 1366×768: the window must fit it.
"""

from __future__ import annotations

import os
import random
import select
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _start_xvfb(xvfb: str, number: int) -> subprocess.Popen[bytes] | None:
    """Xvfb on display `number`, once it is ready (it writes the number to -displayfd).

    `-noreset`: without it the server resets when its last client leaves. The pipe stays open
    while the server runs: Xvfb writes the number and the newline apart, and dies («Cannot
    write display number») when the pipe is closed in between.
    """
    read, write = os.pipe()
    server = subprocess.Popen(
        [
            xvfb,
            f":{number}",
            "-displayfd",
            str(write),
            "-noreset",
            "-nolisten",
            "tcp",
            "-screen",
            "0",
            "1366x768x24",
        ],
        pass_fds=(write,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    ready, _, _ = select.select([read], [], [], 20)  # never wait forever for a server
    answer = os.read(read, 64).decode().strip() if ready else ""
    if answer == str(number) and Path(f"/tmp/.X11-unix/X{number}").exists():
        server.displayfd = read  # type: ignore[attr-defined]  # closed once the server stops
        return server
    server.kill()
    server.wait(10)
    os.close(read)
    return None


@pytest.fixture
def x_display():
    """A private X server at 1366×768 on a free display (other test runs may start their own
    at the same moment, so a number taken meanwhile is tried again with another)."""
    xvfb = shutil.which("Xvfb")
    if xvfb is None:
        pytest.skip("Xvfb is not installed (bash .ci/run installs it)")
    numbers = [
        n for n in random.sample(range(200, 400), 20) if not Path(f"/tmp/.X{n}-lock").exists()
    ]
    for number in numbers[:5]:
        server = _start_xvfb(xvfb, number)
        if server is not None:
            yield f":{number}"
            server.terminate()
            server.wait(10)
            os.close(server.displayfd)  # type: ignore[attr-defined]
            return
    pytest.skip("Xvfb did not start")


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
