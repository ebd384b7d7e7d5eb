"""«Відповісти»: a new outgoing card filled in from the selected incoming letter.

Offered by the incoming tab (toolbar, context menu, Ctrl+Shift+R) and by the letter's card after
«Зареєстровано». The answer is registered in the outgoing register; its tab re-reads once saved.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from app.registers import REGISTERS
from app.services.signed_in import current_user
from db.session import Database
from ui.registers import shortcuts

if TYPE_CHECKING:
    from ui.dialogs.document_form import DocumentForm
    from ui.registers.tab_protocol import TabBase

ANSWERS = {"incoming": "outgoing"}  # the register a letter's answer is registered in


def reply_form(db: Database, incoming_id: int, parent: QWidget | None) -> DocumentForm:
    """The answer's card, filled in and not yet shown."""
    from app.services.replies import reply_values
    from ui.dialogs.document_form import DocumentForm

    values = reply_values(db, incoming_id, current_user())
    form = DocumentForm(db, REGISTERS["outgoing"], None, parent)
    form.setWindowTitle(f"{form.windowTitle()} — відповідь")
    form.prefill(values)
    focus = form.editors.get("summary")
    if focus is not None:
        focus.focus_widget.setFocus()  # the addressee is there; what is answered is not
    return form


def open_reply(db: Database, incoming_id: int, parent: QWidget) -> None:
    """Open the answer's card; after it is registered, the outgoing tab shows it."""
    form = reply_form(db, incoming_id, parent)
    owner: QWidget | None = parent  # the main window, through a card opened over a tab
    while owner is not None and not hasattr(owner, "register_tabs"):
        owner = owner.parentWidget()
    outgoing = getattr(owner, "register_tabs", {}).get("outgoing")
    if outgoing is not None:
        form.saved.connect(outgoing.document_changed)
    form.exec()
    form.deleteLater()


def install_reply_action(tab: TabBase) -> None:
    """«Відповісти…» on a register whose letters are answered in another register."""
    if tab.spec.code not in ANSWERS:
        tab.reply_action = None
        return

    def reply() -> None:
        doc_id = tab.current_id()
        if doc_id is not None:
            open_reply(tab.db, doc_id, tab)

    action = tab.table_action("Відповісти…", reply, "Нова вихідна картка у відповідь на цей лист")
    shortcuts.bind(tab, action, shortcuts.REPLY)
    tab.toolbar.addAction(action)
    tab.reply_action = action
