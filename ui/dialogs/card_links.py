"""The links between a letter and its answers on a card, clickable both ways: an incoming card
lists the outgoing documents that answer it, an outgoing card the letters it answers. A click
opens the other card over this one."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from app.registers import REGISTERS
from app.services.dialog_support import current_user
from app.services.replies import LinkedDocument, Links, links_of
from db.session import Database


def links_html(links: Links) -> str:
    def anchors(items: tuple[LinkedDocument, ...]) -> str:
        return ", ".join(f"<a href='doc:{d.register}:{d.id}'>{escape(d.label)}</a>" for d in items)

    parts = []
    if links.answers:
        parts.append(f"Відповіді: {anchors(links.answers)}")
    if links.answered:
        parts.append(f"У відповідь на: {anchors(links.answered)}")
    return " · ".join(parts)


class CardLinks(QLabel):
    """Hidden when the document has no links (or there is no document yet: a new card shows
    them as soon as it registers one)."""

    def __init__(self, db: Database, doc_id: int | None, parent: QWidget) -> None:
        super().__init__(parent)
        self.db = db
        self.opened: QWidget | None = None  # the card opened from a link (tests close it)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse)
        self.linkActivated.connect(self._on_link)
        self.links = Links((), ())
        self.show_for(doc_id)

    def show_for(self, doc_id: int | None) -> None:
        """Read the links of `doc_id` (None: a new card's empty state) and show them."""
        self.links = links_of(self.db, doc_id, current_user()) if doc_id else Links((), ())
        self.setText(links_html(self.links))
        self.setVisible(bool(self.text()))

    def _on_link(self, href: str) -> None:
        _, register, doc_id = href.split(":")
        from ui.dialogs.document_form import DocumentForm

        card = DocumentForm(self.db, REGISTERS[register], int(doc_id), self.window())
        self.opened = card
        card.exec()
        card.deleteLater()
        self.opened = None
