from odoo import fields, models, tools
from odoo.tools import SQL

from ..models.hr_appraisal import JPM_CATEGORIES, PREDICATE_SELECTION


class HrAppraisalKinerjaReport(models.Model):
    """One line per appraisal, for HR's dashboard: completion per unit,
    predicate distribution and JPM. Predicate and JPM are those of done
    (published) appraisals only; record rules of its own keep supervisors
    to the people below them."""

    _name = "hr.appraisal.kinerja.report"
    _description = "Appraisal Analysis"
    _auto = False
    _order = "cycle_id desc, department_id, employee_id"
    _rec_name = "employee_id"
    # what the view reads: flushed before every search on it
    _depends = {
        "hr.appraisal": ["kinerja_state", "cycle_id", "employee_id", "company_id"],
        "hr.appraisal.judgement": [
            "appraisal_id",
            "predicate",
            "job_person_match",
            "jpm_category",
            "gap_count",
        ],
        "hr.employee": ["department_id"],
    }

    appraisal_id = fields.Many2one("hr.appraisal", readonly=True)
    cycle_id = fields.Many2one("hr.appraisal.cycle", readonly=True)
    employee_id = fields.Many2one("hr.employee", readonly=True)
    department_id = fields.Many2one("hr.department", string="Unit", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    kinerja_state = fields.Selection(
        [
            ("self", "Self-assessment"),
            ("supervisor", "Supervisor assessment"),
            ("done", "Done"),
        ],
        string="Step",
        readonly=True,
    )
    completion = fields.Float(
        string="Completion (%)",
        aggregator="avg",
        readonly=True,
        help="100 for a done appraisal, 0 otherwise: its average over a group "
        "is the group's completion rate.",
    )
    done_count = fields.Integer(string="Done", readonly=True)
    predicate = fields.Selection(PREDICATE_SELECTION, readonly=True)
    job_person_match = fields.Float(string="JPM (%)", aggregator="avg", readonly=True)
    jpm_category = fields.Selection(
        JPM_CATEGORIES, string="JPM Category", readonly=True
    )
    gap_count = fields.Integer(string="Competencies below standard", readonly=True)

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                """
                CREATE OR REPLACE VIEW %s AS (
                    SELECT
                        a.id AS id,
                        a.id AS appraisal_id,
                        a.cycle_id AS cycle_id,
                        a.employee_id AS employee_id,
                        e.department_id AS department_id,
                        a.company_id AS company_id,
                        a.kinerja_state AS kinerja_state,
                        CASE WHEN a.kinerja_state = 'done' THEN 100.0 ELSE 0.0 END
                            AS completion,
                        CASE WHEN a.kinerja_state = 'done' THEN 1 ELSE 0 END
                            AS done_count,
                        CASE WHEN a.kinerja_state = 'done' THEN j.predicate END
                            AS predicate,
                        CASE WHEN a.kinerja_state = 'done' THEN j.job_person_match END
                            AS job_person_match,
                        CASE WHEN a.kinerja_state = 'done' THEN j.jpm_category END
                            AS jpm_category,
                        CASE WHEN a.kinerja_state = 'done' THEN j.gap_count END
                            AS gap_count
                    FROM hr_appraisal a
                    JOIN hr_employee e ON e.id = a.employee_id
               LEFT JOIN hr_appraisal_judgement j ON j.appraisal_id = a.id
                    WHERE a.cycle_id IS NOT NULL
                )
                """,
                SQL.identifier(self._table),
            )
        )
