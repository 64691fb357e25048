from odoo import fields, models


class HrKinerjaReason(models.TransientModel):
    _name = "hr.kinerja.reason"
    _description = "Reason for an exceptional appraisal step"

    action = fields.Selection(
        [
            ("reopen", "Reopen appraisals"),
            ("force_close", "Close cycles early"),
            ("skp_draft", "SKPs back to draft"),
        ],
        required=True,
    )
    appraisal_ids = fields.Many2many("hr.appraisal")
    cycle_ids = fields.Many2many("hr.appraisal.cycle")
    skp_ids = fields.Many2many("hr.skp")
    reason = fields.Text(
        required=True,
        help="Why this exception is needed. It is kept in the record's history.",
    )

    def action_confirm(self):
        self.ensure_one()
        if self.action == "reopen":
            self.appraisal_ids.action_reopen(self.reason)
        elif self.action == "skp_draft":
            self.skp_ids.action_reset_draft(self.reason)
        else:
            self.cycle_ids.action_force_close(self.reason)
        return {"type": "ir.actions.act_window_close"}
