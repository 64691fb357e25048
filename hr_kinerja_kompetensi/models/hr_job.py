from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..rules.standard import FUNCTIONAL_LEVELS, POSITION_KINDS


class HrJob(models.Model):
    _inherit = "hr.job"

    # Kind of position: decides the default required competency levels
    position_kind = fields.Selection(
        POSITION_KINDS,
        index=True,
        help="Kind of civil-service position. Leadership posts are JPT, "
        "Administrator or Pengawas; Pelaksana are staff positions; Fungsional "
        "are expert or skill-track positions (choose their level too). The "
        "kind sets the default levels of the job competency standard.",
    )
    functional_level = fields.Selection(
        FUNCTIONAL_LEVELS,
        help="Only for functional positions: the expert level (Ahli Pertama to "
        "Ahli Utama) or skill-track level (Pemula to Penyelia).",
    )
    # Job competency standard (SKJ)
    competency_ids = fields.One2many(
        "hr.job.competency",
        "job_id",
        string="Competency Standard",
        help="Required level of each competency for people in this job. "
        "Appraisals compare each person's assessed level with it.",
    )
    competency_count = fields.Integer(compute="_compute_competency_count")

    @api.depends("competency_ids")
    def _compute_competency_count(self):
        counts = dict(
            self.env["hr.job.competency"]._read_group(
                [("job_id", "in", self.ids)], ["job_id"], ["__count"]
            )
        )
        for job in self:
            job.competency_count = counts.get(job._origin, 0)

    @api.constrains("position_kind", "functional_level")
    def _check_functional_level(self):
        for job in self:
            if job.functional_level and job.position_kind != "fungsional":
                raise ValidationError(
                    self.env._(
                        "The job %(job)s has a functional level but is not a "
                        "functional position.",
                        job=job.name,
                    )
                )

    def action_open_competency_fill(self):
        """Open the wizard that fills the standard of the selected jobs."""
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Fill Competency Standard"),
            "res_model": "hr.job.competency.fill",
            "view_mode": "form",
            "target": "new",
            "context": {"default_job_ids": self.ids},
        }
