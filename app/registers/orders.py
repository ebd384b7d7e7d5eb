"""The mayor's orders (розпорядження міського голови), declared on the register framework.

Two series kept apart (app/domain/orders.py): main activity «-р» and personnel «-к», each from 1
each calendar year; an administrator may add a third. The order's own fields live in
`order_detail` and `order_copy` (db/models/orders.py); the common core (number, date of
signing, title, summary, kind, signatory, executor and term on control, case index) in
`document`. Orders with tasks go on control like incoming documents, the term being the one the
order states (no default term), the executor named on the card (no resolution).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import TYPE_CHECKING, Any

from app.domain import orders as rules
from app.domain.dates import format_date
from app.registers.base import (
    Column,
    Control,
    Filter,
    Printout,
    RegisterSpec,
    Series,
    StatedTerm,
    series_options,
)
from app.registers.fields import Field, FieldKind

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from db.models import Document, OrderDetail

SERIES = (
    Series(rules.MAIN, "з основної діяльності", "-р", ("основна діяльність", "основна")),
    Series(
        rules.PERSONNEL,
        "з кадрових питань",
        "-к",
        ("кадрові питання", "кадрові", "особовий склад", "щодо особового складу"),
        permission="personnel_orders",
    ),
    Series(
        rules.ADMINISTRATIVE,
        "з адміністративно-господарських питань",
        "-аг",
        ("адміністративно-господарські питання", "адміністративно-господарські"),
        optional=True,
    ),
)


def _title_warning(values: Mapping[str, Any]) -> str | None:
    return rules.title_warning(values.get("title") or "")


def _kind_warning(values: Mapping[str, Any]) -> str | None:
    """A personnel kind on a main-activity order (or the other way round) is worth a look."""
    kind, series = (values.get("kind") or "").strip(), values.get("series") or rules.MAIN
    if not kind or kind == "інше":
        return None
    if series == rules.MAIN and kind in rules.PERSONNEL_KINDS:
        return f"Вид «{kind}» — кадровий: чи не кадрове це розпорядження (серія «-к»)?"
    return None


def after_store(s: Session, doc: Document, detail: OrderDetail) -> None:
    """Derived columns of an order: the state of its copies (4.16) and «втратило чинність» on
    the orders it cancels (the order named in `cancels` loses force when this one is signed)."""
    from db.models import OrderCopy, OrderDetail
    from db.queries import records

    calendar = s.info.get("calendar")
    due = rules.copies_due(doc.reg_date, calendar) if calendar else doc.reg_date
    with s.no_autoflush:
        s.flush()
        # As of the last day: what time alone changes (copies still to hand becoming late) is
        # added when a row is shown (`present`), so the stored text never goes stale.
        handed = records.child_values(s, OrderCopy, doc.id, "handed_date")
        state = rules.copies_state(handed, due, today=due)
        extracts = sum(1 for p in records.child_values(s, OrderCopy, doc.id, "points") if p)
        cancelled = [
            link.target_id for link in doc.links if link.relation == "cancels" and link.target_id
        ]
    detail.copies_due, detail.copies_pending = due, state.pending
    shown = f"{state.text} (з них витягів {extracts})" if extracts else state.text
    detail.copies_late, detail.copies_state = state.late, shown[:300]
    for target_id in cancelled:
        target = s.get(OrderDetail, target_id)
        if target is not None and not target.lost_force:
            target.lost_force = rules.lost_force_text(doc.reg_number, doc.reg_date)[:150]


def present(values: dict[str, Any], today: date) -> None:
    """Copies still to hand once their day has passed are late today, though they were not
    when the order was last saved (the stored state text was true then)."""
    due, pending = values.get("copies_due"), values.get("copies_pending") or 0
    state = values.get("copies_state") or ""
    if pending and due and today > due and "не видано вчасно" not in state:
        late = f"не видано вчасно {pending} (до {format_date(due)})"
        values["copies_state"] = f"{state}; {late}" if state else late


ORDERS = RegisterSpec(
    code="orders",
    title="Розпорядження",
    journal_title="Журнал реєстрації розпоряджень міського голови",
    number_label="Розп. №",
    number_setting="number_format.orders",
    default_number_format="{n}{suffix}",
    # An order registered under a number already given (an amendment): «12-1» typed in the
    # card, the series' suffix added — «12-1-р» (app/services/documents._with_suffix).
    written_numbers=True,
    series=SERIES,
    fields=(
        Field(
            "series",
            "Серія",
            FieldKind.SERIES,
            options=series_options(SERIES),
            import_headers=("серія", "вид розпорядження"),
        ),
        Field(
            "kind",
            "Вид",
            FieldKind.CHOICE,
            choices=(*rules.PERSONNEL_KINDS[:-1], *rules.MAIN_KINDS),
            max_length=100,
            import_headers=("вид", "вид питання"),
        ),
        Field(
            "title",
            "Заголовок",
            required=True,
            max_length=300,
            placeholder="Про …",
            import_headers=("заголовок", "назва", "про що"),
        ),
        Field(
            "summary",
            "Короткий зміст",
            FieldKind.MULTILINE,
            import_headers=("короткий зміст", "зміст"),
        ),
        Field(
            "prepared_by",
            "Підготував",
            FieldKind.STAFF,
            max_length=150,
            import_headers=("підготував", "хто підготував", "виконавець проєкту"),
        ),
        Field(
            "signatory",
            "Підписав",
            FieldKind.STAFF,
            max_length=150,
            import_headers=("підписав", "підпис"),
        ),
        Field(
            "lead_executor",
            "Відповідальний за виконання",
            FieldKind.STAFF,
            max_length=150,
            import_headers=("відповідальний", "контроль", "відповідальний за виконання"),
        ),
        Field(
            "copies_to",
            "Копії видано",
            FieldKind.TABLE,
            table="order_copy",
            column="copies_text",
            columns=(
                Field("executor", "Кому", FieldKind.STAFF, required=True, max_length=150),
                Field("handed_date", "Дата видачі", FieldKind.DATE),
                Field("points", "Витяг: пункти", max_length=100),
            ),
            import_headers=("копії", "копії видано", "кому видано копії"),
        ),
        Field(
            "executes",
            "На виконання (вх. №)",
            FieldKind.DOCUMENT_REFS,
            target="incoming",
            column="executes_numbers",
            placeholder="Номери документів, на виконання яких видано розпорядження",
            import_headers=("на виконання", "на виконання документа"),
        ),
        Field(
            "cancels",
            "Скасовує розпорядження №",
            FieldKind.DOCUMENT_REFS,
            target="orders",
            column="cancels_numbers",
            placeholder="Номери розпоряджень, що втрачають чинність",
            import_headers=("скасовує", "втрачають чинність"),
        ),
        Field("lost_force", "Чинність", read_only=True),
        Field(
            "case_index",
            "Індекс справи",
            FieldKind.CASE_INDEX,
            max_length=30,
            import_headers=("індекс справи", "справа"),
        ),
        Field(
            "sheets",
            "Кількість аркушів",
            FieldKind.INT,
            import_headers=("аркушів", "кількість аркушів", "арк."),
        ),
        Field("notes", "Примітки", FieldKind.MULTILINE, import_headers=("примітки", "примітка")),
    ),
    columns=(
        Column("reg_number", "№", 80, sort="number", journal_weight=0.9),
        Column("reg_date", "Дата", 85, sort="reg_date", journal_weight=1.0),
        Column("series_title", "Серія", 130, journal_weight=0),
        Column("kind", "Вид", 140, sort="kind", journal_weight=1.4),
        Column("title", "Заголовок", 320, journal_weight=3.0),
        Column("prepared_by_name", "Підготував", 130, journal_weight=1.3),
        Column("signatory_name", "Підписав", 130, journal_weight=1.3),
        Column("copies_text", "Копії видано", 170, journal_weight=1.6),
        Column("copies_state", "Стан копій", 150, journal_weight=0),
        Column("lead_executor_name", "Відповідальний", 130, sort="executor", journal_weight=0),
        Column("due_date", "Термін", 80, sort="due_date", journal_weight=0),
        Column("state_label", "Стан", 130, journal_weight=0),
        Column("lost_force", "Чинність", 160, journal_weight=1.2),
        Column("case_index", "Справа", 70, journal_weight=0.7),
    ),
    warnings=(_title_warning, _kind_warning),
    search_fields=("title", "summary", "kind", "prepared_by", "signatory", "cancels", "executes"),
    control=Control(by_resolution=False),
    term=StatedTerm(),
    filters=(
        Filter(
            "series",
            "Серія",
            "series",
            tuple((s.code, f"{s.suffix} {s.title}") for s in SERIES),
        ),
    ),
    detail_model="OrderDetail",
    children_models=(("order_copy", "OrderCopy"),),
    after_store=after_store,
    row_keys=("copies_due", "copies_pending"),
    present=present,
    date_label="Дата підписання",
    date_hint="Датою розпорядження є дата його підписання (п. 4.14)",
    printouts=(
        Printout("Бланк: заголовна частина розпорядження", "order_heading_pdf"),
        Printout("Реєстр видачі копій (вибрані)", "order_copies_register_pdf", scope="selection"),
        Printout("Штамп «Контроль»", "control_stamp_pdf", needs_control=True),
        Printout("До передачі в архів (п. 4.17)…", "orders_archive_pdf", scope="register"),
    ),
    number_headers=("№", "номер", "№ розпорядження", "номер розпорядження"),
)

__all__ = ["ORDERS", "SERIES"]
