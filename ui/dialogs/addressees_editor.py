"""The addressees of an outgoing document on its registration card: a small table typed like a
spreadsheet, in the order they go on the document (10.2).

The card walks its fields with Tab, so Tab never moves between cells here: it leaves the table,
from a cell being typed in as well (see addressees_table). Arrows move between cells, typing or
F2 edits one, Enter finishes the cell, Ins adds an addressee, Ctrl+Del removes one, Ctrl+↑ /
Ctrl+↓ reorder — all bound to this widget only, so the same keys typed in another field of the
card do nothing here. The name offers the correspondents as you type; a known one brings its
address, postal code and e-mail into the cells that are still empty.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import (
    QDynamicPropertyChangeEvent,
    QEvent,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app.domain.correspondence import Addressee
from app.domain.text import normalize_search
from app.services.reference import CorrespondentInfo, all_correspondents
from db.session import Database
from ui.dialogs.addressees_table import EDIT_TRIGGERS, AddresseesView, CellDelegate
from ui.models.addressees_model import ADDRESS, EMAIL, NAME, POSTAL_CODE, AddresseesModel
from ui.tasks import run_in_background
from ui.widgets import FoldedNames, hint_label, set_invalid

#: More addressees than this go on a separate distribution list (10.2).
MAX_ON_DOCUMENT = 4


def _plural(n: int, one: str, few: str, many: str) -> str:
    """The Ukrainian form for `n`: 1, 21 адресат; 2–4, 22 адресати; 5–20, 25 адресатів."""
    if n % 10 == 1 and n % 100 != 11:
        return one
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return few
    return many


def addressees_hint(count: int) -> str:
    """What regulation 10.2 means for `count` addressees ("" for one or none)."""
    if count < 2:
        return ""
    words = f"{count} {_plural(count, 'адресат', 'адресати', 'адресатів')}"
    if count <= MAX_ON_DOCUMENT:
        return words
    return (
        f"{words}: на документі — «Згідно зі списком розсилки», список друкується окремо, "
        "на кожному примірнику — один адресат"
    )


class AddresseesEditor(QWidget):
    """The editor of a FieldKind.ADDRESSEES field: `value()` is the rows as typed (empty rows
    left out); the register's spec parses and checks them."""

    edited = Signal()

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._known: dict[str, CorrespondentInfo] = {}
        self._names = FoldedNames(self)
        self.model = AddresseesModel(self)
        self.view = AddresseesView(self.model, self)
        self.view.setItemDelegate(CellDelegate(self._names, self.view))
        self.setFocusProxy(self.view)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

        self._shortcuts: list[QShortcut] = []
        self.buttons = QWidget(self)
        column = QVBoxLayout(self.buttons)
        column.setContentsMargins(0, 0, 0, 0)
        self.add_button = self._button("Додати", "Ins", self._on_add)
        self.remove_button = self._button("Вилучити", "Ctrl+Del", self._on_remove)
        self.up_button = self._button("Вгору", "Ctrl+Up", self._on_move_up)
        self.down_button = self._button("Вниз", "Ctrl+Down", self._on_move_down)
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            column.addWidget(button)
        column.addStretch(1)
        self.hint = hint_label("", self)
        self.hint.hide()

        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view, 0, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.buttons, 0, 1)
        layout.addWidget(self.hint, 1, 0, 1, 2)

        self.model.changed.connect(self.edited)
        self.model.name_changed.connect(self._on_name_changed)
        for signal in (self.model.rowsInserted, self.model.rowsRemoved, self.model.modelReset):
            signal.connect(self._on_contents_changed)
        self.model.changed.connect(self._on_contents_changed)
        self.view.grow.connect(self._on_grow)
        delegate = self.view.itemDelegate()
        assert isinstance(delegate, CellDelegate)
        delegate.typed.connect(self.edited)
        self.view.selectionModel().currentChanged.connect(self._on_contents_changed)
        self._on_contents_changed()
        run_in_background(lambda: all_correspondents(db), self._on_correspondents, owner=self)

    def _button(self, text: str, keys: str, slot: Callable[[], None]) -> QPushButton:
        """A button beside the table and its key, bound to this widget only. Buttons take no
        focus: Tab goes from the table straight to the next field of the card."""
        button = QPushButton(text, self)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.setAutoDefault(False)
        key = QKeySequence(keys)
        button.setToolTip(f"{text} ({key.toString(QKeySequence.SequenceFormat.NativeText)})")
        button.clicked.connect(slot)
        shortcut = QShortcut(key, self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(button.click)  # a disabled button does nothing
        self._shortcuts.append(shortcut)
        return button

    @property
    def focus_widget(self) -> QWidget:
        return self.view

    def event(self, event: QEvent) -> bool:
        # The card marks a wrong field with ui.widgets.set_invalid on this widget: the red frame
        # belongs around the table, not behind the buttons.
        if (
            isinstance(event, QDynamicPropertyChangeEvent)
            and event.propertyName().data() == b"invalid"
        ):
            set_invalid(self.view, bool(self.property("invalid")))
        return super().event(event)

    def value(self) -> list[Addressee]:
        self.view.commit_editing()
        return self.model.addressees()

    def set_value(self, value: Sequence[Addressee] | None) -> None:
        self.model.set_addressees(list(value or ()))
        self.view.setCurrentIndex(self.model.index(0, NAME))

    def set_read_only(self, read_only: bool) -> None:
        self.view.finish_editing()
        self.model.read_only = read_only
        self.view.setEditTriggers(
            QAbstractItemView.EditTrigger.NoEditTriggers if read_only else EDIT_TRIGGERS
        )
        self.buttons.setVisible(not read_only)
        for shortcut in self._shortcuts:
            shortcut.setEnabled(not read_only)
        self._on_contents_changed()

    def _on_correspondents(self, found: list[CorrespondentInfo]) -> None:
        self._known = {normalize_search(c.name): c for c in found}
        self._names.setStringList([c.name for c in found])

    def _on_name_changed(self, row: int, before: str) -> None:
        """A known correspondent typed or picked as the name brings its address, postal code
        and e-mail into the cells that are empty — or that still hold what the previous name
        brought (a wrong name picked and corrected); a cell the clerk typed is kept."""
        known = self._known.get(normalize_search(str(self.model.index(row, NAME).data())))
        if known is None:
            return
        previous = self._known.get(normalize_search(before))
        for column, attr in ((ADDRESS, "address"), (POSTAL_CODE, "postal_code"), (EMAIL, "email")):
            cell = self.model.index(row, column)
            text = str(cell.data())
            brought = previous is not None and text == getattr(previous, attr)
            if not text.strip() or brought:
                self.model.setData(cell, getattr(known, attr))

    def _on_contents_changed(self) -> None:
        """The hint of 10.2, the table's height (3 to 5 rows, then a scroll bar), the buttons."""
        text = addressees_hint(len(self.model.addressees()))
        self.hint.setText(text)
        self.hint.setVisible(bool(text))
        shown = min(max(self.model.rowCount(), 3), 5)
        header = self.view.horizontalHeader().sizeHint().height()
        rows = shown * self.view.verticalHeader().defaultSectionSize()
        self.view.setFixedHeight(header + rows + 2 * self.view.frameWidth())
        row, count = self.view.currentIndex().row(), self.model.rowCount()
        self.up_button.setEnabled(row > 0)
        self.down_button.setEnabled(0 <= row < count - 1)
        self.remove_button.setEnabled(row >= 0 and not (count == 1 and self.model.row_is_empty(0)))

    def _go_to(self, row: int, column: int, start_typing: bool = False) -> None:
        index = self.model.index(row, column)
        self.view.setCurrentIndex(index)
        self.view.setFocus(Qt.FocusReason.ShortcutFocusReason)
        if start_typing:
            self.view.edit(index)

    def _on_add(self) -> None:
        self.view.finish_editing()
        self._go_to(self.model.append_row(), NAME, start_typing=True)

    def _on_grow(self) -> None:
        self._go_to(self.model.append_row(), NAME)

    def _on_remove(self) -> None:
        self.view.finish_editing()
        current = self.view.currentIndex()
        if not current.isValid():
            return
        self.model.remove_row(current.row())
        self._go_to(min(current.row(), self.model.rowCount() - 1), current.column())

    def _move(self, step: int) -> None:
        self.view.finish_editing()
        current = self.view.currentIndex()
        if current.isValid():
            self._go_to(self.model.move_row(current.row(), step), current.column())

    def _on_move_up(self) -> None:
        self._move(-1)

    def _on_move_down(self) -> None:
        self._move(1)
