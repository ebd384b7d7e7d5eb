"""The card of an object of household accounting, by the sections of the record: the title part,
the members (arrivals, departures and deaths as history), the yearly sections as of 1 January
(dwelling, land, livestock, machinery, notes, the January check), the work done, the
certificates. Every change goes through app.services.households, which checks the starosta's
district; a refusal stays on the card with its message, nothing typed is lost."""

from __future__ import annotations

from datetime import date
from decimal import Decimal, InvalidOperation

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain import households as dom
from app.domain.dates import format_date
from app.domain.roles import PermissionDenied
from app.services import household_certificates as certs
from app.services import household_view as hv
from app.services import households as hh
from app.services.dialog_support import current_user
from db.session import Database
from ui.widgets import DateEdit, ErrorLabel, FieldProblem, text_box

SECTION_TABS = {"land": "Земля, га", "livestock": "Худоба, птиця, бджоли", "machinery": "Техніка"}


def _table(parent: QWidget, headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers), parent)
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().hide()
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
    table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    return table


def _item(text: str, data: object = None) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    if data is not None:
        item.setData(Qt.ItemDataRole.UserRole, data)
    return item


def _cell(table: QTableWidget, row: int, column: int) -> QTableWidgetItem:
    item = table.item(row, column)
    assert item is not None
    return item


def _decimal(text: str) -> Decimal:
    text = text.strip().replace(",", ".").replace(" ", "")
    if not text:
        return Decimal(0)
    try:
        value = Decimal(text)
    except InvalidOperation:
        raise ValueError(f"«{text}» — не число") from None
    if not value.is_finite():
        raise ValueError(f"«{text}» — не число")
    return value


class MemberDialog(QDialog):
    """A member arriving (or first entered) in the object."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Член домогосподарства")
        form = QFormLayout()
        self.surname, self.given, self.patronymic = (
            QLineEdit(self),
            QLineEdit(self),
            QLineEdit(self),
        )
        self.sex = QComboBox(self)
        self.sex.addItem("чоловіча", "m")
        self.sex.addItem("жіноча", "f")
        self.birth = DateEdit(None, self, optional=True)
        self.relation = QLineEdit(self)
        self.relation.setPlaceholderText("дружина, син, мати…")
        self.registration = QComboBox(self)
        for code, title in dom.REGISTRATIONS.items():
            self.registration.addItem(title, code)
        self.registered_on = DateEdit(None, self, optional=True)
        self.arrived_on = DateEdit(None, self, optional=True)
        self.head = QComboBox(self)
        self.head.addItem("ні", False)
        self.head.addItem("так — новий голова", True)
        for label, widget in (
            ("Прізвище *", self.surname),
            ("Ім'я *", self.given),
            ("По батькові", self.patronymic),
            ("Стать", self.sex),
            ("Дата народження", self.birth),
            ("Відношення до голови", self.relation),
            ("Реєстрація", self.registration),
            ("Дата реєстрації", self.registered_on),
            ("Дата прибуття", self.arrived_on),
            ("Голова домогосподарства", self.head),
        ):
            form.addRow(f"{label}:", widget)
        self.message = ErrorLabel(self)
        buttons = QDialogButtonBox(self)
        buttons.addButton("Додати", QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton("Скасувати", QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self._on_accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.info: hh.MemberInfo | None = None

    def _on_accept(self) -> None:
        try:
            self.info = hh.MemberInfo(
                None,
                self.surname.text(),
                self.given.text(),
                self.patronymic.text(),
                self.sex.currentData(),
                self.birth.date_value(),
                self.relation.text(),
                bool(self.head.currentData()),
                self.registration.currentData(),
                self.registered_on.date_value(),
                self.arrived_on.date_value(),
            )
        except FieldProblem as exc:
            self.message.setText(str(exc))
            return
        if not self.info.surname.strip() or not self.info.given_name.strip():
            self.message.setText("Вкажіть прізвище та ім'я")
            return
        self.accept()


class HouseholdCard(QDialog):
    """Emits `saved(id)` after every stored change (the tab refreshes its row)."""

    saved = Signal(int)

    def __init__(
        self,
        db: Database,
        object_id: int | None,
        read_only: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db, self.object_id, self.read_only = db, object_id, read_only
        self.card: hv.ObjectCard | None = None
        self.setWindowTitle("Об'єкт погосподарського обліку")
        self.tabs = QTabWidget(self)
        self.message = ErrorLabel(self)
        self._build_title()
        self._build_members()
        self._build_year()
        self._build_events()
        self._build_certificates()
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.button(QDialogButtonBox.StandardButton.Close).setText("Закрити")
        close.rejected.connect(self.reject)
        self.print_page = QPushButton("Друк сторінки книги…", self)
        self.print_page.setToolTip("Сторінка погосподарської книги з усіма розділами — у PDF")
        close.addButton(self.print_page, QDialogButtonBox.ButtonRole.ActionRole)
        self.print_page.clicked.connect(self._on_print_page)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.message)
        layout.addWidget(close)
        self.resize(900, 600)
        self.reload()

    # ------------------------------------------------------------------ loading

    def reload(self) -> None:
        if self.object_id is not None:
            self.card = hv.load_card(self.db, self.object_id, current_user(), log=self.card is None)
        self._fill_title()
        self._fill_members()
        self._fill_year()
        self._fill_events()
        self._fill_certificates()
        new = self.object_id is None
        for index in range(1, self.tabs.count()):
            self.tabs.setTabEnabled(index, not new)
        writable = not self.read_only
        for w in self._writers:
            w.setEnabled(writable)
        self.district.setEnabled(writable and new)
        self.book.setEnabled(writable and new)
        self.print_page.setEnabled(not new)

    def _run(self, action: object) -> bool:
        """Run a change; a refusal is shown on the card. True when stored."""
        try:
            action()  # type: ignore[operator]
        except (hh.HouseholdError, PermissionDenied, FieldProblem, ValueError) as exc:
            self.message.setText(str(exc))
            return False
        self.message.setText("")
        assert self.object_id is not None
        self.reload()
        self.saved.emit(self.object_id)
        return True

    # ------------------------------------------------------------------ title part

    def _build_title(self) -> None:
        page = QWidget(self)
        form = QFormLayout(page)
        self.district, self.book, self.settlement = (
            QComboBox(page),
            QComboBox(page),
            QComboBox(page),
        )
        self.account = QSpinBox(page)
        self.account.setRange(0, 99999)
        self.account.setSpecialValueText("наступний")
        self.kind = QComboBox(page)
        for code, title in dom.OBJECT_KINDS.items():
            self.kind.addItem(title, code)
        self.street, self.house, self.flat = QLineEdit(page), QLineEdit(page), QLineEdit(page)
        self.note = text_box(page, 3)
        self.head_label = QLineEdit(page)
        self.head_label.setReadOnly(True)
        for label, widget in (
            ("Старостинський округ", self.district),
            ("Книга", self.book),
            ("Особовий рахунок №", self.account),
            ("Тип об'єкта", self.kind),
            ("Населений пункт", self.settlement),
            ("Вулиця", self.street),
            ("Будинок", self.house),
            ("Квартира", self.flat),
            ("Голова домогосподарства", self.head_label),
            ("Примітки", self.note),
        ):
            form.addRow(f"{label}:", widget)
        self.save_title = QPushButton("Зберегти", page)
        self.save_title.clicked.connect(self._on_save_title)
        form.addRow("", self.save_title)
        self.districts = hh.list_districts(self.db, current_user())
        for d in self.districts:
            self.district.addItem(d.name, d.id)
        self.district.currentIndexChanged.connect(self._on_district_changed)
        self._writers: list[QWidget] = [self.save_title]
        self.tabs.addTab(page, "Об'єкт")

    def _on_district_changed(self) -> None:
        district_id = self.district.currentData()
        self.book.clear()
        self.settlement.clear()
        self.settlement.addItem("", None)
        if district_id is None:
            return
        for b in hh.list_books(self.db, district_id, current_user()):
            self.book.addItem(b.title, b.id)
        for d in self.districts:
            if d.id == district_id:
                for sid, name in d.settlements:
                    self.settlement.addItem(name, sid)

    def _fill_title(self) -> None:
        c = self.card
        if c is None:
            self._on_district_changed()
            return
        self.setWindowTitle(
            f"Об'єкт погосподарського обліку: книга № {c.book_number}, о/р № {c.account}"
        )
        self.district.blockSignals(True)
        self.district.setCurrentIndex(self.district.findData(c.district_id))
        self.district.blockSignals(False)
        self._on_district_changed()
        self.book.setCurrentIndex(self.book.findData(c.book_id))
        self.account.setValue(c.account)
        self.kind.setCurrentIndex(self.kind.findData(c.kind))
        self.settlement.setCurrentIndex(max(0, self.settlement.findData(c.settlement_id)))
        self.street.setText(c.street)
        self.house.setText(c.house)
        self.flat.setText(c.flat)
        self.note.setPlainText(c.note)
        self.head_label.setText(c.head_name)

    def _on_save_title(self) -> None:
        book_id = self.book.currentData()
        if book_id is None:
            self.message.setText("Оберіть книгу (у окрузі ще немає відкритої книги)")
            return
        info = hh.ObjectInfo(
            self.object_id,
            book_id,
            self.kind.currentData(),
            self.account.value() or None,
            self.settlement.currentData(),
            self.street.text(),
            self.house.text(),
            self.flat.text(),
            self.note.toPlainText(),
        )

        def store() -> None:
            self.object_id = hh.save_object(self.db, info, current_user())

        self._run(store)

    # ------------------------------------------------------------------ members

    def _build_members(self) -> None:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        self.members = _table(
            page,
            [
                "Прізвище, ім'я, по батькові",
                "Стать",
                "Народж.",
                "Відношення",
                "Реєстрація",
                "Прибув",
                "Вибув / помер",
            ],
        )
        layout.addWidget(self.members, 1)
        row = QHBoxLayout()
        self.add_member = QPushButton("Додати члена…", page)
        self.left_date = DateEdit(date.today(), page)
        self.left_button = QPushButton("Вибув", page)
        self.died_button = QPushButton("Помер", page)
        row.addWidget(self.add_member)
        row.addStretch(1)
        row.addWidget(self.left_date)
        row.addWidget(self.left_button)
        row.addWidget(self.died_button)
        layout.addLayout(row)
        self.add_member.clicked.connect(self._on_add_member)
        self.left_button.clicked.connect(lambda: self._on_member_left("left"))
        self.died_button.clicked.connect(lambda: self._on_member_left("died"))
        self._writers_members = [self.add_member, self.left_button, self.died_button]
        self.tabs.addTab(page, "Члени домогосподарства")

    def _fill_members(self) -> None:
        self._writers.extend(w for w in self._writers_members if w not in self._writers)
        members = self.card.members if self.card else ()
        self.members.setRowCount(len(members))
        for r, m in enumerate(members):
            name = m.full_name + (" (голова)" if m.is_head else "")
            cells = [
                _item(name, m.id),
                _item(dom.SEXES.get(m.sex, "")),
                _item(format_date(m.birth_date)),
                _item(m.relation),
                _item(dom.REGISTRATIONS.get(m.registration, "")),
                _item(format_date(m.arrived_on)),
                _item(m.state_text),
            ]
            for c, cell in enumerate(cells):
                if m.left_on is not None:
                    cell.setForeground(Qt.GlobalColor.gray)
                self.members.setItem(r, c, cell)

    def _on_add_member(self) -> None:
        dialog = MemberDialog(self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.info is not None:
            info, object_id = dialog.info, self.object_id
            assert object_id is not None
            self._run(lambda: hh.add_member(self.db, object_id, info, current_user()))
        dialog.deleteLater()

    def _on_member_left(self, reason: str) -> None:
        row = self.members.currentRow()
        if row < 0:
            self.message.setText("Оберіть члена домогосподарства в таблиці")
            return
        member_id = _cell(self.members, row, 0).data(Qt.ItemDataRole.UserRole)

        def store() -> None:
            day = self.left_date.date_value()
            assert day is not None
            hh.member_left(self.db, member_id, day, reason, current_user())

        self._run(store)

    # ------------------------------------------------------------------ yearly sections

    def _build_year(self) -> None:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        top = QHBoxLayout()
        self.year = QSpinBox(page)
        self.year.setRange(2006, date.today().year + 1)
        self.year.setValue(date.today().year)
        self.year.setPrefix("станом на 1 січня ")
        self.confirmed = QLineEdit(page)
        self.confirmed.setReadOnly(True)
        top.addWidget(self.year)
        top.addWidget(self.confirmed, 1)
        layout.addLayout(top)
        body = QHBoxLayout()
        dwelling = QFormLayout()
        self.dwelling_kind = QComboBox(page)
        self.dwelling_kind.addItems(["", "житловий будинок", "квартира", "частина будинку"])
        self.built_year = QSpinBox(page)
        self.built_year.setRange(0, date.today().year)
        self.built_year.setSpecialValueText("—")
        self.wall = QLineEdit(page)
        self.total_area, self.living_area = QLineEdit(page), QLineEdit(page)
        self.rooms = QSpinBox(page)
        self.rooms.setRange(0, 50)
        self.year_notes = text_box(page, 3)
        for label, widget in (
            ("Житло", self.dwelling_kind),
            ("Рік побудови", self.built_year),
            ("Матеріал стін", self.wall),
            ("Загальна площа, м²", self.total_area),
            ("Житлова площа, м²", self.living_area),
            ("Кімнат", self.rooms),
            ("Додаткові відомості", self.year_notes),
        ):
            dwelling.addRow(f"{label}:", widget)
        left = QVBoxLayout()
        left.addLayout(dwelling)
        left.addStretch(1)
        body.addLayout(left, 2)
        self.holdings = QTabWidget(page)
        self.section_tables: dict[str, QTableWidget] = {}
        for section, kinds in dom.SECTIONS.items():
            table = _table(page, ["Вид", "Кількість"])
            table.setEditTriggers(QTableWidget.EditTrigger.AllEditTriggers)
            table.setRowCount(len(kinds))
            for r, (code, title) in enumerate(kinds.items()):
                cell = _item(title, code)
                cell.setFlags(cell.flags() & ~Qt.ItemFlag.ItemIsEditable)
                table.setItem(r, 0, cell)
                table.setItem(r, 1, _item(""))
            self.section_tables[section] = table
            self.holdings.addTab(table, SECTION_TABS[section])
            self.holdings.setTabToolTip(self.holdings.count() - 1, dom.SECTION_TITLES[section])
        body.addWidget(self.holdings, 3)
        layout.addLayout(body, 1)
        buttons = QHBoxLayout()
        self.save_year_button = QPushButton("Зберегти рік", page)
        self.confirm_year_button = QPushButton("Зберегти й підтвердити (січнева перевірка)", page)
        buttons.addStretch(1)
        buttons.addWidget(self.save_year_button)
        buttons.addWidget(self.confirm_year_button)
        layout.addLayout(buttons)
        self.year.valueChanged.connect(self._fill_year)
        self.save_year_button.clicked.connect(lambda: self._on_save_year(False))
        self.confirm_year_button.clicked.connect(lambda: self._on_save_year(True))
        self._writers_year = [self.save_year_button, self.confirm_year_button]
        self.tabs.addTab(page, "Станом на 1 січня")

    def _fill_year(self) -> None:
        self._writers.extend(w for w in self._writers_year if w not in self._writers)
        year = self.year.value()
        info = self.card.year(year) if self.card else hh.YearInfo(year)
        earlier = [y for y in (self.card.years if self.card else {}) if y < year]
        carried = ""
        if self.card is not None and year not in self.card.years and earlier:
            # A year not yet entered starts from the last one entered: the January check
            # confirms or corrects it rather than typing everything again.
            info = self.card.years[max(earlier)]
            carried = f" (показано дані станом на 1 січня {max(earlier)} р.)"
        self.confirmed.setText(
            f"підтверджено {format_date(info.confirmed_on)} {info.confirmed_by}".strip()
            if info.confirmed_on and not carried
            else f"не підтверджено за цей рік{carried}"
        )
        self.dwelling_kind.setCurrentText(info.dwelling_kind)
        self.built_year.setValue(info.built_year or 0)
        self.wall.setText(info.wall_material)
        self.total_area.setText(str(info.total_area or ""))
        self.living_area.setText(str(info.living_area or ""))
        self.rooms.setValue(info.rooms or 0)
        self.year_notes.setPlainText(info.notes)
        for section, table in self.section_tables.items():
            amounts = info.holdings.get(section, {})
            for r in range(table.rowCount()):
                code = _cell(table, r, 0).data(Qt.ItemDataRole.UserRole)
                amount = amounts.get(code)
                _cell(table, r, 1).setText(_amount_text(amount) if amount else "")

    def _year_info(self) -> hh.YearInfo:
        holdings: dict[str, dict[str, Decimal]] = {}
        for section, table in self.section_tables.items():
            for r in range(table.rowCount()):
                code = _cell(table, r, 0).data(Qt.ItemDataRole.UserRole)
                amount = _decimal(_cell(table, r, 1).text())
                if amount:
                    holdings.setdefault(section, {})[code] = amount
        total = _decimal(self.total_area.text()) or None
        living = _decimal(self.living_area.text()) or None
        return hh.YearInfo(
            self.year.value(),
            self.dwelling_kind.currentText(),
            self.built_year.value() or None,
            self.wall.text().strip(),
            total,
            living,
            self.rooms.value() or None,
            self.year_notes.toPlainText().strip(),
            holdings,
        )

    def _on_save_year(self, confirm: bool) -> None:
        object_id = self.object_id
        assert object_id is not None

        def store() -> None:
            hh.save_year(self.db, object_id, self._year_info(), current_user(), confirm=confirm)

        self._run(store)

    # ------------------------------------------------------------------ work events

    def _build_events(self) -> None:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        self.events = _table(page, ["Дата", "Робота", "Хто", "Примітка"])
        layout.addWidget(self.events, 1)
        row = QHBoxLayout()
        self.event_kind = QComboBox(page)
        for code, title in dom.EVENT_SHORT.items():
            self.event_kind.addItem(title, code)
        self.event_day = DateEdit(date.today(), page)
        self.event_note = QLineEdit(page)
        self.event_note.setPlaceholderText("примітка")
        self.add_event = QPushButton("Записати", page)
        for w in (self.event_kind, self.event_day, self.event_note, self.add_event):
            row.addWidget(w)
        layout.addLayout(row)
        self.add_event.clicked.connect(self._on_add_event)
        self.tabs.addTab(page, "Робота з об'єктом")

    def _fill_events(self) -> None:
        if self.add_event not in self._writers:
            self._writers.append(self.add_event)
        events = self.card.events if self.card else ()
        self.events.setRowCount(len(events))
        for r, e in enumerate(events):
            for c, text in enumerate((format_date(e.day), e.kind_text, e.done_by, e.note)):
                self.events.setItem(r, c, _item(text))

    def _on_add_event(self) -> None:
        object_id = self.object_id
        assert object_id is not None

        def store() -> None:
            day = self.event_day.date_value()
            assert day is not None
            hh.add_event(
                self.db,
                object_id,
                self.event_kind.currentData(),
                day,
                current_user(),
                self.event_note.text(),
            )

        if self._run(store):
            self.event_note.clear()

    # ------------------------------------------------------------------ certificates

    def _build_certificates(self) -> None:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        self.certificates = _table(page, ["Номер", "Дата", "Вид", "Кому", "Мета"])
        layout.addWidget(self.certificates, 1)
        form = QFormLayout()
        self.cert_kind = QComboBox(page)
        for kind, template in certs.templates(self.db).items():
            self.cert_kind.addItem(template.title, kind)
        self.cert_applicant = QLineEdit(page)
        self.cert_applicant.setPlaceholderText("кому (типово — голова домогосподарства)")
        self.cert_purpose = QLineEdit(page)
        self.cert_purpose.setPlaceholderText("для подання до …")
        form.addRow("Вид довідки:", self.cert_kind)
        form.addRow("Кому видано:", self.cert_applicant)
        form.addRow("Мета:", self.cert_purpose)
        layout.addLayout(form)
        self.issue_button = QPushButton("Видати довідку…", page)
        self.issue_button.clicked.connect(self._on_issue)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.issue_button)
        layout.addLayout(row)
        self.tabs.addTab(page, "Довідки")

    def _on_issue(self) -> None:
        object_id = self.object_id
        assert object_id is not None
        issued: list[certs.CertificateData] = []

        def store() -> None:
            issued.append(
                certs.issue(
                    self.db,
                    object_id,
                    self.cert_kind.currentData(),
                    applicant=self.cert_applicant.text().strip(),
                    purpose=self.cert_purpose.text(),
                    user=current_user(),
                )
            )

        if self._run(store):
            self.show_pdf(f"Довідка № {issued[0].number}", certs.certificate_pdf(issued[0]))

    def _on_print_page(self) -> None:
        """The page of the book as the record stands, built off the GUI thread, then the
        preview (which prints and saves)."""
        from app.services import household_page as hp
        from ui.tasks import run_in_background, user_text

        object_id, user = self.object_id, current_user()
        assert object_id is not None
        self.print_page.setEnabled(False)

        def work() -> tuple[str, bytes]:
            page = hp.book_page(self.db, object_id, user)
            return f"{page.book_title}, {page.account.lower()}", hp.book_page_pdf(page)

        def done(result: tuple[str, bytes]) -> None:
            self.print_page.setEnabled(True)
            self.message.setText("")
            self.show_pdf(*result)

        def failed(exc: BaseException) -> None:
            self.print_page.setEnabled(True)
            self.message.setText(f"Сторінку не надруковано: {user_text(exc)}")

        run_in_background(work, done, failed, owner=self)

    def show_pdf(self, title: str, pdf: bytes) -> None:
        from ui.preview import PdfPreviewDialog

        preview = PdfPreviewDialog(pdf, title, self)
        preview.exec()
        preview.deleteLater()

    def _fill_certificates(self) -> None:
        if self.issue_button not in self._writers:
            self._writers.append(self.issue_button)
        rows = self.card.certificates if self.card else ()
        self.certificates.setRowCount(len(rows))
        for r, c in enumerate(rows):
            cells = (c.number, format_date(c.issued_on), c.kind, c.applicant, c.purpose)
            for col, text in enumerate(cells):
                self.certificates.setItem(r, col, _item(text, c.id if col == 0 else None))


def _amount_text(amount: Decimal) -> str:
    text = f"{amount:f}"
    return text.rstrip("0").rstrip(".") if "." in text else text
