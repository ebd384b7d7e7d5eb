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
