"""Kinds of incoming documents, and the kinds regulation 9.2 says are not registered.

The clerk picks a kind when registering a document. Regulation 9.2 lists documents that are *not*
registered (copies for information, greetings, invitations, adverts, statistical forms …); they are
offered as kinds too, because a clerk who picks «Запрошення» should see the warning at once rather
than discover the rule in an audit. It is a warning, never a ban: the head of the department may
still order a particular invitation registered.
"""

from __future__ import annotations

import re

from app.domain.text import normalize_search

__all__ = [
    "DOCUMENT_KINDS",
    "NOT_REGISTERED",
    "REGISTERED_KINDS",
    "is_not_registered",
    "registration_warning",
]

#: Kinds that are registered (regulation 9.1: every document from an organisation is).
REGISTERED_KINDS: tuple[str, ...] = (
    "Лист",
    "Електронний лист",
    "Телеграма",
    "Телефонограма",
    "Факс",
    "Запит",
    "Запит на публічну інформацію",
    "Скарга (від організації)",
    "Клопотання",
    "Подання",
    "Повідомлення",
    "Постанова",
    "Рішення",
    "Розпорядження",
    "Наказ",
    "Доручення",
    "Протокол",
    "Протест прокурора",
    "Припис",
    "Акт",
    "Договір",
    "Звіт",
    "Довідка",
    "Інше",
)

#: Regulation 9.2, second paragraph: documents that are not registered.
NOT_REGISTERED: tuple[str, ...] = (
    "Копія до відома",
    "Телеграма або лист про дозвіл на відрядження чи відпустку",
    "Повідомлення про засідання, нараду, збори",
    "Порядок денний",
    "Графік",
    "Наряд",
    "Заявка",
    "Рознарядка",
    "Зведення до відома",
    "Інформація до відома",
    "Навчальний план, програма (копія)",
    "Рекламне повідомлення",
    "Плакат",
    "Програма наради, конференції",
    "Прейскурант",
    "Привітання",
    "Запрошення",
    "Друковане видання (книга, журнал, бюлетень)",
    "Місячний, квартальний, піврічний звіт",
    "Форма статистичної звітності",
)

#: Everything the kind picker offers: registered kinds first, then the 9.2 ones.
DOCUMENT_KINDS: tuple[str, ...] = REGISTERED_KINDS + NOT_REGISTERED

_NOT_REGISTERED_KEYS = frozenset(normalize_search(kind) for kind in NOT_REGISTERED)

# Word starts that betray a greeting, an invitation or an advert in the summary. Matched at the
# start of a word so «запрошення» hits but «перезапрошення» or «невітання» do not.
_SUMMARY_KEYWORDS: tuple[tuple[str, str], ...] = (
    ("запрошен", "запрошення"),
    ("запрошуємо", "запрошення"),
    ("привітан", "привітання"),
    ("вітан", "привітання"),
    ("вітальн", "привітання"),
    # Not the bare stem «реклам»: letters about outdoor advertising are council business.
    ("рекламне повідомлення", "рекламні повідомлення"),
    ("рекламні повідомлення", "рекламні повідомлення"),
    ("рекламна пропозиція", "рекламні повідомлення"),
    ("рекламний буклет", "рекламні повідомлення"),
    ("рекламна продукція", "рекламні повідомлення"),
    ("прейскурант", "прейскуранти"),
)
_SUMMARY_RE = re.compile(
    r"(?<!\w)(" + "|".join(re.escape(stem) for stem, _ in _SUMMARY_KEYWORDS) + r")",
    re.UNICODE,
)

_RULE = "Згідно з п. 9.2 Регламенту"
_ADVICE = "Реєструйте лише за вказівкою керівника."


def is_not_registered(kind: str) -> bool:
    """True when ``kind`` is one of the 9.2 kinds (case and apostrophes ignored)."""
    return normalize_search(kind) in _NOT_REGISTERED_KEYS


def registration_warning(kind: str, summary: str = "") -> str | None:
    """A Ukrainian warning when the document looks like one regulation 9.2 excludes, else None.

    The kind is checked first; then the summary for the obvious words («запрошення»,
    «привітання», «вітання», «рекламне повідомлення», «прейскурант»), since clerks often leave
    the kind at «Лист».
    """
    if is_not_registered(kind):
        return f"{_RULE} документи виду «{kind.strip()}» не реєструються. {_ADVICE}"
    match = _SUMMARY_RE.search(normalize_search(summary))
    if match is None:
        return None
    stem = match.group(1)
    what = next(name for s, name in _SUMMARY_KEYWORDS if s == stem)
    return f"{_RULE} {what} не реєструються (у змісті документа: «{stem}…»). {_ADVICE}"
