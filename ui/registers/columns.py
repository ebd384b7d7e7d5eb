"""Columns a clerk can hide: a right click on a table's header lists them with check boxes.

On a 1366-px laptop not every column of a register fits beside a readable summary; the clerk
hides what she does not need («Вид», «Дата док.») and the header's saved state (QSettings, see
RegisterTab.save_state) remembers it. The last visible column cannot be hidden.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction, QPainter
from PySide6.QtWidgets import (
    QHeaderView,
    QMenu,
    QProxyStyle,
    QStyle,
    QStyleOption,
    QStyleOptionHeader,
    QTableView,
    QWidget,
)

MENU_TITLE = "Стовпці"


def column_menu(table: QTableView) -> QMenu:
    """A menu of the table's columns, each checked while shown; toggling shows or hides it."""
    header = table.horizontalHeader()
    model = table.model()
    menu = QMenu(MENU_TITLE, table)
    visible = [i for i in range(header.count()) if not header.isSectionHidden(i)]
    for logical in range(header.count()):
        title = str(model.headerData(logical, Qt.Orientation.Horizontal) or "")
        action = QAction(title, menu)
        action.setCheckable(True)
        action.setChecked(not header.isSectionHidden(logical))
        action.setEnabled(header.isSectionHidden(logical) or len(visible) > 1)
        action.toggled.connect(
            lambda shown, i=logical: header.setSectionHidden(i, not shown)  # type: ignore[misc]
        )
        menu.addAction(action)
    return menu


def install_column_menu(table: QTableView) -> None:
    """A right click on the header opens `column_menu` there."""
    header: QHeaderView = table.horizontalHeader()
    header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
    header.setToolTip("Клацніть правою кнопкою, щоб сховати чи показати стовпці")

    def show_menu(pos: QPoint) -> None:
        menu = column_menu(table)
        menu.exec(header.mapToGlobal(pos))
        menu.deleteLater()

    header.customContextMenuRequested.connect(show_menu)
    use_clerk_arrows(header)


class SortArrowStyle(QProxyStyle):
    """Header arrows the way a clerk reads them: ▲ ascending (oldest first), ▼ descending
    (newest on top). Qt's header draws them the other way round (Ascending → «SortDown»)."""

    def drawPrimitive(
        self,
        element: QStyle.PrimitiveElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        if element == QStyle.PrimitiveElement.PE_IndicatorHeaderArrow and isinstance(
            option, QStyleOptionHeader
        ):
            option = QStyleOptionHeader(option)
            option.sortIndicator = flipped(option.sortIndicator)
        super().drawPrimitive(element, option, painter, widget)


def flipped(indicator: QStyleOptionHeader.SortIndicator) -> QStyleOptionHeader.SortIndicator:
    up, down = QStyleOptionHeader.SortIndicator.SortUp, QStyleOptionHeader.SortIndicator.SortDown
    return {up: down, down: up}.get(indicator, indicator)


def use_clerk_arrows(header: QHeaderView) -> None:
    style = SortArrowStyle(header.style().name())
    style.setParent(header)
    header.setStyle(style)
