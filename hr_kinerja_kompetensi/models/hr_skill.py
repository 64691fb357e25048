from odoo import api, fields, models
from odoo.exceptions import ValidationError


class HrSkill(models.Model):
    _inherit = "hr.skill"

    # Competency dictionary attributes (empty for ordinary skills)
    code = fields.Char(
        help="Code of the competency in the dictionary, e.g. M.01 for the first "
        "managerial competency or SK.01 for Perekat Bangsa.",
    )
    definition = fields.Text(
        translate=True,
        help="What this competency means, in one or two sentences, as the "
        "dictionary defines it.",
    )
    competency_family = fields.Selection(
        related="skill_type_id.competency_family", store=True
    )
    competency_level_ids = fields.One2many(
        "hr.competency.level",
        "skill_id",
        string="Level Descriptions",
        help="One description and its behaviour indicators for each level 1-5.",
    )
    competency_level_count = fields.Integer(compute="_compute_competency_level_count")

    _sql_constraints = [
        (
            "code_unique",
            "UNIQUE(code)",
            "Two competencies cannot share the same code.",
        ),
    ]

    @api.depends("competency_level_ids")
    def _compute_competency_level_count(self):
        for skill in self:
            skill.competency_level_count = len(skill.competency_level_ids)

    @api.constrains("code", "skill_type_id")
    def _check_code_for_competency(self):
        for skill in self:
            if skill.competency_family and not skill.code:
                raise ValidationError(
                    self.env._(
                        "The competency %(name)s needs a dictionary code "
                        "(for example M.01).",
                        name=skill.name,
                    )
                )

    @api.depends("code")
    def _compute_display_name(self):
        res = super()._compute_display_name()
        for skill in self:
            if skill.code:
                skill.display_name = f"{skill.code} {skill.display_name}"
        return res
