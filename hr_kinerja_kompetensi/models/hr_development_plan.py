from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..rules import development as rules
from .hr_appraisal_confidential_mixin import HR_GROUP


class HrDevelopmentPlan(models.Model):
    _name = "hr.development.plan"
    _description = "Individual Development Plan"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "hr.kinerja.workflow.mixin",
        "hr.kinerja.bounds.mixin",
    ]
    _kinerja_bounds = {"year": (2000, 2100), "jp_target": (None, 1000)}
    _kinerja_step_fields = (
        "state",
        "employee_agreed_by",
        "employee_agreed_date",
        "supervisor_agreed_by",
        "supervisor_agreed_date",
    )
    _order = "year desc, employee_id"

    # Identity
    name = fields.Char(compute="_compute_name", store=True)
    employee_id = fields.Many2one(
        "hr.employee",
        required=True,
        index=True,
        ondelete="cascade",
        tracking=True,
        help="The employee this plan develops.",
    )
    year = fields.Integer(
        required=True,
        default=lambda self: fields.Date.context_today(self).year,
        index=True,
        help="Calendar year of the plan; JP of sessions held that year count "
        "towards it.",
    )
    company_id = fields.Many2one(
        related="employee_id.company_id", store=True, index=True
    )
    department_id = fields.Many2one(
        related="employee_id.department_id", store=True, index=True
    )
    supervisor_id = fields.Many2one(
        related="employee_id.parent_id", string="Supervisor"
    )
    asn_type = fields.Selection(related="employee_id.asn_type", store=True)
    # JP (jam pelajaran)
    jp_target = fields.Float(
        string="JP Target",
        compute="_compute_jp_target",
        store=True,
        readonly=False,
        digits=(6, 1),
        help="Yearly competency-development hours the employee should reach: "
        "20 JP for PNS and 24 JP for PPPK by default (company settings); "
        "non-ASN staff have none unless HR sets one here.",
    )
    jp_planned = fields.Float(
        string="Planned JP",
        compute="_compute_jp_planned",
        store=True,
        digits=(6, 1),
        help="Sum of the planned JP of the plan's lines.",
    )
    jp_realized = fields.Float(
        string="Realized JP",
        compute="_compute_jp_realized",
        store=True,
        digits=(6, 1),
        help="JP of the training sessions the employee attended this year.",
    )
    jp_progress = fields.Float(
        string="Progress (%)",
        compute="_compute_jp_progress",
        help="Realized JP over the target.",
    )
    jp_behind = fields.Boolean(
        string="Behind schedule",
        compute="_compute_jp_progress",
        help="The realized JP is below the target spread evenly over the year.",
    )
    line_ids = fields.One2many(
        "hr.development.plan.line", "plan_id", string="Competencies to develop"
    )
    attendance_ids = fields.One2many(
        "hr.training.attendance", "plan_id", string="Training attended"
    )
    appraisal_id = fields.Many2one(
        "hr.appraisal",
        string="From appraisal",
        readonly=True,
        ondelete="set null",
        help="The done appraisal the plan was last generated from.",
    )
    # Agreement workflow
    state = fields.Selection(
        [("draft", "Draft"), ("agreed", "Agreed"), ("done", "Done")],
        default="draft",
        required=True,
        tracking=True,
        index=True,
    )
    employee_agreed_by = fields.Many2one("res.users", readonly=True, copy=False)
    employee_agreed_date = fields.Datetime(readonly=True, copy=False)
    supervisor_agreed_by = fields.Many2one("res.users", readonly=True, copy=False)
    supervisor_agreed_date = fields.Datetime(readonly=True, copy=False)
    note = fields.Text(
        help="Anything the employee and the supervisor agreed beyond the lines."
    )

    _sql_constraints = [
        (
            "employee_year_unique",
            "UNIQUE(employee_id, year)",
            "An employee has one development plan per year.",
        ),
    ]

    @api.depends("employee_id.name", "year")
    def _compute_name(self):
        for plan in self:
            plan.name = f"{plan.year} - {plan.employee_id.name or ''}"

    @api.depends(
        "employee_id.asn_type",
        "company_id.kinerja_jp_target_pns",
        "company_id.kinerja_jp_target_pppk",
    )
    def _compute_jp_target(self):
        for plan in self:
            company = plan.company_id or self.env.company
            plan.jp_target = rules.jp_target(
                plan.employee_id.asn_type,
                pns_target=company.kinerja_jp_target_pns,
                pppk_target=company.kinerja_jp_target_pppk,
            )

    @api.depends("line_ids.planned_jp")
    def _compute_jp_planned(self):
        for plan in self:
            plan.jp_planned = sum(plan.line_ids.mapped("planned_jp"))

    @api.depends("attendance_ids.jp_credited")
    def _compute_jp_realized(self):
        for plan in self:
            plan.jp_realized = sum(plan.attendance_ids.mapped("jp_credited"))

    @api.depends("jp_realized", "jp_target", "year")
    def _compute_jp_progress(self):
        today = fields.Date.context_today(self)
        for plan in self:
            target = plan.jp_target
            plan.jp_progress = (
                min(plan.jp_realized * 100.0 / target, 100.0) if target else 0.0
            )
            if plan.year < today.year:
                plan.jp_behind = plan.jp_realized < target
            elif plan.year == today.year:
                plan.jp_behind = rules.is_behind(plan.jp_realized, target, today)
            else:
                plan.jp_behind = False

    @api.constrains("year", "jp_target")
    def _check_values(self):
        for plan in self:
            if not 2000 <= plan.year <= 2100:
                raise ValidationError(
                    self.env._(
                        "%(plan)s: the year %(year)s is not a plausible plan year.",
                        plan=plan.employee_id.name,
                        year=plan.year,
                    )
                )
            if plan.jp_target < 0:
                raise ValidationError(
                    self.env._(
                        "%(plan)s: the JP target cannot be negative.", plan=plan.name
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        plans = super().create(vals_list)
        plans._link_orphan_attendances()
        return plans

    # Workflow actions (each works on many plans at once)
    def action_agree_employee(self):
        """The employee agrees with their own plan."""
        self._check_state("draft")
        wrong = self.filtered(lambda p: p.sudo().employee_id.user_id != self.env.user)
        if wrong:
            raise UserError(
                self.env._(
                    "Only %(names)s can agree with their own plan.",
                    names=", ".join(wrong.sudo().mapped("employee_id.name")),
                )
            )
        # employees read their plan but do not edit it: the agreement only
        self.sudo().write(
            {
                "employee_agreed_by": self.env.uid,
                "employee_agreed_date": fields.Datetime.now(),
            }
        )
        self._advance_when_agreed()

    def action_agree_supervisor(self):
        """The supervisor (or someone above, or HR) agrees with the plan."""
        self._check_state("draft")
        self._check_supervises()
        self.sudo().write(
            {
                "supervisor_agreed_by": self.env.uid,
                "supervisor_agreed_date": fields.Datetime.now(),
            }
        )
        self._advance_when_agreed()

    def action_done(self):
        self._check_state("agreed")
        self._check_supervises()
        self.sudo().write({"state": "done"})

    def action_reset_draft(self):
        """Back to draft for changes; both agreements are asked again."""
        self._check_state("agreed", "done")
        self._check_supervises()
        self.sudo().write(
            {
                "state": "draft",
                "employee_agreed_by": False,
                "employee_agreed_date": False,
                "supervisor_agreed_by": False,
                "supervisor_agreed_date": False,
            }
        )

    # Business methods
    def _check_state(self, *states):
        wrong = self.filtered(lambda p: p.state not in states)
        if wrong:
            raise UserError(
                self.env._(
                    "This step is not possible for the plan(s) %(names)s in their "
                    "current state.",
                    names=", ".join(wrong.mapped("name")),
                )
            )

    def _check_supervises(self):
        """Supervisor steps: the supervision chain above the employee, or HR."""
        if self.env.su or self.env.user.has_group(HR_GROUP):
            return
        below_me = (
            self.env["hr.employee"]
            .sudo()
            .search(
                [
                    ("id", "in", self.sudo().employee_id.ids),
                    ("in_my_supervision", "=", True),
                ]
            )
        )
        wrong = self.filtered(lambda p: p.sudo().employee_id not in below_me)
        if wrong:
            raise UserError(
                self.env._(
                    "Only the supervisor of %(names)s (or HR) can do this.",
                    names=", ".join(wrong.sudo().mapped("employee_id.name")),
                )
            )

    def _advance_when_agreed(self):
        both = self.sudo().filtered(
            lambda p: p.employee_agreed_by and p.supervisor_agreed_by
        )
        both.sudo().write({"state": "agreed"})

    def _link_orphan_attendances(self):
        """Attendance recorded before the plan existed counts once it does."""
        Attendance = self.env["hr.training.attendance"].sudo()
        orphans = Attendance.search(
            [("employee_id", "in", self.employee_id.ids), ("plan_id", "=", False)]
        )
        if orphans:
            self.env.add_to_compute(Attendance._fields["plan_id"], orphans)

    @api.model
    def _ensure_plans(self, pairs, create_values=None):
        """Plans for the (employee id, year) pairs, created when missing
        (with ``create_values[pair]`` if given).

        Returns {(employee id, year): plan}.
        """
        create_values = create_values or {}
        pairs = {pair for pair in pairs if pair[0] and pair[1]}
        if not pairs:
            return {}
        Plan = self.sudo()
        existing = {
            (plan.employee_id.id, plan.year): plan
            for plan in Plan.search(
                [
                    ("employee_id", "in", list({emp for emp, _y in pairs})),
                    ("year", "in", list({year for _e, year in pairs})),
                ]
            )
        }
        missing = sorted(pairs - set(existing))
        if missing:
            created = Plan.create(
                [
                    {
                        "employee_id": emp,
                        "year": year,
                        **create_values.get((emp, year), {}),
                    }
                    for emp, year in missing
                ]
            )
            existing.update(zip(missing, created, strict=True))
        return existing

    @api.model
    def _generate_from_appraisals(self, appraisals):
        """Create or complete the plans of done appraisals.

        One line per competency below its standard (priority from the gap)
        and per competency the supervisor left a recommendation for. Lines
        are matched on the competency: regenerating adds what is missing and
        keeps every line (and its manual edits) as it is. Only draft plans
        get new lines. Returns (plans, plans skipped because not draft).
        """
        not_done = appraisals.filtered(lambda a: a.kinerja_state != "done")
        if not_done:
            raise UserError(
                self.env._(
                    "Development plans are generated from done appraisals only: "
                    "%(names)s",
                    names=", ".join(not_done.mapped("employee_id.name")),
                )
            )
        # the latest done appraisal per employee and plan year
        latest = {}
        for appraisal in appraisals.sorted(
            lambda a: (a.cycle_id.date_end or a.date_close, a.id)
        ):
            end = appraisal.cycle_id.date_end or appraisal.date_close
            year = rules.plan_year(appraisal.cycle_id.period_type, end)
            latest[(appraisal.employee_id.id, year)] = appraisal
        plans_by_key = self._ensure_plans(
            latest,
            {key: {"appraisal_id": appraisal.id} for key, appraisal in latest.items()},
        )
        # ids, not recordset unions: a union per plan is quadratic
        plan_ids = [plan.id for plan in plans_by_key.values()]
        all_plans = self.sudo().browse(plan_ids)
        skipped_ids = []
        line_vals = []
        existing_skills = defaultdict(set)
        for line in all_plans.line_ids:
            existing_skills[line.plan_id.id].add(line.skill_id.id)
        plan_by_id = {plan.id: plan for plan in all_plans}  # shared prefetch
        for key, appraisal in latest.items():
            plan = plan_by_id[plans_by_key[key].id]
            if plan.state != "draft":
                skipped_ids.append(plan.id)
                continue
            if plan.appraisal_id != appraisal:
                plan.appraisal_id = appraisal
            for comp in appraisal.competency_line_ids:
                if comp.skill_id.id in existing_skills[plan.id]:
                    continue
                if comp.gap >= 0 and not (comp.recommendation or "").strip():
                    continue
                prio = rules.priority(comp.gap)
                existing_skills[plan.id].add(comp.skill_id.id)
                line_vals.append(
                    {
                        "plan_id": plan.id,
                        "skill_id": comp.skill_id.id,
                        "appraisal_id": appraisal.id,
                        "required_level": comp.required_level,
                        "assessed_level": comp.manager_level,
                        "gap": comp.gap,
                        "priority": prio,
                        "method": rules.SUGGESTED_METHOD[prio],
                        "planned_jp": rules.SUGGESTED_JP[prio],
                        "recommendation": comp.recommendation,
                    }
                )
        self.env["hr.development.plan.line"].sudo().create(line_vals)
        return self.browse(plan_ids), self.browse(skipped_ids)

    def _check_draft_for_lines(self):
        """Lines change only while the plan is a draft."""
        frozen = self.filtered(lambda p: p.state != "draft")
        if frozen:
            raise UserError(
                self.env._(
                    "The plan %(plan)s is agreed: set it back to draft to change "
                    "its lines.",
                    plan=frozen[0].name,
                )
            )
