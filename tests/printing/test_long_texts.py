"""Issue 9: a long text continues onto the next page in every printout — never a LayoutError,
never cut. A summary of 4,000 characters (the field's limit) made `print card` fail."""

from __future__ import annotations

import io
import re
from dataclasses import replace

from app.printing import distribution_list_pdf, print_journal, print_registration_card

from . import page_texts, sample_card, sample_control, sample_journal, sample_resolution
from .mail_data import distribution

WORDS = [f"слово{n:04d}" for n in range(400)]  # 4,000 characters: the summary's limit
LONG = " ".join(WORDS)


def _found(texts: list[str]) -> list[str]:
    return re.findall(r"слово\d{4}", " ".join(texts).replace(" ", ""))


def test_a_card_with_the_longest_summary_and_task_continues_on_the_next_page():
    card = replace(
        sample_card(sample_control()),
        summary=LONG,
        resolutions=[replace(sample_resolution(), task=LONG)],
    )
    out = io.BytesIO()
    print_registration_card(card, out)
    texts = page_texts(out)
    assert len(texts) >= 2 and any("(продовження)" in t for t in texts[1:])
    assert _found(texts) == WORDS * 2  # every word of both, in order, nothing cut


def test_a_card_with_many_lines_and_one_endless_word():
    for summary in ("\n".join(["рядок"] * 700)[:4000], "Ж" * 4000):
        out = io.BytesIO()
        print_registration_card(replace(sample_card(), summary=summary), out)
        assert len(page_texts(out)) >= 1


def test_a_journal_row_with_the_longest_summary_is_not_cut():
    journal = sample_journal(3)
    rows = [list(r) for r in journal.rows]
    rows[1][3] = LONG
    out = io.BytesIO()
    print_journal(replace(journal, rows=rows), out)
    texts = page_texts(out)
    assert _found(texts) == WORDS and "…" not in " ".join(texts)


def test_a_distribution_list_of_a_letter_with_a_very_long_heading():
    data = replace(distribution(3), title=LONG)
    texts = page_texts(io.BytesIO(distribution_list_pdf(data)))
    assert _found(texts) == WORDS
    assert any("Усього адресатів" in t for t in texts)
