"""Child process of test_real_window.py: the real window on the xcb platform (an X server).

Prints the platform's name, the screen and the window's frame, then exits.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QEventLoop, QTimer


def main(path: str) -> int:
    from app.services.database import open_database
    from app.services.dialog_support import sign_in
    from tests import factories
    from ui.main_window import MainWindow, _application

    app = _application()
    db = open_database(path).db
    factories.organisation(db)
    sign_in(None)
    window = MainWindow(db)
    window.show()
    tab = window.current_tab()
    if tab is not None and tab.model.loading:
        loop = QEventLoop()
        tab.model.loaded.connect(loop.quit)
        QTimer.singleShot(20_000, loop.quit)
        loop.exec()
    app.processEvents()
    area = window.screen().availableGeometry()
    frame = window.frameGeometry()
    print(f"PLATFORM {app.platformName()}")
    print(f"SCREEN {area.width()} {area.height()}")
    print(f"WINDOW {frame.width()} {frame.height()} {int(window.isVisible())}")
    print(f"MINIMUM {window.minimumSizeHint().width()} {window.minimumSizeHint().height()}")
    window.close()
    db.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
