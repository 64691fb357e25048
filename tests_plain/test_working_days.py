"""Working days (``rules/working_days.py``)."""

import datetime

from hypothesis import given
from hypothesis import strategies as st

from rules import working_days as wd

FRI = datetime.date(2026, 12, 18)  # a Friday
dates = st.dates(datetime.date(2020, 1, 1), datetime.date(2035, 12, 31))


def test_weekend_is_skipped():
    assert wd.add_working_days(FRI, 1) == datetime.date(2026, 12, 21)  # Monday
    assert wd.add_working_days(FRI, 0) == FRI


def test_holiday_is_skipped():
    christmas = datetime.date(2026, 12, 25)  # Friday
    # Fri 18 + 7 working days: 21 22 23 24 (25 holiday) 28 29 30
    assert wd.add_working_days(FRI, 7, {christmas}) == datetime.date(2026, 12, 30)
    assert wd.add_working_days(FRI, 7) == datetime.date(2026, 12, 29)


def test_fourteen_working_days_span_two_weekends():
    assert wd.add_working_days(FRI, 14) == datetime.date(2027, 1, 7)


@given(dates, st.integers(0, 40), st.sets(dates, max_size=10))
def test_add_then_count_round_trips(start, count, holidays):
    end = wd.add_working_days(start, count, holidays)
    assert wd.working_days_between(start, end, holidays) == count
    if count:
        assert wd.is_working_day(end, holidays)


@given(dates, st.integers(1, 40), st.sets(dates, max_size=10))
def test_holiday_span_covers_the_result(start, count, holidays):
    end = wd.add_working_days(start, count, holidays)
    assert end <= wd.holiday_span(start, count)[1]
