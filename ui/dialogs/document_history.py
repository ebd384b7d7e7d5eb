"""The read-only «Резолюції та контроль» tab of a registered document's card.

The card edits the registration fields only; resolutions and control are changed through their
own dialogs (9.5–9.14), so their history is shown here as text the clerk can read and copy.
"""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QTextBrowser, QWidget

from app.domain.dates import format_date
from app.services.details import DocumentDetail


class DocumentHistory(QTextBrowser):
    """The resolutions and the control history of one document."""

    def __init__(self, detail: DocumentDetail, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setHtml(history_html(detail))


def history_html(detail: DocumentDetail) -> str:
    """The resolutions and the control history, read-only, as the second tab shows them."""
    out = ["<h3>Резолюції</h3>"]
    if not detail.resolutions:
        out.append("<p>Резолюцій немає.</p>")
    for res in detail.resolutions:
        who = ", ".join(e.dative for e in res.executors)
        author = res.author.short if res.author else ""
        term = f"; термін {format_date(res.term)}" if res.term else ""
        out.append(
            f"<p><b>{format_date(res.resolution_date)}</b> {escape(author)} → "
            f"{escape(who)}{term}<br>{escape(res.task)}</p>"
        )
    out.append("<h3>Контроль</h3>")
    if detail.on_control:
        interim = (
            detail.final_due is not None
            and detail.final_due != detail.due_date
            and detail.done_date is None
        )
        term = (
            f"наступний проміжний звіт {format_date(detail.due_date)}; "
            f"остаточний термін {format_date(detail.final_due)}"
            if interim
            else f"термін {format_date(detail.due_date)}"
        )
        out.append(
            f"<p>{detail.state.label}; {term}"
            + (f"; виконано {format_date(detail.done_date)}" if detail.done_date else "")
            + (
                f"; головний виконавець {escape(detail.lead_executor)}"
                if detail.lead_executor
                else ""
            )
            + "</p>"
        )
    else:
        out.append("<p>Документ не перебуває на контролі.</p>")
    if detail.control_events:
        out.append("<table cellspacing='0' cellpadding='3' border='1'>")
        out.append("<tr><th>Дата</th><th>Подія</th><th>Термін</th><th>Зміст</th></tr>")
        for event in detail.control_events:
            term = " → ".join(
                format_date(d) for d in (event.old_term, event.new_term) if d is not None
            )
            text = "; ".join(escape(t) for t in (event.text, event.basis, event.person) if t)
            out.append(
                f"<tr><td>{format_date(event.event_date)}</td><td>{event.label}</td>"
                f"<td>{term}</td><td>{text}</td></tr>"
            )
        out.append("</table>")
    return "".join(out)
