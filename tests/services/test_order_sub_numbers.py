"""An order registered under a number already given, by hand in the card, as decisions are
(«2-1»): the same platform check (only a sub-number of a number given, never one taken), the
series' suffix added by the program's own format — «12-1-р», «3-1-к»."""

from __future__ import annotations

from datetime import date

import pytest

from app.registers import ORDERS
from app.registers.fields import FieldErrors
from app.services import documents
from app.services.register_view import RegisterView, ViewQuery

DAY = date(2026, 3, 19)


def order(db, number: str | None = None, series: str = "main") -> documents.Registered:
    values = ORDERS.parse({"series": series, "title": "Про внесення змін"})
    item = documents.Registration(values, DAY, number=number)
    return documents.register_many(db, ORDERS, [item])[0]


def numbers(db) -> list[str]:
    view = RegisterView(db, ViewQuery("orders", sort="number", descending=False))
    return [r.reg_number for r in view.all_rows()]


def test_a_sub_number_gets_the_series_suffix(db):
    for _ in range(3):
        order(db)
    amendment = order(db, "2-1")
    assert (amendment.reg_number, amendment.seq) == ("2-1-р", 2)
    assert order(db, "2-2-р").reg_number == "2-2-р"  # typed with its suffix: not doubled
    assert order(db).reg_number == "4-р"
    assert numbers(db) == ["1-р", "2-р", "2-1-р", "2-2-р", "3-р", "4-р"]


def test_a_taken_number_or_one_not_given_is_refused(db):
    for _ in range(2):
        order(db)
    order(db, "2-1")
    with pytest.raises(FieldErrors) as taken:
        order(db, "2/1")
    assert "уже зареєстровано (2-1-р)" in taken.value.by_key()["reg_number"]
    with pytest.raises(FieldErrors) as plain:
        order(db, "2")
    assert "уже зареєстровано (2-р)" in plain.value.by_key()["reg_number"]
    with pytest.raises(FieldErrors) as ahead:
        order(db, "5-1")
    message = ahead.value.by_key()["reg_number"]
    assert "Номер 5 за 2026 рік ще не надано (останній — 2)" in message
    assert "(наприклад, 2-1-р)" in message
    with pytest.raises(FieldErrors) as other:
        order(db, "2-3-к")
    assert "«-к» — суфікс серії «з кадрових питань»" in other.value.by_key()["reg_number"]
    assert numbers(db) == ["1-р", "2-р", "2-1-р"]


def test_each_series_counts_its_own_numbers(db):
    order(db)
    with pytest.raises(FieldErrors) as none:
        order(db, "1-1", series="personnel")
    assert "у цьому році номерів ще не надано" in none.value.by_key()["reg_number"]
    order(db, series="personnel")
    assert order(db, "1-1", series="personnel").reg_number == "1-1-к"
