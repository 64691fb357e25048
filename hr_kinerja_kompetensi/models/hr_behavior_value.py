from odoo import fields, models


class HrBehaviorValue(models.Model):
    _name = "hr.behavior.value"
    _description = "Core Value of Work Behaviour (BerAKHLAK)"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(
        required=True, help="Short code, e.g. B for Berorientasi Pelayanan."
    )
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    description = fields.Text(
        translate=True, help="What this core value asks of every civil servant."
    )
    indicators = fields.Text(
        translate=True,
        help="The behaviour indicators of the value, one per line. Supervisors "
        "rate the value against them.",
    )

    _sql_constraints = [
        ("code_unique", "UNIQUE(code)", "Each core value has its own code."),
    ]
