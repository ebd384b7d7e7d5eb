"""The classifier of citizens' appeals (ПКМУ від 24.09.2008 № 858, as councils use it), shipped
as the default data of an editable reference list.

The Cabinet amended the classifier in 2023 (№ 629) and 2024 (№ 526) and recommends it to councils
(п. 4), so the program keeps it as data: each item has the day it takes effect and may get the
day it stops (`classifier_item` table); the administrator edits it. These are the defaults the
database starts with — the structure seen in council reports (next-registers.md §3.2); the item
numbers of the results 9.4–9.6 and the topics' codes are not confirmed ❓.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

#: The lists, by code, with the title the reference dialog shows.
RECEIVED = "received"  # 1. за формою надходження
SIGN = "sign"  # 2. за ознакою надходження
TYPE = "type"  # 3. за видами
SUBJECT = "subject"  # 5. за суб'єктом
FORM = "form"  # 6. за типом (формою)
CATEGORY = "category"  # 7. за категоріями авторів
SOCIAL = "social"  # 8. за соціальним станом
RESULT = "result"  # 9. результати розгляду
TOPIC = "topic"  # II. тематика
REQUEST_RECEIVED = "request_received"  # запити: спосіб надходження
REQUEST_FORM = "request_form"  # запити: форма відповіді
REQUEST_RESULT = "request_result"  # запити: результат

LIST_TITLES: dict[str, str] = {
    RECEIVED: "Звернення: форма надходження",
    SIGN: "Звернення: ознака надходження",
    TYPE: "Звернення: вид",
    SUBJECT: "Звернення: суб'єкт",
    FORM: "Звернення: тип (форма)",
    CATEGORY: "Звернення: категорія автора",
    SOCIAL: "Звернення: соціальний стан автора",
    RESULT: "Звернення: результат розгляду",
    TOPIC: "Звернення: тематика питань",
    REQUEST_RECEIVED: "Запити: спосіб надходження",
    REQUEST_FORM: "Запити: форма відповіді",
    REQUEST_RESULT: "Запити: результат розгляду",
}

#: The day the shipped defaults take effect (the classifier's 2008 edition; an administrator
#: adds the later editions' items with their own dates).
SINCE = date(2008, 9, 24)


@dataclass(frozen=True)
class Item:
    """An item of a list: its classifier number, its text, and (categories) whether authors of
    this category have privileges by law (their appeals go first, ст. 20)."""

    code: str
    title: str
    privileged: bool = False


DEFAULTS: dict[str, tuple[Item, ...]] = {
    RECEIVED: (
        Item("1.1", "Поштою (електронною поштою)"),
        Item("1.1.1", "За допомогою засобів телефонного зв'язку"),
        Item("1.2", "На особистому прийомі"),
        Item("1.3", "Через уповноважену особу"),
        Item("1.4", "Через органи влади"),
        Item("1.5", "Через засоби масової інформації"),
        Item("1.6", "Від інших органів, установ, організацій"),
    ),
    SIGN: (
        Item("2.1", "Первинне"),
        Item("2.2", "Повторне"),
        Item("2.3", "Дублетне"),
        Item("2.4", "Неодноразове"),
        Item("2.5", "Масове"),
    ),
    TYPE: (
        Item("3.1", "Пропозиція (зауваження)"),
        Item("3.2", "Заява (клопотання)"),
        Item("3.3", "Скарга"),
    ),
    SUBJECT: (
        Item("5.1", "Індивідуальне"),
        Item("5.2", "Колективне"),
        Item("5.3", "Анонімне"),
    ),
    FORM: (
        Item("6.1", "Телеграма"),
        Item("6.2", "Лист"),
        Item("6.3", "Усне"),
        Item("6.4", "Електронне"),
    ),
    CATEGORY: (
        Item("7.1", "Учасник війни", True),
        Item("7.2", "Дитина війни", True),
        Item("7.3", "Особа з інвалідністю внаслідок Другої світової війни", True),
        Item("7.4", "Особа з інвалідністю внаслідок війни", True),
        Item("7.5", "Учасник бойових дій", True),
        Item("7.6", "Ветеран праці", True),
        Item("7.7", "Особа з інвалідністю I групи", True),
        Item("7.8", "Особа з інвалідністю II групи", True),
        Item("7.9", "Особа з інвалідністю III групи", True),
        Item("7.10", "Дитина з інвалідністю", True),
        Item("7.11", "Одинока мати", True),
        Item("7.12", "Мати-героїня", True),
        Item("7.13", "Багатодітна сім'я", True),
        Item("7.14", "Особа, що потерпіла від Чорнобильської катастрофи", True),
        Item("7.15", "Учасник ліквідації наслідків аварії на Чорнобильській АЕС", True),
        Item("7.16", "Герой України", True),
        Item("7.17", "Герой Радянського Союзу", True),
        Item("7.18", "Герой Соціалістичної Праці", True),
        Item("7.19", "Ветеран військової служби", True),
        Item("7.20", "Внутрішньо переміщена особа"),
        Item("7.21", "Дитина"),
        Item("7.22", "Інші категорії"),
    ),
    SOCIAL: (
        Item("8.1", "Пенсіонер"),
        Item("8.2", "Пенсіонер з числа військовослужбовців"),
        Item("8.3", "Служитель релігійної організації"),
        Item("8.4", "Журналіст"),
        Item("8.5", "Особа, що позбавлена волі / воля якої обмежена"),
        Item("8.6", "Робітник"),
        Item("8.7", "Селянин"),
        Item("8.8", "Працівник бюджетної сфери"),
        Item("8.9", "Державний службовець"),
        Item("8.10", "Військовослужбовець"),
        Item("8.11", "Підприємець"),
        Item("8.12", "Безробітний"),
        Item("8.13", "Учень, студент"),
        Item("8.14", "Інші"),
    ),
    RESULT: (
        Item("9.1", "Вирішено позитивно"),
        Item("9.2", "Відмовлено у задоволенні"),
        Item("9.3", "Дано роз'яснення"),
        Item("9.4", "Повернуто автору"),
        Item("9.5", "Надіслано за належністю"),
        Item("9.6", "Інше"),
    ),
    TOPIC: (
        Item("01", "Аграрна політика і земельні відносини"),
        Item("02", "Транспорт і зв'язок"),
        Item("03", "Фінансова, податкова, митна політика"),
        Item("04", "Соціальний захист"),
        Item("05", "Праця і заробітна плата, охорона праці, промислова безпека"),
        Item("06", "Охорона здоров'я"),
        Item("07", "Комунальне господарство"),
        Item("08", "Житлова політика"),
        Item("09", "Екологія та природні ресурси"),
        Item("10", "Забезпечення законності та охорони правопорядку, запобігання дискримінації"),
        Item("11", "Сімейна та гендерна політика, захист прав дітей"),
        Item("12", "Освіта, наукова, науково-технічна, інноваційна діяльність"),
        Item("13", "Діяльність об'єднань громадян, релігія та міжконфесійні відносини"),
        Item("14", "Діяльність центральних органів виконавчої влади"),
        Item("15", "Діяльність місцевих органів виконавчої влади"),
        Item("16", "Діяльність органів місцевого самоврядування"),
        Item("17", "Державне будівництво, адміністративно-територіальний устрій"),
        Item("18", "Інформаційна політика, діяльність засобів масової інформації"),
        Item("19", "Культура"),
        Item("20", "Інші"),
    ),
    REQUEST_RECEIVED: (
        Item("", "Поштою"),
        Item("", "Електронною поштою"),
        Item("", "Особисто"),
        Item("", "Телефоном"),
        Item("", "Через вебсайт"),
    ),
    REQUEST_FORM: (
        Item("", "Письмова (поштою)"),
        Item("", "Електронна (електронною поштою)"),
        Item("", "Усна (телефоном)"),
        Item("", "Копії документів"),
    ),
    REQUEST_RESULT: (
        Item("", "Інформацію надано"),
        Item("", "Відмовлено: розпорядник не володіє інформацією (ст. 22 ч. 1 п. 1)"),
        Item("", "Відмовлено: інформація з обмеженим доступом (ст. 22 ч. 1 п. 2)"),
        Item("", "Відмовлено: не оплачено витрати на копіювання (ст. 22 ч. 1 п. 3)"),
        Item("", "Відмовлено: запит не відповідає ч. 5 ст. 19 (ст. 22 ч. 1 п. 4)"),
        Item("", "Відстрочено (ст. 22 ч. 6)"),
        Item("", "Надіслано належному розпоряднику (ст. 22 ч. 3)"),
    ),
}

#: Results that end the appeal's consideration for statistics' «інше» (9.4–9.6).
OTHER_RESULTS = ("9.4", "9.5", "9.6")
#: The sign and the subject items the law and the journal treat specially.
SIGN_PRIMARY, SIGN_REPEATED, SIGN_DUPLICATE = "Первинне", "Повторне", "Дублетне"
SUBJECT_COLLECTIVE, SUBJECT_ANONYMOUS = "Колективне", "Анонімне"
RECEIVED_RECEPTION = "На особистому прийомі"
FORM_ORAL = "Усне"
RESULT_FORWARDED = "Надіслано за належністю"


def effective(valid_from: date | None, valid_to: date | None, day: date) -> bool:
    """An item is offered on `day` from the day it takes effect until the day it stops
    (both included; no date: no limit on that side)."""
    return (valid_from is None or valid_from <= day) and (valid_to is None or day <= valid_to)
