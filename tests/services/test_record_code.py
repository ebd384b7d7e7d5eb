"""find_by_code: the document a scanned code names, for a user who may read its register; the
stamp and the РКК carry that code."""

from __future__ import annotations

from datetime import date

import pytest

from app.domain import roles
from app.domain.record_code import encode
from app.domain.roles import Actor, PermissionDenied
from app.services import printouts
from app.services.record_code import code_of, find_by_code
from tests import factories

from ..printing.test_record_qr import _rects


def test_a_scanned_code_finds_its_document_in_its_register(db) -> None:
    letter = factories.incoming(db, date(2026, 3, 5))
    answer = factories.outgoing(db, date(2026, 3, 6))
    clerk = Actor("clerk", frozenset({roles.CLERK}))
    assert find_by_code(db, code_of(db, letter.id), clerk) == (
        "incoming",
        letter.id,
        date(2026, 3, 5),
    )
    typed = code_of(db, answer.id).lower() + "\n"
    assert find_by_code(db, typed, clerk) == ("outgoing", answer.id, date(2026, 3, 6))


def test_other_text_and_unknown_records_find_nothing(db) -> None:
    import uuid

    factories.incoming(db, date(2026, 3, 5))
    assert find_by_code(db, "345/01-12") is None
    assert find_by_code(db, encode(uuid.uuid4())) is None


def test_a_user_who_may_not_read_the_register_is_refused(db) -> None:
    letter = factories.incoming(db, date(2026, 3, 5))
    with pytest.raises(PermissionDenied):
        find_by_code(db, code_of(db, letter.id), Actor("hr", frozenset({roles.HR})))


def test_the_stamp_and_the_card_carry_the_code(db) -> None:
    import io

    factories.organisation(db)
    letter = factories.incoming(db, date(2026, 3, 5))
    for pdf in (printouts.stamp_pdf(db, letter.id), printouts.card_pdf(db, letter.id, copies=1)):
        assert len(_rects(io.BytesIO(pdf))) > 50
