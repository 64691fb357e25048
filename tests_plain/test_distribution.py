"""Predicate distribution guidance of SE MenPAN-RB 3/2023 (no Odoo needed)."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rules import distribution as dist


def kinds(warnings):
    return [(w.kind, w.predicates) for w in warnings]


def test_nothing_to_check_without_rating_or_predicates():
    assert dist.check_distribution(False, {"baik": 3}) == []
    assert dist.check_distribution("baik", {}) == []
    assert dist.check_distribution("baik", {"baik": 0}) == []


def test_istimewa_caps_sangat_baik_at_70_percent():
    assert dist.check_distribution("istimewa", {"sangat_baik": 7, "baik": 3}) == []
    [warning] = dist.check_distribution("istimewa", {"sangat_baik": 8, "baik": 2})
    assert warning.kind == "max_share"
    assert warning.predicates == ("sangat_baik",)
    assert warning.limit == 70.0
    assert warning.actual == 80.0
    assert warning.count == 8


def test_baik_wants_some_below_and_at_most_70_percent_baik():
    ok = {"sangat_baik": 2, "baik": 7, "butuh_perbaikan": 1}
    assert dist.check_distribution("baik", ok) == []
    assert (
        dist.check_distribution("baik", {"baik": 7, "kurang": 1, "sangat_baik": 2})
        == []
    )
    all_baik = dist.check_distribution("baik", {"baik": 10})
    assert kinds(all_baik) == [
        ("max_share", ("baik",)),
        ("at_least_one", ("butuh_perbaikan", "kurang")),
    ]
    assert all_baik[1].limit is None and all_baik[1].count == 0


def test_the_expected_predicate_must_be_the_most_frequent():
    mostly_kurang = {"baik": 2, "kurang": 5, "butuh_perbaikan": 3}
    assert kinds(dist.check_distribution("baik", mostly_kurang)) == [
        ("most_frequent", ("baik",)),
    ]
    tie = {"baik": 4, "sangat_baik": 4, "kurang": 2}
    assert dist.check_distribution("baik", tie) == []
    assert kinds(
        dist.check_distribution("istimewa", {"baik": 6, "sangat_baik": 4})
    ) == [
        ("most_frequent", ("sangat_baik",)),
    ]


def test_butuh_perbaikan():
    ok = {"butuh_perbaikan": 6, "baik": 3, "sangat_baik": 1}
    assert dist.check_distribution("butuh_perbaikan", ok) == []
    bad = {"butuh_perbaikan": 5, "baik": 3, "sangat_baik": 2}
    assert kinds(dist.check_distribution("butuh_perbaikan", bad)) == [
        ("min_share", ("butuh_perbaikan",)),
        ("max_share", ("sangat_baik",)),
    ]


def test_kurang():
    ok = {"kurang": 6, "butuh_perbaikan": 1, "baik": 2, "sangat_baik": 1}
    assert dist.check_distribution("kurang", ok) == []
    bad = {"kurang": 9, "baik": 1}
    assert kinds(dist.check_distribution("kurang", bad)) == [
        ("min_share", ("butuh_perbaikan",)),
    ]


def test_sangat_kurang_allows_no_sangat_baik():
    ok = {"sangat_kurang": 6, "kurang": 2, "butuh_perbaikan": 2}
    assert dist.check_distribution("sangat_kurang", ok) == []
    bad = {"sangat_kurang": 8, "kurang": 1, "sangat_baik": 1}
    assert kinds(dist.check_distribution("sangat_kurang", bad)) == [
        ("max_share", ("sangat_baik",)),
    ]
    assert kinds(dist.check_distribution("sangat_kurang", {"baik": 1})) == [
        ("min_share", ("sangat_kurang",)),
        ("min_share", ("kurang", "butuh_perbaikan")),
    ]


def test_bad_input_is_refused():
    with pytest.raises(ValueError, match="unknown predicates"):
        dist.check_distribution("baik", {"baik": 1, "great": 2})
    with pytest.raises(ValueError, match="negative"):
        dist.check_distribution("baik", {"baik": 3, "kurang": -1})


def test_shares():
    assert dist.shares({}) == {}
    assert dist.shares({"baik": 1, "kurang": 3})["kurang"] == 75.0


counts_strategy = st.fixed_dictionaries(
    {p: st.integers(min_value=0, max_value=50) for p in dist.PREDICATES}
)


@given(rating=st.sampled_from(sorted(dist.GUIDANCE)), counts=counts_strategy)
def test_warnings_are_consistent_with_the_shares(rating, counts):
    warnings = dist.check_distribution(rating, counts)
    total = sum(counts.values())
    if not total:
        assert warnings == []
        return
    for warning in warnings:
        count = sum(counts[p] for p in warning.predicates)
        assert warning.count == count
        assert warning.actual == pytest.approx(count * 100.0 / total, abs=0.01)
        if warning.kind == "max_share":
            assert count * 100.0 / total > warning.limit
        elif warning.kind == "min_share":
            assert count * 100.0 / total < warning.limit
        elif warning.kind == "most_frequent":
            assert count < max(counts.values())
        else:
            assert count == 0


@given(rating=st.sampled_from(sorted(dist.GUIDANCE)), counts=counts_strategy)
def test_scaling_the_counts_keeps_the_warnings(rating, counts):
    """Only shares matter: the same spread in a unit 3x larger warns alike."""
    scaled = {p: n * 3 for p, n in counts.items()}
    assert kinds(dist.check_distribution(rating, counts)) == kinds(
        dist.check_distribution(rating, scaled)
    )
