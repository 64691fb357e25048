from odoo import fields, models


class HrJobCompetency(models.Model):
    _name = "hr.job.competency"
    _description = "Job Competency Standard"
    _order = "job_id, competency_family, skill_id"
    _rec_name = "skill_id"

    job_id = fields.Many2one("hr.job", required=True, ondelete="cascade", index=True)
    skill_id = fields.Many2one(
        "hr.skill",
        string="Competency",
        required=True,
        ondelete="restrict",
        domain="[('competency_family', '!=', False)]",
        help="A competency of the dictionary (managerial, socio-cultural or "
        "technical) that this job requires.",
    )
    competency_family = fields.Selection(
        related="skill_id.competency_family", store=True
    )
    required_level = fields.Integer(
        required=True,
        default=1,
        help="Level 1 to 5 that a person in this job is expected to show. "
        "1 = applies it to own work ... 5 = shapes it at agency or national "
        "level. See the level descriptions of the competency.",
    )
    company_id = fields.Many2one(related="job_id.company_id", store=True)
    department_id = fields.Many2one(related="job_id.department_id", store=True)

    _sql_constraints = [
        (
            "required_level_range",
            "CHECK(required_level BETWEEN 1 AND 5)",
            "A required level is between 1 and 5.",
        ),
        (
            "job_skill_unique",
            "UNIQUE(job_id, skill_id)",
            "A competency appears once in a job's standard.",
        ),
    ]
