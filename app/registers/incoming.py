"""The incoming register (вхідна кореспонденція), declared on the register framework."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from app.domain.kinds import DOCUMENT_KINDS, registration_warning
from app.registers.base import Column, Printout, RegisterSpec
from app.registers.fields import Field, FieldKind


def _not_registered_warning(values: Mapping[str, Any]) -> str | None:
    return registration_warning(values.get("kind") or "", values.get("summary") or "")


INCOMING = RegisterSpec(
    code="incoming",
    title="Вхідні",
    journal_title="Журнал реєстрації вхідних документів",
    number_label="Вх. №",
    number_setting="number_format.incoming",
    default_number_format="{n}/{index}",
    fields=(
        Field(
            "correspondent",
            "Кореспондент",
            FieldKind.CORRESPONDENT,
            required=True,
            max_length=300,
            placeholder="Від кого надійшов документ",
            import_headers=("кореспондент", "від кого", "відправник", "звідки надійшов"),
        ),
        Field(
            "ext_number",
            "Вихідний № кореспондента",
            max_length=50,
            import_headers=("вих. №", "вих №", "номер кореспондента", "вихідний номер"),
        ),
        Field(
            "ext_date",
            "Дата документа",
            FieldKind.DATE,
            placeholder="ДД.ММ.РРРР",
            import_headers=("дата документа", "вих. дата", "дата кореспондента"),
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
            "summary",
            "Короткий зміст",
            FieldKind.MULTILINE,
            required=True,
            import_headers=("короткий зміст", "зміст", "заголовок"),
        ),
        Field(
            "sheets",
            "Кількість аркушів",
            FieldKind.INT,
            import_headers=("аркушів", "кількість аркушів", "арк."),
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
        Column("reg_number", "Вх. №", 90, sort="number", journal_weight=1.1),
        Column("reg_date", "Дата реєстрації", 90, sort="reg_date", journal_weight=1.0),
        Column("correspondent_name", "Кореспондент", 220, sort="correspondent", journal_weight=2.0),
        Column("ext_number", "Вих. № кор.", 80, sort="ext_number", journal_weight=1.2),
        Column("ext_date", "Дата док.", 80, journal_weight=1.0),
        Column("kind", "Вид", 90, sort="kind", journal_weight=1.3),
        Column("summary", "Короткий зміст", 320, sort="summary", journal_weight=2.3),
        Column("lead_executor_name", "Виконавець", 150, sort="executor", journal_weight=1.3),
        Column("due_date", "Термін", 80, sort="due_date", journal_weight=1.0),
        Column("state_label", "Стан", 150, journal_weight=0),
        Column("done_date", "Виконано", 80, journal_weight=1.0),
        Column("case_index", "Справа", 70, journal_weight=0.7),
    ),
    warnings=(_not_registered_warning,),
    search_fields=("correspondent", "ext_number", "summary"),
    printouts=(
        Printout("Штамп реєстрації", "stamp_pdf"),
        Printout("Штамп «Контроль»", "control_stamp_pdf", needs_control=True),
        Printout("Бланк резолюції", "resolution_slip_pdf"),
        Printout("Реєстраційно-контрольна картка (РКК)", "card_pdf"),
    ),
    number_headers=("вх. №", "вх.№", "вхідний №", "вхідний номер"),
)
