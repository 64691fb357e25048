from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import UserError

from ..rules.standard import required_level_for


class HrJobCompetencyFill(models.TransientModel):
    _name = "hr.job.competency.fill"
    _description = "Fill Job Competency Standard"

    job_ids = fields.Many2many(
        "hr.job",
        string="Jobs",
        required=True,
        help="Jobs whose competency standard is filled. Each job needs a "
        "position kind (and a functional level for functional positions).",
    )
    skill_ids = fields.Many2many(
        "hr.skill",
        string="Competencies",
        required=True,
        domain="[('competency_family', '!=', False)]",
        default=lambda self: self._default_skill_ids(),
        help="Competencies to add to each job. By default the managerial and "
        "socio-cultural ones, which every civil-service job requires; add "
        "technical competencies where they apply.",
    )
    overwrite = fields.Boolean(
        string="Reset existing levels",
        help="When checked, competencies already in a job's standard get the "
        "default level again. When unchecked, levels set by hand are kept and "
        "only missing competencies are added.",
    )

    @api.model
    def _default_skill_ids(self):
        return self.env["hr.skill"].search(
            [("competency_family", "in", ("manajerial", "sosial_kultural"))]
        )

    def action_apply(self):
        """Create or update the standard lines of all chosen jobs in batch."""
        self.ensure_one()
        # The key exists in every company's table, so the regulation defaults
        # tell whether a job's kind is complete enough to look a level up.
        missing_kind = self.job_ids.filtered(
            lambda job: (
                required_level_for(job.position_kind, job.functional_level) is None
            )
        )
        if missing_kind:
            raise UserError(
                self.env._(
                    "Set the position kind (and the functional level for "
                    "functional positions) of these jobs first: %(jobs)s",
                    jobs=", ".join(missing_kind.mapped("name")),
                )
            )
        existing = {
            (line.job_id.id, line.skill_id.id): line
            for line in self.env["hr.job.competency"].search(
                [
                    ("job_id", "in", self.job_ids.ids),
                    ("skill_id", "in", self.skill_ids.ids),
                ]
            )
        }
        tables = {}
        to_create = []
        to_update = defaultdict(lambda: self.env["hr.job.competency"])
        for job in self.job_ids:
            company = job.company_id or self.env.company
            if company not in tables:
                tables[company] = company._get_skj_level_table()
            level = required_level_for(
                job.position_kind, job.functional_level, tables[company]
            )
            for skill in self.skill_ids:
                line = existing.get((job.id, skill.id))
                if not line:
                    to_create.append(
                        {
                            "job_id": job.id,
                            "skill_id": skill.id,
                            "required_level": level,
                        }
                    )
                elif self.overwrite and line.required_level != level:
                    to_update[level] |= line
        self.env["hr.job.competency"].create(to_create)
        for level, lines in to_update.items():
            lines.write({"required_level": level})
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "success",
                "message": self.env._(
                    "%(created)s competencies added and %(updated)s levels reset "
                    "in %(jobs)s jobs.",
                    created=len(to_create),
                    updated=sum(len(lines) for lines in to_update.values()),
                    jobs=len(self.job_ids),
                ),
                "next": {"type": "ir.actions.act_window_close"},
            },
        }
