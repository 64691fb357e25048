from odoo import api, fields, models

from ..rules import feedback as rules
from .hr_appraisal import HrAppraisal as _BaseAppraisal


class HrAppraisal(models.Model):
    """360-degree feedback on the appraisal: requests, released aggregates and
    the overall score (a tie-break for awards)."""

    _inherit = "hr.appraisal"
    _confidential_fields = _BaseAppraisal._confidential_fields + ("feedback_score",)

    # Record rules hide the requests of their own appraisal from the appraisee
    feedback_ids = fields.One2many(
        "hr.appraisal.feedback", "appraisal_id", string="360 Feedback Requests"
    )
    feedback_aggregate_ids = fields.One2many(
        "hr.appraisal.feedback.aggregate", "appraisal_id", string="360 Results"
    )
    feedback_score = fields.Float(
        string="360 score",
        compute="_compute_feedback_score",
        store=True,
        digits=(3, 2),
        aggregator="avg",
        help="Mean of the released 360 medians of the supervisor, peers, "
        "subordinates and others that reached the minimum number of "
        "responses (self-ratings excluded); 0 when nothing is released.",
    )

    @api.depends(
        "feedback_aggregate_ids.median",
        "feedback_aggregate_ids.enough",
        "feedback_aggregate_ids.role",
    )
    def _compute_feedback_score(self):
        aggregates = (
            self.env["hr.appraisal.feedback.aggregate"]
            .sudo()
            .search_fetch(
                [
                    ("appraisal_id", "in", self.ids),
                    ("enough", "=", True),
                    ("role", "!=", "self"),
                ],
                ["appraisal_id", "median"],
            )
        )
        medians = {}
        for aggregate in aggregates:
            medians.setdefault(aggregate.appraisal_id.id, []).append(aggregate.median)
        for appraisal in self:
            appraisal.feedback_score = rules.overall_score(
                medians.get(appraisal._origin.id or appraisal.id, [])
            )

    def action_request_feedback(self):
        """Open the wizard that proposes reviewers for these appraisals."""
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Request 360 feedback"),
            "res_model": "hr.appraisal.feedback.request",
            "view_mode": "form",
            "target": "new",
            "context": {"default_appraisal_ids": self.ids},
        }
