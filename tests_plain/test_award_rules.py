"""Award, talent and distribution rules (``rules/awards.py``,
``rules/talent.py``, ``rules/distribution.py``)."""

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rules import awards, distribution, talent

TMT = datetime.date(2016, 3, 1)


# ---------------------------------------------------------- Satyalancana
def test_satyalancana_exactly_ten_years_is_eligible():
    assert awards.satyalancana_level(TMT, datetime.date(2026, 3, 1)) == 10


def test_satyalancana_one_day_short_is_not():
    assert awards.satyalancana_level(TMT, datetime.date(2026, 2, 28)) is None


@pytest.mark.parametrize("years", [20, 30])
def test_satyalancana_higher_levels(years):
    on = TMT.replace(year=TMT.year + years)
    assert awards.satyalancana_level(TMT, on) == years
    assert awards.satyalancana_level(TMT, on - datetime.timedelta(days=1)) == years - 10


@pytest.mark.parametrize(
    "kind,eligible",
    [("ringan", True), ("sedang", False), ("berat", False), ("cltn", False)],
)
def test_satyalancana_exclusions(kind, eligible):
    penalty = [(kind, datetime.date(2020, 1, 1), datetime.date(2020, 12, 31))]
    level = awards.satyalancana_level(TMT, datetime.date(2026, 3, 1), penalty)
    assert (level == 10) is eligible


def test_penalty_after_the_date_does_not_exclude():
    penalty = [("berat", datetime.date(2027, 1, 1), None)]
    assert awards.satyalancana_level(TMT, datetime.date(2026, 3, 1), penalty) == 10


def test_anniversary_of_29_february():
    assert awards.anniversary(datetime.date(2016, 2, 29), 10) == datetime.date(
        2026, 2, 28
    )


# ---------------------------------------------------------------- penalty
def test_penalty_active_and_overlap():
    p = [("ringan", datetime.date(2026, 1, 10), datetime.date(2026, 2, 5))]
    assert awards.penalty_active(p, datetime.date(2026, 2, 5))
    assert not awards.penalty_active(p, datetime.date(2026, 2, 6))
    assert awards.penalty_overlaps(
        p, datetime.date(2026, 2, 1), datetime.date(2026, 2, 28)
    )
    assert not awards.penalty_overlaps(
        p, datetime.date(2026, 3, 1), datetime.date(2026, 3, 31)
    )
    assert not awards.penalty_active(p, datetime.date(2026, 1, 20), kinds=("cltn",))


# ---------------------------------------------------------------- ranking
def cand(name, predicate, work_result, jpm, id_=0):
    return {
        "id": id_,
        "name": name,
        "values": {"predicate": predicate, "work_result": work_result, "jpm": jpm},
    }


def test_rank_uses_criteria_in_order_and_tie_breaks():
    people = [
        cand("Ani", 4, 120.0, 80.0),
        cand("Budi", 5, 90.0, 70.0),
        cand("Citra", 4, 120.0, 95.0),
        cand("Dedi", 4, 100.0, 99.0),
    ]
    ranked = awards.rank(people)
    assert [(r, c["name"]) for r, c in ranked] == [
        (1, "Budi"), (2, "Citra"), (3, "Ani"), (4, "Dedi"),
    ]  # fmt: skip
    # other order: JPM first
    ranked = awards.rank(people, ("jpm", "predicate"))
    assert [c["name"] for _r, c in ranked] == ["Dedi", "Citra", "Ani", "Budi"]


def test_rank_full_tie_shares_the_place_and_lists_by_name():
    people = [
        cand("Zul", 4, 100.0, 90.0, 1),
        cand("Ayu", 4, 100.0, 90.0, 2),
        cand("Eka", 3, 1.0, 1.0, 3),
    ]
    ranked = awards.rank(people)
    assert [(r, c["name"]) for r, c in ranked] == [(1, "Ayu"), (1, "Zul"), (3, "Eka")]


def test_missing_value_ranks_last():
    people = [cand("A", 4, None, 50.0), cand("B", 4, 10.0, 10.0)]
    assert awards.rank(people)[0][1]["name"] == "B"


@given(
    st.lists(
        st.tuples(st.integers(1, 5), st.floats(0, 200), st.floats(0, 100)), max_size=15
    )
)
def test_rank_is_sorted_and_consistent(rows):
    people = [cand(f"P{i}", *row, id_=i) for i, row in enumerate(rows)]
    ranked = awards.rank(people)
    assert len(ranked) == len(people)
    ranks = [r for r, _c in ranked]
    assert ranks == sorted(ranks)
    if ranks:
        assert ranks[0] == 1


# ---------------------------------------------------------------- 9-box
@pytest.mark.parametrize(
    "performance,potential,box",
    [
        ("above", "high", 9), ("meets", "high", 8), ("above", "medium", 7),
        ("below", "high", 6), ("meets", "medium", 5), ("above", "low", 4),
        ("below", "medium", 3), ("meets", "low", 2), ("below", "low", 1),
    ],
)  # fmt: skip
def test_nine_box(performance, potential, box):
    assert talent.nine_box(performance, potential) == box
    assert talent.in_talent_pool(box) is (box >= 7)


def test_nine_box_incomplete():
    assert talent.nine_box(None, "high") is None
    assert not talent.in_talent_pool(None)


# ----------------------------------------------------------- distribution
# (the calibration's cases; tests_plain/test_distribution.py has the rest)
def codes(rating, **counts):
    return [w.kind for w in distribution.check_distribution(rating, counts)]


def test_no_appraisal_no_warning():
    assert codes("baik") == []


def test_no_rating_no_check():
    assert codes(False, baik=3) == []


def test_istimewa():
    assert codes("istimewa", sangat_baik=6, baik=4) == []
    assert codes("istimewa", sangat_baik=8, baik=2) == ["max_share"]
    assert codes("istimewa", sangat_baik=2, baik=8) == ["most_frequent"]


def test_baik():
    assert codes("baik", baik=6, sangat_baik=2, butuh_perbaikan=2) == []
    assert codes("baik", baik=6, sangat_baik=4) == ["at_least_one"]
    assert codes("baik", baik=9, kurang=1) == ["max_share"]


def test_butuh_perbaikan():
    assert codes("butuh_perbaikan", butuh_perbaikan=7, baik=3) == []
    assert codes("butuh_perbaikan", butuh_perbaikan=5, sangat_baik=2, baik=3) == [
        "min_share",
        "max_share",
    ]


def test_kurang():
    assert codes("kurang", kurang=7, butuh_perbaikan=2, baik=1) == []
    assert codes("kurang", kurang=9, baik=1) == ["min_share"]
    assert codes("kurang", kurang=6, butuh_perbaikan=2, sangat_baik=2) == ["max_share"]


def test_sangat_kurang():
    assert codes("sangat_kurang", sangat_kurang=7, kurang=3) == []
    assert codes("sangat_kurang", sangat_kurang=9, sangat_baik=1) == [
        "min_share",
        "max_share",
    ]
    assert codes("sangat_kurang", sangat_kurang=5, butuh_perbaikan=5) == ["min_share"]
