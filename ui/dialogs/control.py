"""Control of a document (9.7–9.14): put on control, extend the term, note progress, remove.

Each dialog is headed by the document, saves through app.services.control on accept and keeps
what was typed when the service refuses (no reason for an extension, no basis for removal).
The rules of the regulation the clerk must keep in mind are written into the form itself.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QWidget,
)

from app.domain.dates import format_date
from app.domain.interim import LONG_CONTROL_HINT, is_long
from app.services import control
from app.services.details import get_document
from app.services.dialog_support import (
    current_user,
    document_heading,
    extension_note,
    term_preview,
    term_wording,
)
from app.services.organisation import get_organisation
from app.services.reference import list_staff, staff_of_user
from ui.dialogs.fields import FormDialog, term_hint
from ui.widgets import DateEdit, hint_label, name_edit, text_box

if TYPE_CHECKING:
    from db.session import Database


def _history_list(parent: QWidget) -> QListWidget:
    """A short list of earlier entries whose long lines wrap instead of scrolling sideways."""
    history = QListWidget(parent)
    history.setMaximumHeight(110)
    history.setWordWrap(True)
    history.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    return history


class _ControlDialog(FormDialog):
    """The document heading, its current term and a form under them."""

    def __init__(
        self, db: Database, doc_id: int, title: str, parent: QWidget | None, ok_text: str
    ) -> None:
        super().__init__(title, parent=parent, ok_text=ok_text)
        self._db = db
        self._doc_id = doc_id
        self._doc = get_document(db, doc_id, user=current_user())
        self._word = term_wording(self._doc.register)  # «термін виконання» / «строк розгляду»
        self.notice: QMessageBox | None = None
        self._typed: date | None = None  # the term as typed, to say when it was moved
        heading = QLabel(f"<b>{document_heading(self._doc)}</b>", self)
        heading.setWordWrap(True)
        self.body.addWidget(heading)
        self.form = QFormLayout()
        self.body.addLayout(self.form)
        self.setMinimumWidth(560)

    def _open_term_row(self) -> None:
        """«Термін виконання: 12.05.2026» — or a message and no Save when not on control."""
        if self._doc.on_control and self._doc.done_date is None and self._doc.due_date:
            final = self._doc.final_due
            if final is not None and final != self._doc.due_date:
                # interim reports: the term now is the next report; the final one ends control
                final_label = QLabel(f"<b>{format_date(final)}</b>")
                self.form.addRow(f"Остаточний {self._word.noun}:", final_label)
                self.form.addRow(
                    "Наступний проміжний звіт:",
                    QLabel(f"<b>{format_date(self._doc.due_date)}</b>"),
                )
            else:
                self.form.addRow(
                    f"{self._word.title}:", QLabel(f"<b>{format_date(self._doc.due_date)}</b>")
                )
        else:
            self.error.show_error("Документ не перебуває на контролі")
            self.ok_button.setEnabled(False)

    def _tell_if_moved(self, typed: date | None, stored: date) -> None:
        """After saving: the term typed fell on a day off and was moved back (9.11)."""
        if typed is None or typed == stored:
            return
        self.notice = QMessageBox(
            QMessageBox.Icon.Information,
            f"{self._word.noun.capitalize()} перенесено",
            f"{format_date(typed)} — неробочий день, тому {self._word.full} встановлено на "
            f"попередній робочий день: {format_date(stored)} (п. 9.11).",
            QMessageBox.StandardButton.NoButton,
            self.parentWidget(),
        )
        self.notice.addButton("Гаразд", QMessageBox.ButtonRole.AcceptRole)
        self.notice.open()  # not exec(): the dialog closes at once, the note stays on top

    def _date_row(self, label: str, edit: DateEdit) -> None:
        self.form.addRow(label, self.with_error(edit))


class PutOnControlDialog(_ControlDialog):
    """9.7: the «Контроль» mark with the term; empty term → the default of 9.11."""

    def __init__(self, db: Database, doc_id: int, parent: QWidget | None = None) -> None:
        super().__init__(db, doc_id, "Взяти на контроль", parent, "Взяти на контроль")
        self.due_date: date | None = None
        self.summary = ""  # for the caller's status line once saved
        self.term = DateEdit(optional=True, parent=self)
        self.hint = hint_label("", self)
        self._date_row(f"{self._word.title}:", self.term)
        self.form.addRow("", self.hint)
        if self._doc.on_control and self._doc.done_date is None:
            self.error.show_error(
                f"Документ уже на контролі до {format_date(self._doc.due_date)}. "
                f"Щоб змінити {self._word.noun}, скористайтеся «Продовжити {self._word.noun}»."
            )
            self.ok_button.setEnabled(False)
        self.term.textChanged.connect(self._on_term_changed)
        self._on_term_changed()

    def _on_term_changed(self) -> None:
        hint = term_hint(self._db, self._doc, self.term)
        typed = self.term.valid_date()
        if typed is not None and is_long(date.today(), typed):
            hint = f"{hint}. {LONG_CONTROL_HINT}"
        self.hint.setText(hint)

    def _prepare_save(self) -> Callable[[], object]:
        typed = self.term.date_value()
        db, doc_id, user = self._db, self._doc_id, current_user()
        self._typed = typed
        return lambda: control.put_on_control(db, doc_id, typed, user=user)

    def _saved(self, result: object) -> None:
        assert isinstance(result, date)
        self.due_date = result
        self.summary = f"Документ взято на контроль до {format_date(result)}"
        self._tell_if_moved(self._typed, result)


class ExtendTermDialog(_ControlDialog):
    """9.12: a new term only with the executor's reasoned request; old terms stay listed."""

    def __init__(self, db: Database, doc_id: int, parent: QWidget | None = None) -> None:
        super().__init__(db, doc_id, "Продовжити", parent, "Продовжити")
        self.setWindowTitle(f"Продовжити {self._word.full}")
        self.new_due_date: date | None = None
        self._open_term_row()
        self.term = DateEdit(parent=self)
        self.hint = hint_label("", self)
        self._date_row(f"Новий {self._word.noun}:", self.term)
        self.form.addRow("", self.hint)
        self.reason = text_box(self, 3, "Обґрунтована пропозиція виконавця: чому не встигає")
        self.form.addRow("Підстава (обов'язково):", self.with_error(self.reason))
        self.person = QLineEdit(self)
        self.person.setPlaceholderText("Хто просив продовжити (виконавець)")
        self.form.addRow("Хто просив:", self.person)
        if self._doc.due_date and self.ok_button.isEnabled():
            due = self._doc.final_due or self._doc.due_date
            note = extension_note(db, due, word=self._word)
            if note:
                self.form.addRow("", hint_label(note, self))
        self.history = _history_list(self)
        for event in self._doc.control_events:
            if event.new_term is None:
                continue
            text = f"{format_date(event.event_date)}  {event.label}: "
            if event.old_term:
                text += f"{format_date(event.old_term)} → "
            text += format_date(event.new_term)
            details = "; ".join(x for x in (event.text, event.person) if x)
            self.history.addItem(text + (f" ({details})" if details else ""))
        self.form.addRow(f"Історія {self._word.plural_genitive}:", self.history)
        self.term.textChanged.connect(self._on_term_changed)
        self._on_term_changed()

    def _on_term_changed(self) -> None:
        typed = self.term.valid_date()
        self.hint.setText(term_preview(self._db, self._doc, typed).text if typed else "")

    def _widget_for_error(self, message: str) -> QWidget | None:
        return self.reason if "підстав" in message.lower() else self.term

    def _prepare_save(self) -> Callable[[], object]:
        new_term = self.term.date_value()
        assert new_term is not None
        self._typed = new_term
        db, doc_id, user = self._db, self._doc_id, current_user()
        reason, person = self.reason.toPlainText(), self.person.text()
        return lambda: control.extend_term(db, doc_id, new_term, reason, person=person, user=user)

    def _saved(self, result: object) -> None:
        assert isinstance(result, date)
        self.new_due_date = result
        self._tell_if_moved(self._typed, result)


class ProgressDialog(_ControlDialog):
    """9.12: what has been done so far (monthly for long controls)."""

    def __init__(self, db: Database, doc_id: int, parent: QWidget | None = None) -> None:
        super().__init__(db, doc_id, "Хід виконання", parent, "Зберегти")
        self._open_term_row()
        # The notes so far, oldest first: the next one continues them, not repeats them.
        self.earlier = _history_list(self)
        for event in self._doc.control_events:
            if event.kind == "progress":
                details = f" ({event.person})" if event.person else ""
                self.earlier.addItem(f"{format_date(event.event_date)}  {event.text}{details}")
        if self.earlier.count():
            self.form.addRow("Попередні відмітки:", self.earlier)
            self.earlier.scrollToBottom()
        else:
            self.earlier.hide()
        self.note = text_box(self, 4, "Що зроблено на цей час")
        self.form.addRow("Хід виконання:", self.with_error(self.note))
        self.day = DateEdit(date.today(), parent=self)
        self._date_row("Дата:", self.day)

    def _widget_for_error(self, message: str) -> QWidget | None:
        return self.note

    def _prepare_save(self) -> Callable[[], object]:
        day = self.day.date_value()
        db, doc_id, user, note = self._db, self._doc_id, current_user(), self.note.toPlainText()
        return lambda: control.add_progress(db, doc_id, note, today=day, user=user)


class RemoveFromControlDialog(_ControlDialog):
    """9.13–9.14: removal only on a document that fulfils the task, never on a promise."""

    def __init__(self, db: Database, doc_id: int, parent: QWidget | None = None) -> None:
        super().__init__(db, doc_id, "Зняти з контролю", parent, "Зняти з контролю")
        self._open_term_row()
        self.form.addRow(
            "",
            hint_label(
                "Підставою можуть бути рішення, розпорядження, наказ, звіт, інформація, довідка "
                "або письмова відповідь. Знімати документ з контролю, коли дано лише обіцянку "
                "або названо терміни, а роботу не закінчено, не допускається (п. 9.14).",
                self,
            ),
        )
        self.basis = QLineEdit(self)
        self.basis.setPlaceholderText("Лист від 10.04.2026 № 45/01-12")
        self.basis.setMinimumWidth(340)
        self.form.addRow("Підстава (документ про виконання):", self.with_error(self.basis))
        self.day = DateEdit(date.today(), parent=self)
        self._date_row("Дата відмітки «до справи»:", self.day)
        self.late = hint_label("", self)
        self.form.addRow("", self.late)
        self.person = name_edit(self._officials(), self, "Хто зробив відмітку «до справи»")
        self.person.setMinimumWidth(340)
        self.person.setText(self._signed_in())
        self.form.addRow("Хто зняв з контролю:", self.with_error(self.person))
        self.day.textChanged.connect(self._on_day_changed)
        self._on_day_changed()

    def _signed_in(self) -> str:
        """Who removes it, as far as the program knows: the signed-in user's staff record
        («Коваль О. П.»), else the account's own name; empty with the login switched off.
        The field stays editable: the mayor may mark «до справи» while the clerk types it."""
        user = current_user()
        staff = staff_of_user(self._db, user)
        return staff.short if staff is not None else user.full_name.strip()

    def _officials(self) -> list[str]:
        """The mayor, the manager of affairs and staff: the ones who mark «до справи» (9.13)."""
        names: list[str] = []
        org = get_organisation(self._db)
        if org is not None:
            names += [n for n in (org.mayor_name, org.manager_name) if n.strip()]
        names += [s.short for s in list_staff(self._db, active_only=True)]
        return list(dict.fromkeys(names))

    def _on_day_changed(self) -> None:
        day, due = self.day.valid_date(), self._doc.due_date
        if day is None or due is None:
            self.late.setText("")
        elif day <= due:
            self.late.setText("Виконано вчасно.")
        else:
            self.late.setText(f"Виконано із запізненням на {(day - due).days} дн.")

    def _widget_for_error(self, message: str) -> QWidget | None:
        lowered = message.lower()
        if "підстав" in lowered:
            return self.basis
        if "хто" in lowered:
            return self.person
        return self.day if "дата" in lowered else None

    def _prepare_save(self) -> Callable[[], object]:
        day = self.day.date_value()
        assert day is not None
        db, doc_id, user = self._db, self._doc_id, current_user()
        basis, person = self.basis.text(), self.person.text()
        return lambda: control.remove_from_control(db, doc_id, basis, day, person, user=user)
