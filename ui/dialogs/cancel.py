"""«Анулювати…»: a registered document is never deleted — it is cancelled with a reason.

It keeps its number (the series stays gapless), an open control ends with it, and the audit
trail records who cancelled it and why (app/services/documents.cancel_document).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QLabel, QWidget

from app.services import documents
from app.services.details import get_document
from app.services.dialog_support import current_user, document_heading
from db.session import Database
from ui.dialogs.fields import FormDialog
from ui.widgets import FieldProblem, text_box

INTRO = (
    "Анульований документ залишається в журналі зі своїм номером і позначкою «Анульовано»; "
    "якщо він був на контролі, контроль припиняється. Скасувати анулювання не можна."
)


class CancelDialog(FormDialog):
    def __init__(self, db: Database, doc_id: int, parent: QWidget | None = None) -> None:
        super().__init__("Анулювання документа", INTRO, parent, ok_text="Анулювати")
        self._db, self._doc_id = db, doc_id
        doc = get_document(db, doc_id)
        heading = QLabel(f"<b>{document_heading(doc)}</b>", self)
        heading.setWordWrap(True)
        self.body.addWidget(heading)
        self.body.addWidget(QLabel("Причина анулювання *:", self))
        self.reason = text_box(self, 3)
        self.body.addWidget(self.with_error(self.reason))
        # A cancellation is a click, never a stray Enter.
        self.ok_button.setDefault(False)
        self.ok_button.setAutoDefault(False)
        self.cancel_button.setDefault(True)
        self.setMinimumWidth(520)
        if doc.cancelled:
            self.error.show_error(f"Документ уже анульовано: {doc.cancel_reason}")
            self.ok_button.setEnabled(False)

    def _prepare_save(self) -> Callable[[], object]:
        reason = self.reason.toPlainText().strip()
        if not reason:
            raise FieldProblem(self.reason, "Вкажіть причину анулювання")
        db, doc_id, user = self._db, self._doc_id, current_user()
        return lambda: documents.cancel_document(db, doc_id, reason, user=user)
