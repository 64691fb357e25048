from odoo import fields, models


class HrSkillLevel(models.Model):
    _inherit = "hr.skill.level"

    # Maps a level of a competency family to the 1-5 scale of the regulation,
    # so appraisal results can be written back to the employee's skills.
    competency_level = fields.Integer(
        help="Level 1 to 5 of the competency dictionary that this skill level "
        "stands for. Leave 0 for skill types that are not competency families.",
    )

    _sql_constraints = [
        (
            "competency_level_range",
            "CHECK(competency_level BETWEEN 0 AND 5)",
            "A competency level is between 1 and 5 (0 = not a competency level).",
        ),
        (
            "competency_level_unique",
            "EXCLUDE (skill_type_id WITH =, competency_level WITH =) "
            "WHERE (competency_level > 0)",
            "Each competency level (1-5) appears once per skill type.",
        ),
    ]
