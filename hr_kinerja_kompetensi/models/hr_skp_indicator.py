from odoo import api, fields, models
from odoo.exceptions import ValidationError

ASPECTS = [
    ("kuantitas", "Quantity (kuantitas)"),
    ("kualitas", "Quality (kualitas)"),
    ("waktu", "Time (waktu)"),
    ("biaya", "Cost (biaya)"),
]


class HrSkpIndicator(models.Model):
    _name = "hr.skp.indicator"
    _description = "SKP Work Result Indicator"
    _inherit = ["hr.skp.draft.only.mixin", "hr.kinerja.bounds.mixin"]
    _kinerja_bounds = {"target": (None, 10**9)}
    _order = "result_id, sequence, id"

    result_id = fields.Many2one(
        "hr.skp.result",
        string="Work result",
        required=True,
        index=True,
        ondelete="cascade",
        help="The work result this indicator measures.",
    )
    skp_id = fields.Many2one(
        related="result_id.skp_id", store=True, index=True, string="SKP"
    )
    company_id = fields.Many2one(related="result_id.company_id", store=True, index=True)
    sequence = fields.Integer(default=10, help="Order of the indicators.")
    name = fields.Char(
        string="Indicator",
        required=True,
        help="What is measured, e.g. 'Persentase siswa tuntas belajar'.",
    )
    aspect = fields.Selection(
        ASPECTS,
        required=True,
        default="kuantitas",
        help="Which aspect of the result the indicator measures.",
    )
    target = fields.Float(
        required=True,
        digits=(16, 2),
        help="The value to reach this year; greater than zero.",
    )
    unit = fields.Char(
        help="Unit of the target: %, dokumen, siswa, hari, rupiah...",
    )
    higher_is_better = fields.Boolean(
        default=True,
        help="Ticked when more is better (students who pass); untick when less "
        "is better (days to serve a request, cost).",
    )

    def _draft_skps(self):
        return self.sudo().result_id.skp_id

    @api.constrains("target")
    def _check_target(self):
        for indicator in self:
            if indicator.target <= 0:
                raise ValidationError(
                    self.env._(
                        "The target of the indicator %(name)s must be greater "
                        "than zero.",
                        name=indicator.name,
                    )
                )
