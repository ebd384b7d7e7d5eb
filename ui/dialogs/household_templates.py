"""«Шаблони довідок…»: the kinds of certificate from the household books as editable texts
with placeholders (app/services/household_certificates). The centre's reference list: an
administrator changes them; the copies receive them by file."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.roles import REFERENCE_WRITE, PermissionDenied
from app.services import household_certificates as certs
from app.services.dialog_support import current_user
from app.services.households import HouseholdError
from db.session import Database
from ui.widgets import ErrorLabel, text_box


class TemplatesDialog(QDialog):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.setWindowTitle("Шаблони довідок з погосподарських книг")
        self.kind = QComboBox(self)
        self.title = QLineEdit(self)
        self.body = text_box(self, 12)
        hint = QLabel(
            "Поля: "
            + ", ".join("{" + p + "}" for p in certs.PLACEHOLDERS)
            + ". Підставу, номер, дату й підпис старости програма додає сама.",
            self,
        )
        hint.setWordWrap(True)
        form = QFormLayout()
        form.addRow("Вид довідки:", self.kind)
        form.addRow("Назва (після «ДОВІДКА»):", self.title)
        form.addRow("Текст:", self.body)
        self.save_button = QPushButton("Зберегти шаблон", self)
        self.save_button.clicked.connect(self._on_save)
        self.save_button.setEnabled(current_user().can(REFERENCE_WRITE))
        self.message = ErrorLabel(self)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.button(QDialogButtonBox.StandardButton.Close).setText("Закрити")
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.save_button)
        layout.addWidget(self.message)
        layout.addWidget(close)
        self.resize(720, 520)
        self.templates = certs.templates(db)
        for kind, template in self.templates.items():
            self.kind.addItem(template.title, kind)
        self.kind.currentIndexChanged.connect(self._on_kind)
        self._on_kind()

    def _on_kind(self) -> None:
        template = self.templates.get(self.kind.currentData())
        if template is not None:
            self.title.setText(template.title)
            self.body.setPlainText(template.body)

    def _on_save(self) -> None:
        info = certs.TemplateInfo(
            self.kind.currentData(), self.title.text(), self.body.toPlainText()
        )
        try:
            certs.save_template(self.db, info, current_user())
        except (HouseholdError, PermissionDenied) as exc:
            self.message.setText(str(exc))
            return
        self.message.setText("")
        self.templates = certs.templates(self.db)
        index = self.kind.currentIndex()
        self.kind.setItemText(index, self.templates[info.kind].title)
