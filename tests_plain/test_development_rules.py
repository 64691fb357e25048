"""Competency-development rules of PP 17/2020 (no Odoo needed)."""

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rules import development as dev


@pytest.mark.parametrize(
    ("gap", "expected"),
    [(-4, "high"), (-3, "high"), (-2, "high"), (-1, "medium"), (0, "low"), (2, "low")],
)
def test_priority_from_gap(gap, expected):
    assert dev.priority(gap) == expected


def test_priority_without_gap_is_low():
    assert dev.priority(None) == "low"


def test_jp_targets_by_asn_type():
    assert dev.jp_target("pns") == 20
    assert dev.jp_target("pppk") == 24
    assert dev.jp_target("non_asn") == 0
    assert dev.jp_target(False) == 0


def test_jp_targets_follow_settings():
    assert dev.jp_target("pns", pns_target=30, pppk_target=32) == 30
    assert dev.jp_target("pppk", pns_target=30, pppk_target=32) == 32


def test_methods_are_klasikal_or_not():
    assert dev.method_category("bimtek") == "klasikal"
    assert dev.method_category("sosialisasi") == "klasikal"
    assert dev.method_category("coaching") == "non_klasikal"
    assert dev.method_category("magang") == "non_klasikal"
    assert dev.method_category("unknown") is None
    assert not set(dev.KLASIKAL) & set(dev.NON_KLASIKAL)


def test_suggestions_use_known_methods():
    for prio in dev.PRIORITIES:
        assert dev.SUGGESTED_METHOD[prio] in dev.METHODS
        assert dev.SUGGESTED_JP[prio] > 0


def test_plan_year():
    end = datetime.date(2026, 12, 31)
    assert dev.plan_year("quarterly", end) == 2026
    assert dev.plan_year("monthly", datetime.date(2026, 3, 31)) == 2026
    assert dev.plan_year("annual", end) == 2027


def test_allocate_jp_splits_among_matching_lines():
    assert dev.allocate_jp(8, [1, 2, 3], [2, 3, 9]) == {2: 4.0, 3: 4.0}
    assert dev.allocate_jp(8, [1], [2]) == {}
    assert dev.allocate_jp(0, [1], [1]) == {}


@given(
    jp=st.floats(min_value=0, max_value=200, allow_nan=False),
    targeted=st.sets(st.integers(1, 20)),
    lines=st.sets(st.integers(1, 20)),
)
def test_allocation_never_exceeds_the_session(jp, targeted, lines):
    allocation = dev.allocate_jp(jp, targeted, lines)
    assert set(allocation) <= targeted & lines
    assert sum(allocation.values()) <= jp + 1e-6
    if allocation:
        assert sum(allocation.values()) == pytest.approx(jp)


def test_behind_is_pro_rata():
    # Half the year gone, 20 JP target: 10 expected
    mid = datetime.date(2026, 7, 2)
    assert dev.expected_jp(20, mid) == pytest.approx(10, abs=0.1)
    assert dev.is_behind(8, 20, mid)
    assert not dev.is_behind(12, 20, mid)
    assert not dev.is_behind(0, 0, mid)
    assert dev.is_behind(19, 20, datetime.date(2026, 12, 31))
    assert not dev.is_behind(20, 20, datetime.date(2026, 12, 31))


@given(
    target=st.integers(0, 60),
    day=st.dates(datetime.date(2020, 1, 1), datetime.date(2035, 12, 31)),
)
def test_meeting_the_target_is_never_behind(target, day):
    assert not dev.is_behind(target, target, day)
    assert 0 <= dev.expected_jp(target, day) <= target
