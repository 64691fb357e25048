from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..rules import talent as talent_rules
from .hr_appraisal import RATING_SELECTION

POTENTIAL_SELECTION = [
    ("high", "High"),
    ("medium", "Medium"),
    ("low", "Low"),
]
BOX_SELECTION = [
    ("9", "9 - Above expectations, high potential"),
    ("8", "8 - Meets expectations, high potential"),
    ("7", "7 - Above expectations, medium potential"),
    ("6", "6 - Below expectations, high potential"),
    ("5", "5 - Meets expectations, medium potential"),
    ("4", "4 - Above expectations, low potential"),
    ("3", "3 - Below expectations, medium potential"),
    ("2", "2 - Meets expectations, low potential"),
    ("1", "1 - Below expectations, low potential"),
]


class HrEmployeeTalent(models.Model):
    """Talent review of one employee for one year: HR's potential rating and
    the 9-box position from the latest annual appraisal. HR only."""

    _name = "hr.employee.talent"
    _description = "Talent Review (9-box)"
    _inherit = ["mail.thread", "hr.kinerja.bounds.mixin"]
    _kinerja_bounds = {"year": (2000, 2100)}
    _order = "year desc, box desc, employee_id"
    _rec_name = "employee_id"

    employee_id = fields.Many2one(
        "hr.employee",
        required=True,
        index=True,
        ondelete="cascade",
        help="The civil servant reviewed.",
    )
    company_id = fields.Many2one(
        related="employee_id.company_id", store=True, index=True
    )
    department_id = fields.Many2one(
        related="employee_id.department_id", store=True, index=True
    )
    job_id = fields.Many2one(related="employee_id.job_id")
    year = fields.Integer(
        required=True,
        default=lambda self: fields.Date.context_today(self).year,
        help="Year of the talent review.",
    )
    potential = fields.Selection(
        POTENTIAL_SELECTION,
        tracking=True,
        help="HR's assessment of the employee's potential (high, medium or low), "
        "e.g. from an assessment centre or the talent committee.",
    )
    potential_note = fields.Text(
        help="Evidence behind the potential rating (assessment, committee notes)."
    )
    # Performance axis, from the appraisal
    appraisal_id = fields.Many2one(
        "hr.appraisal",
        string="Annual appraisal",
        readonly=True,
        help="Latest done annual appraisal of the employee up to the end of the "
        "year; refreshed when such an appraisal is done.",
    )
    performance = fields.Selection(
        RATING_SELECTION,
        compute="_compute_box",
        store=True,
        help="The work-result rating of the annual appraisal.",
    )
    box = fields.Selection(
        BOX_SELECTION,
        string="9-box",
        compute="_compute_box",
        store=True,
        index=True,
        group_expand="_group_expand_box",
    )
    in_talent_pool = fields.Boolean(
        compute="_compute_box",
        store=True,
        index=True,
        help="Boxes 7 to 9: candidates for promotion and succession.",
    )

    _sql_constraints = [
        (
            "employee_year_unique",
            "UNIQUE(employee_id, year)",
            "An employee has one talent review per year.",
        ),
    ]

    @api.depends("appraisal_id.work_result_rating", "potential")
    def _compute_box(self):
        for talent in self:
            performance = talent.sudo().appraisal_id.work_result_rating
            box = talent_rules.nine_box(performance, talent.potential)
            talent.performance = performance
            talent.box = str(box) if box else False
            talent.in_talent_pool = talent_rules.in_talent_pool(box)

    @api.model
    def _group_expand_box(self, boxes, domain):
        return [key for key, _label in BOX_SELECTION]

    @api.constrains("year")
    def _check_year(self):
        for talent in self:
            if not 2000 <= talent.year <= 2100:
                raise ValidationError(
                    self.env._(
                        "%(year)s is not a valid year for a talent review.",
                        year=talent.year,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        talents = super().create(vals_list)
        talents._refresh_appraisal()
        return talents

    def write(self, vals):
        result = super().write(vals)
        if {"employee_id", "year"} & set(vals):
            self._refresh_appraisal()
        return result

    @api.model
    def _talent_by_employee(self, employees, year):
        """{employee id: talent review of the year} in one query, for the
        Excel export and reports (9-box ``box``, ``in_talent_pool``)."""
        return {
            talent.employee_id.id: talent
            for talent in self.search(
                [("employee_id", "in", employees.ids), ("year", "=", year)]
            )
        }

    def action_refresh(self):
        self._refresh_appraisal()

    def _refresh_appraisal(self):
        """Link each review to the latest done annual appraisal of its
        employee up to the end of its year (one query for the batch)."""
        if not self:
            return
        candidates = defaultdict(list)
        for appraisal in (
            self.env["hr.appraisal"]
            .sudo()
            .search_fetch(
                [
                    ("employee_id", "in", self.employee_id.ids),
                    ("period_type", "=", "annual"),
                    ("kinerja_state", "=", "done"),
                ],
                ["employee_id", "cycle_id"],
                order="id desc",
            )
        ):
            candidates[appraisal.employee_id.id].append(appraisal)
        for talent in self:
            eligible = [
                appraisal
                for appraisal in candidates[talent.employee_id.id]
                if appraisal.cycle_id.date_end.year <= talent.year
            ]
            eligible.sort(key=lambda a: a.cycle_id.date_end, reverse=True)
            latest = eligible[0] if eligible else self.env["hr.appraisal"]
            if talent.appraisal_id != latest:
                talent.appraisal_id = latest.id
