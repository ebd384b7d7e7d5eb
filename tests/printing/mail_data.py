"""Sample addresses for the outgoing-mail printouts: ordinary, a person, and absurdly long."""

from __future__ import annotations

from datetime import date

from app.printing.mail import DistributionEntry, DistributionListData, MailPiece, PostalAddress

SENDER = PostalAddress(
    "Виконавчий комітет Шепетівської міської ради",
    "вул. Героїв Небесної Сотні, 4, м. Шепетівка, Шепетівський р-н, Хмельницька обл.",
    "30400",
)
DPS = PostalAddress(
    "Головне управління Державної податкової служби у Хмельницькій області",
    "вул. Кам'янецька, 112\nм. Хмельницький",
    "29009",
)
PERSON = PostalAddress(
    "Ґудзь Євгенії Їжаківні",
    "вул. Шевченка, 5, кв. 12, с. Плесна, Шепетівський р-н, Хмельницька обл.",
    "30433",
)
LONG = PostalAddress(
    "Комунальне некомерційне підприємство «Багатопрофільна лікарня інтенсивного лікування "
    "Шепетівської міської ради» Шепетівського району Хмельницької області, відділ кадрів та "
    "юридичного забезпечення, головному лікарю Іваненку Петру Степановичу " * 3,
    "вул. Героїв Небесної Сотні, 12, корп. 3, кв. 45\nс. Великі Жеребки\n"
    "Судилківська сільська територіальна громада\nШепетівський район\nХмельницька область\n"
    "Україна, абонентська поштова скринька 125 для службової кореспонденції",
    "30455",
)
REFERENCE = "Вих. № 15/01-12 від 20.11.2026"


def numbered(count: int) -> list[MailPiece]:
    """Pieces whose recipients can be told apart on the page: «Адресат 01», «Адресат 02» …"""
    return [
        MailPiece(PostalAddress(f"Адресат {i:02d}", "вул. Шевченка, 1, м. Шепетівка", "30400"))
        for i in range(1, count + 1)
    ]


def distribution(count: int) -> DistributionListData:
    methods = ("Пошта", "Електронна пошта", "СЕВ ОВВ", "Нарочно")
    entries = tuple(
        DistributionEntry(
            PostalAddress(f"Адресат {i:02d}", (DPS, PERSON, LONG)[i % 3].address, "30400"),
            methods[i % 4],
            f"info{i}@example.gov.ua" if i % 4 == 1 else "",
        )
        for i in range(1, count + 1)
    )
    return DistributionListData(
        organisation="Виконавчий комітет Шепетівської міської ради",
        reg_number="15/01-12",
        reg_date=date(2026, 11, 20),
        title="Про підготовку об'єктів житлово-комунального господарства до роботи в "
        "осінньо-зимовий період 2026/2027 років",
        signatory="Міський голова Олена КОВАЛЬ",
        entries=entries,
        compiled_by="Оксана Петренко, (03840) 4-12-34",
    )
