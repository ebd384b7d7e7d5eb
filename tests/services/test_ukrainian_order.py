"""Sorting by name follows the Ukrainian alphabet on both engines, not code points."""

from __future__ import annotations

from datetime import date

from app.services.register_view import RegisterView, ViewQuery
from tests import factories

NAMES = [
    "Їжакевич",
    "Гнатюк",
    "Ґудзь",
    "Єрмак",
    "Іваненко",
    "Дяченко",
    "Ярема",
    "Євтух",
    "Ильченко",
]
EXPECTED = [
    "Гнатюк",
    "Ґудзь",
    "Дяченко",
    "Євтух",
    "Єрмак",
    "Ильченко",
    "Іваненко",
    "Їжакевич",
    "Ярема",
]


def test_sort_by_correspondent_is_alphabetical(db):
    for name in NAMES:
        factories.incoming(db, date(2026, 3, 2), correspondent=name)
    view = RegisterView(db, ViewQuery("incoming", sort="correspondent", descending=False))
    assert [r.correspondent_name for r in view.page(0, 20)] == EXPECTED
    backwards = RegisterView(db, ViewQuery("incoming", sort="correspondent", descending=True))
    assert [r.correspondent_name for r in backwards.page(0, 20)] == EXPECTED[::-1]


def test_sorting_by_term_puts_documents_without_a_term_last_both_ways_on_both_engines(db):
    """The clerk sorts by «Термін» to see what is due first: the documents without a term come
    after every term, ascending and descending alike (issue 10), page by page, from either end."""
    from app.services import control

    first = factories.incoming(db, date(2026, 3, 2), summary="Без терміну")
    late = factories.incoming(db, date(2026, 3, 3), summary="Пізній")
    early = factories.incoming(db, date(2026, 3, 4), summary="Ранній")
    second = factories.incoming(db, date(2026, 3, 5), summary="Теж без терміну")
    control.put_on_control(db, late.id, term=date(2026, 5, 5))
    control.put_on_control(db, early.id, term=date(2026, 4, 7))
    ascending = RegisterView(db, ViewQuery("incoming", sort="due_date", descending=False))
    expected = [early.id, late.id, first.id, second.id]
    assert [r.id for r in ascending.page(0, 10)] == expected
    assert list(ascending.ids()) == expected
    for offset in range(4):  # every window, from the top and from the bottom
        for limit in (1, 2, 3):
            want = expected[offset : offset + limit]
            assert [r.id for r in ascending.page(offset, limit)] == want, (offset, limit)
            assert [r.id for r in ascending.page(offset, limit, total=4)] == want
    descending = RegisterView(db, ViewQuery("incoming", sort="due_date", descending=True))
    expected = [late.id, early.id, second.id, first.id]
    assert [r.id for r in descending.page(0, 10)] == expected
    assert list(descending.ids()) == expected
    assert [r.id for r in descending.page(3, 1, total=4)] == [first.id]
    assert [r.id for r in descending.page(1, 2, total=4)] == [early.id, second.id]
    assert [r.id for r in descending.all_rows()] == expected


def test_outgoing_sorts_by_addressee_and_finds_by_it(db):
    """The outgoing register on both engines: Є, І, Ї in their places among the addressees, and
    full-text search by an addressee's name (any case, any apostrophe, any word order)."""
    for name in NAMES:
        factories.outgoing(db, date(2026, 3, 2), addressees=f"{name} сільська рада")
    factories.outgoing(db, date(2026, 3, 3), addressees="В'язівська громада; Їжакевич О. П.")
    view = RegisterView(db, ViewQuery("outgoing", sort="correspondent", descending=False))
    names = [r.correspondent_name.split()[0] for r in view.page(0, 20)]
    assert names == ["В'язівська", *EXPECTED]
    found = RegisterView(db, ViewQuery("outgoing", search="ЇЖАКЕВИЧ")).page(0, 20)
    assert len(found) == 2
    found = RegisterView(db, ViewQuery("outgoing", search="вʼязівська")).page(0, 20)
    assert [r.correspondent_name for r in found] == ["В'язівська громада; Їжакевич О. П."]
    assert RegisterView(db, ViewQuery("incoming", search="Їжакевич")).page(0, 20) == []
