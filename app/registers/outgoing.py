"""The outgoing register (вихідна кореспонденція), declared on the register framework.

Its own number series; addressees with their postal addresses (at most four on the document,
otherwise a distribution list — regulation 10.2); who signed; the executor and the executor's
phone; copies; how and when it was sent; the incoming documents it answers.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from app.domain.correspondence import SEND_METHODS, sending_problems
from app.domain.kinds import DOCUMENT_KINDS
from app.registers.base import Column, Control, Printout, RegisterSpec
from app.registers.fields import Field, FieldKind


def copies_warning(values: Mapping[str, Any]) -> str | None:
    """Each copy names one addressee (10.2): fewer copies than addressees is worth a look."""
    copies, count = values.get("copies"), len(values.get("addressees") or ())
    if copies and copies < count:
        return (
            f"Примірників ({copies}) менше, ніж адресатів ({count}): "
            "кожному адресату надсилається свій примірник (п. 10.2)"
        )
    return None


def sending_warning(values: Mapping[str, Any]) -> str | None:
    """A date of sending on a card that 10.10 finds incomplete: listed, sending is a choice."""
    if not values.get("sent_date"):
        return None
    problems = sending_problems(values)
    if not problems:
        return None
    return "Перед відправленням не вистачає:\n• " + "\n• ".join(problems)


OUTGOING = RegisterSpec(
    code="outgoing",
    title="Вихідні",
    journal_title="Журнал реєстрації вихідних документів",
    number_label="Вих. №",
    number_setting="number_format.outgoing",
    default_number_format="{n}/{index}",
    fields=(
        Field(
            "addressees",
            "Адресати",
            FieldKind.ADDRESSEES,
            required=True,
            import_headers=("адресат", "адресати", "кому", "куди", "кому надіслано"),
        ),
        Field(
            "title",
            "Заголовок",
            max_length=300,
            placeholder="Про що документ (для документів понад одну сторінку — обов'язково)",
            import_headers=("заголовок", "назва"),
        ),
        Field(
            "summary",
            "Короткий зміст",
            FieldKind.MULTILINE,
            required=True,
            import_headers=("короткий зміст", "зміст"),
        ),
        Field(
            "kind",
            "Вид документа",
            FieldKind.CHOICE,
            choices=tuple(DOCUMENT_KINDS),
            max_length=100,
            import_headers=("вид", "вид документа"),
        ),
        Field(
            "reply_to",
            "У відповідь на вх. №",
            FieldKind.DOCUMENT_REFS,
            placeholder="Номери вхідних через кому, напр. 12/01-12, 15/01-12",
            import_headers=("у відповідь на", "на вх. №", "на вх.№", "відповідь на"),
            target="incoming",
            column="reply_numbers",
        ),
        Field(
            "signatory",
            "Підписав",
            FieldKind.STAFF,
            max_length=150,
            import_headers=("підписав", "підпис", "хто підписав"),
        ),
        Field(
            "lead_executor",
            "Виконавець",
            FieldKind.STAFF,
            max_length=150,
            import_headers=("виконавець", "хто підготував"),
            fills=(("executor_phone", "phone"),),
        ),
        Field(
            "executor_phone",
            "Телефон виконавця",
            max_length=50,
            import_headers=("телефон", "тел.", "телефон виконавця"),
        ),
        Field(
            "copies",
            "Кількість примірників",
            FieldKind.INT,
            import_headers=("примірників", "кількість примірників", "прим."),
        ),
        Field(
            "sheets",
            "Кількість аркушів",
            FieldKind.INT,
            import_headers=("аркушів", "кількість аркушів", "арк."),
        ),
        Field(
            "send_method",
            "Спосіб надсилання",
            FieldKind.CHOICE,
            choices=SEND_METHODS,
            max_length=50,
            import_headers=("спосіб надсилання", "спосіб відправлення", "як надіслано"),
        ),
        Field(
            "sent_date",
            "Дата відправлення",
            FieldKind.DATE,
            placeholder="ДД.ММ.РРРР",
            import_headers=("дата відправлення", "відправлено"),
            not_before_registration=True,
        ),
        Field(
            "case_index",
            "Індекс справи",
            FieldKind.CASE_INDEX,
            max_length=30,
            import_headers=("індекс справи", "індекс", "справа"),
        ),
        Field("urgent", "Терміново", FieldKind.BOOL, import_headers=("терміново",)),
        Field("notes", "Примітки", FieldKind.MULTILINE, import_headers=("примітки", "примітка")),
    ),
    columns=(
        Column("reg_number", "Вих. №", 90, sort="number", journal_weight=1.1),
        Column("reg_date", "Дата", 85, sort="reg_date", journal_weight=1.0),
        Column("correspondent_name", "Адресати", 220, sort="correspondent", journal_weight=2.0),
        Column("title", "Заголовок", 200, journal_weight=1.5),
        Column("summary", "Короткий зміст", 260, sort="summary", journal_weight=1.8),
        Column("reply_numbers", "На вх. №", 90, journal_weight=1.0),
        Column("signatory_name", "Підписав", 120, journal_weight=1.35),
        Column("lead_executor_name", "Виконавець", 130, sort="executor", journal_weight=1.35),
        Column("copies", "Прим.", 50, journal_weight=0.6, align="right"),
        Column("send_method", "Спосіб", 110, journal_weight=1.4),
        Column("sent_date", "Відправлено", 85, sort="sent_date", journal_weight=1.15),
        Column("due_date", "Термін", 80, sort="due_date", journal_weight=0),
        Column("state_label", "Стан", 130, journal_weight=0),
        Column("case_index", "Справа", 70, journal_weight=0.7),
    ),
    warnings=(copies_warning, sending_warning),
    search_fields=("addressees", "title", "summary", "reply_to"),
    control=Control(by_resolution=False),
    sending=True,
    printouts=(
        Printout("Конверти DL", "envelopes_pdf", options=(("size", "DL"),)),
        Printout("Конверти C5", "envelopes_pdf", options=(("size", "C5"),)),
        Printout("Конверти C4", "envelopes_pdf", options=(("size", "C4"),)),
        Printout("Адресні наклейки", "labels_pdf"),
        Printout("Список розсилки", "distribution_list_pdf"),
        Printout("Штамп «Контроль»", "control_stamp_pdf", needs_control=True),
    ),
    number_headers=("вих. №", "вих.№", "вихідний №", "вихідний номер"),
)
