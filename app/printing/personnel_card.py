"""The personal card of an employee (особова картка, the layout of form П-2, наказ
Держкомстату і Міноборони № 495/656, with what an official's card adds: category, rank,
evaluation and attestation; next-registers.md §4.4), A4 portrait.

Header (employer, date, personnel number, sex), I. general information (name, birth date,
education, previous service, seniority), IV. appointments and transfers, V. vacations, then the
rest of the service history, the dismissal, and the signatures of the HR officer and the
employee.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import PageTemplate, Paragraph, Spacer, Table, TableStyle

from .common import Output, markup, single_frame_document, style


@dataclass(frozen=True)
class HistoryLine:
    period: str
    what: str
    summary: str
    order: str


@dataclass(frozen=True)
class PersonalCardData:
    organisation: str
    printed: str  # ДД.ММ.РРРР
    personnel_number: str
    full_name: str
    sex: str
    birth_date: str
    phone: str
    email: str
    address: str
    education: str
    position: str
    department: str
    category: str
    rank: str
    seniority: str
    prior: Sequence[tuple[str, str]] = ()  # (period, employer)
    appointments: Sequence[HistoryLine] = ()
    vacations: Sequence[HistoryLine] = ()
    other: Sequence[HistoryLine] = ()
    dismissal: str = ""
    hr_officer: str = ""
    extra: dict[str, str] = field(default_factory=dict)


def _table(rows: list[list[object]], widths: list[float], header: bool = True) -> Table:
    table = Table(rows, colWidths=widths, repeatRows=1 if header else 0, hAlign="LEFT")
    commands = [
        ("GRID", (0, 0), (-1, -1), 0.4, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]
    if header:
        commands.append(("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#eeeeee")))
    table.setStyle(TableStyle(commands))
    return table


def render_personal_card(data: PersonalCardData, out: Output) -> None:
    margins = (20 * mm, 12 * mm, 12 * mm, 12 * mm)
    doc, frame, width, _height = single_frame_document(
        out, A4, margins, f"Особова картка {data.full_name}"
    )
    doc.addPageTemplates([PageTemplate("card", [frame])])
    small, body = style("small", 8.5), style("body", 10)
    bold = style("bold", 10, bold=True)
    title = style("title", 13, bold=True, align="center", space_after=4)
    section = style("section", 11, bold=True, space_before=8, space_after=3)

    def p(text: str, st=body) -> Paragraph:  # type: ignore[no-untyped-def]
        return Paragraph(markup(text) if text else "", st)

    story: list[object] = [
        p(data.organisation, small),
        Spacer(1, 2 * mm),
        p("ОСОБОВА КАРТКА ПРАЦІВНИКА", title),
        p("(за формою П-2, з відомостями про службу в органах місцевого самоврядування)", small),
        Spacer(1, 3 * mm),
    ]
    head = [
        [p("Дата заповнення", small), p("Табельний номер", small), p("Стать", small)],
        [p(data.printed), p(data.personnel_number, bold), p(data.sex)],
    ]
    story.append(_table(head, [width / 3] * 3))
    story.append(p("I. Загальні відомості", section))
    general = [
        ("Прізвище, ім'я, по батькові", data.full_name),
        ("Дата народження", data.birth_date),
        ("Освіта", data.education),
        ("Місце проживання", data.address),
        ("Телефон, електронна пошта", ", ".join(x for x in (data.phone, data.email) if x)),
        ("Посада", data.position),
        ("Виконавчий орган", data.department),
        ("Категорія посади, ранг", ", ".join(x for x in (data.category, data.rank) if x)),
        ("Стаж для надбавки за вислугу років", data.seniority),
    ]
    rows = [[p(k, small), p(v)] for k, v in general]
    story.append(_table(rows, [width * 0.32, width * 0.68], header=False))
    if data.prior:
        story.append(p("Попередній стаж, що зараховується", section))
        rows = [[p("Період", small), p("Місце роботи", small)]]
        rows += [[p(a), p(b)] for a, b in data.prior]
        story.append(_table(rows, [width * 0.3, width * 0.7]))

    def history(caption: str, lines: Sequence[HistoryLine]) -> None:
        story.append(p(caption, section))
        rows = [[p(h, small) for h in ("Дата", "Запис", "Зміст", "Підстава (розпорядження)")]]
        rows += [[p(x.period), p(x.what), p(x.summary), p(x.order)] for x in lines]
        if not lines:
            rows.append([p("—"), p(""), p(""), p("")])
        story.append(_table(rows, [width * 0.19, width * 0.25, width * 0.34, width * 0.22]))

    history("IV. Призначення і переведення", data.appointments)
    history("V. Відпустки", data.vacations)
    history("VI. Додаткові відомості (послужний список)", data.other)
    story.append(p("Дата і причина звільнення", section))
    story.append(p(data.dismissal or "—"))
    story.append(Spacer(1, 10 * mm))
    signs = [
        [p("Працівник кадрової служби", small), p("________________", small), p(data.hr_officer)],
        [p("Підпис працівника", small), p("________________", small), p("")],
    ]
    table = Table(signs, colWidths=[width * 0.35, width * 0.3, width * 0.35], hAlign="LEFT")
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "BOTTOM")]))
    story.append(table)
    doc.build(story)
