"""Search normalisation, FTS5 / tsquery escaping and Ukrainian sort keys."""

from __future__ import annotations

import random
import sqlite3

import pytest

from app.domain.text import (
    APOSTROPHES,
    UK_ALPHABET,
    fts5_query,
    normalize_search,
    tsquery,
    tsquery_terms,
    uk_sort_key,
)


@pytest.mark.parametrize(
    "text",
    ["Мар’янівка", "Мар'янівка", "МАРʼЯНІВКА", "мар`янівка", "Мар‘янівка", "  Мар'янівка\t"],
)
def test_normalize_search_apostrophes_and_case(text: str) -> None:
    assert normalize_search(text) == "марянівка"


def test_apostrophes_constant() -> None:
    assert APOSTROPHES == ("'", "’", "ʼ")


def test_normalize_search_capitals_and_whitespace() -> None:
    assert normalize_search("ЄВРОПЕЙСЬКА  ҐАЛЕРЕЯ\n ЇЖАК  Іван") == "європейська ґалерея їжак іван"


def test_normalize_search_composes_decomposed_letters() -> None:
    assert normalize_search("И\u0306ОСИПІВКА") == "йосипівка"  # И + combining breve


def test_fts5_query_quotes_prefix_terms() -> None:
    assert fts5_query("Луцьк  345/01") == '"луцьк"* "345/01"*'


def test_fts5_query_escapes_quotes() -> None:
    assert fts5_query('ТОВ "Альфа"') == '"тов"* """альфа"""*'


@pytest.mark.parametrize("text", ["", "   ", "-", "' ’ ʼ", "( ) * _"])
def test_fts5_query_nothing_searchable(text: str) -> None:
    assert fts5_query(text) is None


def test_fts5_query_operators_are_words() -> None:
    assert fts5_query("NOT луцьк OR") == '"not"* "луцьк"* "or"*'


@pytest.fixture
def fts() -> sqlite3.Connection:
    conn = sqlite3.connect(":memory:")
    try:
        conn.execute(
            "CREATE VIRTUAL TABLE t USING fts5(body, tokenize='unicode61 remove_diacritics 2')"
        )
    except sqlite3.OperationalError:  # pragma: no cover - SQLite built without FTS5
        pytest.skip("SQLite without FTS5")
    for body in ("Лист з Луцька 345/01-12", "Мар’янівська сільська рада", 'ТОВ "Альфа"'):
        conn.execute("INSERT INTO t VALUES (?)", (normalize_search(body),))
    return conn


@pytest.mark.parametrize(
    ("user_text", "hits"),
    [
        ("луцьк", 1),
        ("ЛУЦЬК 345", 1),
        ("345/01", 1),
        ("мар'янівськ", 1),
        ("МАРʼЯН сільська", 1),
        ('"альфа', 1),
        ("альфа\"'", 1),
        ("NOT", 0),
        ("(луцьк", 1),
        ("луцьк рада", 0),
    ],
)
def test_fts5_query_runs_in_sqlite(fts: sqlite3.Connection, user_text: str, hits: int) -> None:
    query = fts5_query(user_text)
    assert query is not None
    rows = fts.execute("SELECT body FROM t WHERE t MATCH ?", (query,)).fetchall()
    assert len(rows) == hits


def test_tsquery_terms() -> None:
    assert tsquery_terms("Луцьк 345/01-12") == ["луцьк:*", "345:*", "01:*", "12:*"]
    assert tsquery_terms("Мар’янівка & !(рада) :*") == ["марянівка:*", "рада:*"]
    assert tsquery_terms("' & | ! _") == []
    assert tsquery("Луцьк рада") == "луцьк:* & рада:*"
    assert tsquery("&&") is None


def _sorted(words: list[str]) -> list[str]:
    return sorted(words, key=uk_sort_key)


def test_uk_sort_key_alphabet() -> None:
    letters = list(UK_ALPHABET.upper())
    random.Random(7).shuffle(letters)
    assert "".join(_sorted(letters)) == UK_ALPHABET.upper()
    assert len(UK_ALPHABET) == 33


def test_uk_sort_key_surnames() -> None:
    expected = [
        "Гнатюк",
        "Ґонта",
        "Ерістов",
        "Єрмак",
        "Иванишин",
        "Іщенко",
        "Їжак",
        "Йосипенко",
        "Шевченко",
        "Щербак",
        "Юрченко",
        "Ющенко",
        "Яценко",
    ]
    assert _sorted(list(reversed(expected))) == expected


def test_uk_sort_key_specific_pairs() -> None:
    assert uk_sort_key("Ґ") > uk_sort_key("Г")
    assert uk_sort_key("Ґ") < uk_sort_key("Д")
    assert uk_sort_key("Є") > uk_sort_key("Е")
    assert uk_sort_key("І") > uk_sort_key("И")
    assert uk_sort_key("Ї") > uk_sort_key("І")
    assert uk_sort_key("Я") > uk_sort_key("Ь")
    assert uk_sort_key("Ювілей") < uk_sort_key("Яблуко")


def test_uk_sort_key_ignores_case_and_apostrophe() -> None:
    assert uk_sort_key("Мар'яна") == uk_sort_key("МАРʼЯНА") == uk_sort_key("мар’яна")
    assert uk_sort_key("маряна") == uk_sort_key("Мар'яна")
    # «Мар'яна» sorts as «Маряна», so after «Марта» («я» comes after «т»)
    assert _sorted(["Мар'яна", "Марта", "Марина"]) == ["Марина", "Марта", "Мар'яна"]


def test_uk_sort_key_space_before_letters() -> None:
    assert _sorted(["Ковальська", "Коваль Андрій", "Коваль"]) == [
        "Коваль",
        "Коваль Андрій",
        "Ковальська",
    ]


def test_uk_sort_key_digits_latin_cyrillic() -> None:
    words = ["Яр", "Zeta", "alpha", "Ārija", "10 років", "2 роки", "Береза"]
    assert _sorted(words) == ["2 роки", "10 років", "alpha", "Ārija", "Zeta", "Береза", "Яр"]


def test_uk_sort_key_numbers_by_value() -> None:
    assert _sorted(["Школа № 10", "Школа № 2", "Школа № 1"]) == [
        "Школа № 1",
        "Школа № 2",
        "Школа № 10",
    ]


def test_uk_sort_key_is_deterministic_code_points() -> None:
    assert uk_sort_key("а") == "\ue000"
    assert uk_sort_key("Я") == chr(0xE000 + 36)  # 33 letters + ё, ъ, ы, э slotted in
    assert uk_sort_key("1") == "000000000001"
    assert uk_sort_key("") == ""


def test_uk_sort_key_binary_order_in_sqlite() -> None:
    words = ["Яценко", "Ґонта", "Іщенко", "Єрмак", "Гнатюк", "Абрамов", "Їжак"]
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE p (name TEXT, sort_key TEXT)")
    conn.executemany("INSERT INTO p VALUES (?, ?)", [(w, uk_sort_key(w)) for w in words])
    rows = [r[0] for r in conn.execute("SELECT name FROM p ORDER BY sort_key")]
    assert rows == ["Абрамов", "Гнатюк", "Ґонта", "Єрмак", "Іщенко", "Їжак", "Яценко"]
