from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import SQL

from ..rules import appraisal as rules
from .hr_appraisal_confidential_mixin import (
    judgement_compute,
    judgement_inverse,
    judgement_search,
)

RUBRIC = [
    ("1", "1 - Sangat Kurang"),
    ("2", "2 - Kurang Memadai"),
    ("3", "3 - Memadai"),
    ("4", "4 - Di Atas Memadai"),
    ("5", "5 - Istimewa"),
]
_LEVEL_HELP = (
    "Rubric 1-5: 1 = shows none of the level's indicators; 2 = shows one or "
    "two; 3 = shows all three; 4 = all three and goes beyond the level; 5 = all "
    "three and goes far beyond it."
)


class HrAppraisalCompetency(models.Model):
    _name = "hr.appraisal.competency"
    _inherit = ["hr.appraisal.confidential.mixin", "hr.kinerja.bounds.mixin"]
    _kinerja_bounds = {
        "required_level": (1, 5),
        "self_level": (1, 5, 0),
        "manager_level": (1, 5, 0),
    }
    _description = "Appraisal Competency Rating"
    _order = "appraisal_id, competency_family, skill_id"
    _rec_name = "skill_id"
    # The supervisor's assessment is kept in hr.appraisal.competency.judgement
    # (hr.appraisal.confidential.mixin): the record rules decide who reads it.
    _judgement_model = "hr.appraisal.competency.judgement"
    _judgement_link = "line_id"
    _judgement_parent = "appraisal_id"
    _confidential_fields = ("manager_level", "gap", "evidence", "recommendation")

    appraisal_id = fields.Many2one(
        "hr.appraisal", required=True, ondelete="cascade", index=True
    )
    employee_id = fields.Many2one(related="appraisal_id.employee_id")
    skill_id = fields.Many2one(
        "hr.skill",
        string="Competency",
        required=True,
        ondelete="restrict",
        domain="[('competency_family', '!=', False)]",
    )
    competency_family = fields.Selection(
        related="skill_id.competency_family", store=True
    )
    required_level = fields.Integer(
        help="Level the job's competency standard requires (copied when the "
        "appraisal is created)."
    )
    self_level = fields.Integer(help="The employee's own assessment. " + _LEVEL_HELP)
    judgement_ids = fields.One2many(
        "hr.appraisal.competency.judgement", "line_id", string="Assessment"
    )
    visible_judgement_id = fields.Many2one(
        "hr.appraisal.competency.judgement",
        compute="_compute_visible_judgement",
        compute_sudo=False,
        string="Assessment you read",
    )
    manager_level = fields.Integer(
        string="Supervisor level",
        compute=judgement_compute("manager_level"),
        inverse=judgement_inverse("manager_level"),
        search=judgement_search("manager_level"),
        compute_sudo=False,
        readonly=False,
        help="The supervisor's assessment, which counts. " + _LEVEL_HELP,
    )
    gap = fields.Integer(
        compute="_compute_gap",
        search=judgement_search("gap"),
        compute_sudo=False,
        help="Supervisor level minus required level; negative = below standard.",
    )
    evidence = fields.Text(
        compute=judgement_compute("evidence"),
        inverse=judgement_inverse("evidence"),
        search=judgement_search("evidence"),
        compute_sudo=False,
        readonly=False,
        help="What the person did that shows (or does not show) the level: "
        "facts, documents, events.",
    )
    recommendation = fields.Text(
        compute=judgement_compute("recommendation"),
        inverse=judgement_inverse("recommendation"),
        search=judgement_search("recommendation"),
        compute_sudo=False,
        readonly=False,
        help="What the person should do next to grow in this competency "
        "(training, coaching, assignment...).",
    )

    _sql_constraints = [
        (
            "appraisal_skill_unique",
            "UNIQUE(appraisal_id, skill_id)",
            "A competency appears once per appraisal.",
        ),
    ]

    @api.depends("manager_level", "required_level")
    @api.depends_context("uid")
    def _compute_gap(self):
        for line in self:
            line.gap = rules.gap(line.manager_level, line.required_level)

    @api.constrains("required_level", "self_level")
    def _check_levels(self):
        # the supervisor level is checked by its judgement
        for line in self:
            for value in (line.required_level, line.self_level):
                if value and not 1 <= value <= 5:
                    raise ValidationError(
                        self.env._(
                            "%(competency)s: a level is between 1 and 5 "
                            "(got %(value)s).",
                            competency=line.skill_id.name,
                            value=value,
                        )
                    )

    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        lines.appraisal_id._check_cycle_not_closed()
        return lines

    @api.model
    def _insert_unrated(self, appraisal_ids, skill_ids, required_levels):
        """Insert unrated lines in one statement; return them.

        Cycle generation creates ~90,000 lines for 10,000 employees, and
        create() spends ~17 s on them (ORM bookkeeping, 100 rows per INSERT).
        The lines are new and unrated (no judgement yet), so nothing needs
        the ORM: the database constraints still apply and
        ``competency_family`` is read from the skill's stored column.
        ``test_generated_lines_match_orm`` keeps this in step with the fields.
        """
        self.check_access("create")
        self.env.cr.execute(
            SQL(
                """
                INSERT INTO hr_appraisal_competency (
                    appraisal_id, skill_id, required_level, competency_family,
                    create_uid, create_date, write_uid, write_date)
                SELECT row.appraisal_id, row.skill_id, row.required_level,
                       skill.competency_family,
                       %(uid)s, %(now)s, %(uid)s, %(now)s
                  FROM unnest(%(appraisals)s::int[], %(skills)s::int[],
                              %(levels)s::int[])
                       AS row(appraisal_id, skill_id, required_level)
                  JOIN hr_skill skill ON skill.id = row.skill_id
                RETURNING hr_appraisal_competency.id
                """,
                uid=self.env.uid,
                now=self.env.cr.now(),
                appraisals=list(appraisal_ids),
                skills=list(skill_ids),
                levels=list(required_levels),
            )
        )
        lines = self.browse(row[0] for row in self.env.cr.fetchall())
        self.env["hr.appraisal"].browse(set(appraisal_ids)).invalidate_recordset(
            ["competency_line_ids"]
        )
        # what create() triggers (the appraisals' JPM, gap count...) but not
        # the recomputation of the stored values the INSERT has just given
        given = [self._fields["competency_family"]]
        with self.env.protecting(given, lines):
            lines.modified(self._fields, create=True)
        return lines

    def write(self, vals):
        appraisals = self.appraisal_id
        appraisals._check_cycle_not_closed()
        if not self.env.su:
            if "self_level" in vals:
                appraisals._check_is_appraisee_or_hr()
            if {"manager_level", "evidence", "recommendation", "required_level"} & set(
                vals
            ):
                appraisals._check_can_assess()
        return super().write(vals)
