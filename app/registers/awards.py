"""The register of awards (облік нагороджених, regulation 28.18), declared on the register
framework: one document per petition (подання) and the award it leads to.

The common core lives in `document` (the number in the register, the date the petition was
entered, the kind of award, the merits as the summary, who petitioned as the correspondent);
the award's own fields in `award_detail` (db/models/awards.py). An award is granted by a
mayor's order (28.5, 28.12): the link to the orders register; one order grants many awards
(app.services.awards.grant). Awards never go on control. The rules of each kind are checked
as warnings when a petition is entered (app.services.awards.petition_check).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from app.domain import awards as rules
from app.registers.base import Column, Filter, Printout, RegisterSpec
from app.registers.fields import Field, FieldKind

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from db.models import AwardDetail, Document


def _recipient_warning(values: Mapping[str, Any]) -> str | None:
    """A person's award needs the sex for the name's case on the certificate."""
    if (values.get("recipient_type") or rules.PERSON) == rules.COLLECTIVE:
        return None
    if len((values.get("recipient") or "").split()) < 2:
        return (
            "Для особи вкажіть прізвище, ім'я та по батькові (для грамоти у потрібному відмінку)."
        )
    return None


def _context_warnings(db: Any, values: Mapping[str, Any], doc_id: int | None) -> list[str]:
    from app.services.awards import petition_check

    return petition_check(db, values, doc_id).texts


def after_store(s: Session, doc: Document, detail: AwardDetail) -> None:
    from app.services.awards import derive

    derive(s, doc, detail)


AWARDS = RegisterSpec(
    code="awards",
    title="Нагородження",
    journal_title="Журнал обліку нагороджених відзнаками",
    number_label="№ у реєстрі",
    number_setting="number_format.awards",
    default_number_format="{n}",
    fields=(
        Field(
            "kind",
            "Вид відзнаки",
            FieldKind.CHOICE,
            required=True,
            choices=tuple(k.title for k in rules.DEFAULT_KINDS),
            max_length=100,
            import_headers=("вид відзнаки", "відзнака", "вид нагороди"),
        ),
        Field(
            "recipient_type",
            "Кого нагороджують",
            FieldKind.CHOICE,
            choices=(rules.PERSON, rules.COLLECTIVE),
            max_length=20,
            import_headers=("особа чи колектив", "тип отримувача"),
        ),
        Field(
            "recipient",
            "Отримувач (ПІБ або назва колективу)",
            required=True,
            max_length=300,
            placeholder="Мельник Іван Іванович",
            import_headers=("отримувач", "піб", "прізвище, ім'я, по батькові", "кого"),
        ),
        Field(
            "sex",
            "Стать",
            FieldKind.CHOICE,
            choices=tuple(rules.SEXES.values()),
            max_length=10,
            import_headers=("стать",),
        ),
        Field(
            "position",
            "Посада",
            max_length=200,
            import_headers=("посада",),
        ),
        Field(
            "workplace",
            "Місце роботи",
            max_length=300,
            import_headers=("місце роботи", "підприємство", "установа"),
        ),
        Field(
            "years_of_work",
            "Стаж роботи, років",
            FieldKind.INT,
            import_headers=("стаж", "стаж роботи"),
        ),
        Field(
            "petitioner",
            "Хто подав (подання)",
            FieldKind.CORRESPONDENT,
            max_length=300,
            import_headers=("хто подав", "подання", "ініціатор"),
        ),
        Field(
            "summary",
            "Заслуги (за що)",
            FieldKind.MULTILINE,
            required=True,
            placeholder="за сумлінну працю, високий професіоналізм …",
            import_headers=("заслуги", "за що", "формулювання"),
        ),
        Field(
            "occasion",
            "Привід",
            FieldKind.CHOICE,
            choices=tuple(title for title, _ in rules.DEFAULT_OCCASIONS),
            max_length=200,
            import_headers=("привід", "з нагоди"),
        ),
        Field(
            "petition_date",
            "Дата подання",
            FieldKind.DATE,
            import_headers=("дата подання",),
        ),
        Field(
            "ceremony_date",
            "Дата вручення (планована)",
            FieldKind.DATE,
            import_headers=("дата вручення", "вручення"),
        ),
        Field(
            "granted_by",
            "Розпорядження про нагородження",
            FieldKind.DOCUMENT_REFS,
            target="orders",
            column="order_numbers",
            later_refs=True,
            placeholder="№ розпорядження, напр. 145-р",
            import_headers=("розпорядження", "№ розпорядження"),
        ),
        Field(
            "handed_date",
            "Вручено (дата)",
            FieldKind.DATE,
            import_headers=("вручено", "дата вручення фактична"),
        ),
        Field(
            "handed_by",
            "Хто вручив",
            max_length=150,
            import_headers=("хто вручив",),
        ),
        Field(
            "name_override",
            "Ім'я на грамоті (виправлення відмінка)",
            max_length=300,
            placeholder="лише якщо програма відмінює неправильно",
            import_headers=("ім'я на грамоті",),
        ),
        Field("notes", "Примітки", FieldKind.MULTILINE, import_headers=("примітки", "примітка")),
        Field("state", "Стан", read_only=True),
    ),
    columns=(
        Column("reg_number", "№", 60, sort="number", journal_weight=0.6),
        Column("kind", "Відзнака", 150, sort="kind", journal_weight=1.3),
        Column("recipient", "Отримувач", 230, sort="recipient_key", journal_weight=2.2),
        Column("workplace", "Місце роботи", 200, journal_weight=1.8),
        Column("occasion", "Привід", 170, sort="occasion", journal_weight=1.4),
        Column("correspondent_name", "Хто подав", 150, sort="correspondent", journal_weight=1.2),
        Column("petition_date", "Подання", 80, sort="petition_date", journal_weight=0.9),
        Column("ceremony_date", "Вручення", 80, sort="ceremony_date", journal_weight=0.9),
        Column("order_numbers", "Розпорядження", 110, journal_weight=1.1),
        Column("award_date", "Дата розп.", 80, sort="award_date", journal_weight=0.9),
        Column("handed_date", "Вручено", 80, journal_weight=0.8),
        Column("state", "Стан", 170, journal_weight=0),
    ),
    warnings=(_recipient_warning,),
    context_warnings=_context_warnings,
    search_fields=("recipient", "workplace", "summary", "kind", "occasion", "petitioner"),
    personal_data=True,
    control=None,
    filters=(
        Filter(
            "kind",
            "Відзнака",
            "kind",
            tuple((k.title, k.title) for k in rules.DEFAULT_KINDS),
        ),
        Filter(
            "recipient_type",
            "Кому",
            "recipient_type",
            ((rules.PERSON, "особам"), (rules.COLLECTIVE, "колективам")),
        ),
    ),
    detail_model="AwardDetail",
    after_store=after_store,
    date_label="Дата внесення подання",
    date_hint="День, коли подання внесено до реєстру",
    printouts=(
        Printout("Грамоти, подяки (вибрані)…", "award_certificates_pdf", scope="selection"),
    ),
    # The HR report's section 6 for a period (the tab's «Статистика…» and `report awards`).
    statistics="app.reports.awards:build",
    number_headers=("№", "номер", "№ у реєстрі"),
)

__all__ = ["AWARDS"]
