"""The dialogs of the meetings tab: an agenda item (a draft decision, 3.4–3.5), its visas (3.9),
the members present (6.1), the vote on an item (6.14), a new meeting, and the membership list.
Each shows a refusal of the services beside its buttons and stays open; nothing typed is lost."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain import meetings as rules
from app.domain.dates import DateError, format_date
from app.domain.roles import Actor, PermissionDenied
from app.services import committee, regulatory
from app.services import meetings as svc
from app.services.committee import MemberInfo
from db.session import Database
from ui.widgets import DateEdit

ERROR_STYLE = "color: #b02a37"


class _Dialog(QDialog):
    """A form with OK/Cancel and a line for the services' refusals; `save()` does the work."""

    def __init__(self, title: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.body = QVBoxLayout(self)
        self.error = QLabel(self)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self._on_ok)
        self.buttons.rejected.connect(self.reject)

    def finish_layout(self) -> None:
        self.body.addWidget(self.error)
        self.body.addWidget(self.buttons)

    def save(self) -> None:
        raise NotImplementedError

    def _on_ok(self) -> None:
        try:
            self.save()
        except (ValueError, DateError, PermissionDenied) as exc:
            self.error.setText(str(exc))
            return
        self.accept()


def _date(edit: DateEdit) -> dt.date | None:
    return edit.date()


class ItemDialog(_Dialog):
    """An agenda item: the draft's title, who prepared and reports it, the invitees, when it was
    submitted and published, and — at the meeting — the speakers and proposals."""

    def __init__(
        self,
        db: Database,
        meeting_id: int,
        item: svc.ItemInfo | None,
        departments: list[str],
        user: Actor,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("Питання порядку денного", parent)
        self.db, self.meeting_id, self.user = db, meeting_id, user
        self.item_id = item.id if item else None
        data = item.data if item else svc.ItemInput("")
        form = QFormLayout()
        self.title = QLineEdit(data.title, self)
        self.title.setPlaceholderText("Про …")
        self.title.setMinimumWidth(520)
        self.department = QComboBox(self)
        self.department.setEditable(True)
        self.department.addItems(["", *departments])
        self.department.setCurrentText(data.department)
        self.reporter = QLineEdit(data.reporter, self)
        self.invitees = QLineEdit(data.invitees, self)
        self.invitees.setPlaceholderText("через «;»")
        self.submitted = DateEdit(data.submitted, self, optional=True)
        self.published = DateEdit(data.published, self, optional=True)
        self.financial = QCheckBox("фінансове питання (віза фінансового управління)", self)
        self.financial.setChecked(data.financial)
        self.restricted = QCheckBox("з обмеженим доступом (не оприлюднюється)", self)
        self.restricted.setChecked(data.restricted)
        self.regulatory = QCheckBox("регуляторний акт (розділ 7)", self)
        self.regulatory.setChecked(data.regulatory)
        self.added = QCheckBox("внесено на засіданні (п. 5.7)", self)
        self.added.setChecked(data.added_at_meeting)
        self.speakers = QPlainTextEdit(data.speakers, self)
        self.proposals = QPlainTextEdit(data.proposals, self)
        for edit in (self.speakers, self.proposals):
            edit.setFixedHeight(edit.fontMetrics().lineSpacing() * 3 + 12)
        form.addRow("Проєкт рішення:", self.title)
        form.addRow("Підготував:", self.department)
        form.addRow("Доповідач:", self.reporter)
        form.addRow("Запрошені:", self.invitees)
        form.addRow("Подано до загального відділу:", self.submitted)
        form.addRow("Оприлюднено на сайті:", self.published)
        form.addRow("", self.financial)
        form.addRow("", self.restricted)
        form.addRow("", self.regulatory)
        form.addRow("", self.added)
        form.addRow("Виступили:", self.speakers)
        form.addRow("Пропозиції:", self.proposals)
        self.body.addLayout(form)
        self.finish_layout()

    def save(self) -> None:
        data = svc.ItemInput(
            self.title.text(),
            self.department.currentText(),
            self.reporter.text(),
            self.invitees.text(),
            _date(self.submitted),
            _date(self.published),
            self.financial.isChecked(),
            self.restricted.isChecked(),
            self.regulatory.isChecked(),
            self.added.isChecked(),
            self.speakers.toPlainText(),
            self.proposals.toPlainText(),
        )
        self.item_id = svc.save_item(self.db, self.meeting_id, data, self.item_id, self.user)


class VisasDialog(_Dialog):
    """One row per visa of 3.9 (the finance head's for financial drafts): who, when, and
    agreed or with remarks (3.10)."""

    def __init__(
        self, db: Database, item: svc.ItemInfo, user: Actor, parent: QWidget | None = None
    ) -> None:
        super().__init__(f"Візи: {item.data.title[:60]}", parent)
        self.db, self.item_id, self.user = db, item.id, user
        given = {v.role: v for v in item.visas}
        roles = [r for r in rules.VISA_ROLES if r != rules.AFFECTED]
        roles += [r for r in given if r not in roles]
        grid = QGridLayout()
        for col, title in enumerate(("Посада", "Прізвище", "Дата", "Відмітка", "Зауваження")):
            grid.addWidget(QLabel(f"<b>{title}</b>", self), 0, col)
        self.rows: list[tuple[str, QLineEdit, DateEdit, QComboBox, QLineEdit]] = []
        for row, role in enumerate(roles, start=1):
            visa = given.get(role, rules.Visa(role))
            label = rules.VISA_ROLES[role]
            if role == rules.FINANCE and not item.data.financial:
                label += " (для фінансових)"
            person = QLineEdit(visa.person, self)
            day = DateEdit(visa.day, self, optional=True)
            verdict = QComboBox(self)
            for code, text in rules.VERDICTS.items():
                verdict.addItem(text, code)
            verdict.setCurrentIndex(max(verdict.findData(visa.verdict), 0))
            remarks = QLineEdit(visa.remarks, self)
            grid.addWidget(QLabel(label, self), row, 0)
            for col, widget in enumerate((person, day, verdict, remarks), start=1):
                grid.addWidget(widget, row, col)
            self.rows.append((role, person, day, verdict, remarks))
        self.body.addLayout(grid)
        self.finish_layout()

    def visas(self) -> list[rules.Visa]:
        return [
            rules.Visa(role, person.text(), day.date(), str(verdict.currentData()), remarks.text())
            for role, person, day, verdict, remarks in self.rows
            if person.text().strip() or verdict.currentData() or day.text().strip()
        ]

    def save(self) -> None:
        svc.set_visas(self.db, self.item_id, self.visas(), self.user)


class AttendanceDialog(_Dialog):
    """A box per member of the day's membership; the quorum (6.1) shown as boxes are ticked."""

    def __init__(
        self, db: Database, view: svc.MeetingView, user: Actor, parent: QWidget | None = None
    ) -> None:
        super().__init__(f"Присутні: {view.meeting.title}", parent)
        self.db, self.meeting_id, self.user = db, view.meeting.id, user
        self.total = view.total
        self.boxes: list[tuple[int, QCheckBox]] = []
        for member in view.members:
            box = QCheckBox(f"{member.full_name} — {member.position}".rstrip(" —"), self)
            box.setChecked(member.id in view.present or not view.meeting.held)
            box.toggled.connect(self._on_toggled)
            self.body.addWidget(box)
            self.boxes.append((member.id, box))
        if not view.members:
            self.body.addWidget(QLabel("Склад виконкому на цю дату не внесено.", self))
        self.quorum = QLabel(self)
        self.body.addWidget(self.quorum)
        self.finish_layout()
        self._on_toggled()

    def present(self) -> list[int]:
        return [member_id for member_id, box in self.boxes if box.isChecked()]

    def _on_toggled(self) -> None:
        n = len(self.present())
        ok = rules.has_quorum(self.total, n)
        need = rules.quorum_needed(self.total)
        self.quorum.setText(
            f"Присутні {n} з {self.total}: "
            + ("засідання правомочне" if ok else f"кворуму немає (потрібно {need}, п. 6.1)")
        )
        self.quorum.setStyleSheet("" if ok else ERROR_STYLE)

    def save(self) -> None:
        svc.set_attendance(self.db, self.meeting_id, self.present(), self.user)


class VoteDialog(_Dialog):
    """Votes for, against, abstained and not voting; the outcome by the total membership."""

    def __init__(
        self,
        db: Database,
        view: svc.MeetingView,
        item: svc.ItemInfo,
        user: Actor,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(f"Голосування: {item.data.title[:60]}", parent)
        self.db, self.item_id, self.user = db, item.id, user
        self.total, present = view.total, len(view.present)
        self.vote_result: svc.VoteResult | None = None
        form = QFormLayout()
        self.spins: list[QSpinBox] = []
        for label, value in zip(("«за»", "«проти»", "«утримались»"), (present, 0, 0), strict=True):
            spin = QSpinBox(self)
            spin.setRange(0, max(present, 0))
            spin.setValue(value)
            spin.valueChanged.connect(self._on_changed)
            form.addRow(label, spin)
            self.spins.append(spin)
        self.not_voted = QLabel(self)
        form.addRow("не голосували:", self.not_voted)
        self.present = present
        self.outcome = QLabel(self)
        self.body.addLayout(form)
        self.body.addWidget(self.outcome)
        self.finish_layout()
        self._on_changed()

    def _on_changed(self) -> None:
        cast = sum(s.value() for s in self.spins)
        self.not_voted.setText(str(max(self.present - cast, 0)))
        outcome = rules.vote_outcome(self.total, self.spins[0].value())
        self.outcome.setText(
            f"Загальний склад {self.total}, потрібно «за» не менше "
            f"{rules.quorum_needed(self.total)} (п. 6.14): {rules.OUTCOMES[outcome]}"
        )

    def save(self) -> None:
        votes_for, against, abstained = (s.value() for s in self.spins)
        self.vote_result = svc.record_vote(
            self.db, self.item_id, votes_for, against, abstained, user=self.user
        )


class NewMeetingDialog(_Dialog):
    """An extraordinary meeting (6.2) or a regular one moved by hand."""

    def __init__(self, db: Database, user: Actor, parent: QWidget | None = None) -> None:
        super().__init__("Нове засідання", parent)
        self.db, self.user = db, user
        self.meeting_id: int | None = None
        form = QFormLayout()
        self.day = DateEdit(dt.date.today(), self)
        self.time = QLineEdit(rules.REGULAR_TIME, self)
        self.extraordinary = QCheckBox("позачергове (п. 6.2)", self)
        self.extraordinary.setChecked(True)
        self.place = QLineEdit(svc.DEFAULT_PLACE, self)
        form.addRow("Дата:", self.day)
        form.addRow("Початок:", self.time)
        form.addRow("", self.extraordinary)
        form.addRow("Місце:", self.place)
        self.body.addLayout(form)
        self.finish_layout()

    def save(self) -> None:
        day = self.day.date()
        if day is None:
            raise ValueError("Вкажіть дату засідання")
        self.meeting_id = svc.add_meeting(
            self.db,
            day,
            self.time.text().strip(),
            self.extraordinary.isChecked(),
            self.place.text().strip(),
            user=self.user,
        )


class MembersDialog(QDialog):
    """The membership of the executive committee with dates; a new member added below."""

    def __init__(self, db: Database, user: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Склад виконавчого комітету")
        self.db, self.user = db, user
        layout = QVBoxLayout(self)
        self.table = QTableWidget(0, 4, self)
        self.table.setHorizontalHeaderLabels(["Прізвище, ім'я, по батькові", "Посада", "З", "По"])
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setMinimumWidth(640)
        layout.addWidget(self.table)
        form = QFormLayout()
        self.name = QLineEdit(self)
        self.position = QLineEdit(self)
        self.member_from = DateEdit(dt.date.today(), self)
        self.member_to = DateEdit(None, self, optional=True)
        form.addRow("Прізвище, ім'я, по батькові:", self.name)
        form.addRow("Посада:", self.position)
        form.addRow("Член виконкому з:", self.member_from)
        form.addRow("по:", self.member_to)
        layout.addLayout(form)
        self.error = QLabel(self)
        self.error.setStyleSheet(ERROR_STYLE)
        layout.addWidget(self.error)
        add = QPushButton("Додати члена виконкому", self)
        add.clicked.connect(self._on_add)
        layout.addWidget(add)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout.addWidget(close)
        self.reload()

    def reload(self) -> None:
        members: list[MemberInfo] = committee.list_members(self.db, user=self.user)
        self.table.setRowCount(len(members))
        for row, m in enumerate(members):
            cells = (m.full_name, m.position, format_date(m.member_from), format_date(m.member_to))
            for col, text in enumerate(cells):
                self.table.setItem(row, col, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()

    def _on_add(self) -> None:
        try:
            start = self.member_from.date()
            if start is None:
                raise ValueError("Вкажіть, з якого дня особа є членом виконкому")
            committee.save_member(
                self.db,
                None,
                self.name.text(),
                self.position.text(),
                start,
                self.member_to.date(),
                self.user,
            )
        except (ValueError, DateError, PermissionDenied) as exc:
            self.error.setText(str(exc))
            return
        self.error.clear()
        self.name.clear()
        self.position.clear()
        self.reload()


class RegulatoryDialog(QDialog):
    """The year's trackings of regulatory acts (ст. 10 ЗУ № 1160-IV): due days and states; a
    tracking done is recorded with its day and report."""

    COLUMNS = ("Рішення", "Назва регуляторного акта", "Відстеження", "Строк", "Проведено", "Стан")

    def __init__(self, db: Database, year: int, user: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Відстеження результативності регуляторних актів, {year} рік")
        self.db, self.year, self.user = db, year, user
        self.rows: list[regulatory.TrackingRow] = []
        layout = QVBoxLayout(self)
        self.table = QTableWidget(0, len(self.COLUMNS), self)
        self.table.setHorizontalHeaderLabels(list(self.COLUMNS))
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setMinimumWidth(760)
        layout.addWidget(self.table)
        form = QFormLayout()
        self.done_edit = DateEdit(dt.date.today(), self)
        self.report = QLineEdit(self)
        self.report.setPlaceholderText("звіт: дата підписання, де оприлюднено")
        form.addRow("Проведено:", self.done_edit)
        form.addRow("Звіт:", self.report)
        layout.addLayout(form)
        self.error = QLabel(self)
        self.error.setStyleSheet(ERROR_STYLE)
        layout.addWidget(self.error)
        self.record_button = QPushButton("Відстеження проведено", self)
        self.record_button.clicked.connect(self._on_record)
        layout.addWidget(self.record_button)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout.addWidget(close)
        self.reload()

    def reload(self) -> None:
        self.rows = regulatory.trackings(self.db, self.year, self.user)
        today = dt.date.today()
        self.table.setRowCount(len(self.rows))
        for row, r in enumerate(self.rows):
            cells = (
                f"№ {r.number} від {format_date(r.adopted)}",
                r.title,
                r.title_of_tracking,
                format_date(r.due),
                format_date(r.done),
                r.state(today),
            )
            for col, text in enumerate(cells):
                self.table.setItem(row, col, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        self.table.setColumnWidth(1, min(self.table.columnWidth(1), 300))

    def _on_record(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            self.error.setText("Виберіть відстеження в таблиці")
            return
        tracking = self.rows[rows[0].row()]
        try:
            day = self.done_edit.date()
            if day is None:
                raise ValueError("Вкажіть дату відстеження")
            regulatory.record_tracking(self.db, tracking.id, day, self.report.text(), self.user)
        except (ValueError, DateError, PermissionDenied) as exc:
            self.error.setText(str(exc))
            return
        self.error.clear()
        self.reload()
