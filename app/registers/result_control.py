"""Control follows the result of consideration: shared by appeals and information requests.

Recording the result (with its date) on the card takes the document off control on that date —
the answer is the execution (ЗУ «Про звернення громадян» ст. 20; ЗУ «Про доступ до публічної
інформації» ст. 20); removing the result from the card puts it back on control, but only when it
was the result that closed it (not a clerk's removal from control).
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from db.models import Document


def follow_result(s: Session, doc: Document, detail: Any, user: str, answer_prefix: str) -> None:
    """`detail` has `result`, `result_date` and `answer_numbers`; `answer_prefix` names the
    answer's number in the removal's basis («відповідь вих. №», «вих. №»)."""
    from db.models import ControlEvent
    from db.queries import appeals as q  # the appeals' tables: loaded when a result is stored

    if detail.result and detail.result_date and doc.done_date is None:
        basis = f"Результат: {detail.result}"
        if detail.answer_numbers:
            basis += f"; {answer_prefix} {detail.answer_numbers}"
        s.add(
            ControlEvent(
                document_id=doc.id,
                kind="remove",
                event_date=detail.result_date,
                old_term=doc.due_date,
                basis=basis[:300],
                person=user[:150],
                changed_by=user,
            )
        )
        doc.done_date = detail.result_date
    elif not detail.result_date and doc.done_date is not None and q.closed_by_result(s, doc.id):
        s.add(
            ControlEvent(
                document_id=doc.id,
                kind="reopen",
                event_date=date.today(),
                new_term=doc.due_date,
                text="Результат розгляду вилучено з картки",
                changed_by=user,
            )
        )
        doc.done_date = None
