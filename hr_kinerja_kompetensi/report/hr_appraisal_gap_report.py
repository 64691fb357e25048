from odoo import fields, models, tools
from odoo.tools import SQL


class HrAppraisalGapReport(models.Model):
    """One line per competency of a done appraisal: where the gaps against
    the job standard (SKJ) are, and how deep, per unit and competency."""

    _name = "hr.appraisal.gap.report"
    _description = "Competency Gap Analysis"
    _auto = False
    _order = "cycle_id desc, skill_id"
    _rec_name = "skill_id"
    # what the view reads: flushed before every search on it
    _depends = {
        "hr.appraisal": ["kinerja_state", "cycle_id", "employee_id", "company_id"],
        "hr.appraisal.competency": [
            "appraisal_id",
            "skill_id",
            "competency_family",
            "required_level",
        ],
        "hr.appraisal.competency.judgement": ["line_id", "manager_level", "gap"],
        "hr.employee": ["department_id"],
    }

    cycle_id = fields.Many2one("hr.appraisal.cycle", readonly=True)
    employee_id = fields.Many2one("hr.employee", readonly=True)
    department_id = fields.Many2one("hr.department", string="Unit", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    skill_id = fields.Many2one("hr.skill", string="Competency", readonly=True)
    competency_family = fields.Selection(
        [
            ("manajerial", "Managerial (Manajerial)"),
            ("sosial_kultural", "Socio-cultural (Sosial Kultural)"),
            ("teknis", "Technical (Teknis)"),
        ],
        readonly=True,
    )
    required_level = fields.Float(aggregator="avg", readonly=True)
    manager_level = fields.Float(
        string="Supervisor level", aggregator="avg", readonly=True
    )
    gap = fields.Float(aggregator="avg", readonly=True)
    below_count = fields.Integer(
        string="Below standard",
        readonly=True,
        help="1 when the supervisor's level is below the required level: its "
        "sum is the number of employees with a gap.",
    )
    gap_depth = fields.Integer(
        string="Gap depth",
        readonly=True,
        help="Levels missing to reach the standard (0 without a gap): its sum "
        "weighs the gaps by how deep they are.",
    )

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                """
                CREATE OR REPLACE VIEW %s AS (
                    SELECT
                        c.id AS id,
                        a.cycle_id AS cycle_id,
                        a.employee_id AS employee_id,
                        e.department_id AS department_id,
                        a.company_id AS company_id,
                        c.skill_id AS skill_id,
                        c.competency_family AS competency_family,
                        c.required_level AS required_level,
                        cj.manager_level AS manager_level,
                        COALESCE(cj.gap, 0) AS gap,
                        CASE WHEN cj.gap < 0 THEN 1 ELSE 0 END AS below_count,
                        GREATEST(-COALESCE(cj.gap, 0), 0) AS gap_depth
                    FROM hr_appraisal_competency c
                    JOIN hr_appraisal a ON a.id = c.appraisal_id
               LEFT JOIN hr_appraisal_competency_judgement cj ON cj.line_id = c.id
                    JOIN hr_employee e ON e.id = a.employee_id
                    WHERE a.cycle_id IS NOT NULL AND a.kinerja_state = 'done'
                )
                """,
                SQL.identifier(self._table),
            )
        )
