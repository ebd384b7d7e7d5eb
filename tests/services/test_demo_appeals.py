"""The demo's appeals and information requests: registered by the rules, with repeats,
collective appeals, extensions, late answers and requests with notices of extension."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select

from app.services.demo import fill_demo
from db.models import AppealDetail, ControlEvent, Document, InfoRequestDetail

TODAY = date(2026, 3, 16)


def test_the_demo_fills_appeals_and_requests(db):
    result = fill_demo(db, documents_count=600, seed=7, today=TODAY)
    assert result.counts["appeals"] >= 40 and result.counts["info_requests"] >= 6
    assert result.counts["appeals_extended"] > 0 and result.counts["appeals_late"] > 0
    with db.read() as s:

        def count(*where):  # type: ignore[no-untyped-def]
            stmt = select(func.count()).select_from(Document).join(AppealDetail).where(*where)
            return s.execute(stmt).scalar_one()

        assert count() == result.counts["appeals"]
        assert count(AppealDetail.sign == "Повторне", AppealDetail.earlier_numbers != "") > 0
        assert count(AppealDetail.subject == "Колективне") > 0
        assert (
            count(
                AppealDetail.received_way == "На особистому прийомі",
                AppealDetail.received_by_name != "",
            )
            > 0
        )
        assert count(Document.done_date > Document.due_date) > 0  # answered late
        assert count(Document.done_date.is_(None), Document.on_control.is_(True)) > 0
        extended = select(func.count(func.distinct(ControlEvent.document_id))).where(
            ControlEvent.kind == "extend"
        )
        assert s.execute(extended).scalar_one() > 0
        notices = (
            select(func.count())
            .select_from(InfoRequestDetail)
            .where(InfoRequestDetail.notice_state != "")
        )
        assert s.execute(notices).scalar_one() > 0
        # Each appeal and request is considered by someone: a resolution names the executor,
        # whom the tab's «Виконавець» column shows (an appeal on control always has one).
        for register in ("appeals", "info_requests"):
            without = select(func.count()).where(
                Document.register == register,
                Document.on_control.is_(True),
                Document.lead_executor_id.is_(None),
            )
            assert s.execute(without).scalar_one() == 0, register
            named = select(func.count()).where(
                Document.register == register, Document.lead_executor_name != ""
            )
            assert s.execute(named).scalar_one() > 0, register
