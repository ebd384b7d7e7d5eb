"""Outgoing correspondence: addressees, ways of sending and the checks before sending (10.10).

Pure rules, no database: the register's spec, the services and the send dialog all ask here, so
the list a clerk sees before sending is the list the service refuses on.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

#: How an outgoing document is sent (the choices of the card; a clerk may type another).
SEND_METHODS = (
    "Пошта",
    "Рекомендований лист",
    "Електронна пошта",
    "Кур'єр",
    "Нарочно",
    "СЕВ ОВВ",
)
POSTAL_METHODS = frozenset({"пошта", "рекомендований лист", "поштою", "рекомендоване"})
EMAIL_METHODS = frozenset({"електронна пошта", "e-mail", "email", "ел. пошта"})

_POSTAL_CODE = re.compile(r"^\d{5}$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


@dataclass(frozen=True)
class Addressee:
    """One addressee of an outgoing document, as the envelope and the distribution list need it."""

    name: str
    address: str = ""
    postal_code: str = ""
    email: str = ""

    def is_empty(self) -> bool:
        return not (self.name or self.address or self.postal_code or self.email).strip()


def postal_code_problem(code: str) -> str | None:
    """A Ukrainian postal code is five digits; None when `code` is one."""
    code = code.strip()
    if not code:
        return "не вказано поштовий індекс"
    if not _POSTAL_CODE.match(code) or not code.isascii():  # «٣٠٤٠٠» is \d, not a postman's
        return f"поштовий індекс «{code}» має складатися з п'яти цифр, наприклад 30400"
    return None


def email_problem(email: str) -> str | None:
    email = email.strip()
    if not email:
        return "не вказано адресу електронної пошти"
    if not _EMAIL.match(email):
        return f"адреса електронної пошти «{email}» неправильна"
    return None


def is_postal(method: str) -> bool:
    return method.strip().casefold() in POSTAL_METHODS


def is_email(method: str) -> bool:
    return method.strip().casefold() in EMAIL_METHODS


def sending_problems(values: Mapping[str, Any]) -> list[str]:
    """What regulation 10.10 finds missing before an outgoing document is sent.

    10.10.2: the signature (who signed); 10.10.3: the addressee's address with its postal code
    (or the e-mail address when sent by e-mail) and the title; 10.10.4: the executor and the
    executor's phone. An empty list: nothing is missing.
    """
    problems: list[str] = []
    if not str(values.get("signatory") or "").strip():
        problems.append("Не вказано, хто підписав документ (п. 10.10.2)")
    method = str(values.get("send_method") or "")
    addressees: Sequence[Addressee] = values.get("addressees") or ()
    if not addressees:
        problems.append("Не вказано адресата (п. 10.2)")
    for item in addressees:
        problems.extend(_addressee_problems(item, method))
    if not str(values.get("title") or "").strip():
        problems.append("Немає заголовка документа (п. 10.10.3)")
    if not str(values.get("lead_executor") or "").strip():
        problems.append("Не вказано виконавця (п. 10.10.4)")
    if not str(values.get("executor_phone") or "").strip():
        problems.append("Не вказано телефон виконавця (п. 10.10.4)")
    return problems


def _addressee_problems(item: Addressee, method: str) -> list[str]:
    who = f"Адресат «{item.name}»"
    if is_email(method):
        problem = email_problem(item.email)
        return [f"{who}: {problem} (п. 10.10.3)"] if problem else []
    if not is_postal(method):
        return []  # by hand, courier, the e-document exchange: no postal address needed
    problems = []
    if not item.address.strip():
        problems.append(f"{who}: не вказано адресу (п. 10.10.3)")
    problem = postal_code_problem(item.postal_code)
    if problem:
        problems.append(f"{who}: {problem} (п. 10.10.3)")
    return problems
