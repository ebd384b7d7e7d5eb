"""The place of issue printed on a blank (ДСТУ 4163:2020: «місце видання» between the date and
the number): «м. Шепетівка», «смт Понінка», «с. Плужне».

The organisation's details keep no such field, so it is derived, in this order:

1. A part of the address (parts are separated by commas) that names its settlement with a
   marker: «м.», «місто», «смт», «селище міського типу», «сел.», «селище», «с.», «село» (or
   their genitive: «міста», «селища», «села») —
   «вул. Островського, 4, м. Шепетівка, 30400» gives «м. Шепетівка». The marker is printed in
   its short form (місто → «м.», селище → «сел.», село → «с.»); «смт» stays as written.
2. The same in the short name, then in the full name («Виконавчий комітет міста Н»).
3. An address without markers («Шепетівка, вул. Островського, 4»): the part that shares its
   stem with the adjective of the council's name («Шепетівська міська рада» — «Шепетівка»,
   «Луцька» — «Луцьк»), prefixed by the kind of the council (міська → «м.», селищна → «сел.»,
   сільська → «с.»). Only a name found in the address is printed: the adjective alone is never
   turned back into a noun (Полонська is Полонне, Київська is Київ — no rule gets them right).

Nothing found gives "": the blank then leaves the place empty for the clerk to type, rather
than print a wrong place on an official document.
"""

from __future__ import annotations

import re

# Longest markers first, so that «селище міського типу» is not read as «селище».
# The genitive forms serve names such as «Виконавчий комітет міста Славута».
_MARKERS: tuple[tuple[str, str], ...] = (
    ("селище міського типу", "смт"),
    ("селища міського типу", "смт"),
    ("смт.", "смт"),
    ("смт", "смт"),
    ("місто", "м."),
    ("міста", "м."),
    ("м.", "м."),
    ("селище", "сел."),
    ("селища", "сел."),
    ("сел.", "сел."),
    ("село", "с."),
    ("села", "с."),
    ("с.", "с."),
)
_COUNCIL_KINDS: tuple[tuple[str, str], ...] = (
    ("міськ", "м."),
    ("селищн", "сел."),
    ("сільськ", "с."),
)
_NAME = re.compile(r"[A-ZА-ЩЬЮЯҐЄІЇ][\w'’ʼ-]*(?:\s+[A-ZА-ЩЬЮЯҐЄІЇ][\w'’ʼ-]*)*")
# «Шепетівська міська рада», «Шепетівської міської ради»: the adjective and the council's kind.
_COUNCIL = re.compile(r"([\w'’ʼ-]+)\s+(міськ\w*|селищн\w*|сільськ\w*)\s+рад", re.I)


def _with_marker(part: str) -> str:
    """«м. Шепетівка» from a part that begins with a settlement marker, else ""."""
    text = " ".join(part.split())
    folded = text.casefold()
    for marker, short in _MARKERS:
        if not folded.startswith(marker):
            continue
        rest = text[len(marker) :]
        if marker[-1] != "." and rest[:1] not in (" ", ""):
            continue  # «село» must not match «Селятин», «смт» a longer word
        name = _NAME.match(rest.lstrip(" ."))
        if name:
            return f"{short} {name.group(0)}"
    return ""


def _parts(text: str) -> list[str]:
    return [p.strip() for p in re.split(r"[,;\n]", text or "") if p.strip()]


def _from_markers(text: str) -> str:
    for part in _parts(text):
        # A marker may follow other words in a part: «Шепетівський р-н, м. Шепетівка».
        for match in re.finditer(r"(?:^|\s)(?=\w)", part):
            found = _with_marker(part[match.end() :])
            if found:
                return found
    return ""


def _stem_match(adjective: str, word: str) -> bool:
    """«Шепетівська» and «Шепетівка», «Луцької» and «Луцьк»: a shared beginning of at least
    four letters that leaves at most two letters of the name unmatched."""
    a, b = adjective.casefold(), word.casefold()
    common = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        common += 1
    return common >= 4 and common >= len(b) - 2


def _from_council_name(address: str, names: tuple[str, ...]) -> str:
    for name in names:
        match = _COUNCIL.search(name or "")
        if not match:
            continue
        adjective, kind = match.group(1), match.group(2).casefold()
        short = next((s for prefix, s in _COUNCIL_KINDS if kind.startswith(prefix)), "")
        if not short:
            continue
        for part in _parts(address):
            if any(ch.isdigit() for ch in part) or "." in part:
                continue  # a street, a house, a postal code, «обл.», «р-н.»
            if _NAME.fullmatch(part) and _stem_match(adjective, part.split()[0]):
                return f"{short} {part}"
    return ""


def place_of_issue(address: str, short_name: str = "", full_name: str = "") -> str:
    """The place printed on the organisation's blanks (see the module's docstring), or ""."""
    for text in (address, short_name, full_name):
        found = _from_markers(text)
        if found:
            return found
    return _from_council_name(address, (short_name, full_name))
