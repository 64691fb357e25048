"""Appraisal rules of PermenPAN-RB 6/2022 that need no database."""

from collections import Counter

RATINGS = ("above", "meets", "below")
PREDICATES = ("sangat_baik", "baik", "butuh_perbaikan", "kurang", "sangat_kurang")

# Rows: work result (hasil kerja); columns: behaviour (perilaku kerja).
PREDICATE_MATRIX = {
    ("above", "below"): "kurang",
    ("above", "meets"): "baik",
    ("above", "above"): "sangat_baik",
    ("meets", "below"): "kurang",
    ("meets", "meets"): "baik",
    ("meets", "above"): "baik",
    ("below", "below"): "sangat_kurang",
    ("below", "meets"): "butuh_perbaikan",
    ("below", "above"): "butuh_perbaikan",
}

# Job-Person Match categories (lower bound inclusive, percent).
JPM_OPTIMAL = 90.0
JPM_CUKUP = 78.0

# Defaults of the configurable work-result thresholds (average achievement %).
DEFAULT_ABOVE_THRESHOLD = 110.0
DEFAULT_MEETS_THRESHOLD = 90.0


def predicate(work_result, behavior):
    """The employee's predicate, or None until both ratings are set."""
    return PREDICATE_MATRIX.get((work_result, behavior))


def gap(assessed, required):
    """Assessed minus required level; negative = below the standard."""
    if not assessed or not required:
        return 0
    return assessed - required


def job_person_match(pairs):
    """JPM % from (assessed, required) pairs.

    Sum of min(assessed, required) over the sum of required: a surplus in one
    competency never hides a gap in another. None when nothing is required
    or a level is still missing.
    """
    pairs = list(pairs)
    total_required = sum(required for _assessed, required in pairs if required)
    if not total_required or any(not assessed for assessed, _r in pairs):
        return None
    matched = sum(min(assessed, required) for assessed, required in pairs if required)
    return round(matched * 100.0 / total_required, 2)


def jpm_category(jpm):
    if jpm is None:
        return None
    if jpm >= JPM_OPTIMAL:
        return "optimal"
    if jpm >= JPM_CUKUP:
        return "cukup_optimal"
    return "kurang_optimal"


def achievement(target, realization, higher_is_better=True):
    """Achievement % of one work-result indicator.

    Higher is better: realization / target. Lower is better (costs, days
    late...): target / realization; a realization of 0 on a lower-is-better
    indicator is the best possible and counts as twice the target.
    """
    if not target or target <= 0:
        return None
    realization = realization or 0.0
    if higher_is_better:
        return round(realization * 100.0 / target, 2)
    if realization <= 0:
        return 200.0
    return round(target * 100.0 / realization, 2)


def suggest_work_result(
    achievements,
    above=DEFAULT_ABOVE_THRESHOLD,
    meets=DEFAULT_MEETS_THRESHOLD,
):
    """Suggested work-result rating from indicators' achievement (%).

    The average achievement is compared with the thresholds: >= ``above`` is
    above expectations, >= ``meets`` meets them, anything lower is below.
    """
    values = [value for value in achievements if value is not None]
    if not values:
        return None
    average = sum(values) / len(values)
    if average >= above:
        return "above"
    if average >= meets:
        return "meets"
    return "below"


def suggest_behavior(ratings):
    """Suggested behaviour rating from the seven BerAKHLAK values' ratings.

    The rating that most values received; a tie between two ratings gives
    "meets" (the supervisor decides).
    """
    counts = Counter(rating for rating in ratings if rating)
    if not counts:
        return None
    ranked = counts.most_common()
    if len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
        return "meets"
    return ranked[0][0]
