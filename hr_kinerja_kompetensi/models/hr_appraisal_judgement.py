from odoo import api, fields, models
from odoo.tools import SQL

from ..rules import appraisal as rules
from ..rules import feedback as feedback_rules
from .hr_appraisal import JPM_CATEGORIES, PREDICATE_SELECTION, RATING_SELECTION


class HrAppraisalJudgement(models.Model):
    """The supervisor's judgement of one appraisal, where record rules alone
    decide who reads it.

    The supervision scope (the chain above the employee and the acting
    appraiser) and HR read it at any time, never on their own appraisal; the
    appraisee reads it once the appraisal is done (published), and not
    before. Nobody writes it directly: the appraisal's public fields
    (``work_result_rating``, ``predicate``...) read it through those rules
    and write it after the appraisal's own checks. One judgement per
    appraisal, made when something of it is first written; an appraisal
    without one has nothing judged yet.

    The results computed from the judgement (predicate, JPM, gaps, 360 score)
    are stored here, for the analyses, awards and exports that group and
    count them.
    """

    _name = "hr.appraisal.judgement"
    _description = "Supervisor's Judgement of an Appraisal"
    _order = "appraisal_id"
    _rec_name = "appraisal_id"
    # all of it (the attack suite, tests/test_attack_suite.py, checks each)
    _confidential_fields = (
        "work_result_rating",
        "behavior_rating",
        "manager_feedback",
        "predicate_override",
        "predicate_changed",
        "predicate",
        "behavior_suggestion",
        "job_person_match",
        "jpm_category",
        "gap_count",
        "feedback_score",
    )

    appraisal_id = fields.Many2one(
        "hr.appraisal", required=True, index=True, ondelete="cascade"
    )
    # Where the analyses group (stored, so that pivots and read_group use them)
    employee_id = fields.Many2one(
        related="appraisal_id.employee_id", store=True, index=True
    )
    department_id = fields.Many2one(related="appraisal_id.department_id", store=True)
    cycle_id = fields.Many2one(related="appraisal_id.cycle_id", store=True, index=True)
    period_type = fields.Selection(related="appraisal_id.period_type", store=True)
    company_id = fields.Many2one(related="appraisal_id.company_id", store=True)
    kinerja_state = fields.Selection(
        related="appraisal_id.kinerja_state", store=True, string="Step"
    )
    competency_ids = fields.One2many(
        "hr.appraisal.competency.judgement", "judgement_id", string="Competency levels"
    )
    behavior_ids = fields.One2many(
        "hr.appraisal.behavior.judgement", "judgement_id", string="Behaviour ratings"
    )

    # What the supervisor decides
    work_result_rating = fields.Selection(RATING_SELECTION)
    behavior_rating = fields.Selection(RATING_SELECTION)
    manager_feedback = fields.Html(string="Supervisor's feedback")
    # Set by calibration or an objection decision. Whoever reads the
    # judgement reads the final predicate and the ratings, so this tells
    # nothing more; who changed it and why is the predicate log's (HR's).
    predicate_override = fields.Selection(
        PREDICATE_SELECTION, string="Changed predicate"
    )
    predicate_changed = fields.Boolean(
        compute="_compute_predicate", store=True, string="Predicate changed"
    )

    # What follows from it
    predicate = fields.Selection(
        PREDICATE_SELECTION, compute="_compute_predicate", store=True, index=True
    )
    behavior_suggestion = fields.Selection(
        RATING_SELECTION,
        compute="_compute_behavior_suggestion",
        store=True,
        string="Suggested behaviour rating",
    )
    job_person_match = fields.Float(
        string="JPM (%)",
        compute="_compute_job_person_match",
        store=True,
        aggregator="avg",
        digits=(5, 2),
    )
    jpm_category = fields.Selection(
        JPM_CATEGORIES,
        compute="_compute_job_person_match",
        store=True,
        string="JPM Category",
    )
    gap_count = fields.Integer(
        compute="_compute_job_person_match",
        store=True,
        string="Competencies below standard",
    )
    feedback_score = fields.Float(
        string="360 score",
        compute="_compute_feedback_score",
        store=True,
        digits=(3, 2),
        aggregator="avg",
    )

    _sql_constraints = [
        (
            "appraisal_unique",
            "UNIQUE(appraisal_id)",
            "An appraisal has one judgement.",
        ),
    ]

    @api.depends("work_result_rating", "behavior_rating", "predicate_override")
    def _compute_predicate(self):
        for judgement in self:
            judgement.predicate = judgement.predicate_override or rules.predicate(
                judgement.work_result_rating, judgement.behavior_rating
            )
            judgement.predicate_changed = bool(judgement.predicate_override)

    @api.depends("behavior_ids.rating")
    def _compute_behavior_suggestion(self):
        for judgement in self:
            judgement.behavior_suggestion = rules.suggest_behavior(
                judgement.behavior_ids.mapped("rating")
            )

    @api.depends(
        "competency_ids.manager_level",
        "appraisal_id.competency_line_ids.required_level",
    )
    def _compute_job_person_match(self):
        rows_by_appraisal = self._competency_level_rows()
        for judgement in self:
            rows = rows_by_appraisal.get(judgement.appraisal_id.id) or []
            jpm = rules.job_person_match((assessed, req) for assessed, req in rows)
            judgement.job_person_match = jpm or 0.0
            judgement.jpm_category = rules.jpm_category(jpm)
            judgement.gap_count = sum(
                1 for assessed, req in rows if rules.gap(assessed, req) < 0
            )

    def _competency_level_rows(self):
        """{appraisal id: [(assessed level, required level)]} of every
        competency line (an unassessed line counts with level 0).

        One grouped query over the lines and their assessed levels (after
        flushing them): loading ~90,000 line records through the ORM made
        recomputing 10,000 appraisals take 5 s.
        """
        appraisal_ids = [i for i in self.appraisal_id.ids if i]
        if not appraisal_ids:
            return {}
        self.env["hr.appraisal.competency"].flush_model(
            ["appraisal_id", "required_level"]
        )
        self.env["hr.appraisal.competency.judgement"].flush_model(
            ["line_id", "manager_level"]
        )
        self.env.cr.execute(
            SQL(
                """
                SELECT line.appraisal_id,
                       array_agg(ARRAY[COALESCE(level.manager_level, 0),
                                       COALESCE(line.required_level, 0)])
                  FROM hr_appraisal_competency line
             LEFT JOIN hr_appraisal_competency_judgement level
                    ON level.line_id = line.id
                 WHERE line.appraisal_id = ANY(%s)
              GROUP BY line.appraisal_id
                """,
                appraisal_ids,
            )
        )
        return {
            appraisal_id: [tuple(row) for row in rows]
            for appraisal_id, rows in self.env.cr.fetchall()
        }

    @api.model
    def _read_group_select(self, aggregate_spec, query):
        if aggregate_spec == "job_person_match:avg":
            # A judgement without every level stores a JPM of 0 (the ORM has
            # no empty float) and no category: leave it out of the average,
            # or every pending appraisal drags a unit's JPM towards zero.
            return SQL(
                "AVG(CASE WHEN %s IS NOT NULL THEN %s END)",
                self._field_to_sql(self._table, "jpm_category", query),
                self._field_to_sql(self._table, "job_person_match", query),
            )
        return super()._read_group_select(aggregate_spec, query)

    @api.depends(
        "appraisal_id.feedback_aggregate_ids.median",
        "appraisal_id.feedback_aggregate_ids.enough",
        "appraisal_id.feedback_aggregate_ids.role",
    )
    def _compute_feedback_score(self):
        medians = self.appraisal_id._released_360_medians()
        for judgement in self:
            judgement.feedback_score = feedback_rules.overall_score(
                medians.get(judgement.appraisal_id.id, [])
            )
