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
MIN_LENGTH = 6


class PasswordError(ValueError):
    """A password that cannot be accepted (too short), with a Ukrainian message."""


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _derive(password: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(
        password.encode("utf-8"), salt=salt, n=n, r=r, p=p, dklen=KEY_BYTES, maxmem=64 * 2**20
    )


def check_strength(password: str) -> None:
    if len(password) < MIN_LENGTH:
        raise PasswordError(f"Пароль має містити щонайменше {MIN_LENGTH} символів")


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
