"""Working days: Monday to Friday, minus the given public holidays."""

import datetime

ONE_DAY = datetime.timedelta(days=1)


def is_working_day(day, holidays=()):
    return day.weekday() < 5 and day not in holidays


def add_working_days(start, count, holidays=()):
    """The date ``count`` working days after ``start`` (``start`` itself not
    counted). With a count of 0 the result is ``start``."""
    holidays = set(holidays)
    day = start
    remaining = count
    while remaining > 0:
        day += ONE_DAY
        if is_working_day(day, holidays):
            remaining -= 1
    return day


def working_days_between(start, end, holidays=()):
    """Working days after ``start`` up to and including ``end`` (0 when
    ``end`` is not after ``start``)."""
    holidays = set(holidays)
    count = 0
    day = start
    while day < end:
        day += ONE_DAY
        if is_working_day(day, holidays):
            count += 1
    return count


def holiday_span(start, count):
    """A calendar window surely covering ``count`` working days after
    ``start`` even with many holidays: read holidays once for it."""
    return start, start + datetime.timedelta(days=count * 3 + 30)
