"""The awards tab's dialogs: printing a batch of certificates (from certificate N, a preview of
the first ones, text only on pre-printed forms), and the kinds of award with their rules and
templates and the occasions (reference lists). The statistics of a period are the registers'
common report dialog (ui/dialogs/table_report.py, AWARDS.statistics)."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain import awards as rules
from app.domain.certificate_text import unknown_placeholders
from app.services.dialog_support import current_user
from ui.screen import fit_to_screen

if TYPE_CHECKING:
    from db.session import Database


def _buttons(dialog: QDialog, ok: str) -> QDialogButtonBox:
    box = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog
    )
    box.button(QDialogButtonBox.StandardButton.Ok).setText(ok)
    box.button(QDialogButtonBox.StandardButton.Cancel).setText("Скасувати")
    box.rejected.connect(dialog.reject)
    return box


class CertificatesDialog(QDialog):
    """How to print a batch: from which certificate (after a paper jam), only the first ones
    (a preview before the batch goes to the printer), on pre-printed forms (text only)."""

    def __init__(self, count: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Грамоти — вибрано {count}")
        self.start = QSpinBox(self)
        self.start.setRange(1, max(count, 1))
        self.preview = QCheckBox("Лише перші 3 (перегляд перед друком)", self)
        self.preprinted = QCheckBox("На готових бланках: друкувати лише текст", self)
        form = QFormLayout()
        form.addRow("Починаючи з №:", self.start)
        form.addRow(self.preview)
        form.addRow(self.preprinted)
        buttons = _buttons(self, "Підготувати")
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"Грамот у вибірці: {count}. Після зминання паперу почніть "
                                "з номера зіпсованої.", self))  # fmt: skip
        layout.addLayout(form)
        layout.addWidget(buttons)

    def options(self) -> dict[str, Any]:
        found: dict[str, Any] = {"start": self.start.value()}
        if self.preview.isChecked():
            found["limit"] = 3
        if self.preprinted.isChecked():
            found["preprinted"] = True
        return found


class AwardKindsDialog(QDialog):
    """The kinds of award (title, heading, to whom, the rules, the case of the name, the
    template) and the occasions; saved as a whole by «Зберегти»."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from app.services import awards

        self.db = db
        self.setWindowTitle("Види відзнак і приводи")
        fit_to_screen(self, 940, 640)
        self.kinds = awards.kinds(db)
        self._current = -1
        self.list = QListWidget(self)
        self.list.addItems([k.title for k in self.kinds])
        self.list.currentRowChanged.connect(self._on_row)
        add = QPushButton("Додати вид", self)
        add.clicked.connect(self._on_add)
        left = QVBoxLayout()
        left.addWidget(self.list, 1)
        left.addWidget(add)

        self.title = QLineEdit(self)
        self.heading = QLineEdit(self)
        self.to_persons = QCheckBox("особам", self)
        self.to_collectives = QCheckBox("колективам", self)
        self.lead_days = QSpinBox(self)
        self.min_years = QSpinBox(self)
        self.repeat_years = QSpinBox(self)
        self.ladder = QLineEdit(self)
        self.ladder.setPlaceholderText("Подяка; Грамота")
        self.ladder_years = QSpinBox(self)
        for spin in (self.lead_days, self.min_years, self.repeat_years, self.ladder_years):
            spin.setRange(0, 400)
        self.case = QComboBox(self)
        for code, text in rules.NAME_CASES.items():
            self.case.addItem(text, code)
        self.template = QPlainTextEdit(self)
        self.template.setToolTip("\n".join(f"{{{k}}} — {v}" for k, v in rules.PLACEHOLDERS.items()))
        self.active = QCheckBox("вживається", self)
        whom = QHBoxLayout()
        whom.addWidget(self.to_persons)
        whom.addWidget(self.to_collectives)
        whom.addStretch(1)
        form = QFormLayout()
        form.addRow("Назва:", self.title)
        form.addRow("Заголовок грамоти:", self.heading)
        form.addRow("Кому:", whom)
        form.addRow("Подання за, днів до вручення:", self.lead_days)
        form.addRow("Стаж не менше, років:", self.min_years)
        form.addRow("Повторно не раніше, ніж через, років:", self.repeat_years)
        form.addRow("Лише після відзнак:", self.ladder)
        form.addRow("…і не раніше, ніж через, років:", self.ladder_years)
        form.addRow("Відмінок імені:", self.case)
        form.addRow("Шаблон тексту:", self.template)
        form.addRow("", self.active)
        kinds_page = QWidget(self)
        row = QHBoxLayout(kinds_page)
        row.addLayout(left, 1)
        row.addLayout(form, 3)

        self.occasions = QPlainTextEdit(self)
        self.occasions.setPlainText(
            "\n".join(f"{t}; {d}" if d else t for t, d in awards.occasions(db))
        )
        occasions_page = QWidget(self)
        col = QVBoxLayout(occasions_page)
        col.addWidget(QLabel("Один привід у рядку: назва; дата (ДД.ММ або «3-тя неділя червня»)"))
        col.addWidget(self.occasions, 1)

        self.tabs = QTabWidget(self)
        self.tabs.addTab(kinds_page, "Види відзнак")
        self.tabs.addTab(occasions_page, "Приводи")
        buttons = _buttons(self, "Зберегти")
        buttons.accepted.connect(self._on_save)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)
        self.list.setCurrentRow(0)

    def _on_row(self, row: int) -> None:
        self._store()
        self._current = row
        if not 0 <= row < len(self.kinds):
            return
        k = self.kinds[row]
        self.title.setText(k.title)
        self.heading.setText(k.heading)
        self.to_persons.setChecked(k.to_persons)
        self.to_collectives.setChecked(k.to_collectives)
        self.lead_days.setValue(k.lead_days)
        self.min_years.setValue(k.min_years)
        self.repeat_years.setValue(k.repeat_years)
        self.ladder.setText("; ".join(k.ladder))
        self.ladder_years.setValue(k.ladder_years)
        self.case.setCurrentIndex(max(0, self.case.findData(k.name_case)))
        self.template.setPlainText(k.template)
        self.active.setChecked(k.active)

    def _store(self) -> None:
        """The form's values into the kind being edited (before another is shown or saved)."""
        row = self._current
        if not 0 <= row < len(self.kinds):
            return
        self.kinds[row] = replace(
            self.kinds[row],
            title=self.title.text().strip(),
            heading=self.heading.text().strip(),
            to_persons=self.to_persons.isChecked(),
            to_collectives=self.to_collectives.isChecked(),
            lead_days=self.lead_days.value(),
            min_years=self.min_years.value(),
            repeat_years=self.repeat_years.value(),
            ladder=tuple(t.strip() for t in self.ladder.text().split(";") if t.strip()),
            ladder_years=self.ladder_years.value(),
            name_case=str(self.case.currentData()),
            template=self.template.toPlainText(),
            active=self.active.isChecked(),
        )
        item = self.list.item(row)
        if item is not None:
            item.setText(self.kinds[row].title)

    def _on_add(self) -> None:
        self._store()
        n = len(self.kinds) + 1
        self.kinds.append(
            rules.AwardKind(
                f"kind{n}",
                "Нова відзнака",
                "НОВА ВІДЗНАКА",
                template=rules.DEFAULT_KINDS[2].template,
            )
        )
        self.list.addItem("Нова відзнака")
        self.list.setCurrentRow(len(self.kinds) - 1)

    def _on_save(self) -> None:
        from app.services import awards

        self._store()
        for k in self.kinds:
            wrong = unknown_placeholders(k.template)
            if wrong:
                QMessageBox.warning(
                    self, "Шаблон", f"У шаблоні «{k.title}» невідомі поля: "
                    + ", ".join(f"{{{w}}}" for w in wrong)
                )  # fmt: skip
                return
        items = []
        for line in self.occasions.toPlainText().splitlines():
            title, _, day = line.partition(";")
            if title.strip():
                items.append((title.strip(), day.strip()))
        try:
            awards.save_kinds(self.db, self.kinds, current_user())
            awards.save_occasions(self.db, items, current_user())
        except Exception as exc:
            QMessageBox.warning(self, "Не збережено", str(exc))
            return
        self.accept()
