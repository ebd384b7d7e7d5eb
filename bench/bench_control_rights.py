"""The control centre's figures filtered by the user's read right, against the unfiltered ones
(build the database first with bench/big_database.py; only reads it).

    python bench/bench_control_rights.py /tmp/dilovod-bench.sqlite

Prints, for the system user (every register: no condition), a reader (no appeals or requests:
`register IN (…)`) and HR (the personnel series of orders only: `register = … AND series IN …`),
the time of the overview, of the largest cell's listing and of the overdue scan.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench_register import measure

from app.domain import roles
from app.domain.roles import Actor
from app.reports.grouping import ALL
from app.services.control_centre import CentreState, cell_documents, overview
from app.services.overdue import scan
from db.session import Database

USERS = {
    "system": "",
    "reader": Actor("reader", frozenset({roles.READER})),
    "hr": Actor("hr", frozenset({roles.HR})),
}


def main(target: str) -> None:
    db = Database(target)
    for name, user in USERS.items():
        measure(f"{name}: overview", lambda u=user: overview(db, user=u))
        measure(
            f"{name}: cell «На контролі»",
            lambda u=user: cell_documents(db, ALL, CentreState.ON_CONTROL, user=u),
        )
        measure(f"{name}: overdue scan", lambda u=user: scan(db, user=u))
    db.dispose()


if __name__ == "__main__":
    main(sys.argv[1])
