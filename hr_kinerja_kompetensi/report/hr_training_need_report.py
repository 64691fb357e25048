from collections import defaultdict

from odoo import fields, models, tools
from odoo.exceptions import UserError

from ..models.hr_appraisal_confidential_mixin import HR_GROUP


class HrTrainingNeedReport(models.Model):
    """Training-needs analysis: one row per employee and competency of the
    employee's latest done appraisal. Grouped by department (with sub-units
    through the department search) and competency it tells how many
    employees are below standard, the average gap of those below and the
    deepest gap; the numbers stay exact at every grouping level."""

    _name = "hr.training.need.report"
    _description = "Training Needs Analysis"
    _auto = False
    _order = "gap, skill_id, employee_id"
    _rec_name = "skill_id"
    # what the view reads: flushed before every search on it
    _depends = {
        "hr.appraisal": ["kinerja_state", "cycle_id", "employee_id"],
        "hr.appraisal.cycle": ["date_end"],
        "hr.appraisal.competency": [
            "appraisal_id",
            "skill_id",
            "required_level",
        ],
        "hr.appraisal.competency.judgement": ["line_id", "manager_level", "gap"],
        "hr.employee": ["department_id", "company_id", "active"],
    }

    employee_id = fields.Many2one("hr.employee", readonly=True)
    department_id = fields.Many2one("hr.department", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    appraisal_id = fields.Many2one("hr.appraisal", readonly=True)
    cycle_id = fields.Many2one("hr.appraisal.cycle", readonly=True)
    skill_id = fields.Many2one("hr.skill", string="Competency", readonly=True)
    competency_family = fields.Selection(
        related="skill_id.competency_family", readonly=True
    )
    required_level = fields.Integer(readonly=True, aggregator="avg")
    assessed_level = fields.Integer(readonly=True, aggregator="avg")
    gap = fields.Integer(string="Deepest gap", readonly=True, aggregator="min")
    gap_below = fields.Float(
        string="Average gap (below standard)",
        readonly=True,
        aggregator="avg",
        digits=(4, 2),
    )
    below_count = fields.Integer(
        string="Below standard", readonly=True, aggregator="sum"
    )
    assessed_count = fields.Integer(string="Assessed", readonly=True, aggregator="sum")

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            f"""
            CREATE OR REPLACE VIEW {self._table} AS (
                WITH latest AS (
                    SELECT DISTINCT ON (a.employee_id)
                        a.id AS appraisal_id, a.employee_id, a.cycle_id
                    FROM hr_appraisal a
                    JOIN hr_appraisal_cycle c ON c.id = a.cycle_id
                    WHERE a.kinerja_state = 'done'
                    ORDER BY a.employee_id, c.date_end DESC, a.id DESC
                )
                SELECT
                    l.id AS id,
                    latest.employee_id AS employee_id,
                    e.department_id AS department_id,
                    e.company_id AS company_id,
                    latest.appraisal_id AS appraisal_id,
                    latest.cycle_id AS cycle_id,
                    l.skill_id AS skill_id,
                    l.required_level AS required_level,
                    lj.manager_level AS assessed_level,
                    COALESCE(lj.gap, 0) AS gap,
                    CASE WHEN lj.gap < 0 THEN lj.gap END AS gap_below,
                    CASE WHEN lj.gap < 0 THEN 1 ELSE 0 END AS below_count,
                    1 AS assessed_count
                FROM latest
                JOIN hr_appraisal_competency l
                    ON l.appraisal_id = latest.appraisal_id
           LEFT JOIN hr_appraisal_competency_judgement lj ON lj.line_id = l.id
                JOIN hr_employee e ON e.id = latest.employee_id
                WHERE e.active
            )
            """
        )

    def action_create_training_session(self):
        """One draft session per competency of the selected rows, with the
        employees below standard as attendees."""
        if not self.env.user.has_group(HR_GROUP):
            raise UserError(self.env._("Only HR officers plan training sessions."))
        needs = self.filtered(lambda row: row.below_count)
        if not needs:
            raise UserError(
                self.env._(
                    "None of the selected rows is below standard: there is no "
                    "training need to plan."
                )
            )
        by_skill = defaultdict(lambda: self.env["hr.employee"])
        departments = defaultdict(lambda: self.env["hr.department"])
        for row in needs:
            by_skill[row.skill_id] |= row.employee_id
            departments[row.skill_id] |= row.department_id
        Session = self.env["hr.training.session"]
        sessions = Session.create(
            [
                Session._prepare_from_needs(
                    skill,
                    employees,
                    departments[skill] if len(departments[skill]) == 1 else None,
                )
                for skill, employees in by_skill.items()
            ]
        )
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "hr_kinerja_kompetensi.hr_training_session_action"
        )
        if len(sessions) == 1:
            action.update(res_id=sessions.id, view_mode="form", views=[(False, "form")])
        else:
            action["domain"] = [("id", "in", sessions.ids)]
        return action
