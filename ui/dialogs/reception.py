"""The «Графік прийому» tab of the reference dialog: the schedule of personal reception
(ст. 22 ЗУ «Про звернення громадян»), a line form, and the schedule printed for publication."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from app.services import reception, reference
from app.services.dialog_support import current_user
from app.services.reception import ReceptionLine
from ui.dialogs.fields import FormDialog
from ui.dialogs.reference_lists import ListSpec, RecordListTab

if TYPE_CHECKING:
    from db.session import Database


class ReceptionForm(FormDialog):
    """One line: who (from the staff list), the post as the schedule names it, days and hours,
    the place, the order in the schedule, whether it is in the schedule now."""

    def __init__(
        self, db: Database, line: ReceptionLine | None = None, parent: QWidget | None = None
    ) -> None:
        title = "Новий рядок графіка прийому" if line is None else "Рядок графіка прийому"
        super().__init__(title, parent=parent)
        self._db = db
        self._line = line or ReceptionLine(None, None, "", "")
        self.saved: ReceptionLine | None = None
        self.person = QComboBox(self)
        self.person.addItem("— оберіть посадову особу —", None)
        people = reference.list_staff(db)
        for info in people:
            if info.active or info.id == self._line.staff_id:
                self.person.addItem(f"{info.short} — {info.position}".rstrip(" —"), info)
        self.person.setCurrentIndex(
            next(
                (
                    i
                    for i in range(self.person.count())
                    if getattr(self.person.itemData(i), "id", None) == self._line.staff_id
                ),
                0,
            )
        )
        self.person.currentIndexChanged.connect(self._on_person)
        self.position = QLineEdit(self._line.position, self)
        self.position.setMinimumWidth(380)
        self.position.setMaxLength(200)
        self.days_hours = QLineEdit(self._line.days_hours, self)
        self.days_hours.setPlaceholderText("щопонеділка 9:00–12:00")
        self.days_hours.setMaxLength(200)
        self.place = QLineEdit(self._line.place, self)
        self.place.setPlaceholderText("каб. 1, вул. Шевченка, 1")
        self.place.setMaxLength(200)
        self.order = QSpinBox(self)
        self.order.setRange(0, 999)
        self.order.setValue(self._line.order)
        self.active = QCheckBox("Веде прийом (друкується в графіку)", self)
        self.active.setChecked(self._line.active)
        form = QFormLayout()
        form.addRow("Посадова особа:", self.person)
        form.addRow("Посада в графіку:", self.position)
        form.addRow("Дні та години:", self.days_hours)
        form.addRow("Місце прийому:", self.place)
        form.addRow("Порядок у графіку:", self.order)
        form.addRow("", self.active)
        self.body.addLayout(form)

    def _on_person(self) -> None:
        info = self.person.currentData()
        if isinstance(info, reference.StaffInfo) and not self.position.text().strip():
            self.position.setText(info.position)

    def _prepare_save(self) -> Callable[[], object]:
        info = self.person.currentData()
        line = ReceptionLine(
            self._line.id,
            info.id if isinstance(info, reference.StaffInfo) else None,
            self.position.text(),
            self.days_hours.text(),
            self.place.text(),
            self.order.value(),
            self.active.isChecked(),
        )
        db, user = self._db, current_user()
        return lambda: reception.save_line(db, line, user=user)

    def _saved(self, result: object) -> None:
        assert isinstance(result, ReceptionLine)
        self.saved = result


def schedule_pdf(db: Database) -> bytes:
    """The schedule as printed for publication (the organisation's name on top)."""
    from app.services.organisation import get_organisation
    from app.services.report_files import report_pdf

    org = get_organisation(db)
    table = reception.schedule_report(db, current_user())
    return report_pdf(table, org.full_name if org else "")


def reception_tab(db: Database, parent: QWidget | None = None) -> RecordListTab:
    spec = ListSpec(
        headers=("№", "Посада", "Прізвище, ім'я, по батькові", "Дні та години", "Місце", "Веде"),
        load=lambda _text: reception.list_schedule(db),
        cells=lambda r: (
            str(r.order or ""),
            r.position,
            r.official,
            r.days_hours,
            r.place,
            "так" if r.active else "ні",
        ),
        editor=lambda record, owner: ReceptionForm(db, record, owner),
        note="Графік особистого прийому громадян (ст. 22 ЗУ «Про звернення громадян»): "
        "посадові особи з нього першими пропонуються в полі «Прийняв на особистому прийомі» "
        "картки звернення. Хто більше не веде прийом — зніміть позначку «Веде».",
        stretch=1,
        actions=(("Друк графіка…", lambda tab: _print(db, tab)),),
    )
    return RecordListTab(spec, parent)


def _print(db: Database, tab: QWidget) -> None:
    from ui.preview import PdfPreviewDialog
    from ui.tasks import run_in_background, show_error

    def show(pdf: bytes) -> None:
        preview = PdfPreviewDialog(pdf, reception.TITLE, tab)
        preview.exec()
        preview.deleteLater()

    run_in_background(lambda: schedule_pdf(db), show, lambda exc: show_error(exc, tab), owner=tab)
