"""The record code of the QR on the stamp and the РКК: what a scanner types back is decoded,
whatever the keyboard layout."""

from __future__ import annotations

import uuid

import pytest

from app.domain import record_code

VALUE = uuid.UUID("0f3a9cde-1234-4bcd-8ef0-a1b2c3d4e5f6")
# QWERTY keys → what they type on a Ukrainian layout (Shift held: capitals).
UKRAINIAN = str.maketrans("QWERTYUIOPASDFGHJKLZXCVBNM", "ЙЦУКЕНГШЩЗФІВАПРОЛДЯЧСМИТЬ")
RUSSIAN = str.maketrans("QWERTYUIOPASDFGHJKLZXCVBNM", "ЙЦУКЕНГШЩЗФЫВАПРОЛДЯЧСМИТЬ")


def test_the_code_is_a_prefix_and_the_uuid_in_qr_alphanumeric_characters() -> None:
    code = record_code.encode(VALUE)
    assert code == "DLV-0F3A9CDE12344BCD8EF0A1B2C3D4E5F6"
    assert set(code) <= set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:")
    assert record_code.decode(code) == VALUE


def test_round_trip_of_random_records() -> None:
    for _ in range(50):
        value = uuid.uuid4()
        assert record_code.decode(record_code.encode(value)) == value


@pytest.mark.parametrize(
    "typed",
    [
        "  DLV-0F3A9CDE12344BCD8EF0A1B2C3D4E5F6\r\n",  # spaces and the scanner's line end
        "dlv-0f3a9cde12344bcd8ef0a1b2c3d4e5f6",  # Caps Lock
        "DLV-0F3A9CDE12344BCD8EF0A1B2C3D4E5F6".translate(UKRAINIAN),  # ВДМ-0А3Ф9СВУ…
        "DLV-0F3A9CDE12344BCD8EF0A1B2C3D4E5F6".translate(RUSSIAN),
        "DLV-0F3A9CDE12344BCD8EF0A1B2C3D4E5F6".translate(UKRAINIAN).lower(),
        "DLV-0f3a9cde-1234-4bcd-8ef0-a1b2c3d4e5f6",  # the uuid with its dashes
    ],
)
def test_decode_tolerates_what_a_scanner_may_type(typed: str) -> None:
    assert record_code.decode(typed) == VALUE


def test_ukrainian_layout_types_the_prefix_as_vdm() -> None:
    assert record_code.encode(VALUE).translate(UKRAINIAN).startswith("ВДМ-0А3Ф9СВУ")


@pytest.mark.parametrize(
    "text",
    [
        "",
        "345/01-12",
        "Хмельницька",
        "DLV-0F3A9CDE",  # cut short
        "DLV-0F3A9CDE12344BCD8EF0A1B2C3D4E5F6X",
        "XLV-0F3A9CDE12344BCD8EF0A1B2C3D4E5F6",
        "DLV-0F3A9CDE12344BCD8EF0A1B2C3D4E5FG",
        "DLV-0F3A 9CDE12344BCD8EF0A1B2C3D4E5F6",
    ],
)
def test_other_text_is_no_code(text: str) -> None:
    assert record_code.decode(text) is None
    assert not record_code.looks_like_code(text)
