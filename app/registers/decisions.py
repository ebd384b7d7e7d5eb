"""Decisions of the executive committee (рішення виконкому), declared on the register framework.

6.18: numbered from 1 each calendar year, dated the day of the meeting that adopted them
(«Датою рішення є дата його прийняття виконкомом»); journals kept before the program wrote
numbers such as «931-1» or «24/119», which the import keeps as written (`written_numbers`).
A decision adopted at a meeting is registered by app/services/meetings.py, linked to its
meeting, protocol and draft (`decision_detail`); the copies sent are `decision_copy` (6.18: within
5 days), the extracts certified and sent apart from them `decision_extract` (6.18: within 3
days of the executor's receipt; app/domain/extracts.py). Decisions with tasks go on control
like orders: the executor named on the card, the term the decision states (with interim report
dates where it names them: app/services/interim_reports.py).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import TYPE_CHECKING, Any

from app.domain import extracts as extract_rules
from app.domain import regulatory
from app.domain.dates import format_date
from app.domain.meetings import distribution_due
from app.registers.base import Column, Control, Filter, Printout, RegisterSpec, StatedTerm
from app.registers.fields import Field, FieldKind

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from db.models import DecisionDetail, Document


def lost_force_text(number: str, day: date) -> str:
    """«втратило чинність (рішення № 12 від 05.03.2026)»: what the register shows of a decision
    another one cancelled (3.6)."""
    return f"втратило чинність (рішення № {number} від {format_date(day)})"


SUSPENDED = "дію зупинено"


def suspended_text(number: str, day: date) -> str:
    """6.16: «дію зупинено розпорядженням № 12-р від 20.03.2026»."""
    return f"{SUSPENDED} розпорядженням № {number} від {format_date(day)}"


def after_store(s: Session, doc: Document, detail: DecisionDetail) -> None:
    """Derived columns: the state of the distribution (6.18: copies within 5 days) and
    «втратило чинність» on the decisions this one cancels (links both ways: the cancelled one
    names its canceller)."""
    from db.models import DecisionCopy, DecisionDetail, Document
    from db.queries import records

    calendar = s.info.get("calendar")
    due = distribution_due(doc.reg_date, calendar) if calendar else doc.reg_date
    with s.no_autoflush:
        s.flush()
        sent = records.child_values(s, DecisionCopy, doc.id, "sent_date")
        cancelled = [
            link.target_id for link in doc.links if link.relation == "cancels" and link.target_id
        ]
        suspending = [
            s.get(Document, link.target_id)
            for link in doc.links
            if link.relation == "suspended_by" and link.target_id
        ]
    pending = sum(1 for d in sent if d is None)
    late = sum(1 for d in sent if d is not None and d > due)
    parts = [f"розіслано {len(sent) - pending} з {len(sent)}"] if sent else []
    if late:
        parts.append(f"із запізненням {late} (строк {format_date(due)})")
    detail.copies_state = "; ".join(parts)[:300]
    _extracts(s, doc, detail, sent, calendar)
    order = next((o for o in suspending if o is not None), None)
    if order is not None and not detail.lost_force.startswith("втратило"):
        detail.lost_force = suspended_text(order.reg_number, order.reg_date)[:150]
    elif order is None and detail.lost_force.startswith(SUSPENDED):
        detail.lost_force = ""  # the suspension removed from the card
    for target_id in cancelled:
        target = s.get(DecisionDetail, target_id)
        # a suspended decision (6.16) later cancelled: «втратило чинність» takes its place
        if target is not None and not target.lost_force.startswith("втратило"):
            target.lost_force = lost_force_text(doc.reg_number, doc.reg_date)[:150]
    if calendar is not None:
        sync_trackings(s, doc, detail, calendar)


def _extracts(
    s: Session, doc: Document, detail: DecisionDetail, sent: list[Any], calendar: Any
) -> None:
    """6.18: the extracts' term (3 working days from the first copy sent, the executor's
    receipt), their state as of that day — what time alone changes is added when a row is shown
    (`present`), so the stored text never goes stale — and to whom they go."""
    from db.models import DecisionExtract
    from db.queries import records

    rows = records.child_rows(s, DecisionExtract, doc.id)
    if not rows or calendar is None:
        detail.extracts_due, detail.extracts_pending = None, 0
        detail.extracts_state = ""
        detail.extracts_text = "; ".join(r.recipient for r in rows)[:300]
        return
    received = extract_rules.received_on(doc.reg_date, sent)
    due = extract_rules.extracts_due(received, calendar)
    state = extract_rules.extracts_state(
        [extract_rules.Extract(r.certified_date, r.sent_date) for r in rows], due, today=due
    )
    detail.extracts_due, detail.extracts_pending = due, state.pending
    detail.extracts_state = state.text[:300]
    shown = "; ".join(r.recipient for r in rows)
    detail.extracts_text = shown if len(shown) <= 300 else shown[:299] + "…"


def present(values: dict[str, Any], today: date) -> None:
    """Extracts still to send once their day has passed are late today, though they were not
    when the decision was last saved."""
    values["extracts_state"] = extract_rules.late_today(
        values.get("extracts_state") or "",
        values.get("extracts_pending") or 0,
        values.get("extracts_due"),
        today,
    )


def sync_trackings(s: Session, doc: Document, detail: DecisionDetail, calendar: Any) -> None:
    """A regulatory act with its entry into force gets its tracking schedule (ст. 10 ЗУ
    № 1160-IV): trackings not yet done follow the schedule; done ones stay as recorded. A
    decision no longer regulatory (or without the date) keeps only the trackings done."""
    from sqlalchemy import select

    from db.models import RegulatoryTracking

    rows = {
        (t.kind, t.position): t
        for t in s.execute(
            select(RegulatoryTracking).where(RegulatoryTracking.document_id == doc.id)
        ).scalars()
    }
    wanted: list[regulatory.Tracking] = []
    if detail.regulatory and detail.entry_into_force is not None:
        done = rows.get((regulatory.REPEATED, 1))
        wanted = regulatory.schedule(
            detail.entry_into_force, calendar, done.done if done is not None else None
        )
    keys = {(t.kind, t.position) for t in wanted}
    for key, old in rows.items():
        if key not in keys and old.done is None:
            s.delete(old)
    for t in wanted:
        row = rows.get((t.kind, t.position))
        if row is None:
            row = RegulatoryTracking(document_id=doc.id, kind=t.kind, position=t.position)
            s.add(row)
        if row.done is None:
            row.due_from, row.due, row.changed_by = t.due_from, t.due, doc.changed_by


def _title_warning(values: Mapping[str, Any]) -> str | None:
    title = (values.get("title") or "").strip()
    if title and not title.lower().startswith("про"):
        return "Заголовок рішення зазвичай починається з «Про …»"
    return None


DECISIONS = RegisterSpec(
    code="decisions",
    title="Рішення виконкому",
    journal_title="Журнал реєстрації рішень виконавчого комітету",
    number_label="Рішення №",
    number_setting="number_format.decisions",
    default_number_format="{n}",
    written_numbers=True,
    fields=(
        Field(
            "title",
            "Заголовок",
            required=True,
            max_length=300,
            placeholder="Про …",
            import_headers=("заголовок", "назва", "про що", "назва рішення"),
        ),
        Field("summary", "Короткий зміст", FieldKind.MULTILINE, import_headers=("зміст",)),
        Field(
            "department",
            "Підготував (виконавчий орган)",
            max_length=300,
            import_headers=("підготував", "виконавчий орган", "розробник"),
        ),
        Field(
            "protocol_number",
            "Протокол №",
            max_length=20,
            import_headers=("протокол", "№ протоколу", "протокол №"),
        ),
        Field(
            "regulatory",
            "Регуляторний акт",
            FieldKind.BOOL,
            import_headers=("регуляторний", "регуляторний акт"),
        ),
        Field(
            "entry_into_force",
            "Набирає чинності (регуляторний акт)",
            FieldKind.DATE,
            import_headers=("набирає чинності", "набрання чинності"),
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
            "Розіслано (п. 6.18)",
            FieldKind.TABLE,
            table="decision_copy",
            column="copies_text",
            columns=(
                Field("recipient", "Кому", required=True, max_length=300),
                Field("sent_date", "Дата", FieldKind.DATE),
            ),
            import_headers=("розіслано", "розсилка", "кому надіслано"),
        ),
        Field(
            "extracts",
            "Витяги (п. 6.18)",
            FieldKind.TABLE,
            table="decision_extract",
            columns=(
                Field("recipient", "Кому", required=True, max_length=300),
                Field("points", "Пункти", max_length=100),
                Field(
                    "wording",
                    "Текст",
                    FieldKind.MULTILINE,
                    max_length=4000,
                    placeholder="Текст пунктів, як у рішенні (друкується у витягу)",
                ),
                Field("certified_date", "Засвідчено", FieldKind.DATE),
                Field(
                    "certified_by",
                    "Засвідчив",
                    FieldKind.STAFF,
                    max_length=150,
                    placeholder="Хто засвідчив у загальному відділі",
                ),
                Field("sent_date", "Надіслано", FieldKind.DATE),
            ),
            import_headers=("витяги", "витяги надіслано"),
        ),
        Field(
            "cancels",
            "Скасовує / змінює рішення №",
            FieldKind.DOCUMENT_REFS,
            target="decisions",
            column="cancels_numbers",
            placeholder="Номери рішень, що втрачають чинність",
            import_headers=("скасовує", "втрачають чинність"),
        ),
        Field(
            "suspended_by",
            "Дію зупинено розпорядженням №",
            FieldKind.DOCUMENT_REFS,
            target="orders",
            column="suspended_numbers",
            later_refs=True,  # the order comes after the decision
            placeholder="Розпорядження міського голови, яким зупинено дію рішення (п. 6.16)",
            import_headers=("зупинено розпорядженням", "дію зупинено"),
        ),
        Field("lost_force", "Чинність", read_only=True),
        Field(
            "case_index",
            "Індекс справи",
            FieldKind.CASE_INDEX,
            max_length=30,
            import_headers=("індекс справи", "справа"),
        ),
        Field("notes", "Примітки", FieldKind.MULTILINE, import_headers=("примітки", "примітка")),
    ),
    columns=(
        Column("reg_number", "№", 70, sort="number", journal_weight=0.7),
        Column("reg_date", "Дата", 85, sort="reg_date", journal_weight=1.0),
        Column("title", "Заголовок", 340, journal_weight=3.4),
        Column("department", "Підготував", 180, journal_weight=1.6),
        Column("protocol_number", "Протокол", 70, journal_weight=0.8),
        Column("copies_text", "Розіслано", 170, journal_weight=1.5),
        Column("copies_state", "Стан розсилки", 150, journal_weight=0),
        Column("extracts_text", "Витяги", 150, journal_weight=0),
        Column("extracts_state", "Стан витягів", 170, journal_weight=0),
        Column("lead_executor_name", "Відповідальний", 130, sort="executor", journal_weight=0),
        Column("due_date", "Термін", 80, sort="due_date", journal_weight=0),
        Column("state_label", "Стан", 130, journal_weight=0),
        Column("lost_force", "Чинність", 160, journal_weight=1.2),
    ),
    warnings=(_title_warning,),
    search_fields=("title", "summary", "department", "protocol_number", "cancels", "suspended_by"),
    control=Control(by_resolution=False),
    term=StatedTerm(),
    filters=(Filter("regulatory", "Регуляторні", "regulatory", (("1", "регуляторні акти"),)),),
    detail_model="DecisionDetail",
    children_models=(("decision_copy", "DecisionCopy"), ("decision_extract", "DecisionExtract")),
    after_store=after_store,
    row_keys=("extracts_due", "extracts_pending"),
    present=present,
    date_label="Дата прийняття",
    date_hint="Датою рішення є дата його прийняття виконкомом (п. 6.18)",
    printouts=(
        Printout("Штамп «Контроль»", "control_stamp_pdf", needs_control=True),
        Printout("Витяги з рішення (засвідчені)", "decision_extracts_pdf"),
        Printout(
            "До передачі в архів (пп. 6.19, 6.22)…", "decisions_archive_pdf", scope="register"
        ),
    ),
    number_headers=("№", "номер", "№ рішення", "номер рішення"),
)

__all__ = ["DECISIONS", "lost_force_text"]
