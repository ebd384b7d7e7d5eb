"""A view's id vector: the whole ordering, packed, read from the cursor a batch at a time."""

from __future__ import annotations

from array import array
from datetime import date

from app.services import control
from app.services.register_view import RegisterView, ViewQuery
from db.queries import documents as q
from tests import factories


def test_ids_are_the_whole_ordering_packed_in_batches_on_both_engines(db, monkeypatch):
    monkeypatch.setattr(q, "IDS_BATCH", 3)  # 11 documents: several batches per part
    made = [factories.incoming(db, date(2026, 3, 1 + i), summary=f"Лист {i}") for i in range(11)]
    for n, doc in enumerate(made[::3]):  # four with a term, seven without
        control.put_on_control(db, doc.id, term=date(2026, 5, 1 + n))
    for sort in ("reg_date", "due_date", "correspondent"):
        for descending in (False, True):
            view = RegisterView(db, ViewQuery("incoming", sort=sort, descending=descending))
            ids = view.ids()
            assert isinstance(ids, array) and ids.itemsize == 8
            assert ids.tolist() == [r.id for r in view.all_rows()], (sort, descending)
            assert len(ids) == 11
