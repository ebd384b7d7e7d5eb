"""The tab of an entity register (the staff list; personnel files and household books next):
the document tab's table, paging, sorting, search, filters, export and saved column widths,
with a record's card (`EntityForm`) instead of a registration card and a printed list instead
of a journal. The rows come from the register's own row source (the same protocol)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from app.domain.roles import Actor
from app.registers.entity import EntitySpec
from app.services.signed_in import current_user
from db.session import Database
from ui.models.register_model import RegisterModel, SourceFactory
from ui.registers.export_action import ExportAction
from ui.registers.filter_bar import FilterBar
from ui.registers.register_tab import RegisterTab


class EntityTab(RegisterTab):
    def __init__(
        self,
        db: Database,
        spec: EntitySpec,
        *,
        source: SourceFactory,
        may_read: Callable[[Actor], bool],
        may_write: Callable[[Actor], bool],
        load: Callable[[Database, int], dict[str, Any]],
        save: Callable[..., int],
        choices: Mapping[str, Callable[[Database], list[str]]] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        self._source, self._may_read, self._may_write = source, may_read, may_write
        self._load, self._save, self._choices = load, save, dict(choices or {})
        super().__init__(db, spec, parent)  # type: ignore[arg-type]

    def _make_model(self) -> RegisterModel:
        return RegisterModel(self.db, self.spec, self, self._source, self._may_read)

    def _make_filter_bar(self) -> FilterBar:
        bar = FilterBar(self.db, False, self, self.spec.filters, entity=True)
        bar.search.setPlaceholderText(getattr(self.spec, "search_placeholder", "Пошук…"))
        return bar

    def _build_actions(self) -> None:
        writable = self._may_write(current_user())
        self.register_action = self.table_action(
            "Додати", self._on_register, "Нова картка (Ctrl+N)"
        )
        self.register_action.setShortcut(QKeySequence("Ctrl+N"))
        self.register_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.register_action.setVisible(writable)
        self.addAction(self.register_action)
        self.open_action = self.table_action("Відкрити", self._on_open, "Відкрити картку (Enter)")
        self.open_action.setShortcuts([QKeySequence("Return"), QKeySequence("Enter")])
        self.open_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.toolbar.addAction(self.register_action)
        self.toolbar.addAction(self.open_action)
        self.toolbar.addSeparator()
        self.print_action = self.table_action("Друк списку", self.print_list, "Надрукувати список")
        self.toolbar.addAction(self.print_action)
        self.document_actions = _ListActions(self)  # type: ignore[assignment]
        self.doc_print_actions: list[QAction] = []
        self.exporter = ExportAction(self)
        self.export_action = self.exporter.action
        find = QAction("Пошук", self)
        find.setShortcut(QKeySequence(QKeySequence.StandardKey.Find))
        find.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        find.triggered.connect(self.filter_bar.focus_search)
        self.addAction(find)

    def _update_actions(self, row: Any) -> None:
        self.open_action.setEnabled(row is not None)

    def _open_card(self, record_id: int | None) -> None:
        from ui.dialogs.entity_form import EntityForm

        values = self._load(self.db, record_id) if record_id is not None else None
        read_only = not self._may_write(current_user())
        spec = self.spec
        assert isinstance(spec, EntitySpec)
        form = EntityForm(
            self.db, spec, record_id, values, self._save, self._choices, read_only, self
        )
        form.saved.connect(self._on_registered if record_id is None else self.document_changed)
        form.exec()
        form.deleteLater()

    def _on_register(self) -> None:
        self._open_card(None)

    def _on_open(self) -> None:
        record_id = self.current_id()
        if record_id is not None:
            self._open_card(record_id)

    def print_list(self) -> None:
        """The view on screen (its filters and sort) as a printed list."""
        db, spec, user = self.db, self.spec, current_user()
        assert isinstance(spec, EntitySpec)
        source = self.model.make_source(self.model.query, user)

        def produce() -> bytes:
            from app.services import printouts

            return printouts.list_pdf(db, spec, source, user)

        from ui.registers.actions import print_pdf

        print_pdf(self, spec.list_title, produce)


class _ListActions:
    """The window's «Файл ▸ Друк журналу…» on an entity tab prints its list."""

    def __init__(self, tab: EntityTab) -> None:
        self.tab = tab
        self.control_actions: list[QAction] = []
        self.send_action = None
        self.cancel_action = None

    def print_journal(self) -> None:
        self.tab.print_list()

    def update(self, row: Any) -> None:
        return None
