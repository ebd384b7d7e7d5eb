"""Citizens' appeals (звернення громадян), declared on the register framework.

Their own yearly series; the authors are personal data kept in `appeal_applicant` only (never
in the correspondents' list, so never offered to other registers), opening a card is audited.
Every appeal goes on control when registered, with the term of ст. 20 ЗУ «Про звернення
громадян» (`AppealTerm`); recording its result ends the control. Classification follows the
classifier of ПКМУ № 858, kept as data (app/services/classifier.py).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from app.domain import appeal_classifier as cls
from app.domain.appeals import (
    APPEAL_NO_STUDY_DAYS,
    appeal_extension_problem,
    appeal_term,
)
from app.domain.calendar import WorkingCalendar
from app.domain.dates import format_date
from app.domain.text import normalize_search, uk_sort_key
from app.registers.base import LAW_TERM, Column, Control, Printout, RegisterSpec, TermWording
from app.registers.fields import Field, FieldKind
from app.registers.result_control import follow_result

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from db.models import AppealApplicant, AppealDetail, Document

#: ст. 7: an appeal outside the council's competence is forwarded within 5 days of receipt.
FORWARD_DAYS = 5
#: How far back an earlier appeal of the same author on the same topic counts as a repeat.
REPEAT_DAYS = 365
DECISIONS = (
    "Розглядати по суті",
    "Не розглядати: анонімне (ст. 8)",
    "Не розглядати: повторне з питання, вирішеного по суті (ст. 8)",
    "Не розглядати: скарга після строку оскарження (ст. 8, 17)",
    "Не розглядати: автор визнаний судом недієздатним (ст. 8)",
    "Об'єднати з попереднім (дублетне)",
)


@dataclass(frozen=True)
class AppealTerm:
    """ст. 20 ЗУ «Про звернення громадян»: one month; 15 days when the appeal needs no
    additional study (the card's flag); extended with an interim reply, never beyond 45 days;
    a day off moves the term to the preceding working day."""

    rule: str = "ст. 20 ЗУ «Про звернення громадян»"
    wording: TermWording = LAW_TERM  # the law says «строк розгляду»

    def default_term(self, received: date, urgent: bool, calendar: WorkingCalendar) -> date | None:
        return appeal_term(received, urgent, calendar)

    def describe(self, urgent: bool) -> str:
        if urgent:
            return f"не потребує додаткового вивчення — {APPEAL_NO_STUDY_DAYS} днів"
        return "один місяць від дня надходження"

    def extension_problem(
        self, received: date, new_term: date, calendar: WorkingCalendar
    ) -> str | None:
        return appeal_extension_problem(received, new_term)


TERM = AppealTerm()


def _c(key: str, label: str, list_code: str, required: bool = True, **kw: Any) -> Field:
    return Field(
        key, label, FieldKind.CLASSIFIER, required=required, max_length=150, target=list_code, **kw
    )


APPLICANT_COLUMNS = (
    Field("surname", "Прізвище", required=True, max_length=100),
    Field("given_name", "Ім'я", max_length=100),
    Field("patronymic", "По батькові", max_length=100),
    Field("address", "Адреса", max_length=300),
    Field("phone", "Телефон", max_length=50),
    Field("email", "Ел. пошта", max_length=150),
    _c("category", "Категорія", cls.CATEGORY, required=False),
    _c("social_status", "Соціальний стан", cls.SOCIAL, required=False),
)


def _anonymous_warning(values: Mapping[str, Any]) -> str | None:
    """ст. 8: an appeal with no author (name, address) is anonymous and not considered."""
    if values.get("applicants") or values.get("subject") == cls.SUBJECT_ANONYMOUS:
        return None
    return "Не вказано автора звернення: без прізвища й адреси воно анонімне (ст. 8)"


def _collective_warning(values: Mapping[str, Any]) -> str | None:
    authors = len(values.get("applicants") or ())
    if authors > 1 and values.get("subject") == "Індивідуальне":
        return f"Авторів {authors}, а суб'єкт — «Індивідуальне»: чи не колективне це звернення?"
    return None


def _forward_warning(values: Mapping[str, Any]) -> str | None:
    if values.get("result") == cls.RESULT_FORWARDED and not values.get("forwarded_to"):
        return "Результат «Надіслано за належністю», але не вказано, кому надіслано (ст. 7)"
    return None


def _short(row: AppealApplicant) -> str:
    initials = "".join(f" {p[0]}." for p in (row.given_name, row.patronymic) if p)
    return f"{row.surname}{initials}".strip()


def _children(s: Session, model: type, doc_id: int) -> list[Any]:
    """The document's child rows as the session holds them now: the flushed ones read without
    flushing again, and those the table field has just added (still pending)."""
    from db.queries import records

    stored = records.child_rows(s, model, doc_id)
    pending = [o for o in s.new if isinstance(o, model) and o.document_id == doc_id]  # type: ignore[attr-defined]
    rows = [o for o in (*stored, *pending) if o not in s.deleted]
    return sorted(rows, key=lambda o: o.position)  # type: ignore[attr-defined]


def after_store(s: Session, doc: Document, detail: AppealDetail) -> None:
    """Derived columns of an appeal, and its control (ст. 20, ст. 7, ст. 8)."""
    from db.models import AppealApplicant, AppealTopic
    from db.queries import appeals as q
    from db.queries import classifier as classifier_q

    calendar: WorkingCalendar | None = s.info.get("calendar")
    with s.no_autoflush:
        applicants = _children(s, AppealApplicant, doc.id)
        topics = [t.topic for t in _children(s, AppealTopic, doc.id)]
        if "privileged_titles" not in s.info:  # once per transaction (imports store many)
            s.info["privileged_titles"] = classifier_q.privileged_titles(s, cls.CATEGORY)
        privileged = s.info["privileged_titles"]
    for row in applicants:
        row.name_key = normalize_search(f"{row.surname} {row.given_name} {row.patronymic}")[:300]
    if applicants:
        first = _short(applicants[0])
        more = f" та ще {len(applicants) - 1}" if len(applicants) > 1 else ""
        detail.author_name = f"{first}{more}"[:300]
    else:
        detail.author_name = "Анонімне" if detail.subject == cls.SUBJECT_ANONYMOUS else ""
    detail.author_sort = uk_sort_key(detail.author_name)[:80]
    detail.privileged = any(row.category in privileged for row in applicants)
    detail.forward_late = bool(
        detail.forwarded_date and detail.forwarded_date > doc.reg_date + timedelta(FORWARD_DAYS)
    )
    with s.no_autoflush:
        earlier = q.earlier_appeals(
            s,
            [r.name_key for r in applicants if r.name_key],
            topics,
            doc.reg_date - timedelta(days=REPEAT_DAYS),
            doc.reg_date,
            doc.id,
        )
    detail.earlier_found = ", ".join(f"{number} від {format_date(day)}" for number, day in earlier)[
        :300
    ]
    if calendar is not None:
        _control(s, doc, detail, calendar)


def _control(s: Session, doc: Document, detail: AppealDetail, calendar: WorkingCalendar) -> None:
    """Every appeal is on control from registration with its term (ст. 20); the term follows
    the «no additional study» flag until it is extended; the result ends the control."""
    from db.models import ControlEvent
    from db.queries import appeals as q

    if doc.cancelled:
        return
    term = TERM.default_term(doc.reg_date, doc.urgent, calendar)
    detail.term_rule = TERM.describe(doc.urgent)[:100]
    user = detail.changed_by or ""
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
    elif doc.done_date is None and doc.due_date != term and not q.was_extended(s, doc.id):
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
    follow_result(s, doc, detail, user, "відповідь вих. №")


APPEALS = RegisterSpec(
    code="appeals",
    title="Звернення громадян",
    journal_title="Журнал реєстрації звернень громадян",
    number_label="Звернення №",
    number_setting="number_format.appeals",
    default_number_format="{n}",
    personal_data=True,
    fields=(
        Field(
            "applicants",
            "Автор(и)",
            FieldKind.TABLE,
            table="appeal_applicant",
            column="applicants_text",
            columns=APPLICANT_COLUMNS,
            import_headers=("автор", "автори", "заявник", "піб"),
        ),
        _c(
            "received_way",
            "Форма надходження",
            cls.RECEIVED,
            import_headers=("надійшло", "надходження", "форма надходження"),
        ),
        Field(
            "received_by",
            "Прийняв на особистому прийомі",
            FieldKind.STAFF,
            max_length=150,
            target="reception",  # the schedule's officials first (app/services/reception.py)
            import_headers=("особистий прийом", "прийняв"),
        ),
        _c("sign", "Ознака", cls.SIGN, import_headers=("ознака",)),
        _c("appeal_type", "Вид", cls.TYPE, import_headers=("вид",)),
        _c("subject", "Суб'єкт", cls.SUBJECT, import_headers=("суб'єкт",)),
        _c("form", "Тип (форма)", cls.FORM, import_headers=("тип", "форма")),
        Field(
            "summary",
            "Короткий зміст",
            FieldKind.MULTILINE,
            required=True,
            import_headers=("короткий зміст", "зміст"),
        ),
        Field(
            "topics",
            "Тематика питань",
            FieldKind.TABLE,
            required=True,
            table="appeal_topic",
            column="topics_text",
            columns=(_c("topic", "Питання (тема)", cls.TOPIC),),
            import_headers=("тематика", "питання", "теми"),
        ),
        Field(
            "urgent",
            f"Не потребує додаткового вивчення ({APPEAL_NO_STUDY_DAYS} днів)",
            FieldKind.BOOL,
            import_headers=("не потребує вивчення", "15 днів"),
        ),
        Field(
            "earlier",
            "Попередні звернення №",
            FieldKind.DOCUMENT_REFS,
            target="appeals",
            column="earlier_numbers",
            placeholder="Номери попередніх звернень автора з того самого питання",
            import_headers=("попередні звернення",),
        ),
        Field("earlier_found", "Програма знайшла попередні", read_only=True),
        Field(
            "decision",
            "Рішення щодо розгляду (ст. 8)",
            FieldKind.CHOICE,
            choices=DECISIONS,
            max_length=200,
            import_headers=("рішення щодо розгляду",),
        ),
        Field(
            "forwarded_to",
            "Надіслано за належністю до",
            max_length=300,
            import_headers=("надіслано за належністю",),
        ),
        Field(
            "forwarded_date",
            "Дата пересилання",
            FieldKind.DATE,
            not_before_registration=True,
            import_headers=("дата пересилання",),
        ),
        _c(
            "result",
            "Результат розгляду",
            cls.RESULT,
            required=False,
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
            "answer",
            "Відповідь / супровідний лист (вих. №)",
            FieldKind.DOCUMENT_REFS,
            target="outgoing",
            column="answer_numbers",
            later_refs=True,
            placeholder="Номер вихідного листа з відповіддю чи пересиланням",
            import_headers=("відповідь", "вих. №"),
        ),
        Field(
            "case_index",
            "Індекс справи",
            FieldKind.CASE_INDEX,
            max_length=30,
            import_headers=("індекс справи", "справа"),
        ),
        Field("sheets", "Кількість аркушів", FieldKind.INT, import_headers=("аркушів",)),
        Field("notes", "Примітки", FieldKind.MULTILINE, import_headers=("примітки",)),
    ),
    columns=(
        Column("reg_number", "№", 70, sort="number", journal_weight=0.8),
        Column("reg_date", "Надійшло", 85, sort="reg_date", journal_weight=1.0),
        Column("author_name", "Автор", 180, sort="author_sort", journal_weight=1.8),
        Column("privileged", "Пільга", 55, sort="privileged", journal_weight=0.6),
        Column("received_way", "Надходження", 130, journal_weight=1.2),
        Column("appeal_type", "Вид", 110, journal_weight=1.0),
        Column("sign", "Ознака", 90, journal_weight=0.9),
        Column("summary", "Короткий зміст", 280, sort="summary", journal_weight=2.4),
        Column("topics_text", "Тематика", 180, journal_weight=1.6),
        Column("lead_executor_name", "Виконавець", 130, sort="executor", journal_weight=1.2),
        Column("due_date", "Термін розгляду", 80, sort="due_date", journal_weight=1.0),
        Column("state_label", "Стан", 130, journal_weight=0),
        Column("result", "Результат", 140, journal_weight=1.3),
        Column("result_date", "Дата рез.", 80, journal_weight=0.9),
        Column("answer_numbers", "Відповідь", 90, journal_weight=0.9),
    ),
    warnings=(_anonymous_warning, _collective_warning, _forward_warning),
    search_fields=("applicants", "summary", "topics", "forwarded_to"),
    control=Control(by_resolution=True),
    term=TERM,
    detail_model="AppealDetail",
    children_models=(("appeal_applicant", "AppealApplicant"), ("appeal_topic", "AppealTopic")),
    after_store=after_store,
    statistics="app.reports.appeals:appeals_report",
    date_label="Дата надходження",
    date_hint="Звернення реєструють у день надходження (п. 31.2)",
    printouts=(
        Printout("Реєстраційно-контрольна картка звернення", "appeal_card_pdf"),
        Printout("Повідомлення про продовження строку", "appeal_extension_pdf", needs_control=True),
        Printout("Штамп «Контроль»", "control_stamp_pdf", needs_control=True),
    ),
    number_headers=("№", "№ звернення", "реєстраційний номер"),
)

__all__ = ["APPEALS", "TERM", "AppealTerm"]
