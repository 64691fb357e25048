"""360-degree feedback aggregation rules that need no database.

Ratings are integers 1-5. Aggregates are robust to one subjective reviewer:
the median, and the mean after dropping the highest and the lowest rating
when there are at least five. A rating two or more points away from the
median is flagged as an outlier.
"""

from statistics import median as _median

ROLES = ("supervisor", "peer", "subordinate", "self", "other")
# Roles whose reviewers are anonymous: their aggregate needs a minimum number
# of responses. The supervisor and the employee (self) are known by design.
ANONYMOUS_ROLES = ("peer", "subordinate", "other")
DEFAULT_MIN_RESPONSES = 3
TRIMMED_MEAN_MIN = 5
OUTLIER_DISTANCE = 2


def median(ratings):
    """Median of the ratings, or None when there are none."""
    ratings = [r for r in ratings if r]
    if not ratings:
        return None
    return float(_median(ratings))


def trimmed_mean(ratings):
    """Mean after dropping one highest and one lowest rating; None below
    five ratings."""
    ratings = sorted(r for r in ratings if r)
    if len(ratings) < TRIMMED_MEAN_MIN:
        return None
    kept = ratings[1:-1]
    return sum(kept) / len(kept)


def is_outlier(rating, center):
    """True when the rating is at least two points from the median."""
    if not rating or center is None:
        return False
    return abs(rating - center) >= OUTLIER_DISTANCE


def min_responses_for(role, min_responses=DEFAULT_MIN_RESPONSES):
    """Responses a role needs before its aggregate may be shown."""
    return min_responses if role in ANONYMOUS_ROLES else 1


def aggregate(ratings, role, min_responses=DEFAULT_MIN_RESPONSES):
    """Aggregate of one competency (or value) for one role.

    Returns a dict with count, median, trimmed_mean, outlier_count and
    enough (whether the count reaches the role's minimum).
    """
    ratings = [r for r in ratings if r]
    center = median(ratings)
    return {
        "count": len(ratings),
        "median": center,
        "trimmed_mean": trimmed_mean(ratings),
        "outlier_count": sum(1 for r in ratings if is_outlier(r, center)),
        "enough": bool(ratings)
        and len(ratings) >= min_responses_for(role, min_responses),
    }


def weighted_suggestion(values_by_role, weights_by_role):
    """Weighted level suggested from per-role aggregates.

    ``values_by_role``: {role: aggregate value or None};
    ``weights_by_role``: {role: weight >= 0}. Roles without a value or with a
    zero weight are left out and the remaining weights are rescaled. Returns
    None when no weight applies (the default: the supervisor decides).
    """
    pairs = [
        (value, weights_by_role.get(role) or 0.0)
        for role, value in values_by_role.items()
        if value is not None
    ]
    total = sum(weight for _value, weight in pairs)
    if total <= 0:
        return None
    return round(sum(value * weight for value, weight in pairs) / total, 2)


def overall_score(values):
    """Mean of the released aggregates that may be shown; 0.0 when none."""
    values = [v for v in values if v is not None]
    if not values:
        return 0.0
    return round(sum(values) / len(values), 2)


def rank_peers(candidates, kind, level):
    """Order peer candidates: same position kind and level first, then same
    kind, then the others; ties by name. ``candidates``: iterable of
    (key, name, kind, level)."""

    def score(candidate):
        _key, name, c_kind, c_level = candidate
        if c_kind == kind and c_level == level:
            rank = 0
        elif c_kind == kind:
            rank = 1
        else:
            rank = 2
        return (rank, name or "")

    return [c[0] for c in sorted(candidates, key=score)]
