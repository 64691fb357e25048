from odoo import fields, models

from .hr_appraisal import PREDICATE_SELECTION


class HrAppraisalPredicateLog(models.Model):
    """Audit trail of predicate changes after the supervisor's assessment
    (calibration by HR, objection decisions). Never edited."""

    _name = "hr.appraisal.predicate.log"
    _description = "Predicate Change"
    _order = "create_date desc, id desc"
    _rec_name = "appraisal_id"

    appraisal_id = fields.Many2one(
        "hr.appraisal", required=True, index=True, ondelete="cascade", readonly=True
    )
    employee_id = fields.Many2one(
        related="appraisal_id.employee_id", store=True, index=True
    )
    department_id = fields.Many2one(
        related="appraisal_id.employee_id.department_id", store=True
    )
    cycle_id = fields.Many2one(related="appraisal_id.cycle_id", store=True, index=True)
    company_id = fields.Many2one(related="appraisal_id.company_id", store=True)
    source = fields.Selection(
        [
            ("calibration", "Calibration"),
            ("objection", "Objection decision"),
            ("reopen", "Reopened (back to the matrix)"),
        ],
        required=True,
        readonly=True,
        help="What changed the predicate: HR's calibration, the atasan PPK's "
        "decision on an objection, or HR reopening the appraisal, which hands "
        "the predicate back to the matrix of the ratings.",
    )
    predicate_before = fields.Selection(
        PREDICATE_SELECTION, string="Before", readonly=True
    )
    predicate_after = fields.Selection(
        PREDICATE_SELECTION, string="After", readonly=True
    )
    user_id = fields.Many2one(
        "res.users", string="Changed by", required=True, readonly=True
    )
    reason = fields.Text(required=True, readonly=True)
