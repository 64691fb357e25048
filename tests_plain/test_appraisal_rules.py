"""Appraisal rules of PermenPAN-RB 6/2022 (no Odoo needed)."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rules import appraisal as ap

# The matrix of DOMAIN.md, cell by cell: (work result, behaviour) -> predicate.
MATRIX = [
    ("above", "below", "kurang"),
    ("above", "meets", "baik"),
    ("above", "above", "sangat_baik"),
    ("meets", "below", "kurang"),
    ("meets", "meets", "baik"),
    ("meets", "above", "baik"),
    ("below", "below", "sangat_kurang"),
    ("below", "meets", "butuh_perbaikan"),
    ("below", "above", "butuh_perbaikan"),
]


@pytest.mark.parametrize(("work", "behavior", "expected"), MATRIX)
def test_predicate_matrix_cells(work, behavior, expected):
    assert ap.predicate(work, behavior) == expected


def test_predicate_needs_both_ratings():
    assert ap.predicate("above", None) is None
    assert ap.predicate(None, "meets") is None


def test_jpm_surplus_does_not_hide_gap():
    # 5 vs 3 (surplus of 2) and 1 vs 3 (gap of 2): 3 + 1 of 6 required.
    assert ap.job_person_match([(5, 3), (1, 3)]) == pytest.approx(66.67)
    assert ap.jpm_category(66.67) == "kurang_optimal"


def test_jpm_exact_match_and_missing_levels():
    assert ap.job_person_match([(3, 3), (2, 2)]) == 100.0
    assert ap.job_person_match([(3, 3), (0, 2)]) is None
    assert ap.job_person_match([]) is None


@pytest.mark.parametrize(
    ("jpm", "category"),
    [
        (100, "optimal"),
        (90, "optimal"),
        (89.99, "cukup_optimal"),
        (78, "cukup_optimal"),
        (77.99, "kurang_optimal"),
        (None, None),
    ],
)
def test_jpm_category_boundaries(jpm, category):
    assert ap.jpm_category(jpm) == category


@given(
    st.lists(st.tuples(st.integers(1, 5), st.integers(1, 5)), min_size=1, max_size=12)
)
def test_jpm_is_a_percentage_and_never_rewards_surplus(pairs):
    jpm = ap.job_person_match(pairs)
    assert 0 < jpm <= 100
    capped = [(min(a, r), r) for a, r in pairs]
    assert ap.job_person_match(capped) == jpm


def test_gap():
    assert ap.gap(2, 4) == -2
    assert ap.gap(5, 3) == 2
    assert ap.gap(0, 3) == 0


def test_achievement_directions():
    assert ap.achievement(10, 12) == 120.0
    assert ap.achievement(4, 2, higher_is_better=False) == 200.0
    assert ap.achievement(4, 0, higher_is_better=False) == 200.0
    assert ap.achievement(0, 5) is None
    assert ap.achievement(-1, 5) is None


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ([110, 110], "above"),
        ([109.99], "meets"),
        ([90], "meets"),
        ([89.9], "below"),
        ([150, 50], "meets"),
        ([], None),
        ([None], None),
    ],
)
def test_work_result_suggestion_thresholds(values, expected):
    assert ap.suggest_work_result(values) == expected


def test_work_result_custom_thresholds():
    assert ap.suggest_work_result([100], above=100, meets=80) == "above"


@pytest.mark.parametrize(
    ("ratings", "expected"),
    [
        (["above"] * 4 + ["meets"] * 3, "above"),
        (["below"] + ["meets"] * 6, "meets"),
        (["above"] * 3 + ["below"] * 3 + ["meets"], "meets"),
        (["below"] * 4 + ["above"] * 3, "below"),
        ([], None),
        ([None, None], None),
    ],
)
def test_behavior_suggestion_majority(ratings, expected):
    assert ap.suggest_behavior(ratings) == expected
