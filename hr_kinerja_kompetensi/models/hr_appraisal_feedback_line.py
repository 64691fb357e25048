from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError


class HrAppraisalFeedbackLine(models.Model):
    """One rating of a 360 response: a competency or a BerAKHLAK value.

    Record rules: readable only by the author (the reviewer) and by an HR
    admin who opened them through the logged action.
    """

    _name = "hr.appraisal.feedback.line"
    _description = "360-degree Feedback Rating"
    _order = "feedback_id, behavior_value_id desc, skill_id, id"
    _rec_name = "feedback_id"

    feedback_id = fields.Many2one(
        "hr.appraisal.feedback", required=True, ondelete="cascade", index=True
    )
    skill_id = fields.Many2one(
        "hr.skill", string="Competency", ondelete="restrict", readonly=True
    )
    behavior_value_id = fields.Many2one(
        "hr.behavior.value", string="Core value", ondelete="restrict", readonly=True
    )
    rating = fields.Integer(
        help="1 Sangat Kurang, 2 Kurang Memadai, 3 Memadai, 4 Di Atas Memadai, "
        "5 Istimewa. Leave empty when you cannot judge it."
    )
    comment = fields.Char(help="A short example that explains the rating.")
    is_outlier = fields.Boolean(
        string="Outlier",
        readonly=True,
        help="Set when the feedback phase closes: the rating is two points or "
        "more from the median of its role.",
    )

    _sql_constraints = [
        (
            "rating_range",
            "CHECK(rating IS NULL OR rating BETWEEN 0 AND 5)",
            "A feedback rating is between 1 and 5 (empty: cannot judge).",
        ),
        (
            "one_subject",
            "CHECK((skill_id IS NULL) != (behavior_value_id IS NULL))",
            "A feedback rating is about one competency or one core value.",
        ),
    ]

    @api.constrains("rating")
    def _check_rating(self):
        for line in self:
            if line.rating and not 1 <= line.rating <= 5:
                raise ValidationError(
                    self.env._(
                        "A feedback rating is between 1 and 5 (got %(value)s).",
                        value=line.rating,
                    )
                )

    def write(self, vals):
        if not self.env.su:
            if set(vals) - {"rating", "comment"}:
                raise UserError(
                    self.env._("Only the rating and its comment can be changed.")
                )
            self.feedback_id._check_is_reviewer()
            self.feedback_id._check_state("requested")
            self.feedback_id._check_feedback_open()
        return super().write(vals)
