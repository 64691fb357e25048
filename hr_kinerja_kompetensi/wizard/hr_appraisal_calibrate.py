from odoo import fields, models

from ..models.hr_appraisal import PREDICATE_SELECTION


class HrAppraisalCalibrate(models.TransientModel):
    _name = "hr.appraisal.calibrate"
    _description = "Change predicates in calibration"

    appraisal_ids = fields.Many2many("hr.appraisal", string="Appraisals")
    predicate = fields.Selection(
        PREDICATE_SELECTION,
        string="New predicate",
        required=True,
        help="The predicate after calibration. It replaces the one of the matrix.",
    )
    reason = fields.Text(
        required=True,
        help="Why the predicate changes (e.g. distribution guidance of the "
        "organisation rating). Kept in the predicate log and the chatter.",
    )

    def action_apply(self):
        for wizard in self:
            wizard.appraisal_ids._calibrate(wizard.predicate, wizard.reason)
        return {"type": "ir.actions.act_window_close"}
