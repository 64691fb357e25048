from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.osv import expression

ACTING_KINDS = [
    ("plt", "Plt (Pelaksana Tugas): the post is vacant"),
    ("plh", "Plh (Pelaksana Harian): the head is temporarily away"),
]
ACTING_REASONS = [
    ("vacant", "Vacant post"),
    ("leave", "Leave or assignment elsewhere"),
    ("dispute", "The supervisor is party to a dispute"),
    ("other", "Other"),
]


class HrActingAppraiser(models.Model):
    """An acting appraiser (Plt/Plh) that HR assigns for a unit or for some
    employees over a date range.

    While the assignment is in force the acting appraiser is inside the
    supervision scope of those employees (``hr.employee.in_my_supervision``,
    which every record rule and check of the addon uses) and is the PPK of
    their appraisals; the atasan PPK follows from the PPK.
    """

    _name = "hr.acting.appraiser"
    _description = "Acting Appraiser (Plt/Plh)"
    _inherit = ["mail.thread"]
    _order = "date_start desc, id desc"
    _rec_name = "appraiser_id"

    appraiser_id = fields.Many2one(
        "hr.employee",
        string="Acting appraiser",
        required=True,
        index=True,
        ondelete="restrict",
        tracking=True,
        check_company=True,
        help="The official who appraises in place of the supervisor while the "
        "assignment is in force (the Plt or Plh named in the decree).",
    )
    appraiser_user_id = fields.Many2one(
        related="appraiser_id.user_id", store=True, index=True, string="User"
    )
    kind = fields.Selection(
        ACTING_KINDS,
        required=True,
        default="plt",
        tracking=True,
        help="Plt when the post is vacant, Plh when its holder is away for a "
        "short time (leave, official travel).",
    )
    # HR's: a dispute between an employee and her supervisor is nobody
    # else's business (who acts, for whom and when stays public)
    reason = fields.Selection(
        ACTING_REASONS,
        required=True,
        default="vacant",
        tracking=True,
        groups="hr_kinerja_kompetensi.group_kinerja_hr_officer",
        help="Why the usual supervisor does not appraise. A supervisor who is "
        "party to a dispute with the employee is replaced for that employee.",
    )
    scope = fields.Selection(
        [("department", "A whole unit"), ("employee", "Some employees")],
        required=True,
        default="department",
        tracking=True,
        help="A whole unit (its employees and those of its sub-units) or only "
        "the employees listed.",
    )
    department_id = fields.Many2one(
        "hr.department",
        string="Unit",
        index=True,
        tracking=True,
        check_company=True,
        help="The unit whose employees the acting appraiser appraises, "
        "sub-units included.",
    )
    employee_ids = fields.Many2many(
        "hr.employee",
        "hr_acting_appraiser_employee_rel",
        "acting_id",
        "employee_id",
        string="Employees",
        check_company=True,
        help="The employees the acting appraiser appraises (when the "
        "assignment is not for a whole unit).",
    )
    date_start = fields.Date(
        string="From",
        required=True,
        default=fields.Date.context_today,
        tracking=True,
        help="First day of the assignment.",
    )
    date_end = fields.Date(
        string="To",
        required=True,
        tracking=True,
        help="Last day of the assignment. An appraisal whose period is assessed "
        "while it is in force (from the cycle's end to the supervisor "
        "deadline) is appraised by the acting appraiser.",
    )
    reference = fields.Char(
        string="Decree number",
        tracking=True,
        help="Number of the decree or letter of assignment (SK / Surat Perintah "
        "Plt/Plh).",
    )
    # may describe a dispute: HR's, not the agency's (who acts is public)
    note = fields.Text(
        groups="hr_kinerja_kompetensi.group_kinerja_hr_officer",
        help="Anything the next officer should know.",
    )
    company_id = fields.Many2one(
        "res.company",
        required=True,
        index=True,
        default=lambda self: self.env.company,
        help="The agency the assignment belongs to.",
    )
    active = fields.Boolean(default=True, help="Archive an assignment made by mistake.")
    in_force_today = fields.Boolean(
        string="In force",
        compute="_compute_in_force_today",
        search="_search_in_force_today",
    )

    @api.model_create_multi
    def create(self, vals_list):
        assignments = super().create(vals_list)
        assignments._check_not_own()
        assignments._recompute_appraisers()
        return assignments

    def write(self, vals):
        self.check_access("write")
        self._check_not_own()
        before = self._covered_employees()
        result = super().write(vals)
        self._check_not_own()
        self._recompute_appraisers(before)  # covered before, and now
        return result

    def _covered_by_assignment(self):
        """{assignment: the employees it makes the acting appraiser appraise}
        (sudo, two queries). A unit's assignment covers the unit and its
        sub-units but not the head it stands in for (the unit's manager, or
        whoever reports outside the unit) and not the acting appraiser."""
        assignments = self.sudo()
        units = assignments.filtered(lambda a: a.scope == "department").department_id
        members = self.env["hr.employee"]
        if units:
            members = (
                members.sudo()
                .with_context(active_test=False)
                .search_fetch(
                    [("department_id", "child_of", units.ids)],
                    ["department_id", "parent_id"],
                )
            )
        result = {}
        for acting in assignments:
            if acting.scope == "employee":
                result[acting] = acting.employee_ids - acting.appraiser_id
                continue
            path = acting.department_id.parent_path
            in_unit = members.filtered(
                lambda e, path=path: (e.department_id.parent_path or "").startswith(
                    path
                )
            )
            head = acting.department_id.manager_id | acting.appraiser_id
            result[acting] = in_unit.filtered(
                lambda e, in_unit=in_unit, head=head: (
                    e not in head and not (e.parent_id and e.parent_id not in in_unit)
                )
            )
        return result

    def _covered_employees(self):
        """Everyone these assignments make appraisable (sudo)."""
        covered = self.env["hr.employee"].sudo()
        for employees in self._covered_by_assignment().values():
            covered |= employees
        return covered

    def _check_not_own(self):
        """Nobody judges themself: an HR officer does not choose who
        appraises her, nor make herself somebody's appraiser."""
        if self.env.su or not self:
            return
        uid = self.env.uid
        if uid in self.sudo().appraiser_user_id.ids or uid in (
            self._covered_employees().user_id.ids
        ):
            raise UserError(
                self.env._(
                    "An acting assignment that names you or covers your own "
                    "appraisal is made by another HR officer."
                )
            )

    def unlink(self):
        self.check_access("unlink")
        self._check_not_own()
        before = self._covered_employees()
        result = super().unlink()
        self.browse()._recompute_appraisers(before)
        return result

    def _recompute_appraisers(self, also=None):
        """The supervision scope and the PPK and atasan PPK of open
        appraisals follow the assignments: mark those of the covered
        employees (and ``also``, those covered before a change) and of those
        they are PPK of for recomputation, in one search."""
        covered = self._covered_employees() | (also or self.env["hr.employee"])
        if not covered:
            return
        # the supervision scope of the covered employees...
        self.env.add_to_compute(
            self.env["hr.employee"]._fields["allowed_user_ids"], covered
        )
        # ...and the PPK of their open appraisals
        Appraisal = self.env["hr.appraisal"].sudo()
        appraisals = Appraisal.with_context(active_test=False).search(
            [
                ("kinerja_state", "!=", "done"),
                "|",
                ("employee_id", "in", covered.ids),
                ("appraiser_id", "in", covered.ids),
            ]
        )
        for fname in ("appraiser_id", "acting_appraiser_id", "atasan_ppk_id"):
            self.env.add_to_compute(Appraisal._fields[fname], appraisals)

    @api.depends("date_start", "date_end")
    def _compute_in_force_today(self):
        today = fields.Date.context_today(self)
        for acting in self:
            acting.in_force_today = bool(
                acting.date_start
                and acting.date_end
                and acting.date_start <= today <= acting.date_end
            )

    def _search_in_force_today(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise NotImplementedError(operator)
        today = fields.Date.context_today(self)
        domain = self._overlapping(today, today)
        if (operator == "=") == value:
            return domain
        return ["!", *expression.normalize_domain(domain)]

    @api.model
    def _overlapping(self, date_from, date_to):
        return [("date_start", "<=", date_to), ("date_end", ">=", date_from)]

    @api.constrains(
        "scope",
        "department_id",
        "employee_ids",
        "appraiser_id",
        "date_start",
        "date_end",
    )
    def _check_scope(self):
        for acting in self:
            if acting.date_end < acting.date_start:
                raise ValidationError(
                    self.env._(
                        "The acting assignment of %(name)s ends before it starts.",
                        name=acting.appraiser_id.name,
                    )
                )
            if acting.scope == "department" and not acting.department_id:
                raise ValidationError(
                    self.env._(
                        "Choose the unit %(name)s appraises as acting appraiser.",
                        name=acting.appraiser_id.name,
                    )
                )
            if acting.scope == "employee" and not acting.employee_ids:
                raise ValidationError(
                    self.env._(
                        "Choose the employees %(name)s appraises as acting appraiser.",
                        name=acting.appraiser_id.name,
                    )
                )
            if (
                acting.scope == "employee"
                and acting.appraiser_id in acting.employee_ids
            ):
                raise ValidationError(
                    self.env._(
                        "%(name)s cannot be their own acting appraiser.",
                        name=acting.appraiser_id.name,
                    )
                )

    @api.constrains(
        "scope", "department_id", "employee_ids", "date_start", "date_end", "active"
    )
    def _check_no_overlap(self):
        """Two acting appraisers for the same unit or employee at the same
        time would leave the PPK ambiguous."""
        mine = self.filtered("active")
        if not mine:
            return
        others = self.sudo().search(
            expression.AND(
                [
                    [("id", "not in", mine.ids)],
                    self._overlapping(
                        min(mine.mapped("date_start")), max(mine.mapped("date_end"))
                    ),
                    [
                        "|",
                        ("department_id", "in", mine.department_id.ids),
                        ("employee_ids", "in", mine.employee_ids.ids),
                    ],
                ]
            )
        )
        candidates = mine.sudo() | others
        for acting in mine.sudo():
            for other in candidates:
                if other == acting or other.scope != acting.scope:
                    continue
                if not (
                    other.date_start <= acting.date_end
                    and other.date_end >= acting.date_start
                ):
                    continue
                if acting.scope == "department":
                    clash = other.department_id == acting.department_id
                    what = acting.department_id.name
                else:
                    common = other.employee_ids & acting.employee_ids
                    clash = bool(common)
                    what = ", ".join(common.mapped("name"))
                if clash:
                    raise ValidationError(
                        self.env._(
                            "%(what)s already has an acting appraiser (%(other)s) "
                            "between %(start)s and %(end)s.",
                            what=what,
                            other=other.appraiser_id.name,
                            start=other.date_start,
                            end=other.date_end,
                        )
                    )

    @api.model
    def _cron_follow_dates(self):
        """Daily: the supervision scope (hr.employee.allowed_user_ids) counts
        an acting appraiser only while the assignment is in force, so the
        employees of assignments that started or ended since the last days
        are recomputed (a week back, in case the scheduler missed a day)."""
        today = fields.Date.context_today(self)
        week_ago = today - timedelta(days=7)
        changed = self.with_context(active_test=False).search(
            [
                "|",
                "&",
                ("date_start", ">", week_ago),
                ("date_start", "<=", today),
                "&",
                ("date_end", ">=", week_ago),
                ("date_end", "<", today),
            ]
        )
        employees = changed._covered_employees()
        self.env.add_to_compute(
            self.env["hr.employee"]._fields["allowed_user_ids"], employees
        )
        employees.flush_recordset(["allowed_user_ids"])

    @api.model
    def _acting_for(self, employees, date_from, date_to):
        """{employee id: the assignment that makes someone else their PPK}
        for assignments overlapping [date_from, date_to], in a fixed number of
        queries. An assignment naming the employee wins over one for their
        unit; then the one that started last."""
        employees = employees.sudo()
        found = self.sudo().search(
            self._overlapping(date_from, date_to)
            + [
                "|",
                ("employee_ids", "in", employees.ids),
                ("department_id", "!=", False),
            ],
            order="date_start desc, id desc",
        )
        covered = found._covered_by_assignment()
        result = {}
        # employee assignments first, then units; newest first within each
        for acting in found.sorted(lambda a: a.scope != "employee"):
            for employee in covered[acting] & employees:
                result.setdefault(employee.id, acting)
        return result
