"""The agenda of a meeting (порядок денний, 5.2: for the mayor's signature) and the draft of its
protocol (6.21: date, time, place, members present and absent, invitees, items, speakers,
proposals, vote results, the signatures of the chair and the manager of affairs) — portrait A4.
The lists of drafts with visas and of decisions adopted are tables (app/printing/tables.py)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageTemplate, Paragraph, Spacer

from app.domain.dates import format_date

from .common import DSTU_MARGINS as MARGINS
from .common import Output, glue, markup, signature_block, single_frame_document, style

SIZE = 13.0


@dataclass(frozen=True)
class AgendaLine:
    number: int
    title: str
    department: str = ""
    reporter: str = ""
    invitees: str = ""


@dataclass(frozen=True)
class AgendaData:
    organisation: str
    day: date
    start_time: str
    place: str
    extraordinary: bool
    items: Sequence[AgendaLine]
    mayor_position: str = "Міський голова"
    mayor_name: str = ""


@dataclass(frozen=True)
class ProtocolItem:
    number: int
    title: str
    reporter: str = ""
    speakers: str = ""
    proposals: str = ""
    votes: tuple[int, int, int, int] | None = None  # for, against, abstained, not voted
    outcome: str = ""
    decision_number: str = ""


@dataclass(frozen=True)
class ProtocolData:
    organisation: str
    number: str
    day: date
    start_time: str
    place: str
    chair: str
    total: int
    present: Sequence[str]
    absent: Sequence[str]
    invitees: Sequence[str]
    items: Sequence[ProtocolItem]
    manager_position: str = "Керуючий справами виконавчого комітету"
    manager_name: str = ""


def _p(text: str, *, bold: bool = False, align: str = "justify", before: float = 0) -> Paragraph:
    return Paragraph(
        markup(glue(text)),
        style(f"m{int(bold)}{align}", SIZE, bold=bold, align=align, space_before=before),
    )


def _build(out: Output, title: str, story: list[Flowable]) -> None:
    doc, frame, _, _ = single_frame_document(out, A4, MARGINS, title)
    doc.addPageTemplates([PageTemplate("page", [frame])])
    doc.build(story)


def print_agenda(data: AgendaData, out: Output) -> None:
    """ЗАТВЕРДЖУЮ block for the mayor, then the numbered items with reporters and invitees."""
    width = A4[0] - MARGINS[0] - MARGINS[1]
    kind = "позачергового засідання" if data.extraordinary else "засідання"
    story: list[Flowable] = [
        _p(data.organisation, bold=True, align="center"),
        _p("ПОРЯДОК ДЕННИЙ", bold=True, align="center", before=10),
        _p(f"{kind} виконавчого комітету", align="center"),
        _p(
            f"{format_date(data.day)}, початок о {data.start_time}; {data.place}",
            align="center",
            before=4,
        ),
        Spacer(1, 6 * mm),
    ]
    if not data.items:
        story.append(_p("Питань до порядку денного не внесено."))
    for line in data.items:
        story.append(_p(f"{line.number}. {line.title}", before=6))
        if line.reporter or line.department:
            who = ", ".join(x for x in (line.reporter, line.department) if x)
            story.append(_p(f"Доповідає: {who}"))
        if line.invitees:
            story.append(_p(f"Запрошені: {line.invitees}"))
    story += [
        Spacer(1, 12 * mm),
        _p("ПОГОДЖЕНО (п. 5.2 Регламенту)"),
        signature_block(data.mayor_position, data.mayor_name, width, SIZE),
    ]
    _build(out, f"Порядок денний {format_date(data.day)}", story)


def _votes_text(votes: tuple[int, int, int, int]) -> str:
    return "ГОЛОСУВАЛИ: «за» — {}, «проти» — {}, «утрималися» — {}, «не голосували» — {}.".format(
        *votes
    )


def print_protocol(data: ProtocolData, out: Output) -> None:
    """The protocol as a draft for the clerk to finish: every part 6.21 names."""
    width = A4[0] - MARGINS[0] - MARGINS[1]
    story: list[Flowable] = [
        _p(data.organisation, bold=True, align="center"),
        _p(f"ПРОТОКОЛ № {data.number or '___'}", bold=True, align="center", before=10),
        _p("засідання виконавчого комітету", align="center"),
        _p(f"{format_date(data.day)}, {data.start_time}, {data.place}", align="center", before=4),
        _p(f"Головуючий: {data.chair or '________________'}", before=10),
        _p(
            f"Присутні члени виконкому ({len(data.present)} з {data.total}): "
            + ("; ".join(data.present) or "—"),
            before=4,
        ),
        _p("Відсутні: " + ("; ".join(data.absent) or "немає"), before=4),
    ]
    if data.invitees:
        story.append(_p("Запрошені: " + "; ".join(data.invitees), before=4))
    story.append(_p("ПОРЯДОК ДЕННИЙ:", bold=True, before=10))
    for item in data.items:
        story.append(_p(f"{item.number}. {item.title}"))
    for item in data.items:
        story.append(_p(f"{item.number}. СЛУХАЛИ: {item.title}", bold=True, before=10))
        if item.reporter:
            story.append(_p(f"Доповідач: {item.reporter}"))
        if item.speakers:
            story.append(_p(f"ВИСТУПИЛИ: {item.speakers}"))
        if item.proposals:
            story.append(_p(f"ПРОПОЗИЦІЇ: {item.proposals}"))
        if item.votes is not None:
            story.append(_p(_votes_text(item.votes)))
        if item.decision_number:
            story.append(_p(f"ВИРІШИЛИ: рішення № {item.decision_number} прийнято (додається)."))
        elif item.outcome:
            story.append(_p(f"ВИРІШИЛИ: {item.outcome}."))
    story += [
        Spacer(1, 12 * mm),
        signature_block("Головуючий на засіданні", data.chair, width, SIZE),
        Spacer(1, 8 * mm),
        signature_block(data.manager_position, data.manager_name, width, SIZE),
    ]
    _build(out, f"Протокол № {data.number} від {format_date(data.day)}", story)
