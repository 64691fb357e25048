from odoo import fields, models
from odoo.exceptions import UserError

from ..models.hr_appraisal import PREDICATE_SELECTION


class HrAppraisalObjectionDecide(models.TransientModel):
    _name = "hr.appraisal.objection.decide"
    _description = "Decide objections"

    objection_ids = fields.Many2many("hr.appraisal.objection", string="Objections")
    decision = fields.Selection(
        [("confirm", "Confirm the predicate"), ("change", "Change the predicate")],
        required=True,
        default="confirm",
        help="Confirm the contested predicate, or replace it.",
    )
    predicate = fields.Selection(
        PREDICATE_SELECTION,
        string="New predicate",
        help="The predicate that replaces the contested one.",
    )
    reason = fields.Text(
        string="Reasons",
        required=True,
        help="The reasons of the decision, shown to the employee and kept in the "
        "history.",
    )

    def action_apply(self):
        for wizard in self:
            predicate = wizard.predicate if wizard.decision == "change" else False
            if wizard.decision == "change" and not predicate:
                raise UserError(self.env._("Choose the new predicate."))
            wizard.objection_ids._decide(predicate, wizard.reason)
        return {"type": "ir.actions.act_window_close"}
