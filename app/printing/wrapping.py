"""Line breaking for table cells, with word widths cached.

reportlab's Paragraph measures every word again on every wrap, and a Table wraps each cell
several times (measuring, splitting across pages, drawing). Registers repeat the same words
thousands of times, so measuring each word once per document and handing the Table ready
lines is what keeps a 1,000-row register under a second without the C accelerator.
"""

from __future__ import annotations

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
        """Words, with initials and «№ 123» glued unless the glued unit is too wide."""
        tokens: list[str] = []
        for word in glue(text).split(" "):
            if NBSP in word and self.width(word, font) > avail:
                tokens.extend(word.split(NBSP))
            elif word:
                tokens.append(word)
        return tokens

    def _break_word(self, word: str, font: str, avail: float) -> list[str]:
        pieces: list[str] = []
        piece = ""
        for ch in word:
            if piece and stringWidth(piece + ch, font, self.size) > avail:
                pieces.append(piece)
                piece = ""
            piece += ch
        pieces.append(piece)
        return pieces
