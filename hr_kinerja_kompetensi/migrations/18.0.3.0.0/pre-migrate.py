"""18.0.3.0.0: the supervisor's judgement leaves the appraisal and its lines
for models of its own behind record rules (hr.appraisal.judgement,
hr.appraisal.competency.judgement, hr.appraisal.behavior.judgement). Keep
the old columns aside under another name, so that the ORM neither reads nor
drops them before post-migrate has moved every value."""

ASIDE = {
    "hr_appraisal": (
        "work_result_rating",
        "behavior_rating",
        "manager_feedback",
        "predicate_override",
    ),
    "hr_appraisal_competency": ("manager_level", "evidence", "recommendation"),
    "hr_appraisal_behavior": ("rating",),
}


def _exists(cr, table, column):
    cr.execute(
        """
        SELECT 1 FROM information_schema.columns
         WHERE table_name = %s AND column_name = %s
        """,
        [table, column],
    )
    return bool(cr.fetchone())


def migrate(cr, version):
    if not version:
        return
    for table, columns in ASIDE.items():
        for column in columns:
            if _exists(cr, table, column):
                cr.execute(
                    f'ALTER TABLE "{table}" RENAME COLUMN "{column}" '
                    f'TO "hkk_{column}_v2"'
                )
