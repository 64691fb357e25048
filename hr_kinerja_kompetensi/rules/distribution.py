"""Predicate distribution guidance (SE MenPAN-RB 3/2023), no Odoo needed.

The organisation rating of a unit guides how its employees' predicates
should spread. The guidance is shown as warnings and never blocks anything:
``check_distribution`` lists the rules a distribution breaks.

Each rule is one :class:`DistributionWarning`:

- ``max_share``: the share of ``predicates`` must not exceed ``limit`` %;
- ``min_share``: the share of ``predicates`` must reach ``limit`` %;
- ``at_least_one``: at least one employee must have one of ``predicates``;
- ``most_frequent``: ``predicates`` (one) must be the most frequent predicate
  (ties allowed): "most employees Sangat Baik / Baik" of the guidance.

Shares are taken over the employees that have a predicate.
"""

from dataclasses import dataclass

PREDICATES = ("sangat_baik", "baik", "butuh_perbaikan", "kurang", "sangat_kurang")

# organisation rating -> rules (kind, predicates, limit in %)
GUIDANCE = {
    "istimewa": (
        ("most_frequent", ("sangat_baik",), None),
        ("max_share", ("sangat_baik",), 70.0),
    ),
    "baik": (
        ("most_frequent", ("baik",), None),
        ("max_share", ("baik",), 70.0),
        ("at_least_one", ("butuh_perbaikan", "kurang"), None),
    ),
    "butuh_perbaikan": (
        ("min_share", ("butuh_perbaikan",), 60.0),
        ("max_share", ("sangat_baik",), 10.0),
    ),
    "kurang": (
        ("min_share", ("kurang",), 60.0),
        ("min_share", ("butuh_perbaikan",), 10.0),
        ("max_share", ("sangat_baik",), 10.0),
    ),
    "sangat_kurang": (
        ("min_share", ("sangat_kurang",), 60.0),
        ("min_share", ("kurang", "butuh_perbaikan"), 10.0),
        ("max_share", ("sangat_baik",), 0.0),
    ),
}


@dataclass(frozen=True)
class DistributionWarning:
    kind: str  # max_share / min_share / at_least_one / most_frequent
    predicates: tuple
    limit: float | None  # % (None for at_least_one and most_frequent)
    actual: float  # % of the employees with a predicate in ``predicates``
    count: int  # how many employees have one of ``predicates``


def shares(counts):
    """{predicate: % of the employees with a predicate}; {} when none."""
    total = sum(counts.get(p, 0) for p in PREDICATES)
    if not total:
        return {}
    return {p: counts.get(p, 0) * 100.0 / total for p in PREDICATES}


def check_distribution(organization_rating, counts):
    """Rules of the guidance that ``counts`` ({predicate: number}) breaks.

    Nothing to check (empty list) without an organisation rating or without
    any predicate yet. Values are compared with a tolerance of 1e-9 so that
    exactly 70 % or exactly 60 % complies.
    """
    rules = GUIDANCE.get(organization_rating or "")
    total = sum(counts.get(p, 0) for p in PREDICATES)
    if not rules or not total:
        return []
    unknown = set(counts) - set(PREDICATES)
    if unknown:
        raise ValueError(f"unknown predicates: {sorted(unknown)}")
    if any(value < 0 for value in counts.values()):
        raise ValueError("negative count")
    warnings = []
    for kind, predicates, limit in rules:
        count = sum(counts.get(p, 0) for p in predicates)
        actual = count * 100.0 / total
        broken = (
            (kind == "max_share" and actual > limit + 1e-9)
            or (kind == "min_share" and actual < limit - 1e-9)
            or (kind == "at_least_one" and not count)
            or (
                kind == "most_frequent"
                and count < max(counts.get(p, 0) for p in PREDICATES)
            )
        )
        if broken:
            warnings.append(
                DistributionWarning(kind, predicates, limit, round(actual, 2), count)
            )
    return warnings
