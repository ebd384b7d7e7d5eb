"""`report info_requests --from … --to … -o FILE`: the statistics of public-information
requests (ст. 12, 20–22 ЗУ «Про доступ до публічної інформації») for a period beside the same
period a year before."""

from __future__ import annotations

from app.cli.reports import report
from app.reports.info_requests import info_requests_report

report(
    "info_requests",
    "статистика запитів на публічну інформацію за період порівняно з тим самим періодом "
    "року раніше",
    info_requests_report,
)
