"""18.0.3.0.0: move the supervisor's judgement into its own models.

Every value set aside by pre-migrate goes to the judgement of its appraisal
(made for each appraisal that has any of them, or a released 360 result),
each competency level, evidence and recommendation to the assessment of its
line, each core-value rating to the rating of its line. The results
computed from them (predicate, JPM, gaps, 360 score) are recomputed there,
then the old columns are dropped: the appraisal's public fields now read
the judgement under its record rules.
"""

from odoo import SUPERUSER_ID, api

from odoo.addons.hr_kinerja_kompetensi.upgrade_tools import (
    JUDGEMENT_COLUMNS_V3,
    column_exists,
    reload_rule_files,
)

# stored results on hr.appraisal / its lines that are now the judgement's
OLD_RESULTS = {
    "hr_appraisal": (
        "predicate",
        "job_person_match",
        "jpm_category",
        "gap_count",
        "behavior_suggestion",
        "feedback_score",
    ),
    "hr_appraisal_competency": ("gap",),
}
EMPTY_HTML = ("", "<p><br></p>")


def _move_appraisals(cr):
    if not column_exists(cr, "hr_appraisal", "hkk_work_result_rating_v2"):
        return
    cr.execute(
        """
        INSERT INTO hr_appraisal_judgement
               (appraisal_id, work_result_rating, behavior_rating,
                manager_feedback, predicate_override,
                create_uid, create_date, write_uid, write_date)
        SELECT a.id, a.hkk_work_result_rating_v2, a.hkk_behavior_rating_v2,
               CASE WHEN a.hkk_manager_feedback_v2 NOT IN %s
                    THEN a.hkk_manager_feedback_v2 END,
               a.hkk_predicate_override_v2,
               a.write_uid, a.write_date, a.write_uid, a.write_date
          FROM hr_appraisal a
         WHERE a.hkk_work_result_rating_v2 IS NOT NULL
            OR a.hkk_behavior_rating_v2 IS NOT NULL
            OR a.hkk_predicate_override_v2 IS NOT NULL
            OR COALESCE(a.hkk_manager_feedback_v2, '') NOT IN %s
            OR EXISTS (SELECT 1 FROM hr_appraisal_competency c
                        WHERE c.appraisal_id = a.id
                          AND (c.hkk_manager_level_v2 IS NOT NULL
                               OR c.hkk_evidence_v2 IS NOT NULL
                               OR c.hkk_recommendation_v2 IS NOT NULL))
            OR EXISTS (SELECT 1 FROM hr_appraisal_behavior b
                        WHERE b.appraisal_id = a.id AND b.hkk_rating_v2 IS NOT NULL)
            OR EXISTS (SELECT 1 FROM hr_appraisal_feedback_aggregate g
                        WHERE g.appraisal_id = a.id)
        """,
        [EMPTY_HTML, EMPTY_HTML],
    )


def _move_lines(cr):
    if column_exists(cr, "hr_appraisal_competency", "hkk_manager_level_v2"):
        cr.execute(
            """
            INSERT INTO hr_appraisal_competency_judgement
                   (line_id, judgement_id, manager_level, evidence,
                    recommendation,
                    create_uid, create_date, write_uid, write_date)
            SELECT c.id, j.id, NULLIF(c.hkk_manager_level_v2, 0),
                   c.hkk_evidence_v2, c.hkk_recommendation_v2,
                   c.write_uid, c.write_date, c.write_uid, c.write_date
              FROM hr_appraisal_competency c
              JOIN hr_appraisal_judgement j ON j.appraisal_id = c.appraisal_id
             WHERE COALESCE(c.hkk_manager_level_v2, 0) != 0
                OR c.hkk_evidence_v2 IS NOT NULL
                OR c.hkk_recommendation_v2 IS NOT NULL
            """
        )
    if column_exists(cr, "hr_appraisal_behavior", "hkk_rating_v2"):
        cr.execute(
            """
            INSERT INTO hr_appraisal_behavior_judgement
                   (line_id, judgement_id, rating,
                    create_uid, create_date, write_uid, write_date)
            SELECT b.id, j.id, b.hkk_rating_v2,
                   b.write_uid, b.write_date, b.write_uid, b.write_date
              FROM hr_appraisal_behavior b
              JOIN hr_appraisal_judgement j ON j.appraisal_id = b.appraisal_id
             WHERE b.hkk_rating_v2 IS NOT NULL
            """
        )


def _recompute(env):
    Judgement = env["hr.appraisal.judgement"]
    judgements = Judgement.search([])
    levels = env["hr.appraisal.competency.judgement"].search([])
    ratings = env["hr.appraisal.behavior.judgement"].search([])
    for records, fnames in (
        (
            judgements,
            (
                "employee_id",
                "department_id",
                "cycle_id",
                "period_type",
                "company_id",
                "kinerja_state",
                "predicate",
                "predicate_changed",
                "behavior_suggestion",
                "job_person_match",
                "jpm_category",
                "gap_count",
                "feedback_score",
            ),
        ),
        (levels, ("appraisal_id", "company_id", "skill_id", "gap")),
        (ratings, ("appraisal_id", "company_id")),
    ):
        for fname in fnames:
            env.add_to_compute(records._fields[fname], records)
    env.flush_all()


def _drop(cr):
    columns = {
        table: [f"hkk_{column}_v2" for column in aside]
        for table, aside in JUDGEMENT_COLUMNS_V3.items()
    }
    for table, old in OLD_RESULTS.items():
        columns[table] += list(old)
    for table, names in columns.items():
        for name in names:
            if column_exists(cr, table, name):
                cr.execute(f'ALTER TABLE "{table}" DROP COLUMN "{name}"')


def migrate(cr, version):
    if not version:
        return
    _move_appraisals(cr)
    _move_lines(cr)
    env = api.Environment(cr, SUPERUSER_ID, {})
    _recompute(env)
    _drop(cr)
    # rule names no longer say "chain" (the scope includes acting appraisers)
    reload_rule_files(env)
