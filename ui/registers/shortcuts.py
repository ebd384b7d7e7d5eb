"""Keyboard shortcuts of a register tab's document actions, shown in menus and tooltips.

A clerk with a letter in one hand works from the keyboard: after Ctrl+N and Enter comes the
resolution, control, the stamp. The same keys work on the registration card after
«Зареєстровано» (ui/dialogs/card_flow.py), so they are declared once, here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence

if TYPE_CHECKING:
    from ui.registers.tab_protocol import TabBase

RESOLUTION = "Ctrl+R"
PUT_ON_CONTROL = "Ctrl+K"
EXTEND = "Ctrl+Shift+K"
PROGRESS = "Ctrl+Shift+H"
REMOVE = "Ctrl+Shift+D"
STAMP = "Ctrl+Shift+P"
SEND = "Ctrl+Shift+S"
REPLY = "Ctrl+Shift+R"

#: The printout a stamp shortcut prints (app.services.printouts function name).
STAMP_FUNCTION = "stamp_pdf"


def native(keys: str) -> str:
    """«Ctrl+Shift+K» as this system writes it (a menu shows it the same way)."""
    return QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)


def with_keys(text: str, keys: str) -> str:
    """A tooltip that names the shortcut: «Зняти з контролю (Ctrl+Shift+D)»."""
    return f"{text.rstrip('…')} ({native(keys)})"


def bind(tab: TabBase, action: QAction | None, keys: str) -> None:
    """Give `action` its shortcut, working anywhere in the tab; the tooltip names it."""
    if action is None:
        return
    action.setShortcut(QKeySequence(keys))
    action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    action.setToolTip(with_keys(action.toolTip() or action.text(), keys))
    if action not in tab.actions():
        tab.addAction(action)


def apply_shortcuts(tab: TabBase) -> None:
    """Shortcuts for the tab's document actions (those the register has)."""
    acts = tab.document_actions
    bind(tab, acts.send_action, SEND)
    if acts.control_actions:
        bind(tab, acts.resolution_action, RESOLUTION)
        bind(tab, acts.put_action, PUT_ON_CONTROL)
        bind(tab, acts.extend_action, EXTEND)
        bind(tab, acts.progress_action, PROGRESS)
        bind(tab, acts.remove_action, REMOVE)
    stamp = stamp_action(tab)
    bind(tab, stamp, STAMP)


def stamp_action(tab: TabBase) -> QAction | None:
    """The «Друк ▸ Штамп реєстрації» action, where the register prints one."""
    titles = {p.title for p in tab.spec.printouts if p.function == STAMP_FUNCTION}
    return next((a for a in tab.document_actions.doc_print_actions if a.text() in titles), None)
