from odoo import fields, models


class HrCompetencyIndicator(models.Model):
    _name = "hr.competency.indicator"
    _description = "Competency Behaviour Indicator"
    _order = "level_id, sequence, id"

    level_id = fields.Many2one(
        "hr.competency.level",
        required=True,
        ondelete="cascade",
        index=True,
    )
    skill_id = fields.Many2one(
        related="level_id.skill_id", store=True, string="Competency"
    )
    sequence = fields.Integer(default=10)
    name = fields.Text(
        string="Indicator",
        required=True,
        translate=True,
        help="One observable behaviour, written so a supervisor can say whether "
        "the person shows it or not.",
    )
