from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..rules import appraisal as rules


class HrAppraisalCompetencyJudgement(models.Model):
    """The supervisor's assessment of one competency line: level, evidence
    and recommendation. Read under the record rules of the judgement (see
    hr.appraisal.judgement); the line's public fields (``manager_level``,
    ``gap``, ``evidence``, ``recommendation``) read it through them."""

    _name = "hr.appraisal.competency.judgement"
    _description = "Supervisor's Assessment of a Competency"
    _inherit = ["hr.appraisal.judgement.line.mixin"]
    _order = "line_id"
    _rec_name = "line_id"
    _confidential_fields = ("manager_level", "gap", "evidence", "recommendation")

    line_id = fields.Many2one(
        "hr.appraisal.competency",
        string="Competency line",
        required=True,
        index=True,
        ondelete="cascade",
    )
    skill_id = fields.Many2one(related="line_id.skill_id", store=True)
    required_level = fields.Integer(related="line_id.required_level")
    manager_level = fields.Integer(string="Supervisor level")
    gap = fields.Integer(compute="_compute_gap", store=True)
    evidence = fields.Text()
    recommendation = fields.Text()

    _sql_constraints = [
        (
            "line_unique",
            "UNIQUE(line_id)",
            "A competency line has one assessment.",
        ),
    ]

    @api.depends("manager_level", "line_id.required_level")
    def _compute_gap(self):
        for level in self:
            level.gap = rules.gap(level.manager_level, level.line_id.required_level)

    @api.constrains("manager_level")
    def _check_manager_level(self):
        for level in self:
            if level.manager_level and not 1 <= level.manager_level <= 5:
                raise ValidationError(
                    self.env._(
                        "%(competency)s: a level is between 1 and 5 (got %(value)s).",
                        competency=level.line_id.skill_id.name,
                        value=level.manager_level,
                    )
                )
