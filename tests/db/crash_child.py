"""The child of test_crash_safety: registers letters in a loop until it is killed.

Each registration is its own transaction; its number is printed (and flushed) only after the
commit returned, so every number on stdout is one the clerk would have seen confirmed.
"""

from __future__ import annotations

import sys
from datetime import date

from app.registers import INCOMING
from app.services.documents import register_document
from db.session import Database


def main(url: str) -> None:
    db = Database(url)
    i = 0
    while True:
        i += 1
        values = INCOMING.parse({"correspondent": "Обласна адміністрація", "summary": f"Лист {i}"})
        done = register_document(db, INCOMING, values, reg_date=date(2026, 3, 5), user="crash")
        print(done.seq, flush=True)


if __name__ == "__main__":
    main(sys.argv[1])
