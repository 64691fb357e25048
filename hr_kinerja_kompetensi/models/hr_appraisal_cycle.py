from collections import defaultdict

from markupsafe import Markup, escape

from odoo import Command, api, fields, models
from odoo.exceptions import UserError, ValidationError

from .hr_appraisal_confidential_mixin import check_hr_exception

ORGANIZATION_RATINGS = [
    ("istimewa", "Istimewa"),
    ("baik", "Baik"),
    ("butuh_perbaikan", "Butuh Perbaikan"),
    ("kurang", "Kurang"),
    ("sangat_kurang", "Sangat Kurang"),
]


class HrAppraisalCycle(models.Model):
    _name = "hr.appraisal.cycle"
    _description = "Appraisal Cycle"
    _inherit = ["mail.thread"]
    _order = "date_start desc, id desc"

    # Identity and period
    name = fields.Char(
        required=True,
        tracking=True,
        help="e.g. 'Penilaian Kinerja Triwulan III 2026'.",
    )
    period_type = fields.Selection(
        [("monthly", "Monthly"), ("quarterly", "Quarterly"), ("annual", "Annual")],
        required=True,
        default="quarterly",
        tracking=True,
        help="Periodic evaluations are monthly or quarterly (the agency chooses); "
        "the annual evaluation closes the year.",
    )
    date_start = fields.Date(required=True, help="First day of the period evaluated.")
    date_end = fields.Date(required=True, help="Last day of the period evaluated.")
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    department_ids = fields.Many2many(
        "hr.department",
        string="Departments",
        help="Units evaluated in this cycle (with their sub-units). Leave empty "
        "to evaluate the whole agency.",
    )
    organization_rating = fields.Selection(
        ORGANIZATION_RATINGS,
        tracking=True,
        help="Rating of the organisation's performance for the period, set by "
        "the agency before employees' predicates. It guides how many of each "
        "predicate to expect.",
    )
    # Deadlines and workflow
    date_self_deadline = fields.Date(
        string="Self-assessment deadline",
        help="Employees fill their self-assessment by this date.",
    )
    date_supervisor_deadline = fields.Date(
        string="Supervisor deadline",
        help="Supervisors rate their team by this date.",
    )
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("open", "Open"),
            ("calibration", "Calibration"),
            ("closed", "Closed"),
        ],
        default="draft",
        required=True,
        tracking=True,
        index=True,
    )
    appraisal_ids = fields.One2many("hr.appraisal", "cycle_id", string="Appraisals")
    appraisal_count = fields.Integer(compute="_compute_appraisal_stats")
    done_count = fields.Integer(compute="_compute_appraisal_stats")
    completion_rate = fields.Float(
        compute="_compute_appraisal_stats", string="Completion (%)"
    )
    generation_issues = fields.Html(
        readonly=True,
        copy=False,
        help="Employees the last generation could not appraise, and why.",
    )

    @api.depends("appraisal_ids.kinerja_state")
    def _compute_appraisal_stats(self):
        counts = defaultdict(lambda: [0, 0])
        for cycle, state, count in self.env["hr.appraisal"]._read_group(
            [("cycle_id", "in", self.ids)], ["cycle_id", "kinerja_state"], ["__count"]
        ):
            counts[cycle.id][0] += count
            if state == "done":
                counts[cycle.id][1] += count
        for cycle in self:
            total, done = counts[cycle._origin.id]
            cycle.appraisal_count = total
            cycle.done_count = done
            cycle.completion_rate = done * 100.0 / total if total else 0.0

    @api.constrains(
        "date_start", "date_end", "date_self_deadline", "date_supervisor_deadline"
    )
    def _check_dates(self):
        for cycle in self:
            if cycle.date_end < cycle.date_start:
                raise ValidationError(
                    self.env._(
                        "%(cycle)s: the period ends before it starts.", cycle=cycle.name
                    )
                )
            if (
                cycle.date_self_deadline
                and cycle.date_supervisor_deadline
                and cycle.date_supervisor_deadline < cycle.date_self_deadline
            ):
                raise ValidationError(
                    self.env._(
                        "%(cycle)s: the supervisor deadline comes before the "
                        "self-assessment deadline.",
                        cycle=cycle.name,
                    )
                )

    @api.constrains(
        "date_start", "date_end", "period_type", "department_ids", "company_id"
    )
    def _check_overlap(self):
        for cycle in self:
            others = self.search(
                [
                    ("id", "!=", cycle.id),
                    ("company_id", "=", cycle.company_id.id),
                    ("period_type", "=", cycle.period_type),
                    ("date_start", "<=", cycle.date_end),
                    ("date_end", ">=", cycle.date_start),
                ]
            )
            # Two cycles clash when either covers the whole agency or they
            # share a department.
            clash = others.filtered(
                lambda other, cycle=cycle: (
                    not other.department_ids
                    or not cycle.department_ids
                    or other.department_ids & cycle.department_ids
                )
            )
            if clash:
                raise ValidationError(
                    self.env._(
                        "%(cycle)s overlaps %(other)s: a department has one cycle "
                        "of each kind for a given period.",
                        cycle=cycle.name,
                        other=clash[0].name,
                    )
                )

    def action_open(self):
        for cycle in self.filtered(lambda c: c.state == "draft"):
            cycle.state = "open"
        return self.action_generate_appraisals()

    def action_start_calibration(self):
        self._check_state("open")
        self.state = "calibration"

    def action_close(self):
        """Close cycles whose appraisals are all done; list the others."""
        self._check_state("open", "calibration")
        pending = self.appraisal_ids.filtered(lambda a: a.kinerja_state != "done")
        if pending:
            raise UserError(
                self.env._(
                    "These appraisals are not done yet, so the cycle cannot be "
                    "closed (HR can force the closing with a reason): %(names)s",
                    names=", ".join(pending[:50].mapped("employee_id.name"))
                    + (" ..." if len(pending) > 50 else ""),
                )
            )
        self.state = "closed"

    def action_force_close(self, reason):
        """Close even with pending appraisals; HR only, reason logged."""
        check_hr_exception(
            self.env,
            reason,
            self.env._("Only HR officers can force a cycle to close."),
            self.env._("Give the reason for closing the cycle early."),
        )
        self._check_state("open", "calibration")
        for cycle in self:
            pending = cycle.appraisal_ids.filtered(lambda a: a.kinerja_state != "done")
            cycle.message_post(
                body=self.env._(
                    "Closed by %(user)s with %(count)s appraisals not done. "
                    "Reason: %(reason)s",
                    user=self.env.user.name,
                    count=len(pending),
                    reason=reason,
                )
            )
        self.state = "closed"

    def _check_state(self, *states):
        wrong = self.filtered(lambda c: c.state not in states)
        if wrong:
            raise UserError(
                self.env._(
                    "This step is not possible for the cycle(s) %(names)s in their "
                    "current state.",
                    names=", ".join(wrong.mapped("name")),
                )
            )

    def action_generate_appraisals(self):
        """Create the missing appraisals of open cycles (idempotent)."""
        self._check_state("open")
        created = self.env["hr.appraisal"]
        for cycle in self:
            created |= cycle._generate_appraisals()
        return created

    def action_view_appraisals(self):
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "hr_kinerja_kompetensi.hr_appraisal_action_kinerja"
        )
        action["domain"] = [("cycle_id", "in", self.ids)]
        action["context"] = {"default_cycle_id": self[:1].id}
        return action

    # Business methods
    def _employee_domain(self):
        self.ensure_one()
        domain = [("company_id", "=", self.company_id.id)]
        if self.department_ids:
            domain.append(("department_id", "child_of", self.department_ids.ids))
        return domain

    def _generate_appraisals(self):
        """One appraisal per employee in scope, with its lines, in batches.

        Employees without a supervisor or without a job standard are not
        appraised and are listed in ``generation_issues`` for HR.
        """
        self.ensure_one()
        Appraisal = self.env["hr.appraisal"].with_context(
            tracking_disable=True, mail_create_nolog=True, mail_create_nosubscribe=True
        )
        employees = self.env["hr.employee"].search(self._employee_domain())
        done_ids = {
            employee.id
            for [employee] in Appraisal._read_group(
                [("cycle_id", "=", self.id)], ["employee_id"]
            )
        }
        employees = employees.filtered(lambda e: e.id not in done_ids)
        standards = defaultdict(list)
        for line in self.env["hr.job.competency"].search_fetch(
            [("job_id", "in", employees.job_id.ids)],
            ["job_id", "skill_id", "required_level"],
        ):
            standards[line.job_id.id].append(line)
        no_supervisor = employees.filtered(lambda e: not e.parent_id)
        no_standard = employees.filtered(
            lambda e: e.parent_id and not standards.get(e.job_id.id)
        )
        employees -= no_supervisor | no_standard
        self.generation_issues = self._format_generation_issues(
            no_supervisor, no_standard
        )
        if not employees:
            return Appraisal
        behavior_values = self.env["hr.behavior.value"].search([])
        date_close = self.date_supervisor_deadline or self.date_end
        appraisals = Appraisal.create(
            [
                {
                    "employee_id": employee.id,
                    # given here, hr_appraisal_oca's manager_ids compute (one
                    # relation insert per appraisal) does not run
                    "manager_ids": [Command.set(employee.parent_id.ids)],
                    "cycle_id": self.id,
                    "date_close": date_close,
                    "state": "2_pending",
                    "kinerja_state": "self",
                    "employee_feedback_published": False,
                    "manager_feedback_published": False,
                }
                for employee in employees
            ]
        )
        rows = [
            (appraisal.id, line.skill_id.id, line.required_level)
            for appraisal, employee in zip(appraisals, employees, strict=True)
            for line in standards[employee.job_id.id]
        ]
        # the lines go in by SQL (see _insert_unrated): create() on ~160,000
        # rows was half of the generation time of a 10,000-employee cycle
        # the SQL reads the skills' family and the values' sequence
        self.env["hr.skill"].flush_model(["competency_family"])
        self.env["hr.behavior.value"].flush_model(["sequence"])
        self.env["hr.appraisal.competency"]._insert_unrated(*zip(*rows, strict=True))
        self.env["hr.appraisal.behavior"]._insert_unrated(
            appraisals.ids, behavior_values
        )
        appraisals._schedule_cycle_activities()
        return appraisals

    def _format_generation_issues(self, no_supervisor, no_standard):
        if not (no_supervisor or no_standard):
            return False
        parts = []
        for title, employees in (
            (
                self.env._("Without a supervisor (set Manager on the employee)"),
                no_supervisor,
            ),
            (
                self.env._(
                    "Without a job competency standard (fill the job's standard)"
                ),
                no_standard,
            ),
        ):
            if employees:
                names = Markup(", ").join(
                    escape(name) for name in employees.mapped("name")
                )
                parts.append(
                    Markup("<p><b>%s (%s)</b>: %s</p>") % (title, len(employees), names)
                )
        return Markup("").join(parts)
