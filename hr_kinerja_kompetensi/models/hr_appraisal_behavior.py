from odoo import fields, models

from .hr_appraisal import RATING_SELECTION


class HrAppraisalBehavior(models.Model):
    _name = "hr.appraisal.behavior"
    _inherit = ["hr.appraisal.confidential.mixin"]
    _description = "Appraisal Behaviour Rating (BerAKHLAK value)"
    _order = "appraisal_id, sequence, id"
    _rec_name = "value_id"
    _confidential_fields = ("rating",)
    _appraisal_path = "appraisal_id."

    appraisal_id = fields.Many2one(
        "hr.appraisal", required=True, ondelete="cascade", index=True
    )
    value_id = fields.Many2one(
        "hr.behavior.value", string="Core value", required=True, ondelete="restrict"
    )
    sequence = fields.Integer(related="value_id.sequence", store=True)
    indicators = fields.Text(related="value_id.indicators")
    expectation = fields.Text(
        string="Specific expectation",
        help="What the supervisor specifically expects of this person for this "
        "value during the period (optional).",
    )
    rating = fields.Selection(
        RATING_SELECTION,
        help="How the person lived this value compared with the expectation.",
    )

    _sql_constraints = [
        (
            "appraisal_value_unique",
            "UNIQUE(appraisal_id, value_id)",
            "A core value appears once per appraisal.",
        ),
    ]

    def write(self, vals):
        self.appraisal_id._check_cycle_not_closed()
        if not self.env.su and {"rating", "expectation"} & set(vals):
            self.appraisal_id._check_can_assess()
        return super().write(vals)
