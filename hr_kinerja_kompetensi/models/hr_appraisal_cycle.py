from collections import defaultdict

from markupsafe import Markup, escape

from odoo import Command, api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..rules import distribution as distribution_rules
from . import labels as label_defs
from .hr_appraisal import PREDICATE_SELECTION
from .hr_appraisal_confidential_mixin import HR_GROUP, check_hr_exception

ORGANIZATION_RATINGS = label_defs.selection(label_defs.ORGANIZATION_RATINGS)


class HrAppraisalCycle(models.Model):
    _name = "hr.appraisal.cycle"
    _description = "Appraisal Cycle"
    _inherit = ["mail.thread", "hr.kinerja.workflow.mixin"]
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
    # Who the last generation could not appraise, kept as data: the notice
    # is written when it is read, in the reader's language (a text stored at
    # generation stayed in the language of whoever opened the cycle, English
    # in the demo on an Indonesian screen).
    unappraised_no_ppk_ids = fields.Many2many(
        "hr.employee",
        "hr_appraisal_cycle_no_ppk_rel",
        "cycle_id",
        "employee_id",
        string="Not appraised: no supervisor",
        readonly=True,
        copy=False,
    )
    unappraised_no_standard_ids = fields.Many2many(
        "hr.employee",
        "hr_appraisal_cycle_no_standard_rel",
        "cycle_id",
        "employee_id",
        string="Not appraised: no job standard",
        readonly=True,
        copy=False,
    )
    generation_issues = fields.Html(
        compute="_compute_generation_issues",
        sanitize=False,
        help="Employees the last generation could not appraise, and why.",
    )

    feedback_deadline = fields.Date(
        help="Reviewers give their 360 feedback by this date. Closing the "
        "feedback phase expires what is still open and releases all results "
        "of the cycle together."
    )
    feedback_closed = fields.Boolean(
        string="Feedback phase closed", readonly=True, copy=False, tracking=True
    )
    feedback_release_date = fields.Datetime(
        string="Feedback released on", readonly=True, copy=False
    )
    feedback_count = fields.Integer(compute="_compute_feedback_stats")
    feedback_completion_rate = fields.Float(
        string="Feedback completion (%)", compute="_compute_feedback_stats"
    )

    # The background job of the last generation (large cycles): the form
    # shows how far it is and why it failed
    generation_job_id = fields.Many2one(
        "hr.kinerja.job", string="Generation job", readonly=True, copy=False
    )
    generation_job_state = fields.Selection(
        related="generation_job_id.state", string="Generation"
    )
    generation_job_progress = fields.Char(
        related="generation_job_id.progress_text", string="Generation progress"
    )
    generation_job_message = fields.Text(
        related="generation_job_id.message", string="Generation failure"
    )
    # the same for the last bulk 360 request
    feedback_request_job_id = fields.Many2one(
        "hr.kinerja.job", string="360 request job", readonly=True, copy=False
    )
    feedback_request_job_state = fields.Selection(
        related="feedback_request_job_id.state", string="360 requests"
    )
    feedback_request_job_progress = fields.Char(
        related="feedback_request_job_id.progress_text",
        string="360 request progress",
    )
    feedback_request_job_message = fields.Text(
        related="feedback_request_job_id.message", string="360 request failure"
    )

    distribution_html = fields.Html(
        string="Predicate distribution",
        compute="_compute_distribution_html",
        sanitize=False,
        groups=HR_GROUP,
    )
    distribution_warning_count = fields.Integer(
        string="Distribution warnings",
        compute="_compute_distribution_html",
        groups=HR_GROUP,
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

    def _export_workbook_name(self):
        """Name of the cycle's Excel workbook, without extension (the export
        wizard and the Print menu's ``print_report_name``)."""
        self.ensure_one()
        slug = "".join(c if c.isalnum() else "_" for c in self.name).strip("_")
        return f"Kinerja_{slug}_{self.date_end:%Y%m%d}"

    def action_open(self):
        self.check_access("write")
        self._check_generation_not_running()
        self.filtered(lambda c: c.state == "draft").sudo().state = "open"
        return self.action_generate_appraisals()

    def action_start_calibration(self):
        self.check_access("write")
        self._check_state("open")
        self.sudo().state = "calibration"

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
        self.check_access("write")
        self.sudo().state = "closed"

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
        self.check_access("write")
        self.sudo().state = "closed"

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
        """Create the missing appraisals of open cycles (idempotent).

        A cycle with more employees in scope than the inline limit
        (``hr_kinerja_kompetensi.job_inline_limit``) is generated by a
        background job in batches and an empty recordset is returned; a
        smaller one is generated in this request and its appraisals returned.
        """
        self.check_access("write")
        self._check_state("open")
        self._check_generation_not_running()
        created = self.env["hr.appraisal"]
        for cycle in self:
            result, job = self.env["hr.kinerja.job"]._run_or_start(
                cycle,
                "cycle_generate",
                self.env._("Generation of %(cycle)s", cycle=cycle.name),
                self.env["hr.employee"].search_count(cycle._employee_domain()),
                cycle._generate_appraisals,
            )
            if job:
                cycle.sudo().generation_job_id = job
            else:
                created |= result
        return created

    def _check_generation_not_running(self):
        self.env["hr.kinerja.job"]._check_not_running(self, "cycle_generate")

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

    def _unappraised_employees(self, employees=None, reset_issues=True):
        """The employees in scope (or of ``employees``, one batch of them)
        without an appraisal in this cycle who can be appraised, with the job
        standards and their PPK; records on the cycle those who cannot (no
        supervisor, no job standard): the list replaces the last one, or is
        added to it for the batches after the first (``reset_issues``)."""
        self.ensure_one()
        if employees is None:
            employees = self.env["hr.employee"].search(self._employee_domain())
        done_ids = {
            employee.id
            for [employee] in self.env["hr.appraisal"]._read_group(
                [("cycle_id", "=", self.id), ("employee_id", "in", employees.ids)],
                ["employee_id"],
            )
        }
        employees = employees.filtered(lambda e: e.id not in done_ids)
        standards = defaultdict(list)
        for line in self.env["hr.job.competency"].search_fetch(
            [("job_id", "in", employees.job_id.ids)],
            ["job_id", "skill_id", "required_level"],
        ):
            standards[line.job_id.id].append(line)
        # the PPK: an acting appraiser (Plt/Plh) in force when the period is
        # assessed, otherwise the direct supervisor (as hr.appraisal computes it)
        acting = self.env["hr.acting.appraiser"]._acting_for(
            employees,
            self.date_end,
            max(self.date_end, self.date_supervisor_deadline or self.date_end),
        )
        ppk = {
            e.id: acting[e.id].appraiser_id if e.id in acting else e.parent_id
            for e in employees
        }
        no_supervisor = employees.filtered(lambda e: not ppk[e.id])
        no_standard = employees.filtered(
            lambda e: ppk[e.id] and not standards.get(e.job_id.id)
        )
        if reset_issues:
            self.write(
                {
                    "unappraised_no_ppk_ids": [Command.set(no_supervisor.ids)],
                    "unappraised_no_standard_ids": [Command.set(no_standard.ids)],
                }
            )
        elif no_supervisor or no_standard:
            self.write(
                {
                    "unappraised_no_ppk_ids": [
                        Command.link(e.id) for e in no_supervisor
                    ],
                    "unappraised_no_standard_ids": [
                        Command.link(e.id) for e in no_standard
                    ],
                }
            )
        return employees - no_supervisor - no_standard, standards, ppk

    def _generate_appraisals(self, employees=None, reset_issues=True):
        """One appraisal per employee in scope (or of ``employees``), with
        its lines and activities, in one transaction.

        Employees without a supervisor or without a job standard are not
        appraised and are listed in ``generation_issues`` for HR.
        """
        self.ensure_one()
        Appraisal = self.env["hr.appraisal"].with_context(
            tracking_disable=True, mail_create_nolog=True, mail_create_nosubscribe=True
        )
        employees, standards, ppk = self._unappraised_employees(employees, reset_issues)
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
                    "manager_ids": [Command.set(ppk[employee.id].ids)],
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

    def _job_cycle_generate(self, job, batch_size):
        """One batch of a generation job: the next ``batch_size`` employees
        in scope after the job's cursor (by id), generated as in the request.
        Returns (processed, created, cursor, remaining) for the job."""
        self.ensure_one()
        if self.state != "open":
            raise UserError(
                self.env._("The cycle %(cycle)s is no longer open.", cycle=self.name)
            )
        Employee = self.env["hr.employee"]
        domain = self._employee_domain()
        employees = Employee.search(
            domain + [("id", ">", job.cursor)], order="id", limit=batch_size
        )
        if not employees:
            return 0, 0, job.cursor, 0
        created = self._generate_appraisals(employees, reset_issues=not job.cursor)
        cursor = employees[-1].id
        remaining = Employee.search_count(domain + [("id", ">", cursor)])
        return len(employees), len(created), cursor, remaining

    @api.depends_context("lang")
    @api.depends("unappraised_no_ppk_ids", "unappraised_no_standard_ids")
    def _compute_generation_issues(self):
        for cycle in self:
            cycle.generation_issues = cycle._format_generation_issues(
                cycle.unappraised_no_ppk_ids.sudo(),
                cycle.unappraised_no_standard_ids.sudo(),
            )

    def _format_generation_issues(self, no_supervisor, no_standard):
        if not (no_supervisor or no_standard):
            return False
        parts = []
        for title, employees in (
            (
                self.env._(
                    "Without a supervisor (set Manager on the employee, or an "
                    "acting appraiser for the unit)"
                ),
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

    def _compute_feedback_stats(self):
        stats = {
            cycle.id: (count, done)
            for cycle, count, done in self.env["hr.appraisal.feedback"]._read_group(
                [("cycle_id", "in", self.ids)],
                ["cycle_id"],
                ["__count", "completion:sum"],
            )
        }
        for cycle in self:
            count, done = stats.get(cycle._origin.id, (0, 0.0))
            cycle.feedback_count = count
            cycle.feedback_completion_rate = done / count if count else 0.0

    def action_request_feedback(self):
        """Request 360 feedback for every appraisal of the cycles (bulk).

        A cycle with more appraisals than the inline limit is requested by a
        background job in batches (``feedback_request_job_id``) and nothing
        is returned for it; a smaller one in this request, its new requests
        returned."""
        self._check_feedback_hr()
        self._check_state("open")
        self._check_feedback_phase_open()
        Request = self.env["hr.appraisal.feedback.request"]
        feedbacks = self.env["hr.appraisal.feedback"]
        for cycle in self:
            appraisals = cycle.appraisal_ids
            result, job = self.env["hr.kinerja.job"]._run_or_start(
                cycle,
                "cycle_feedback_request",
                self.env._("360 requests of %(cycle)s", cycle=cycle.name),
                len(appraisals),
                lambda appraisals=appraisals: Request._request_for_appraisals(
                    appraisals
                ),
            )
            if job:
                cycle.sudo().feedback_request_job_id = job
            else:
                feedbacks |= result
        return feedbacks

    def _job_cycle_feedback_request(self, job, batch_size):
        """One batch of a 360 request job: the next ``batch_size`` appraisals
        of the cycle after the job's cursor (by id), requested as in the
        request; reviewers already asked are skipped, so a batch done again
        after a crash adds nothing twice.
        Returns (processed, created, cursor, remaining) for the job."""
        self.ensure_one()
        if self.state != "open" or self.feedback_closed:
            raise UserError(
                self.env._(
                    "The cycle %(cycle)s is no longer open for 360 feedback.",
                    cycle=self.name,
                )
            )
        Appraisal = self.env["hr.appraisal"]
        domain = [("cycle_id", "=", self.id)]
        appraisals = Appraisal.search(
            domain + [("id", ">", job.cursor)], order="id", limit=batch_size
        )
        if not appraisals:
            return 0, 0, job.cursor, 0
        feedbacks = self.env["hr.appraisal.feedback.request"]._request_for_appraisals(
            appraisals
        )
        cursor = appraisals[-1].id
        remaining = Appraisal.search_count(domain + [("id", ">", cursor)])
        return len(appraisals), len(feedbacks), cursor, remaining

    def action_close_feedback_phase(self):
        """Expire open requests and release all aggregates of the cycles."""
        self._check_feedback_hr()
        self._check_feedback_phase_open()
        feedbacks = (
            self.env["hr.appraisal.feedback"]
            .sudo()
            .search([("cycle_id", "in", self.ids), ("state", "=", "requested")])
        )
        feedbacks.write({"state": "expired"})
        feedbacks.activity_ids.unlink()
        appraisals = self.sudo().appraisal_ids
        self.env["hr.appraisal.feedback.aggregate"]._release_for(appraisals)
        self.write(
            {"feedback_closed": True, "feedback_release_date": fields.Datetime.now()}
        )
        for cycle in self:
            cycle.message_post(
                body=self.env._(
                    "Feedback phase closed by %(user)s: the 360 results are released.",
                    user=self.env.user.name,
                )
            )
        return True

    def action_view_feedback(self):
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "hr_kinerja_kompetensi.hr_appraisal_feedback_action_hr"
        )
        action["domain"] = [("cycle_id", "in", self.ids)]
        return action

    def _check_feedback_hr(self):
        if not (self.env.su or self.env.user.has_group(HR_GROUP)):
            raise UserError(
                self.env._("Only HR officers manage the feedback phase of a cycle.")
            )

    def _check_feedback_phase_open(self):
        closed = self.filtered(lambda c: c.feedback_closed or c.state == "closed")
        if closed:
            raise UserError(
                self.env._(
                    "The feedback phase of %(cycle)s is already closed.",
                    cycle=closed[0].name,
                )
            )

    @api.depends("appraisal_ids.predicate", "organization_rating")
    @api.depends_context("uid")
    def _compute_distribution_html(self):
        for cycle in self:
            distribution = cycle._predicate_distribution()
            cycle.distribution_html = cycle._format_distribution(distribution)
            cycle.distribution_warning_count = sum(
                len(entry["warnings"]) for entry in distribution.values()
            )

    def action_view_calibration_log(self):
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "hr_kinerja_kompetensi.hr_appraisal_predicate_log_action"
        )
        action["domain"] = [("cycle_id", "in", self.ids)]
        return action

    def _predicate_distribution(self):
        """{department: {"counts": {predicate: n}, "warnings": [text]}} of the
        cycle's rated appraisals (one grouped query), among the judgements the
        user reads: an HR officer's own appraisal is not counted for her, so
        a small unit's counts do not tell her own predicate."""
        self.ensure_one()
        counts = defaultdict(lambda: defaultdict(int))
        for employee, predicate, count in self.env[
            "hr.appraisal.judgement"
        ]._read_group(
            [("cycle_id", "=", self._origin.id), ("predicate", "!=", False)],
            ["employee_id", "predicate"],
            ["__count"],
        ):
            counts[employee.department_id][predicate] += count
        return {
            department: {
                "counts": department_counts,
                "warnings": self._distribution_warning_texts(department_counts),
            }
            for department, department_counts in counts.items()
        }

    def _distribution_warning_texts(self, counts):
        """The guidance the counts do not follow, in words (never a block)."""
        if not self.organization_rating:
            return [
                self.env._("Set the organisation rating to compare with the guidance.")
            ]
        labels = dict(
            self.env["hr.appraisal"]
            ._fields["predicate"]
            ._description_selection(self.env)
        )
        texts = []
        for warning in distribution_rules.check_distribution(
            self.organization_rating, counts
        ):
            names = " / ".join(labels[p] for p in warning.predicates)
            limit = f"{warning.limit or 0:g}"
            if warning.kind == "most_frequent":
                text = self.env._(
                    "%(predicate)s is expected to be the most frequent predicate.",
                    predicate=names,
                )
            elif warning.kind == "max_share" and not warning.limit:
                text = self.env._(
                    "The guidance expects no %(predicate)s.", predicate=names
                )
            elif warning.kind == "max_share":
                text = self.env._(
                    "%(predicate)s: %(share).0f%% of the unit, the guidance allows "
                    "at most %(limit)s%%.",
                    predicate=names,
                    share=warning.actual,
                    limit=limit,
                )
            elif warning.kind == "min_share":
                text = self.env._(
                    "%(predicates)s: %(share).0f%% of the unit, the guidance expects "
                    "at least %(limit)s%%.",
                    predicates=names,
                    share=warning.actual,
                    limit=limit,
                )
            else:  # at_least_one
                text = self.env._(
                    "The guidance expects at least some %(predicates)s.",
                    predicates=names,
                )
            texts.append(text)
        return texts

    def _format_distribution(self, distribution):
        if not distribution:
            return False
        headers = Markup("").join(
            Markup("<th class='text-end'>%s</th>") % label
            for _key, label in self.env["hr.appraisal"]
            ._fields["predicate"]
            ._description_selection(self.env)
        )
        rows = []
        for department in sorted(distribution, key=lambda d: d.display_name or ""):
            entry = distribution[department]
            total = sum(entry["counts"].values())
            cells = Markup("").join(
                Markup("<td class='text-end'>%s (%s%%)</td>")
                % (
                    entry["counts"].get(key, 0),
                    round(entry["counts"].get(key, 0) * 100.0 / total),
                )
                for key, _label in PREDICATE_SELECTION
            )
            warnings = (
                Markup("<ul class='mb-0 text-warning'>%s</ul>")
                % Markup("").join(
                    Markup("<li>%s</li>") % escape(text) for text in entry["warnings"]
                )
                if entry["warnings"]
                else Markup("<span class='text-success'>&#10003;</span>")
            )
            rows.append(
                Markup("<tr><td>%s</td><td class='text-end'>%s</td>%s<td>%s</td></tr>")
                % (
                    department.display_name or self.env._("No department"),
                    total,
                    cells,
                    warnings,
                )
            )
        return Markup(
            "<table class='table table-sm o_hkk_distribution'><thead><tr><th>%s</th>"
            "<th class='text-end'>%s</th>%s<th>%s</th></tr></thead><tbody>%s</tbody>"
            "</table>"
        ) % (
            self.env._("Unit"),
            self.env._("Rated"),
            headers,
            self.env._("Guidance"),
            Markup("").join(rows),
        )
