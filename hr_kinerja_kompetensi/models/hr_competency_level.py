from odoo import api, fields, models


class HrCompetencyLevel(models.Model):
    _name = "hr.competency.level"
    _description = "Competency Level Description"
    _order = "skill_id, level"
    _rec_name = "description"

    skill_id = fields.Many2one(
        "hr.skill",
        string="Competency",
        required=True,
        ondelete="cascade",
        index=True,
        domain="[('competency_family', '!=', False)]",
    )
    level = fields.Integer(
        required=True,
        help="Level 1 to 5: 1 = applies it to own work, 2 = guides colleagues, "
        "3 = makes sure the unit does it, 4 = builds it across the organisation, "
        "5 = shapes it at agency or national level.",
    )
    description = fields.Text(
        required=True,
        translate=True,
        help="What a person at this level of the competency does, in one sentence.",
    )
    indicator_ids = fields.One2many(
        "hr.competency.indicator",
        "level_id",
        string="Behaviour Indicators",
        help="Observable behaviours that show this level (usually three). The "
        "rubric counts how many of them the person shows.",
    )

    _sql_constraints = [
        ("level_range", "CHECK(level BETWEEN 1 AND 5)", "A level is between 1 and 5."),
        (
            "level_unique",
            "UNIQUE(skill_id, level)",
            "Each level is described once per competency.",
        ),
    ]

    @api.depends("skill_id", "level")
    def _compute_display_name(self):
        for record in self:
            record.display_name = self.env._(
                "%(competency)s - level %(level)s",
                competency=record.skill_id.display_name or "",
                level=record.level,
            )
