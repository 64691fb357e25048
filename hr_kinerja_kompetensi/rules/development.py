"""Competency-development rules (PP 17/2020) that need no database."""

import datetime

# Development methods. Klasikal = face-to-face learning in a class;
# non-klasikal = learning at work or on one's own.
KLASIKAL = (
    "pelatihan",
    "seminar",
    "workshop",
    "bimtek",
    "sosialisasi",
    "kursus",
)
NON_KLASIKAL = (
    "coaching",
    "mentoring",
    "e_learning",
    "detasering",
    "benchmarking",
    "belajar_mandiri",
    "komunitas_belajar",
    "magang",
)
METHODS = KLASIKAL + NON_KLASIKAL

# Yearly JP targets (jam pelajaran) by ASN type; company settings override
# them. Non-ASN staff have no legal target (PP 17/2020 gives the right to
# ASN only): their target is 0 unless HR sets one on the plan.
DEFAULT_JP_TARGET = {"pns": 20, "pppk": 24}

PRIORITIES = ("high", "medium", "low")
# Suggested method and JP of a new plan line, by priority (the supervisor
# adjusts them): a deep gap calls for a structured training, a small one for
# coaching at work, a recommendation without a gap for self-study.
SUGGESTED_METHOD = {"high": "pelatihan", "medium": "coaching", "low": "belajar_mandiri"}
SUGGESTED_JP = {"high": 8.0, "medium": 4.0, "low": 2.0}


def method_category(method):
    """'klasikal', 'non_klasikal' or None for an unknown method."""
    if method in KLASIKAL:
        return "klasikal"
    if method in NON_KLASIKAL:
        return "non_klasikal"
    return None


def priority(gap):
    """Priority of a competency from its gap: <= -2 high, -1 medium, else low."""
    if gap is None:
        return "low"
    if gap <= -2:
        return "high"
    if gap == -1:
        return "medium"
    return "low"


def jp_target(
    asn_type, pns_target=DEFAULT_JP_TARGET["pns"], pppk_target=DEFAULT_JP_TARGET["pppk"]
):
    """Yearly JP target of an employee of this ASN type (0 for non-ASN)."""
    return {"pns": pns_target, "pppk": pppk_target}.get(asn_type, 0)


def plan_year(period_type, date_end):
    """Year of the plan an appraisal feeds: the year its period ends, or the
    next year for the annual evaluation (held at the end of the year, it plans
    the coming one)."""
    return date_end.year + 1 if period_type == "annual" else date_end.year


def allocate_jp(jp, targeted_skill_ids, line_skill_ids):
    """Share a session's JP among the plan lines whose competency it targets.

    Returns {skill id: JP}; the JP is split evenly so that the lines never
    add up to more than the session gave. Empty when no line fits (the JP
    still counts on the plan as a whole).
    """
    matched = sorted(set(targeted_skill_ids) & set(line_skill_ids))
    if not matched or not jp:
        return {}
    share = jp / len(matched)
    return {skill_id: share for skill_id in matched}


def expected_jp(target, on_date):
    """JP an employee should have by ``on_date`` if the target is spread
    evenly over the year (pro rata by day)."""
    start = datetime.date(on_date.year, 1, 1)
    days_in_year = (datetime.date(on_date.year + 1, 1, 1) - start).days
    elapsed = (on_date - start).days + 1
    return target * elapsed / days_in_year


def is_behind(realized, target, on_date):
    """True when the realized JP is below the pro-rata target of the date."""
    if not target:
        return False
    return realized < expected_jp(target, on_date) - 1e-9
