"""Talent 9-box of PermenPAN-RB 3/2020 (as amended by 20/2025)."""

# (performance, potential) -> box number. Performance comes from the
# appraisal's work-result rating, potential from HR's talent review.
NINE_BOX = {
    ("above", "high"): 9,
    ("meets", "high"): 8,
    ("above", "medium"): 7,
    ("below", "high"): 6,
    ("meets", "medium"): 5,
    ("above", "low"): 4,
    ("below", "medium"): 3,
    ("meets", "low"): 2,
    ("below", "low"): 1,
}
TALENT_POOL_BOXES = (7, 8, 9)


def nine_box(performance, potential):
    """Box 1-9, or None while either axis is missing."""
    return NINE_BOX.get((performance, potential))


def in_talent_pool(box):
    return box in TALENT_POOL_BOXES
