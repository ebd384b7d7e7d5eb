"""Line breaking for table cells, with word widths cached.

reportlab's Paragraph measures every word again on every wrap, and a Table wraps each cell
several times (measuring, splitting across pages, drawing). Registers repeat the same words
thousands of times, so measuring each word once per document and handing the Table ready
lines is what keeps a 1,000-row register under a second without the C accelerator.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from reportlab.pdfbase.pdfmetrics import stringWidth

from .common import NBSP, glue


class LineBreaker:
    def __init__(self, size: float):
        self.size = size
        self._cache: dict[tuple[str, str], float] = {}

    def fit(self, text: str, font: str, avail: float, max_lines: int) -> str:
        """The text broken into lines that fit ``avail`` points, as one plain string;
        past ``max_lines`` it is cut with «…» (a table row must fit on a page)."""
        text = text.strip()
        if not text:
            return ""
        if "\n" not in text and self.width(text, font) <= avail:
            return text
        lines: list[str] = []
        for paragraph in text.splitlines():
            lines.extend(self.wrap(paragraph, font, avail))
        if len(lines) > max_lines:
            lines = lines[:max_lines]
            last = lines[-1]
            while last and self.width(last + "…", font) > avail:
                last = last[:-1]
            lines[-1] = last.rstrip(" ,;") + "…"
        return "\n".join(lines)

    def lines(self, text: str, font: str, avail: float) -> list[str]:
        """Every line of the text broken to ``avail`` points, nothing cut."""
        text = text.strip()
        if not text:
            return [""]
        if "\n" not in text and self.width(text, font) <= avail:
            return [text]
        found: list[str] = []
        for paragraph in text.splitlines():
            found.extend(self.wrap(paragraph, font, avail))
        return found

    def width(self, text: str, font: str) -> float:
        key = (text, font)
        width = self._cache.get(key)
        if width is None:
            width = self._cache[key] = stringWidth(text, font, self.size)
        return width

    def wrap(self, text: str, font: str, avail: float) -> list[str]:
        """Greedy line filling; a word wider than ``avail`` is broken by characters."""
        space = self.width(" ", font)
        lines: list[str] = []
        current: list[str] = []
        used = 0.0
        for word in self._tokens(text, font, avail):
            width = self.width(word, font)
            if width > avail:  # a word wider than the column: break it by characters
                if current:
                    lines.append(" ".join(current))
                pieces = self._break_word(word, font, avail)
                lines.extend(pieces[:-1])
                current, used = [pieces[-1]], self.width(pieces[-1], font)
            elif current and used + space + width <= avail:
                current.append(word)
                used += space + width
            elif current:
                lines.append(" ".join(current))
                current, used = [word], width
            else:
                current, used = [word], width
        if current:
            lines.append(" ".join(current))
        return [line.replace(NBSP, " ") for line in lines] or [""]

    def _tokens(self, text: str, font: str, avail: float) -> list[str]:
        """Words, with initials and «№ 123» glued. A glued unit too wide for the column gives
        up its first join only («Ковальська» | «С. В.»): the initials stay together."""
        tokens: list[str] = []
        for word in glue(text).split(" "):
            if NBSP in word and self.width(word, font) > avail:
                head, rest = word.split(NBSP, 1)
                tail = rest.split(NBSP) if self.width(rest, font) > avail else [rest]
                tokens.extend(t for t in (head, *tail) if t)
            elif word:
                tokens.append(word)
        return tokens

    def _break_word(self, word: str, font: str, avail: float) -> list[str]:
        """A word wider than the column, in lines: at a hyphen or a slash of its own where it
        has one, else at a syllable with a hyphen added («Держпродспоживслу-» «жби», Ukrainian
        hyphenation rules of pyphen's uk_UA dictionary), else — a code, a long number — at
        any character."""
        pieces: list[str] = []
        rest = word
        while rest and self.width(rest, font) > avail:
            cut = self._best_cut(rest, font, avail)
            if cut is None:
                break
            piece, rest = cut
            pieces.append(piece)
        if rest and self.width(rest, font) > avail:
            pieces.extend(self._by_characters(rest, font, avail))
        elif rest:
            pieces.append(rest)
        return pieces or [word]

    def _best_cut(self, word: str, font: str, avail: float) -> tuple[str, str] | None:
        """(the longest head that fits, the rest), cutting only where Ukrainian allows."""
        best: tuple[str, str] | None = None
        own: tuple[str, str] | None = None  # at the word's own hyphen or slash
        for at, mark in _break_points(word):
            head = word[:at] + mark
            width = self.width(head, font)
            if width > avail:
                break
            best = (head, word[at:])
            if not mark and width >= avail * 0.5:
                own = best
        return own or best

    def _by_characters(self, word: str, font: str, avail: float) -> list[str]:
        pieces: list[str] = []
        piece = ""
        for ch in word:
            if piece and stringWidth(piece + ch, font, self.size) > avail:
                pieces.append(piece)
                piece = ""
            piece += ch
        pieces.append(piece)
        return pieces


_LETTERS = re.compile(r"[^\W\d_][^\W\d_'’ʼ]*(?:['’ʼ][^\W\d_]+)*")


@lru_cache(maxsize=1)
def _dictionary() -> Any:
    """pyphen's Ukrainian dictionary, loaded on the first long word (None without pyphen:
    then long words break at any character, as before)."""
    try:
        import pyphen
    except ImportError:  # pragma: no cover - pyphen is a dependency; a broken install still prints
        return None
    return pyphen.Pyphen(lang="uk_UA", left=2, right=3)


@lru_cache(maxsize=4096)
def _break_points(word: str) -> tuple[tuple[int, str], ...]:
    """Where `word` may end a line, in order: (index, the mark the line ends with). After a
    hyphen or a slash the line ends as it is; inside a run of letters, at a syllable pyphen
    allows, with «-» added."""
    points: set[tuple[int, str]] = set()
    for i, ch in enumerate(word[:-1]):
        if ch in "-/‐‑":
            points.add((i + 1, ""))
    hyphenator = _dictionary()
    if hyphenator is not None:
        for run in _LETTERS.finditer(word):
            for at in hyphenator.positions(run.group()):
                points.add((run.start() + at, "-"))
    return tuple(sorted(points))
