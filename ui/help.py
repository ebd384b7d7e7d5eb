"""The user manual: Markdown pages in resources/help/, shown in a help window (F1).

Each page is a Markdown file; pages link to each other with relative links, optionally to a
heading: ``[Терміни](control.md#терміни-виконання)``. A heading's anchor (`anchor_of`) is its
text in lower case, without any character but letters, digits, spaces, «-» and «_», the spaces
made «-» (as GitHub names them, so the links also work where the repository is browsed).
tests/test_help_links.py checks that every link leads to a page and a heading that exist.

`open_help(parent, topic)` shows the page of a tab (`TOPICS`: the register's code, «control» for
the control centre); the main window calls it from «Довідка ▸ Посібник користувача» and on F1.
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.paths import resources_dir
from ui.screen import fit_to_screen

INDEX = "index.md"
#: The page of each tab: a register's code, or «control» for the control centre.
TOPICS: dict[str, str] = {
    "control": "control.md",
    "incoming": "incoming.md",
    "outgoing": "outgoing.md",
    "orders": "orders.md",
    "decisions": "meetings.md",
    "meetings": "meetings.md",
    "awards": "awards.md",
    "appeals": "appeals.md",
    "info_requests": "appeals.md",
    "staff": "staff.md",
    "personnel": "personnel.md",
    "household": "households.md",
}
#: Schemes opened outside the program (in the browser, the mail program).
EXTERNAL = ("http", "https", "mailto")

_NOT_IN_ANCHOR = re.compile(r"[^\w\s-]", re.UNICODE)


def help_dir() -> Path:
    return resources_dir() / "help"


def page_for(topic: str | None) -> str:
    """The page about `topic` (a tab's code); the contents for anything else."""
    return TOPICS.get(topic or "", INDEX)


def anchor_of(heading: str) -> str:
    """«Терміни виконання (п. 9.11)» → «терміни-виконання-п-911»."""
    text = _NOT_IN_ANCHOR.sub("", heading.strip().lower())
    return re.sub(r"\s", "-", text)


def read_page(page: str) -> str:
    return (help_dir() / page).read_text(encoding="utf-8")


def page_title(markdown: str) -> str:
    """The text of the page's first heading."""
    match = re.search(r"^#\s+(.+)$", markdown, re.MULTILINE)
    return match.group(1).strip() if match else ""


class HelpWindow(QDialog):
    """The manual: one page at a time, its links followed inside, «Назад», «Зміст»."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Довідка")
        self.page = ""
        self._history: list[tuple[str, str]] = []
        self.browser = QTextBrowser(self)
        self.browser.setOpenLinks(False)  # links are followed here: pages and their anchors
        self.browser.anchorClicked.connect(self._on_link)
        self.back_button = QPushButton("Назад", self)
        self.back_button.setToolTip("Попередня сторінка (Alt+←)")
        self.back_button.setShortcut("Alt+Left")
        self.back_button.clicked.connect(self.back)
        self.contents_button = QPushButton("Зміст", self)
        self.contents_button.setToolTip("Зміст посібника")
        self.contents_button.clicked.connect(lambda: self.go(INDEX))
        close_button = QPushButton("Закрити", self)
        close_button.clicked.connect(self.close)
        buttons = QHBoxLayout()
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.contents_button)
        buttons.addStretch(1)
        buttons.addWidget(close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addLayout(buttons)
        self.setMinimumSize(480, 360)
        fit_to_screen(self, 900, 640)  # no taller than a 1366×768 laptop leaves
        self._update_buttons()

    def show_page(self, page: str, anchor: str = "") -> None:
        """Show `page` (a file name in resources/help/) at the heading `anchor`."""
        path = help_dir() / page
        if not path.is_file():
            page, anchor = INDEX, ""
        text = read_page(page)
        if page != self.page:
            self.browser.setMarkdown(text)
            self._name_headings(self.browser.document())
            self.page = page
            title = page_title(text)
            self.setWindowTitle(f"Довідка — {title}" if title else "Довідка")
        if anchor:
            self.browser.scrollToAnchor(anchor)
        else:
            self.browser.verticalScrollBar().setValue(0)
        self._update_buttons()

    def go(self, page: str, anchor: str = "") -> None:
        """Show a page, remembering the one shown now for «Назад»."""
        if self.page:
            self._history.append((self.page, self._top_anchor()))
        self.show_page(page, anchor)

    def back(self) -> None:
        if self._history:
            page, anchor = self._history.pop()
            self.show_page(page, anchor)

    def _on_link(self, url: QUrl) -> None:
        if url.scheme() in EXTERNAL:
            QDesktopServices.openUrl(url)
            return
        page = Path(url.path()).name or self.page
        self.go(page, url.fragment(QUrl.ComponentFormattingOption.FullyDecoded))

    def _name_headings(self, document: QTextDocument) -> None:
        """Every heading becomes an anchor named `anchor_of` its text (Qt names none)."""
        block = document.begin()
        while block.isValid():
            if block.blockFormat().headingLevel() > 0:
                cursor = QTextCursor(block)
                cursor.setPosition(
                    block.position() + max(block.length() - 1, 0),
                    QTextCursor.MoveMode.KeepAnchor,
                )
                name = QTextCharFormat()
                name.setAnchor(True)
                name.setAnchorNames([anchor_of(block.text())])
                cursor.mergeCharFormat(name)
            block = block.next()

    def _top_anchor(self) -> str:
        """The heading nearest above the top of the view (where «Назад» returns)."""
        cursor = self.browser.cursorForPosition(self.browser.viewport().rect().topLeft())
        block = cursor.block()
        while block.isValid():
            if block.blockFormat().headingLevel() > 0:
                return anchor_of(block.text())
            block = block.previous()
        return ""

    def _update_buttons(self) -> None:
        self.back_button.setEnabled(bool(self._history))


def open_help(parent: QWidget | None, topic: str | None = None) -> HelpWindow:
    """Show the manual at the page of `topic` (a tab's code), in the parent's help window if it
    has one open already (one window, brought to the front), else in a new one."""
    window = parent.findChild(HelpWindow) if parent is not None else None
    if window is None:
        window = HelpWindow(parent)
        window.show_page(page_for(topic))
    else:
        window.go(page_for(topic))
    window.show()
    window.raise_()
    window.activateWindow()
    return window
