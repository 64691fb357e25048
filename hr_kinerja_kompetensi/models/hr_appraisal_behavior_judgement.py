from odoo import fields, models

from .hr_appraisal import RATING_SELECTION


class HrAppraisalBehaviorJudgement(models.Model):
    """The supervisor's rating of one BerAKHLAK value of an appraisal. Read
    under the record rules of the judgement (see hr.appraisal.judgement); the
    behaviour line's ``rating`` reads it through them."""

    _name = "hr.appraisal.behavior.judgement"
    _description = "Supervisor's Rating of a Core Value"
    _inherit = ["hr.appraisal.judgement.line.mixin"]
    _order = "line_id"
    _rec_name = "line_id"
    _confidential_fields = ("rating",)

    line_id = fields.Many2one(
        "hr.appraisal.behavior",
        string="Core value line",
        required=True,
        index=True,
        ondelete="cascade",
    )
    rating = fields.Selection(RATING_SELECTION)

    _sql_constraints = [
        (
            "line_unique",
            "UNIQUE(line_id)",
            "A core value line has one rating.",
        ),
    ]
