"""The working calendar against real Ukrainian calendars: 2021 (before martial law), 2022, 2024,
2026 (martial law: holidays are working days) and 2027 after a supposed end of martial law."""

from __future__ import annotations

from datetime import date

import pytest

from app.domain.calendar import CalendarOverride, WorkingCalendar


@pytest.fixture(scope="module")
def cal() -> WorkingCalendar:
    return WorkingCalendar()


@pytest.mark.parametrize(
    ("day", "working"),
    [
        (date(2021, 8, 20), True),  # Friday
        (date(2021, 8, 23), False),  # Monday, substituted day off (worked on 28.08)
        (date(2021, 8, 24), False),  # Tuesday, Independence Day
        (date(2021, 8, 25), True),
        (date(2021, 8, 28), True),  # Saturday made working
        (date(2021, 8, 29), False),  # ordinary Sunday
        (date(2021, 1, 8), False),  # substituted day off
        (date(2021, 1, 16), True),  # working Saturday
        (date(2021, 5, 3), False),  # 1 May on Saturday, observed Monday
        (date(2021, 5, 4), False),  # Easter on Sunday 2 May, observed Tuesday
        (date(2021, 5, 10), False),  # 9 May on Sunday
        (date(2021, 12, 27), False),  # Christmas on Saturday
        (date(2022, 3, 7), False),  # substituted day off
        (date(2022, 3, 12), True),  # working Saturday
        (date(2022, 5, 9), True),  # martial law: Victory Day is a working day
        (date(2022, 8, 24), True),
        (date(2024, 8, 26), True),  # 24.08.2024 was a Saturday: no observed Monday
        (date(2024, 12, 25), True),
        (date(2026, 1, 1), True),
        (date(2026, 1, 7), True),  # no longer a holiday at all since 2024
        (date(2026, 8, 24), True),
        (date(2026, 8, 22), False),  # Saturday
        (date(1996, 12, 28), True),  # Saturday worked for 02.01.1997
    ],
)
def test_is_working_day(cal: WorkingCalendar, day: date, working: bool) -> None:
    assert cal.is_working_day(day) is working


def test_holiday_names(cal: WorkingCalendar) -> None:
    assert cal.holiday_name(date(2021, 8, 24)) == "День незалежності України"
    assert "перенесено з 28.08.2021" in (cal.holiday_name(date(2021, 8, 23)) or "")
    assert cal.holiday_name(date(2021, 8, 28)) == "Робочий день (замість 23.08.2021)"
    assert cal.holiday_name(date(2021, 8, 25)) is None
    assert cal.holiday_name(date(2021, 8, 29)) is None  # plain Sunday


def test_martial_law_holiday_is_named_but_working(cal: WorkingCalendar) -> None:
    name = cal.holiday_name(date(2026, 8, 24))
    assert name is not None
    assert name.startswith("День незалежності України")
    assert "воєнний стан" in name
    assert cal.is_working_day(date(2026, 8, 24))


def test_next_and_previous_working_day(cal: WorkingCalendar) -> None:
    assert cal.previous_working_day(date(2021, 8, 24)) == date(2021, 8, 20)
    assert cal.next_working_day(date(2021, 8, 22)) == date(2021, 8, 25)
    assert cal.previous_working_day(date(2021, 8, 25)) == date(2021, 8, 25)
    assert cal.next_working_day(date(2021, 8, 25)) == date(2021, 8, 25)
    assert cal.previous_working_day(date(2026, 3, 8)) == date(2026, 3, 6)


def test_add_working_days(cal: WorkingCalendar) -> None:
    # 23 and 24 August off, Saturday 28 August working
    assert cal.add_working_days(date(2021, 8, 20), 1) == date(2021, 8, 25)
    assert cal.add_working_days(date(2021, 8, 20), 4) == date(2021, 8, 28)
    assert cal.add_working_days(date(2021, 8, 20), 5) == date(2021, 8, 30)
    assert cal.add_working_days(date(2021, 8, 20), 0) == date(2021, 8, 20)
    assert cal.add_working_days(date(2021, 8, 25), -1) == date(2021, 8, 20)
    # from a day off: the day itself is not counted
    assert cal.add_working_days(date(2021, 8, 22), 1) == date(2021, 8, 25)


def test_add_working_days_across_year(cal: WorkingCalendar) -> None:
    # 29, 30, 31 Dec; 1 Jan (working under martial law), 2 Jan, 5 Jan, 6 Jan
    assert cal.add_working_days(date(2025, 12, 26), 7) == date(2026, 1, 6)


def test_working_days_between(cal: WorkingCalendar) -> None:
    assert cal.working_days_between(date(2021, 8, 20), date(2021, 8, 30)) == 5
    assert cal.working_days_between(date(2021, 8, 30), date(2021, 8, 20)) == -5
    assert cal.working_days_between(date(2021, 8, 20), date(2021, 8, 20)) == 0
    assert cal.working_days_between(date(2021, 8, 20), date(2021, 8, 24)) == 0


def test_between_is_inverse_of_add(cal: WorkingCalendar) -> None:
    start = date(2021, 4, 28)
    for n in range(0, 40):
        assert cal.working_days_between(start, cal.add_working_days(start, n)) == n


def test_days_off_2021(cal: WorkingCalendar) -> None:
    days = dict(cal.days_off(2021))
    assert date(2021, 8, 23) in days
    assert days[date(2021, 8, 24)] == "День незалежності України"
    assert days[date(2021, 5, 1)] == "День праці"  # a Saturday, but named
    assert date(2021, 8, 22) not in days  # plain Sunday
    assert date(2021, 8, 28) not in days  # working Saturday
    assert all(d.year == 2021 for d in days)
    assert list(days) == sorted(days)


def test_no_days_off_under_martial_law(cal: WorkingCalendar) -> None:
    assert cal.days_off(2024) == []
    assert cal.days_off(2026) == []


def test_override_day_off() -> None:
    cal = WorkingCalendar([CalendarOverride(date(2026, 3, 9), working=False, note="День міста")])
    assert not cal.is_working_day(date(2026, 3, 9))
    assert cal.holiday_name(date(2026, 3, 9)) == "День міста"
    assert cal.days_off(2026) == [(date(2026, 3, 9), "День міста")]
    assert cal.add_working_days(date(2026, 3, 6), 1) == date(2026, 3, 10)


def test_override_beats_holiday_and_weekend() -> None:
    cal = WorkingCalendar(
        [
            CalendarOverride(date(2021, 8, 24), working=True),
            CalendarOverride(date(2026, 3, 7), working=True, note="Відпрацювання"),
            CalendarOverride(date(2021, 8, 28), working=False),
        ]
    )
    assert cal.is_working_day(date(2021, 8, 24))
    assert cal.is_working_day(date(2026, 3, 7))
    assert cal.holiday_name(date(2026, 3, 7)) == "Відпрацювання"
    assert not cal.is_working_day(date(2021, 8, 28))
    assert cal.holiday_name(date(2021, 8, 28)) == "Вихідний день (рішення адміністратора)"
    assert date(2021, 8, 24) not in dict(cal.days_off(2021))
    assert [o.day for o in cal.overrides] == sorted(o.day for o in cal.overrides)


def test_martial_law_end_restores_holidays() -> None:
    cal = WorkingCalendar(martial_law_end=date(2026, 12, 31))
    assert cal.martial_law_end == date(2026, 12, 31)
    assert cal.is_working_day(date(2026, 8, 24))  # still martial law
    assert not cal.is_working_day(date(2027, 1, 1))
    assert not cal.is_working_day(date(2027, 8, 24))  # Tuesday
    # 1 May on Saturday and Easter on Sunday: Monday and Tuesday off
    assert not cal.is_working_day(date(2027, 5, 3))
    assert not cal.is_working_day(date(2027, 5, 4))
    assert cal.holiday_name(date(2027, 5, 4)) == "Великдень (Пасха) (вихідний)"
    # 8 May on Saturday, observed on Monday 10 May
    assert not cal.is_working_day(date(2027, 5, 10))
    assert not cal.is_working_day(date(2027, 12, 27))  # Christmas on Saturday
    assert cal.is_working_day(date(2027, 5, 5))
    assert cal.days_off(2026) == []
    assert len(cal.days_off(2027)) == 16


def test_martial_law_end_mid_year() -> None:
    cal = WorkingCalendar(martial_law_end=date(2027, 5, 1))
    # 1 May is still under martial law; Easter (2 May) is not, so only one observed Monday
    assert date(2027, 5, 1) not in dict(cal.days_off(2027))
    assert not cal.is_working_day(date(2027, 5, 3))
    assert cal.is_working_day(date(2027, 5, 4))
    assert cal.is_working_day(date(2027, 3, 8))


def test_default_calendar_keeps_2027_holidays_working(cal: WorkingCalendar) -> None:
    assert cal.is_working_day(date(2027, 8, 24))


def test_the_calendar_loads_only_ukraine_from_holidays():
    """Importing every country of `holidays` cost 0.1–0.2 s of the window's start."""
    import subprocess
    import sys

    code = (  # two background tasks build a calendar at the same moment (the window's start)
        "import sys, threading; from datetime import date; "
        "from app.domain.calendar import WorkingCalendar; "
        "work = lambda: WorkingCalendar().is_working_day(date(2026, 1, 1)); "
        "threads = [threading.Thread(target=work) for _ in range(4)]; "
        "[t.start() for t in threads]; [t.join(20) for t in threads]; "
        "print('holidays.countries.ghana' in sys.modules, "
        "'holidays.countries.ukraine' in sys.modules)"
    )
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        cwd=root,
        timeout=60,
    )
    assert out.stdout.split() == ["False", "True"]
    import holidays

    assert holidays.Ukraine is not None  # the real package still loads afterwards
