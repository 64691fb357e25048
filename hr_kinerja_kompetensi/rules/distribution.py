"""Predicate distribution guidance by organisation rating (SE MenPAN-RB
3/2023, as reported). The result is only ever a warning."""

PREDICATES = ("sangat_baik", "baik", "butuh_perbaikan", "kurang", "sangat_kurang")


def shares(counts):
    total = sum(counts.get(p, 0) for p in PREDICATES)
    if not total:
        return total, dict.fromkeys(PREDICATES, 0.0)
    return total, {p: counts.get(p, 0) * 100.0 / total for p in PREDICATES}


def _is_most(counts, predicate):
    mine = counts.get(predicate, 0)
    return mine > 0 and all(mine >= counts.get(p, 0) for p in PREDICATES)


def distribution_warnings(organization_rating, counts):
    """Warnings [(code, params)] for a unit's predicate counts.

    ``counts`` is {predicate: number}. Codes:
    - ``no_rating``: the organisation rating is not set;
    - ``most``: ``predicate`` should be the most frequent one;
    - ``max``: ``predicate`` share above ``limit`` %;
    - ``min``: ``predicates`` share (together) below ``limit`` %;
    - ``some``: at least one of ``predicates`` expected;
    - ``none``: no ``predicate`` expected.
    """
    total, pct = shares(counts)
    if not total:
        return []
    if not organization_rating:
        return [("no_rating", {})]
    warnings = []

    def most(predicate):
        if not _is_most(counts, predicate):
            warnings.append(("most", {"predicate": predicate}))

    def at_most(predicate, limit):
        if pct[predicate] > limit:
            warnings.append(
                (
                    "max",
                    {"predicate": predicate, "limit": limit, "share": pct[predicate]},
                )
            )

    def at_least(predicates, limit):
        share = sum(pct[p] for p in predicates)
        if share < limit:
            warnings.append(
                ("min", {"predicates": predicates, "limit": limit, "share": share})
            )

    if organization_rating == "istimewa":
        most("sangat_baik")
        at_most("sangat_baik", 70)
    elif organization_rating == "baik":
        most("baik")
        at_most("baik", 70)
        if not (counts.get("butuh_perbaikan") or counts.get("kurang")):
            warnings.append(("some", {"predicates": ("butuh_perbaikan", "kurang")}))
    elif organization_rating == "butuh_perbaikan":
        at_least(("butuh_perbaikan",), 60)
        at_most("sangat_baik", 10)
    elif organization_rating == "kurang":
        at_least(("kurang",), 60)
        at_least(("butuh_perbaikan",), 10)
        at_most("sangat_baik", 10)
    elif organization_rating == "sangat_kurang":
        at_least(("sangat_kurang",), 60)
        at_least(("kurang", "butuh_perbaikan"), 10)
        if counts.get("sangat_baik"):
            warnings.append(("none", {"predicate": "sangat_baik"}))
    return warnings
