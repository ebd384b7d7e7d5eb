"""Password hashing with the standard library's scrypt; nothing is ever stored in clear.

Parameters: n=2**14, r=8, p=1, a 16-byte random salt, a 32-byte key (about 16 MB of memory and
~50 ms a check on an office PC — slow for a guesser, unnoticed at login). They are written into
every hash (``scrypt$n$r$p$salt$key``, base64), so stronger parameters later still verify the
hashes made today. Verification compares in constant time (hmac.compare_digest).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets

N, R, P = 2**14, 8, 1
KEY_BYTES = 32
MIN_LENGTH = 8

#: Passwords every guesser tries first (the top of the leaked lists, with the Ukrainian and
#: Russian keyboard runs and words an office would pick); compared without case and spaces.
WELL_KNOWN = frozenset(
    (
        "12345678",
        "123456789",
        "1234567890",
        "0123456789",
        "87654321",
        "98765432",
        "11111111",
        "22222222",
        "00000000",
        "12341234",
        "11223344",
        "12121212",
        "123123123",
        "1q2w3e4r",
        "1q2w3e4r5t",
        "1qaz2wsx",
        "qwertyui",
        "qwerty123",
        "qwertyuiop",
        "qwerty12",
        "asdfghjk",
        "asdfghjkl",
        "zxcvbnm1",
        "password",
        "password1",
        "password123",
        "passw0rd",
        "p@ssw0rd",
        "iloveyou",
        "sunshine",
        "princess",
        "football",
        "baseball",
        "welcome1",
        "welcome123",
        "admin123",
        "administrator",
        "letmein1",
        "trustno1",
        "abc12345",
        "abcd1234",
        "12345qwert",
        "qazwsxedc",
        "йцукенгш",
        "йцукенгшщз",
        "фывапрол",
        "ячсмитьб",
        "пароль12",
        "пароль123",
        "парольпароль",
        "12345пароль",
        "адміністратор",
        "администратор",
        "україна1",
        "україна123",
        "украина1",
        "славаукраїні",
        "дiловод",
        "діловод1",
        "діловод123",
        "dilovod1",
        "dilovod123",
        "secret12",
        "secret123",
        "changeme",
    )
)


class PasswordError(ValueError):
    """A password that cannot be accepted (too short, blank, well known), in Ukrainian."""


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _derive(password: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(
        password.encode("utf-8"), salt=salt, n=n, r=r, p=p, dklen=KEY_BYTES, maxmem=64 * 2**20
    )


def check_strength(password: str) -> None:
    """At least MIN_LENGTH characters, not only spaces, not one character repeated, not a
    password from the guessers' lists."""
    if not password.strip():
        raise PasswordError("Пароль не може складатися лише з пробілів")
    if len(password) < MIN_LENGTH:
        raise PasswordError(f"Пароль має містити щонайменше {MIN_LENGTH} символів")
    folded = "".join(password.casefold().split())
    if len(set(folded)) == 1 or folded in WELL_KNOWN:
        raise PasswordError(
            "Цей пароль надто відомий: його вгадують першим. Оберіть інший, щонайменше "
            f"{MIN_LENGTH} символів (наприклад, кілька слів, які знаєте лише ви)."
        )


def hash_password(password: str) -> str:
    check_strength(password)
    salt = secrets.token_bytes(16)
    key = _derive(password, salt, N, R, P)
    return f"scrypt${N}${R}${P}${_b64(salt)}${_b64(key)}"


def verify_password(password: str, stored: str) -> bool:
    """True when `password` matches `stored`; a malformed or empty hash never matches."""
    try:
        scheme, n, r, p, salt, key = stored.split("$")
        if scheme != "scrypt":
            return False
        expected = base64.b64decode(key)
        actual = _derive(password, base64.b64decode(salt), int(n), int(r), int(p))
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(actual, expected)
