"""A meeting with 60 agenda items (issue 11: opening it, reordering an item and printing the
agenda each < 300 ms). Builds a fresh SQLite database in a temporary folder: 11 members, one
meeting, 60 drafts with 5 visas each, the members present and half the items voted (30
decisions registered); then measures, as the median of 7 runs after a warm-up:

* opening the meeting (the agenda with visas and flags, attendance) — the service, and the tab
  showing it (Qt offscreen);
* moving the last item to the top;
* the agenda and the protocol draft as PDF.

    QT_QPA_PLATFORM=offscreen python bench/bench_meetings.py
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.domain import meetings as rules
from app.services import committee, meeting_printouts
from app.services import meetings as svc
from app.services.database import open_database
from tests import factories

ITEMS = 60


def median_ms(fn: Callable[[], object], runs: int = 7) -> float:
    fn()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    folder = Path(tempfile.mkdtemp(prefix="dilovod-meetings-"))
    db = open_database(str(folder / "bench.sqlite")).db
    factories.organisation(db)
    members = [
        committee.save_member(db, None, f"Член Виконкому {i}", "", date(2020, 1, 1))
        for i in range(11)
    ]
    day = date.today() - timedelta(days=1)
    meeting_id = svc.add_meeting(db, day, extraordinary=False)
    items = []
    for i in range(ITEMS):
        item = svc.save_item(
            db,
            meeting_id,
            svc.ItemInput(f"Про питання № {i} порядку денного засідання", "Загальний відділ",
                          "Мельник І. І.", submitted=day - timedelta(days=6)),
        )  # fmt: skip
        visas = [rules.Visa(r, "Коваль О. П.", day - timedelta(days=7), rules.AGREED)
                 for r in rules.required_roles(False)]  # fmt: skip
        svc.set_visas(db, item, visas)
        items.append(item)
    svc.set_attendance(db, meeting_id, members[:9])
    for item in items[: ITEMS // 2]:
        svc.record_vote(db, item, 9)
    print(f"meeting with {ITEMS} items, {ITEMS // 2} decisions")
    print(
        f"open the meeting (service): {median_ms(lambda: svc.open_meeting(db, meeting_id)):.0f} ms"
    )
    moves = iter(range(10_000))
    print(
        "move the last item to the top: "
        f"{median_ms(lambda: svc.move_item(db, items[next(moves) % ITEMS], 1)):.0f} ms"
    )
    agenda = median_ms(lambda: meeting_printouts.agenda_pdf(db, meeting_id))
    print(f"print the agenda (PDF): {agenda:.0f} ms")
    protocol = median_ms(lambda: meeting_printouts.protocol_pdf(db, meeting_id))
    print(f"print the protocol draft (PDF): {protocol:.0f} ms")
    from PySide6.QtWidgets import QApplication

    from ui.registers.meetings_tab import MeetingsTab

    app = QApplication.instance() or QApplication([])
    tab = MeetingsTab(db)
    tab.year.setValue(day.year)
    print(f"open the meeting in the tab: {median_ms(lambda: tab.open(meeting_id)):.0f} ms")
    app.processEvents()
    db.dispose()


if __name__ == "__main__":
    main()
