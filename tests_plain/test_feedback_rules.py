"""360-degree feedback aggregation (no Odoo needed)."""

from hypothesis import given
from hypothesis import strategies as st

from rules import feedback as fb

ratings = st.lists(st.integers(min_value=1, max_value=5), max_size=30)


def test_median_fixed():
    assert fb.median([]) is None
    assert fb.median([4]) == 4.0
    assert fb.median([1, 5, 3]) == 3.0
    assert fb.median([2, 4, 4, 5]) == 4.0
    assert fb.median([None, 2, 3]) == 2.5


def test_trimmed_mean_needs_five():
    assert fb.trimmed_mean([1, 5, 3, 4]) is None
    # drop 1 and 5, mean of 3, 4, 4
    assert round(fb.trimmed_mean([1, 5, 3, 4, 4]), 4) == round(11 / 3, 4)


def test_outlier_two_points_from_median():
    assert fb.is_outlier(1, 3.0)
    assert fb.is_outlier(5, 3.0)
    assert not fb.is_outlier(4, 3.0)
    assert not fb.is_outlier(2, 3.5)
    assert not fb.is_outlier(None, 3.0)


def test_aggregate_threshold_by_role():
    peer = fb.aggregate([4, 4], "peer")
    assert peer["count"] == 2 and not peer["enough"]
    assert fb.aggregate([4, 4, 1], "peer")["enough"]
    assert fb.aggregate([4, 4, 1], "peer")["outlier_count"] == 1
    assert fb.aggregate([3], "supervisor")["enough"]
    assert fb.aggregate([3, 3, 3, 3], "subordinate", min_responses=5)["enough"] is False
    assert not fb.aggregate([], "self")["enough"]


def test_weighted_suggestion_default_none():
    assert fb.weighted_suggestion({"peer": 4.0, "supervisor": 3.0}, {}) is None
    assert (
        fb.weighted_suggestion(
            {"peer": 4.0, "supervisor": 3.0, "other": None},
            {"peer": 1.0, "supervisor": 3.0, "other": 5.0},
        )
        == 3.25
    )


def test_overall_score():
    assert fb.overall_score([]) == 0.0
    assert fb.overall_score([None, 3.0, 4.0]) == 3.5


def test_rank_peers():
    candidates = [
        (1, "Budi", "pelaksana", False),
        (2, "Ani", "fungsional", "ahli_muda"),
        (3, "Citra", "fungsional", "ahli_pertama"),
        (4, "Dedi", "fungsional", "ahli_muda"),
    ]
    assert fb.rank_peers(candidates, "fungsional", "ahli_muda") == [2, 4, 3, 1]


@given(ratings)
def test_median_and_trimmed_mean_within_range(values):
    center = fb.median(values)
    trimmed = fb.trimmed_mean(values)
    if values:
        assert min(values) <= center <= max(values)
    else:
        assert center is None
    if len(values) >= 5:
        assert min(values) <= trimmed <= max(values)
    else:
        assert trimmed is None


@given(ratings, st.integers(min_value=1, max_value=5))
def test_one_extreme_rating_moves_the_median_little(values, extreme):
    values = values + [3, 3, 3]
    before = fb.median(values)
    after = fb.median(values + [extreme])
    assert abs(after - before) <= 1.0
