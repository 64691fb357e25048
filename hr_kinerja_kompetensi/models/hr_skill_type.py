from odoo import api, fields, models


class HrSkillType(models.Model):
    _inherit = "hr.skill.type"

    # A skill type is a competency family when this is set; other skill types
    # (languages, IT...) keep working as plain hr_skills types.
    competency_family = fields.Selection(
        [
            ("manajerial", "Managerial (Manajerial)"),
            ("sosial_kultural", "Socio-cultural (Sosial Kultural)"),
            ("teknis", "Technical (Teknis)"),
        ],
        help="Set this when the skill type is one of the three families of the "
        "civil-service competency dictionary. Competencies of these families "
        "are used in job standards and appraisals.",
    )
    is_competency = fields.Boolean(
        compute="_compute_is_competency", search="_search_is_competency"
    )

    @api.depends("competency_family")
    def _compute_is_competency(self):
        for skill_type in self:
            skill_type.is_competency = bool(skill_type.competency_family)

    def _search_is_competency(self, operator, value):
        if operator not in ("=", "!="):
            return NotImplemented
        wanted = bool(value) == (operator == "=")
        return [("competency_family", "!=" if wanted else "=", False)]
