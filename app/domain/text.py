"""Text for searching and sorting Ukrainian names and summaries.

Two traps from ARCHITECTURE.md are handled here, in pure Python, so SQLite and PostgreSQL behave
the same:

* the apostrophe is typed three ways (', ’, ʼ) — «Мар'янівка» must find «Мар’янівка» — so the same
  :func:`normalize_search` is applied when a row is indexed and when the user searches, and the
  user's words are quoted so a stray quote is never an FTS5 syntax error;
* binary order is wrong for Ukrainian (Є, І, Ї before А; Ґ after Я), so :func:`uk_sort_key`
  produces a string whose *code point* order is alphabetical: it is stored in an indexed column and
  sorted with the database's binary collation (``COLLATE "C"`` on PostgreSQL).
"""

from __future__ import annotations

import re
import unicodedata

__all__ = [
    "APOSTROPHES",
    "UK_ALPHABET",
    "fts5_query",
    "normalize_search",
    "search_words",
    "tsquery",
    "tsquery_terms",
    "uk_sort_key",
]

#: The apostrophe as Ukrainians type it: ASCII, right single quote, modifier letter apostrophe.
APOSTROPHES = ("'", "’", "ʼ")
#: Also seen in pasted text: backtick, left single quote, prime, acute accent.
_APOSTROPHE_LOOKALIKES = ("`", "‘", "′", "´")
_APOSTROPHE_TABLE = str.maketrans({ch: None for ch in APOSTROPHES + _APOSTROPHE_LOOKALIKES})

#: The Ukrainian alphabet (Правопис 2019, § 4), lower case.
UK_ALPHABET = "абвгґдеєжзиіїйклмнопрстуфхцчшщьюя"
# Russian-only letters are slotted next to their closest neighbours so mixed data sorts sensibly.
_SORT_ALPHABET = "абвгґдеєёжзиіїйклмнопрстуфхцчшщъыьэюя"
_PRIVATE_BASE = 0xE000  # start of the Private Use Area: above Latin and every common script
_SORT_TABLE = {ch: chr(_PRIVATE_BASE + i) for i, ch in enumerate(_SORT_ALPHABET)}
_DIGITS_RE = re.compile(r"\d+")
_NUMBER_WIDTH = 12
_WORD_RE = re.compile(r"\w", re.UNICODE)
_TS_TERM_RE = re.compile(r"[^\W_]+", re.UNICODE)


_PUNCTUATION_RE = re.compile(r"[^\w\s]", re.UNICODE)
# Control characters are no part of a word: a NUL inside an FTS5 phrase ends SQLite's string
# («unterminated string»), so they are spaces here, for the index and the query alike.
_CONTROL_RE = re.compile("[\x00-\x1f\x7f-\x9f]")
#: A search is a few words; a longer text is cut here (a million characters made SQLite's LIKE
#: fail with «pattern too complex» and FTS5 parse for seconds).
MAX_SEARCH_LENGTH = 200


def normalize_search(text: str) -> str:
    """Casefold, drop every apostrophe form, collapse whitespace.

    «Мар’янівка», «Мар'янівка» and «МАРʼЯНІВКА» all become «марянівка». NFC first, so a «й»
    typed as «и» + combining breve is one character, as in the indexed text.
    """
    folded = unicodedata.normalize("NFC", text).translate(_APOSTROPHE_TABLE).casefold()
    return " ".join(_CONTROL_RE.sub(" ", folded).split())


def search_words(user_text: str) -> str:
    """What a user typed into a search box, normalised and cut to MAX_SEARCH_LENGTH."""
    return normalize_search(user_text[: MAX_SEARCH_LENGTH * 4])[:MAX_SEARCH_LENGTH]


def searchable_text(*parts: str) -> str:
    """The text a document is indexed by: `normalize_search` with punctuation turned to spaces.

    Both engines then see the same words: PostgreSQL's 'simple' parser would otherwise keep
    «345/01-12» as one «file path» token and never match a search for «345/01».
    """
    joined = " ".join(p for p in parts if p)
    return " ".join(_PUNCTUATION_RE.sub(" ", normalize_search(joined)).split())


def fts5_query(user_text: str) -> str | None:
    """An FTS5 MATCH expression: every word as a quoted prefix term, all required (AND).

    «Луцьк 345/01» → ``"луцьк"* "345/01"*``. Inside the quotes FTS5's tokenizer splits on
    punctuation, so «345/01» still matches the number. Double quotes are doubled, the FTS5
    escape; words with no letter or digit are dropped. None means «nothing to search for»: the
    caller should not run the query at all.
    """
    terms = [
        '"' + word.replace('"', '""') + '"*'
        for word in search_words(user_text).split()
        if _WORD_RE.search(word.replace("_", ""))
    ]
    return " ".join(terms) if terms else None


def tsquery_terms(user_text: str) -> list[str]:
    """Prefix terms for PostgreSQL's ``to_tsquery('simple', ...)``: ``["луцьк:*", "345:*"]``.

    Only letters and digits survive (``&``, ``|``, ``!``, ``:``, quotes and parentheses are
    tsquery syntax), so a word with punctuation becomes several terms, which is how the 'simple'
    parser indexed it anyway. Join with `` & `` (or use :func:`tsquery`).
    """
    return [f"{term}:*" for term in _TS_TERM_RE.findall(search_words(user_text))]


def tsquery(user_text: str) -> str | None:
    """The terms of :func:`tsquery_terms` joined with ``&``; None when nothing is searchable."""
    terms = tsquery_terms(user_text)
    return " & ".join(terms) if terms else None


def _sort_char(ch: str) -> str:
    mapped = _SORT_TABLE.get(ch)
    if mapped is not None:
        return mapped
    if ch.isascii():
        return ch
    # Latin with diacritics (é, ö) sorts with its base letter. Cyrillic never reaches here: й, ї
    # and ё are in the table, so their breve and diaeresis are never stripped.
    base = unicodedata.normalize("NFD", ch)[0]
    return base if base.isascii() else ch


def _pad_number(match: re.Match[str]) -> str:
    digits = match.group().lstrip("0") or "0"
    return digits.rjust(_NUMBER_WIDTH, "0")


def uk_sort_key(text: str) -> str:
    """A string whose binary (code point) order is Ukrainian alphabetical order.

    Order of character classes: spaces and punctuation, then digits, then Latin, then Cyrillic
    (А Б В Г Ґ Д Е Є Ж З И І Ї Й К … Ь Ю Я, each letter mapped to a Private Use Area code point in
    alphabet order). Case is ignored, apostrophes are removed, whitespace is collapsed, and numbers
    compare by value («Школа № 2» before «Школа № 10»: runs of digits are zero-padded to 12).
    Deterministic and locale-free, because it is stored and indexed: changing it requires a
    migration that recomputes the column.
    """
    folded = normalize_search(text).lower()
    folded = _DIGITS_RE.sub(_pad_number, folded)
    return "".join(_sort_char(ch) for ch in folded)
