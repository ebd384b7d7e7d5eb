"""The code printed as a QR on the registration stamp and on the РКК: which record it is.

The format is ``DLV-`` and the document's uuid as 32 upper-case hex digits, e.g.
``DLV-0F3A9C…``. Why this shape:

* the uuid identifies a record across databases (every database gives its documents their own
  ids, a uuid travels with the record in an exchange or a restored copy);
* upper-case letters, digits and «-» are QR's alphanumeric mode: 36 characters fit a 25×25
  code (version 2, level M), small enough to sit beside a stamp;
* an ordinary USB scanner "types" the text as key presses. On a Ukrainian (or Russian) keyboard
  layout the keys of D, L, V, A–F arrive as «В», «Д», «М», «Ф», «И», «С», «В», «У», «А»; the
  digits and «-» are the same keys on those layouts. `decode` maps the letters back by the key
  they share (ЙЦУКЕН ↔ QWERTY), ignores case (Caps Lock) and the spaces around the text.

Pure functions: no database, no Qt.
"""

from __future__ import annotations

import re
import uuid

PREFIX = "DLV-"

# The Ukrainian and Russian layouts' letters, by the QWERTY key they are typed with.
_CYRILLIC = "йцукенгшщзхїфівапролджєячсмитьбюъыэё"
_LATIN = "qwertyuiop[]asdfghjkl;'zxcvbnm,.]s'`"
_BY_KEY = str.maketrans(_CYRILLIC + _CYRILLIC.upper(), _LATIN + _LATIN)
_CODE = re.compile(r"DLV[-:;]?([0-9A-F]{8}-?[0-9A-F]{4}-?[0-9A-F]{4}-?[0-9A-F]{4}-?[0-9A-F]{12})")


def encode(record_uuid: uuid.UUID) -> str:
    """The text of the QR code of the record with this uuid."""
    return PREFIX + record_uuid.hex.upper()


def decode(text: str) -> uuid.UUID | None:
    """The record's uuid from what a scanner typed, or None when it is not a record code.

    Tolerates spaces and line ends around it, lower case, a Cyrillic keyboard layout (the
    letters typed by the same keys) and the uuid written with its dashes."""
    typed = text.strip().translate(_BY_KEY).upper()
    match = _CODE.fullmatch(typed)
    if match is None:
        return None
    return uuid.UUID(match.group(1).replace("-", ""))


def looks_like_code(text: str) -> bool:
    return decode(text) is not None
