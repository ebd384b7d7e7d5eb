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
    assert hash_password("секрет-001") != hash_password("секрет-001")


@pytest.mark.parametrize("stored", ["", "plain", "scrypt$1$2$3$xx$yy", "md5$a$b$c$d$e"])
def test_a_malformed_hash_never_matches(stored):
    assert not verify_password("секрет-001", stored)


def test_a_short_password_is_refused():
    with pytest.raises(PasswordError, match="щонайменше 8"):
        hash_password("1234567")


@pytest.mark.parametrize("password", ["        ", "      ", "\t\t\t\t\t\t\t\t"])
def test_a_blank_password_is_refused(password):
    """Issue 9: six spaces were accepted."""
    with pytest.raises(PasswordError, match=r"пробілів|щонайменше"):
        hash_password(password)


@pytest.mark.parametrize(
    "password",
    ["123456", "12345678", "Password1", "qwerty123", "йцукенгш", "ААААААААА", "пароль123"],
)
def test_a_well_known_password_is_refused(password):
    """Issue 9: «123456» was accepted; longer ones every guesser tries first are refused too."""
    with pytest.raises(PasswordError):
        hash_password(password)


def test_a_long_unusual_password_is_accepted():
    assert verify_password("мій кіт Барсик 2026", hash_password("мій кіт Барсик 2026"))
