"""The user manual (resources/help/): every page is there, in Ukrainian, and no link is broken.

A link is relative, «page.md» or «page.md#anchor» or «#anchor»; an anchor is a heading's text as
`ui.help.anchor_of` makes it (lower case, punctuation dropped, spaces made «-»).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from ui.help import INDEX, TOPICS, anchor_of, help_dir, page_for

PAGES = (
    "index.md",
    "incoming.md",
    "outgoing.md",
    "orders.md",
    "appeals.md",
    "meetings.md",
    "awards.md",
    "staff.md",
    "personnel.md",
    "households.md",
    "control.md",
    "printing.md",
    "import-export.md",
    "backups.md",
    "server.md",
    "users.md",
)
LINK = re.compile(r"(?<!!)\[([^\]]+)\]\(([^)\s]+)\)")
HEADING = re.compile(r"^#{1,6}\s+(.+?)\s*#*\s*$", re.MULTILINE)
FENCE = re.compile(r"^```.*?^```", re.MULTILINE | re.DOTALL)
CYRILLIC = re.compile(r"[А-Яа-яІіЇїЄєҐґ]")


def _text(page: str) -> str:
    return (help_dir() / page).read_text(encoding="utf-8")


def _prose(page: str) -> str:
    """The page without its code blocks (a «# comment» in a shell example is no heading)."""
    return FENCE.sub("", _text(page))


def _anchors(page: str) -> set[str]:
    return {anchor_of(h) for h in HEADING.findall(_prose(page))}


def _links() -> list[tuple[str, str]]:
    return [(page, target) for page in PAGES for _, target in LINK.findall(_prose(page))]


@pytest.mark.parametrize("page", PAGES)
def test_every_page_is_there_in_ukrainian(page):
    text = _text(page)
    assert text.startswith("# "), page  # a title first: the window shows it
    prose = re.sub(r"`[^`]*`", "", _prose(page))  # commands and file names are not prose
    letters = [c for c in prose if c.isalpha()]
    assert len(letters) > 300, page
    cyrillic = sum(1 for c in letters if CYRILLIC.match(c))
    assert cyrillic / len(letters) > 0.8, page  # Ukrainian, not a stray English page
    assert not re.search(r"[ЫыЭэЁёЪъ]", text), page  # no Russian letters


def test_no_page_lies_unlisted():
    assert {p.name for p in help_dir().glob("*.md")} == set(PAGES)
    linked = {target.split("#")[0] for page, target in _links() if page == INDEX}
    assert linked == set(PAGES) - {INDEX}  # the contents lists every other page


def test_every_link_leads_to_a_page_and_a_heading_that_exist():
    links = _links()
    assert len(links) > 20
    broken = []
    for page, target in links:
        if re.match(r"[a-z]+:", target):  # http:, mailto: — outside the manual
            continue
        file, _, anchor = target.partition("#")
        file = file or page
        if not (help_dir() / file).is_file():
            broken.append((page, target, "no page"))
        elif anchor and anchor not in _anchors(file):
            broken.append((page, target, "no heading"))
    assert not broken


def test_the_anchor_of_a_heading():
    assert anchor_of("Терміни виконання") == "терміни-виконання"
    assert anchor_of("Терміни виконання (п. 9.11)") == "терміни-виконання-п-911"
    assert anchor_of("Зняття з контролю") == "зняття-з-контролю"
    assert anchor_of("Вкладка «Контроль»") == "вкладка-контроль"
    assert anchor_of("Звільнення та зміни ") == "звільнення-та-зміни"
    assert anchor_of("Ім'я і пароль") == "імя-і-пароль"
    assert anchor_of("Імпорт і експорт") == "імпорт-і-експорт"


def test_every_tab_has_its_page():
    codes = ("incoming", "outgoing", "orders", "awards", "staff", "personnel", "household")
    for code in (*codes, "control"):
        assert page_for(code) == TOPICS[code]
        assert (help_dir() / page_for(code)).is_file()
    assert page_for(None) == page_for("unknown") == INDEX


def test_the_manual_ships_with_the_build():
    root = Path(__file__).resolve().parents[1]
    assert help_dir() == root / "resources" / "help"
    spec = (root / "build.spec").read_text(encoding="utf-8")
    assert '("resources", "resources")' in spec  # the whole folder, the manual with the fonts
