"""Award rules: Satyalancana Karya Satya eligibility and the monthly best
performer ranking."""

from .service import full_years_between

SATYALANCANA_YEARS = (10, 20, 30)
# Penalty kinds that exclude from Satyalancana (CLTN breaks the continuity of
# service; a light penalty does not exclude).
SATYALANCANA_EXCLUDING = ("sedang", "berat", "cltn")

# Ranking criteria of the monthly best performer. Each criterion is a key of
# the value dict of a candidate; higher is better. New criteria (e.g. the 360
# aggregate) only need a key here and a value in the candidates.
PREDICATE_SCORE = {
    "sangat_baik": 5,
    "baik": 4,
    "butuh_perbaikan": 3,
    "kurang": 2,
    "sangat_kurang": 1,
}
DEFAULT_CRITERIA = ("predicate", "work_result", "jpm")


def satyalancana_level(tmt_cpns, on_date, penalties=()):
    """The highest Satyalancana (10, 20 or 30 years) ``on_date``, or None.

    ``penalties`` are (kind, date_start, date_end) tuples; a medium or heavy
    penalty that started on or before ``on_date``, or an unpaid leave (CLTN)
    overlapping the service, excludes.
    """
    if not tmt_cpns or on_date < tmt_cpns:
        return None
    for kind, date_start, _date_end in penalties:
        if kind in SATYALANCANA_EXCLUDING and date_start and date_start <= on_date:
            return None
    years = full_years_between(tmt_cpns, on_date)
    reached = [level for level in SATYALANCANA_YEARS if years >= level]
    return reached[-1] if reached else None


def anniversary(tmt_cpns, years):
    """The date ``years`` after ``tmt_cpns`` (29 February -> 28 February)."""
    try:
        return tmt_cpns.replace(year=tmt_cpns.year + years)
    except ValueError:
        return tmt_cpns.replace(year=tmt_cpns.year + years, day=28)


def penalty_active(penalties, on_date, kinds=("ringan", "sedang", "berat")):
    """True when one of ``penalties`` (kind, start, end) of the given kinds
    runs on ``on_date`` (an open end runs forever)."""
    return any(
        kind in kinds
        and date_start <= on_date
        and (not date_end or on_date <= date_end)
        for kind, date_start, date_end in penalties
    )


def penalty_overlaps(
    penalties, date_from, date_to, kinds=("ringan", "sedang", "berat")
):
    """True when a penalty of the given kinds runs on any day of the period."""
    return any(
        kind in kinds
        and date_start <= date_to
        and (not date_end or date_from <= date_end)
        for kind, date_start, date_end in penalties
    )


def rank(candidates, criteria=DEFAULT_CRITERIA):
    """Rank candidates by the ordered criteria (later ones break ties).

    ``candidates``: iterable of dicts with ``values`` ({criterion: number or
    None}) and ``name``. Higher is better; a missing value ranks below any
    value. Candidates equal on every criterion share the rank (1, 1, 3...)
    and are listed by name. Returns [(rank, candidate)].
    """

    def key(candidate):
        values = candidate["values"]
        return tuple((values.get(c) is not None, values.get(c) or 0) for c in criteria)

    ordered = sorted(candidates, key=lambda c: (c["name"] or "", c.get("id") or 0))
    ordered.sort(key=key, reverse=True)
    ranked = []
    previous = None
    for position, candidate in enumerate(ordered, start=1):
        current = key(candidate)
        if current != previous:
            current_rank = position
            previous = current
        ranked.append((current_rank, candidate))
    return ranked
