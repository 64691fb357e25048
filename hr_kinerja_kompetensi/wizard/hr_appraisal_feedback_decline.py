from odoo import fields, models


class HrAppraisalFeedbackDecline(models.TransientModel):
    _name = "hr.appraisal.feedback.decline"
    _description = "Decline 360 feedback requests"

    feedback_ids = fields.Many2many(
        "hr.appraisal.feedback",
        default=lambda self: self.env.context.get("active_ids"),
    )
    reason = fields.Text(
        required=True,
        help="Why you cannot give this feedback (e.g. you do not work with the "
        "person). Only HR and the supervisor read it.",
    )

    def action_confirm(self):
        self.ensure_one()
        self.feedback_ids.action_decline(self.reason)
        return {"type": "ir.actions.act_window_close"}
