"""`report appeals --from … --to … -o FILE`: the statistics of citizens' appeals (п. 31.13.2)
for a period beside the same period a year before."""

from __future__ import annotations

from app.cli.reports import report
from app.reports.appeals import appeals_report

report(
    "appeals",
    "статистика звернень громадян за період порівняно з тим самим періодом року раніше",
    appeals_report,
)
