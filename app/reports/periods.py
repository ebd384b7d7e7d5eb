"""The standard periods of statistics (regulation 31.13.2: every month, quarter, half-year and
year)."""

from __future__ import annotations

from datetime import date

from dateutil.relativedelta import relativedelta

#: The periods of п. 31.13.2, as the statistics dialog offers them.
PERIOD_KINDS = ("місяць", "квартал", "півріччя", "рік")


def standard_period(kind: str, day: date) -> tuple[date, date]:
    """The month, quarter, half-year or year (PERIOD_KINDS) that contains `day`."""
    months = {"місяць": 1, "квартал": 3, "півріччя": 6, "рік": 12}[kind]
    first_month = (day.month - 1) // months * months + 1
    start = date(day.year, first_month, 1)
    return start, start + relativedelta(months=months) - relativedelta(days=1)
