"""scrypt hashes: salted, self-describing, never the password itself."""

from __future__ import annotations

import pytest

from app.services.passwords import PasswordError, hash_password, verify_password


def test_a_hash_verifies_its_password_only():
    stored = hash_password("Пароль-2026")
    assert "Пароль" not in stored and stored.startswith("scrypt$16384$8$1$")
    assert verify_password("Пароль-2026", stored)
    assert not verify_password("пароль-2026", stored)
    assert not verify_password("", stored)


def test_the_same_password_hashes_differently_each_time():
    assert hash_password("секрет1") != hash_password("секрет1")


@pytest.mark.parametrize("stored", ["", "plain", "scrypt$1$2$3$xx$yy", "md5$a$b$c$d$e"])
def test_a_malformed_hash_never_matches(stored):
    assert not verify_password("секрет1", stored)


def test_a_short_password_is_refused():
    with pytest.raises(PasswordError, match="щонайменше 6"):
        hash_password("12345")
