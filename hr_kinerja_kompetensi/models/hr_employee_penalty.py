from odoo import api, fields, models
from odoo.exceptions import ValidationError

PENALTY_KINDS = [
    ("ringan", "Light disciplinary penalty (ringan)"),
    ("sedang", "Medium disciplinary penalty (sedang)"),
    ("berat", "Heavy disciplinary penalty (berat)"),
    ("cltn", "Unpaid leave (CLTN)"),
]


class HrEmployeePenalty(models.Model):
    """Disciplinary penalties (hukuman disiplin) and unpaid leave (CLTN).

    Recorded and read by HR only: they exclude employees from the monthly
    best performer and from Satyalancana Karya Satya.
    """

    _name = "hr.employee.penalty"
    _description = "Disciplinary Penalty or Unpaid Leave"
    _inherit = ["mail.thread"]
    _order = "date_start desc, id desc"
    _rec_name = "employee_id"

    employee_id = fields.Many2one(
        "hr.employee",
        required=True,
        index=True,
        ondelete="cascade",
        tracking=True,
        help="The civil servant the decision is about.",
    )
    company_id = fields.Many2one(
        related="employee_id.company_id", store=True, index=True
    )
    department_id = fields.Many2one(related="employee_id.department_id", store=True)
    kind = fields.Selection(
        PENALTY_KINDS,
        required=True,
        tracking=True,
        help="Light, medium or heavy disciplinary penalty, or a period of unpaid "
        "leave outside the state's responsibility (CLTN).",
    )
    date_start = fields.Date(
        string="Start",
        required=True,
        tracking=True,
        help="First day the penalty or the unpaid leave applies.",
    )
    date_end = fields.Date(
        string="End",
        tracking=True,
        help="Last day it applies. Leave empty while it has no end date.",
    )
    reference = fields.Char(
        string="Decision number",
        help="Number of the decision letter (SK) imposing the penalty or "
        "granting the leave.",
    )
    note = fields.Text(help="Short description of the case.")
    active_today = fields.Boolean(
        string="Running",
        compute="_compute_active_today",
        search="_search_active_today",
    )

    @api.depends("date_start", "date_end")
    def _compute_active_today(self):
        today = fields.Date.context_today(self)
        for penalty in self:
            penalty.active_today = penalty.date_start <= today and (
                not penalty.date_end or today <= penalty.date_end
            )

    def _search_active_today(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise NotImplementedError(operator)
        today = fields.Date.context_today(self)
        running = [
            ("date_start", "<=", today),
            "|",
            ("date_end", "=", False),
            ("date_end", ">=", today),
        ]
        if (operator == "=") == value:
            return running
        return ["!", "&", *running]

    @api.constrains("date_start", "date_end")
    def _check_dates(self):
        for penalty in self:
            if penalty.date_end and penalty.date_end < penalty.date_start:
                raise ValidationError(
                    self.env._(
                        "%(employee)s: the penalty ends before it starts.",
                        employee=penalty.employee_id.name,
                    )
                )

    @api.model
    def _penalties_by_employee(self, employees):
        """{employee id: [(kind, start, end)]} in one query (sudo: callers
        use it to decide eligibility, never to show the penalties)."""
        result = {employee.id: [] for employee in employees}
        for penalty in self.sudo().search_fetch(
            [("employee_id", "in", employees.ids)],
            ["employee_id", "kind", "date_start", "date_end"],
        ):
            result[penalty.employee_id.id].append(
                (penalty.kind, penalty.date_start, penalty.date_end)
            )
        return result
