"""Years of service and pangkat/golongan tables (``rules/service.py``)."""

import datetime
import re

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from rules import service

SELECTION = service.golongan_selection()
PNS_KEYS = [key for key, _label in SELECTION if key.startswith("pns_")]
PPPK_KEYS = [key for key, _label in SELECTION if key.startswith("pppk_")]


# ------------------------------------------------------------- golongan
def test_selection_has_17_pns_and_17_pppk_grades():
    assert len(SELECTION) == 34
    assert len(PNS_KEYS) == 17
    assert len(PPPK_KEYS) == 17
    assert [key for key, _label in SELECTION] == PNS_KEYS + PPPK_KEYS  # PNS first


def test_selection_keys_and_labels_are_unique_strings():
    keys = [key for key, _label in SELECTION]
    labels = [label for _key, label in SELECTION]
    assert len(set(keys)) == len(keys)
    assert len(set(labels)) == len(labels)
    for key, label in SELECTION:
        assert isinstance(key, str) and isinstance(label, str)
        assert re.fullmatch(r"pns_[1-4][a-e]|pppk_([1-9]|1[0-7])", key), key
        assert label == label.strip() and label


def test_pns_grades_in_seniority_order():
    expected = [f"pns_{g}{r}" for g in "123" for r in "abcd"] + [
        "pns_4a",
        "pns_4b",
        "pns_4c",
        "pns_4d",
        "pns_4e",
    ]
    assert PNS_KEYS == expected


def test_pppk_grades_in_order():
    assert PPPK_KEYS == [f"pppk_{i}" for i in range(1, 18)]


@pytest.mark.parametrize(
    "key, label",
    [
        ("pns_1a", "PNS I/a - Juru Muda"),
        ("pns_2c", "PNS II/c - Pengatur"),
        ("pns_3a", "PNS III/a - Penata Muda"),
        ("pns_3d", "PNS III/d - Penata Tingkat I"),
        ("pns_4a", "PNS IV/a - Pembina"),
        ("pns_4e", "PNS IV/e - Pembina Utama"),
        ("pppk_1", "PPPK I"),
        ("pppk_4", "PPPK IV"),
        ("pppk_9", "PPPK IX"),
        ("pppk_14", "PPPK XIV"),
        ("pppk_17", "PPPK XVII"),
    ],
)
def test_selection_labels(key, label):
    assert dict(SELECTION)[key] == label


def test_selection_is_a_fresh_list_each_call():
    first = service.golongan_selection()
    first.append(("junk", "Junk"))
    assert service.golongan_selection() == SELECTION


@pytest.mark.parametrize("golongan", PNS_KEYS)
def test_pns_grades_fit_pns_only(golongan):
    assert service.golongan_fits("pns", golongan)
    assert not service.golongan_fits("pppk", golongan)


@pytest.mark.parametrize("golongan", PPPK_KEYS)
def test_pppk_grades_fit_pppk_only(golongan):
    assert service.golongan_fits("pppk", golongan)
    assert not service.golongan_fits("pns", golongan)


@pytest.mark.parametrize("asn_type", ["pns", "pppk", "non_asn", False, None, ""])
@pytest.mark.parametrize("golongan", [False, None, ""])
def test_no_grade_always_fits(asn_type, golongan):
    assert service.golongan_fits(asn_type, golongan)


@pytest.mark.parametrize("asn_type", ["non_asn", "honorer", False, None, ""])
@pytest.mark.parametrize("golongan", ["pns_3a", "pppk_9"])
def test_non_asn_staff_have_no_grade(asn_type, golongan):
    assert not service.golongan_fits(asn_type, golongan)


# ---------------------------------------------------- years of service
D = datetime.date


@pytest.mark.parametrize(
    "start, end, years",
    [
        (D(2010, 1, 1), D(2010, 1, 1), 0),
        (D(2010, 1, 1), D(2010, 12, 31), 0),
        (D(2010, 1, 1), D(2011, 1, 1), 1),  # anniversary day counts
        (D(2010, 3, 15), D(2020, 3, 14), 9),  # one day before the 10th
        (D(2010, 3, 15), D(2020, 3, 15), 10),  # the 10th anniversary
        (D(2010, 3, 15), D(2020, 3, 16), 10),
        (D(2010, 12, 31), D(2011, 12, 30), 0),
        (D(2010, 12, 31), D(2011, 12, 31), 1),
        (D(2012, 2, 29), D(2013, 2, 28), 0),  # born on 29 Feb: not yet ...
        (D(2012, 2, 29), D(2013, 3, 1), 1),  # ... on 1 March in common years
        (D(2012, 2, 29), D(2016, 2, 28), 3),
        (D(2012, 2, 29), D(2016, 2, 29), 4),
        (D(2012, 2, 28), D(2013, 2, 28), 1),
        (D(2020, 1, 1), D(2019, 12, 31), 0),  # end before start
        (None, D(2019, 12, 31), 0),
        (False, D(2019, 12, 31), 0),
    ],
)
def test_full_years_between_examples(start, end, years):
    assert service.full_years_between(start, end) == years


def anniversary(start, years):
    """The ``years``-th anniversary; 29 February falls on 1 March in common years."""
    try:
        return start.replace(year=start.year + years)
    except ValueError:
        return D(start.year + years, 3, 1)


def reference_full_years(start, end):
    years = 0
    while anniversary(start, years + 1) <= end:
        years += 1
    return years


DATES = st.dates(min_value=D(1900, 1, 1), max_value=D(2100, 12, 31))


@given(DATES, DATES)
@example(D(2012, 2, 29), D(2013, 2, 28))
@example(D(2012, 2, 29), D(2013, 3, 1))
def test_full_years_between_matches_reference(start, end):
    expected = reference_full_years(start, end) if end >= start else 0
    assert service.full_years_between(start, end) == expected


@given(
    st.dates(min_value=D(1900, 1, 1), max_value=D(2050, 12, 31)),
    st.integers(min_value=1, max_value=60),
)
@example(D(2012, 2, 29), 1)
@example(D(2012, 2, 29), 4)
@example(D(1999, 12, 31), 1)
def test_anniversary_day_counts_and_day_before_does_not(start, years):
    day = anniversary(start, years)
    assert service.full_years_between(start, day) == years
    assert service.full_years_between(start, day - datetime.timedelta(days=1)) == (
        years - 1
    )


@given(DATES, DATES, DATES)
def test_full_years_between_is_monotonic_in_end(start, end_a, end_b):
    low, high = sorted((end_a, end_b))
    assert service.full_years_between(start, low) <= service.full_years_between(
        start, high
    )
