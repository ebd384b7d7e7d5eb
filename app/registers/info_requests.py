"""Public-information requests (запити на публічну інформацію), declared on the framework.

Their own yearly series; the requester (a person or an organisation) is kept in
`info_request_detail` only, opening a card is audited. Every request goes on control when
registered, with the term of ст. 20 ЗУ «Про доступ до публічної інформації» (`RequestTerm`:
5 working days, 48 hours when urgent, extended to no more than 20 working days with the
requester told within 5 working days); the result (answer, refusal on a ground of ст. 22 ч. 1,
deferral ст. 22 ч. 6, forwarding ст. 22 ч. 3) ends the control; copies beyond 10 pages cost
what ст. 21 and ПКМУ № 740 (edition of 2020) allow.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any

from app.domain import appeal_classifier as cls
from app.domain.appeals import (
    REQUEST_EXTENDED_WORKING_DAYS,
    REQUEST_WORKING_DAYS,
    copying_cost,
    notice_state,
    request_extension_problem,
    request_term,
)
from app.domain.calendar import WorkingCalendar
from app.domain.text import uk_sort_key
from app.registers.base import LAW_TERM, Column, Control, Printout, RegisterSpec, TermWording
from app.registers.fields import Field, FieldKind
from app.registers.result_control import follow_result

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from db.models import Document, InfoRequestDetail

#: ПКМУ № 740 (edition of 15.01.2020 № 4): the copying limit is a share of the subsistence
#: minimum for able-bodied persons — 3328 грн from 01.01.2026 (State Budget law for 2026); a
#: setting, since each year's budget law changes it (app/domain/appeals.py names the sources).
SUBSISTENCE_MINIMUM_SETTING = "info_requests.subsistence_minimum"  # settings.SUBSISTENCE_MINIMUM
DEFAULT_SUBSISTENCE_MINIMUM = Decimal("3328")
REQUESTER_KINDS = (
    "Фізична особа",
    "Юридична особа",
    "Об'єднання громадян без статусу юридичної особи",
)


@dataclass(frozen=True)
class RequestTerm:
    """ст. 20 ЗУ «Про доступ до публічної інформації»: 5 working days from receipt; 48 hours
    when urgency is claimed and accepted (the card's flag); an extension never beyond 20
    working days from receipt."""

    rule: str = "ст. 20 ЗУ «Про доступ до публічної інформації»"
    wording: TermWording = LAW_TERM  # the law says «строк розгляду»

    def default_term(self, received: date, urgent: bool, calendar: WorkingCalendar) -> date | None:
        return request_term(received, urgent, calendar)

    def describe(self, urgent: bool) -> str:
        if urgent:
            return "терміново — 48 годин"
        return f"{REQUEST_WORKING_DAYS} робочих днів"

    def extension_problem(
        self, received: date, new_term: date, calendar: WorkingCalendar
    ) -> str | None:
        return request_extension_problem(received, new_term, calendar)


TERM = RequestTerm()


def _refusal_warning(values: Mapping[str, Any]) -> str | None:
    result = str(values.get("result") or "")
    if result.startswith("Надіслано") and not values.get("forwarded_to"):
        return "Запит надіслано належному розпоряднику, але не вказано, кому (ст. 22 ч. 3)"
    if result and not values.get("answer"):
        return "Відповідь, відмову чи відстрочку дають письмово: вкажіть вихідний лист"
    return None


def subsistence_minimum(s: Session) -> Decimal:
    """The setting, or the 2026 figure when it is empty or not a number."""
    from db.models import Setting

    row = s.get(Setting, SUBSISTENCE_MINIMUM_SETTING)
    if not row or not row.value:
        return DEFAULT_SUBSISTENCE_MINIMUM
    try:
        value = Decimal(str(row.value).replace(",", ".").replace(" ", ""))
    except InvalidOperation:
        return DEFAULT_SUBSISTENCE_MINIMUM
    return value if value > 0 else DEFAULT_SUBSISTENCE_MINIMUM


def after_store(s: Session, doc: Document, detail: InfoRequestDetail) -> None:
    """Derived columns of a request (sort key, notice of extension, copying fee) and its
    control (ст. 20–22)."""
    from db.models import ControlEvent
    from db.queries import appeals as q

    calendar: WorkingCalendar | None = s.info.get("calendar")
    detail.requester_sort = uk_sort_key(detail.requester)[:80]
    cost = copying_cost(detail.pages or 0, subsistence_minimum(s), detail.free_copies)
    detail.copy_cost = f"{cost:.2f} грн".replace(".", ",") if cost else ""
    if calendar is None or doc.cancelled:
        return
    term = TERM.default_term(doc.reg_date, doc.urgent, calendar)
    assert term is not None
    detail.term_rule = TERM.describe(doc.urgent)[:100]
    user = detail.changed_by or ""
    extended = q.was_extended(s, doc.id) if doc.id else False
    if doc.due_date is None:
        doc.on_control, doc.due_date = True, term
        s.add(
            ControlEvent(
                document_id=doc.id,
                kind="set",
                event_date=doc.reg_date,
                new_term=term,
                text=f"Строк за {TERM.rule}: {TERM.describe(doc.urgent)}",
                changed_by=user,
            )
        )
    elif doc.done_date is None and doc.due_date != term and not extended:
        s.add(
            ControlEvent(
                document_id=doc.id,
                kind="set",
                event_date=date.today(),
                old_term=doc.due_date,
                new_term=term,
                text=f"Строк за {TERM.rule}: {TERM.describe(doc.urgent)}",
                changed_by=user,
            )
        )
        doc.due_date = term
    state = notice_state(doc.reg_date, extended, detail.notice_date, date.today(), calendar)
    detail.notice_state, detail.notice_late = state.text[:200], state.late
    follow_result(s, doc, detail, user, "вих. №")


INFO_REQUESTS = RegisterSpec(
    code="info_requests",
    title="Запити на інформацію",
    journal_title="Журнал реєстрації запитів на публічну інформацію",
    number_label="Запит №",
    number_setting="number_format.info_requests",
    default_number_format="{n}-ПІ",
    personal_data=True,
    fields=(
        Field(
            "requester",
            "Запитувач",
            required=True,
            max_length=300,
            placeholder="ПІБ фізичної особи або найменування організації",
            import_headers=("запитувач", "від кого"),
        ),
        Field(
            "requester_kind",
            "Запитувач — це",
            FieldKind.CHOICE,
            choices=REQUESTER_KINDS,
            max_length=100,
            import_headers=("вид запитувача",),
        ),
        Field("requester_address", "Поштова адреса", max_length=300, import_headers=("адреса",)),
        Field("requester_email", "Ел. пошта", max_length=150, import_headers=("ел. пошта",)),
        Field("requester_phone", "Телефон", max_length=50, import_headers=("телефон",)),
        Field(
            "received_way",
            "Спосіб надходження",
            FieldKind.CLASSIFIER,
            required=True,
            max_length=150,
            target=cls.REQUEST_RECEIVED,
            import_headers=("спосіб надходження", "надійшов"),
        ),
        Field(
            "summary",
            "Яку інформацію запитано",
            FieldKind.MULTILINE,
            required=True,
            import_headers=("зміст запиту", "зміст", "короткий зміст"),
        ),
        Field(
            "answer_form",
            "Бажана форма відповіді",
            FieldKind.CLASSIFIER,
            max_length=150,
            target=cls.REQUEST_FORM,
            import_headers=("форма відповіді",),
        ),
        Field(
            "urgent",
            "Терміново — 48 годин (ст. 20 ч. 2, обґрунтовано)",
            FieldKind.BOOL,
            import_headers=("терміново", "48 годин"),
        ),
        Field(
            "notice_date",
            f"Повідомлено про продовження до {REQUEST_EXTENDED_WORKING_DAYS} роб. днів",
            FieldKind.DATE,
            not_before_registration=True,
            import_headers=("повідомлено про продовження",),
        ),
        Field("notice_state", "Повідомлення про продовження", read_only=True),
        Field(
            "result",
            "Результат",
            FieldKind.CLASSIFIER,
            max_length=150,
            target=cls.REQUEST_RESULT,
            import_headers=("результат",),
        ),
        Field(
            "result_date",
            "Дата результату",
            FieldKind.DATE,
            not_before_registration=True,
            import_headers=("дата результату", "дата відповіді"),
        ),
        Field(
            "forwarded_to",
            "Надіслано належному розпоряднику",
            max_length=300,
            import_headers=("надіслано розпоряднику",),
        ),
        Field(
            "answer",
            "Відповідь / відмова (вих. №)",
            FieldKind.DOCUMENT_REFS,
            target="outgoing",
            column="answer_numbers",
            later_refs=True,
            import_headers=("відповідь", "вих. №"),
        ),
        Field("pages", "Сторінок копій", FieldKind.INT, import_headers=("сторінок",)),
        Field(
            "free_copies",
            "Без оплати (інформація про себе / суспільний інтерес)",
            FieldKind.BOOL,
            import_headers=("без оплати",),
        ),
        Field("copy_cost", "Вартість копіювання (ст. 21)", read_only=True),
        Field(
            "case_index",
            "Індекс справи",
            FieldKind.CASE_INDEX,
            max_length=30,
            import_headers=("індекс справи", "справа"),
        ),
        Field("notes", "Примітки", FieldKind.MULTILINE, import_headers=("примітки",)),
    ),
    columns=(
        Column("reg_number", "№", 70, sort="number", journal_weight=0.8),
        Column("reg_date", "Надійшов", 85, sort="reg_date", journal_weight=1.0),
        Column("requester", "Запитувач", 190, sort="requester_sort", journal_weight=1.8),
        Column("received_way", "Надходження", 110, journal_weight=1.0),
        Column("summary", "Запитана інформація", 280, sort="summary", journal_weight=2.5),
        Column("lead_executor_name", "Виконавець", 130, sort="executor", journal_weight=1.2),
        Column("due_date", "Термін розгляду", 80, sort="due_date", journal_weight=1.0),
        Column("state_label", "Стан", 130, journal_weight=0),
        Column("notice_state", "Продовження", 150, journal_weight=1.0),
        Column("result", "Результат", 160, journal_weight=1.5),
        Column("result_date", "Дата рез.", 80, journal_weight=0.9),
        Column("answer_numbers", "Відповідь", 90, journal_weight=0.9),
        Column("copy_cost", "Копіювання", 90, journal_weight=0.8),
    ),
    warnings=(_refusal_warning,),
    search_fields=("requester", "summary", "forwarded_to"),
    control=Control(by_resolution=True),
    term=TERM,
    detail_model="InfoRequestDetail",
    after_store=after_store,
    date_label="Дата надходження",
    date_hint="Строк рахують від дня надходження запиту (ст. 20)",
    printouts=(
        Printout("Реєстраційно-контрольна картка (РКК)", "card_pdf"),
        Printout("Штамп «Контроль»", "control_stamp_pdf", needs_control=True),
    ),
    number_headers=("№", "№ запиту", "реєстраційний номер"),
    statistics="app.reports.info_requests:info_requests_report",
)

__all__ = ["INFO_REQUESTS", "TERM", "RequestTerm"]
