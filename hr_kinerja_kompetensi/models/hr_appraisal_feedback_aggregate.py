from collections import defaultdict

from odoo import api, fields, models

from ..rules import feedback as rules
from .hr_appraisal_feedback import FEEDBACK_ROLES

HR_ADMIN_GROUP = "hr_kinerja_kompetensi.group_kinerja_hr_admin"


class HrAppraisalFeedbackAggregate(models.Model):
    """Released 360 aggregate: one appraisal, one role, one competency or
    BerAKHLAK value.

    Written only when the feedback phase of the cycle closes, for the whole
    cycle at once. ``median`` and ``trimmed_mean`` hold a value only when the
    role has enough responses (``enough``); below the threshold the numbers
    are kept in ``raw_median`` for the HR admin alone (field group).
    """

    _name = "hr.appraisal.feedback.aggregate"
    _description = "360-degree Feedback Aggregate"
    _order = "appraisal_id, role, behavior_value_id desc, skill_id"
    _rec_name = "appraisal_id"

    appraisal_id = fields.Many2one(
        "hr.appraisal", required=True, ondelete="cascade", index=True, readonly=True
    )
    employee_id = fields.Many2one(
        related="appraisal_id.employee_id", store=True, string="Appraisee"
    )
    cycle_id = fields.Many2one(related="appraisal_id.cycle_id", store=True, index=True)
    company_id = fields.Many2one(related="appraisal_id.company_id", store=True)
    role = fields.Selection(FEEDBACK_ROLES, required=True, readonly=True)
    skill_id = fields.Many2one(
        "hr.skill", string="Competency", readonly=True, ondelete="cascade"
    )
    behavior_value_id = fields.Many2one(
        "hr.behavior.value", string="Core value", readonly=True, ondelete="cascade"
    )
    response_count = fields.Integer(string="Responses", readonly=True)
    enough = fields.Boolean(
        string="Enough responses",
        readonly=True,
        help="Whether the role reached the minimum number of responses of the "
        "settings (peers, subordinates, others). Below it nothing is shown.",
    )
    median = fields.Float(digits=(3, 2), readonly=True, aggregator="avg")
    trimmed_mean = fields.Float(
        digits=(3, 2),
        readonly=True,
        aggregator="avg",
        help="Mean after dropping the highest and the lowest rating (from 5 "
        "responses).",
    )
    outlier_count = fields.Integer(
        string="Outliers",
        readonly=True,
        help="Ratings two points or more from the median.",
    )
    raw_median = fields.Float(
        digits=(3, 2), readonly=True, groups=HR_ADMIN_GROUP, aggregator="avg"
    )
    display_value = fields.Char(
        string="Result", compute="_compute_display_value", readonly=True
    )

    @api.depends("enough", "median", "response_count", "outlier_count")
    def _compute_display_value(self):
        for aggregate in self:
            aggregate.display_value = self._format(aggregate)

    @api.model
    def _format(self, aggregate):
        if not aggregate:
            return False
        if not aggregate.enough:
            return self.env._("Not enough responses")
        median = "%.1f" % aggregate.median
        text = self.env._(
            "%(median)s (n=%(count)s)",
            median=median,
            count=aggregate.response_count,
        )
        if aggregate.outlier_count:
            text += self.env._(", %(count)s outlier(s)", count=aggregate.outlier_count)
        return text

    @api.model
    def _release_for(self, appraisals):
        """Recompute and release the aggregates of the appraisals in batch:
        submitted responses grouped by (appraisal, role, subject)."""
        Aggregate = self.sudo()
        Aggregate.search([("appraisal_id", "in", appraisals.ids)]).unlink()
        Line = self.env["hr.appraisal.feedback.line"].sudo()
        lines = Line.search_fetch(
            [
                ("feedback_id.appraisal_id", "in", appraisals.ids),
                ("feedback_id.state", "=", "submitted"),
                ("rating", "!=", False),
            ],
            ["feedback_id", "skill_id", "behavior_value_id", "rating"],
        )
        groups = defaultdict(list)
        for line in lines:
            feedback = line.feedback_id
            key = (
                feedback.appraisal_id.id,
                feedback.role,
                line.skill_id.id,
                line.behavior_value_id.id,
            )
            groups[key].append(line)
        min_by_company = {}
        vals_list = []
        outliers = Line
        for (appraisal_id, role, skill_id, value_id), group in groups.items():
            company = group[0].feedback_id.company_id
            if company.id not in min_by_company:
                min_by_company[company.id] = (
                    company.feedback_min_responses or rules.DEFAULT_MIN_RESPONSES
                )
            result = rules.aggregate(
                [line.rating for line in group], role, min_by_company[company.id]
            )
            for line in group:
                if rules.is_outlier(line.rating, result["median"]):
                    outliers |= line
            vals_list.append(
                {
                    "appraisal_id": appraisal_id,
                    "role": role,
                    "skill_id": skill_id or False,
                    "behavior_value_id": value_id or False,
                    "response_count": result["count"],
                    "enough": result["enough"],
                    "median": result["median"] if result["enough"] else False,
                    "trimmed_mean": (result["trimmed_mean"] or False)
                    if result["enough"]
                    else False,
                    "outlier_count": result["outlier_count"] if result["enough"] else 0,
                    "raw_median": result["median"],
                }
            )
        lines.filtered("is_outlier").write({"is_outlier": False})
        outliers.write({"is_outlier": True})
        aggregates = Aggregate.create(vals_list)
        # the 360 score is the judgement's: give one to each appraisal with a
        # released result (those that have one recompute theirs by itself)
        released = appraisals.browse(appraisals._released_360_medians())
        released._judgements_for_write()
        return aggregates
