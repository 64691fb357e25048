from odoo import fields, models


class HrAppraisalFeedbackAudit(models.Model):
    """Who opened raw 360 responses, and when.

    A line here is also what lets that HR admin read the responses (see the
    record rules of hr.appraisal.feedback.line): no access without a trace.
    """

    _name = "hr.appraisal.feedback.audit"
    _description = "Access to raw 360 feedback"
    _order = "create_date desc, id desc"
    _rec_name = "feedback_id"

    feedback_id = fields.Many2one(
        "hr.appraisal.feedback", required=True, ondelete="cascade", index=True
    )
    user_id = fields.Many2one(
        "res.users", string="Opened by", required=True, ondelete="restrict", index=True
    )
    date = fields.Datetime(default=fields.Datetime.now, required=True)
