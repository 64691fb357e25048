from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..rules import appraisal as rules


class HrAppraisalWorkResult(models.Model):
    _name = "hr.appraisal.work.result"
    _description = "Appraisal Work-Result Indicator"
    _order = "appraisal_id, sequence, id"
    _inherit = ["hr.kinerja.bounds.mixin"]
    _kinerja_bounds = {"target": (None, 10**9), "realization": (None, 10**9)}

    appraisal_id = fields.Many2one(
        "hr.appraisal", required=True, ondelete="cascade", index=True
    )
    sequence = fields.Integer(default=10)
    name = fields.Char(
        string="Indicator",
        required=True,
        help="What was expected, as a measurable indicator, e.g. 'Lesson plans "
        "prepared' or 'Days to process a request'.",
    )
    unit = fields.Char(
        help="Unit of the target and realization, e.g. documents, %, days."
    )
    target = fields.Float(
        required=True, help="The value expected for the period (> 0)."
    )
    realization = fields.Float(help="The value actually reached in the period.")
    higher_is_better = fields.Boolean(
        default=True,
        help="Unchecked for indicators where less is better (costs, days, "
        "complaints): achievement is then target / realization.",
    )
    achievement = fields.Float(
        string="Achievement (%)",
        compute="_compute_achievement",
        store=True,
        digits=(6, 2),
        help="Realization compared with the target, in percent.",
    )

    @api.depends("target", "realization", "higher_is_better")
    def _compute_achievement(self):
        for line in self:
            line.achievement = (
                rules.achievement(line.target, line.realization, line.higher_is_better)
                or 0.0
            )

    @api.constrains("target", "realization")
    def _check_values(self):
        for line in self:
            if line.target <= 0:
                raise ValidationError(
                    self.env._(
                        "%(indicator)s: the target must be greater than zero.",
                        indicator=line.name,
                    )
                )
            if line.realization < 0:
                raise ValidationError(
                    self.env._(
                        "%(indicator)s: the realization cannot be negative.",
                        indicator=line.name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        lines.appraisal_id._check_cycle_not_closed()
        return lines

    def write(self, vals):
        self.appraisal_id._check_cycle_not_closed()
        return super().write(vals)
