from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import UserError

from ..rules import appraisal as rules
from .hr_appraisal_confidential_mixin import HR_GROUP, check_hr_exception

RATING_SELECTION = [
    ("above", "Above expectations"),
    ("meets", "Meets expectations"),
    ("below", "Below expectations"),
]
PREDICATE_SELECTION = [
    ("sangat_baik", "Sangat Baik"),
    ("baik", "Baik"),
    ("butuh_perbaikan", "Butuh Perbaikan"),
    ("kurang", "Kurang/Misconduct"),
    ("sangat_kurang", "Sangat Kurang"),
]
JPM_CATEGORIES = [
    ("optimal", "Optimal"),
    ("cukup_optimal", "Cukup Optimal"),
    ("kurang_optimal", "Kurang Optimal"),
]
# Fields only the supervisor chain and HR may set.
SUPERVISOR_FIELDS = {
    "work_result_rating",
    "behavior_rating",
    "manager_feedback",
    "note",
}


class HrAppraisal(models.Model):
    _name = "hr.appraisal"
    _inherit = ["hr.appraisal", "hr.appraisal.confidential.mixin"]

    # The appraisee reads these only once the appraisal is done (published)
    _confidential_fields = (
        "work_result_rating",
        "behavior_rating",
        # drawn from the supervisor's ratings of the values
        "behavior_suggestion",
        "predicate",
        "job_person_match",
        "jpm_category",
        "gap_count",
        "manager_feedback",
    )
    _private_fields = ("note",)

    # Cycle
    cycle_id = fields.Many2one(
        "hr.appraisal.cycle",
        index=True,
        ondelete="restrict",
        tracking=True,
        help="The evaluation period this appraisal belongs to.",
    )
    period_type = fields.Selection(related="cycle_id.period_type", store=True)
    organization_rating = fields.Selection(related="cycle_id.organization_rating")
    kinerja_state = fields.Selection(
        [
            ("self", "Self-assessment"),
            ("supervisor", "Supervisor assessment"),
            ("done", "Done"),
        ],
        string="Step",
        default="self",
        required=True,
        index=True,
        tracking=True,
        copy=False,
    )
    # Work results (hasil kerja)
    work_result_line_ids = fields.One2many(
        "hr.appraisal.work.result", "appraisal_id", string="Work Results", copy=True
    )
    work_result_suggestion = fields.Selection(
        RATING_SELECTION,
        compute="_compute_work_result_suggestion",
        store=True,
        string="Suggested work-result rating",
        help="From the indicators' average achievement and the thresholds of the "
        "settings. Only a suggestion: the supervisor decides.",
    )
    # Not tracked: the chatter would show the rating to the appraisee early.
    work_result_rating = fields.Selection(
        RATING_SELECTION,
        help="The supervisor's rating of the work results for the period.",
    )
    # Work behaviour (perilaku kerja, BerAKHLAK)
    behavior_line_ids = fields.One2many(
        "hr.appraisal.behavior", "appraisal_id", string="Behaviour", copy=True
    )
    behavior_suggestion = fields.Selection(
        RATING_SELECTION,
        compute="_compute_behavior_suggestion",
        store=True,
        string="Suggested behaviour rating",
        help="The rating most core values received (a tie gives 'meets'). Only "
        "a suggestion: the supervisor decides.",
    )
    behavior_rating = fields.Selection(
        RATING_SELECTION,
        help="The supervisor's overall rating of the work behaviour (the seven "
        "BerAKHLAK core values).",
    )
    # Competencies
    competency_line_ids = fields.One2many(
        "hr.appraisal.competency", "appraisal_id", string="Competencies", copy=True
    )
    job_person_match = fields.Float(
        string="JPM (%)",
        compute="_compute_job_person_match",
        store=True,
        aggregator="avg",
        digits=(5, 2),
        help="Job-Person Match: sum of min(assessed, required) over the sum of "
        "required levels. A surplus in one competency never hides a gap in "
        "another.",
    )
    jpm_category = fields.Selection(
        JPM_CATEGORIES,
        compute="_compute_job_person_match",
        store=True,
        string="JPM Category",
    )
    gap_count = fields.Integer(
        compute="_compute_job_person_match",
        store=True,
        string="Competencies below standard",
    )
    # Result
    predicate = fields.Selection(
        PREDICATE_SELECTION,
        compute="_compute_predicate",
        store=True,
        index=True,
        help="From the predicate matrix of PermenPAN-RB 6/2022: work-result rating "
        "(rows) by behaviour rating (columns).",
    )

    _sql_constraints = [
        (
            "cycle_employee_unique",
            "UNIQUE(cycle_id, employee_id)",
            "An employee has one appraisal per cycle.",
        ),
    ]

    @api.depends(
        "work_result_line_ids.achievement",
        "company_id.kinerja_above_threshold",
        "company_id.kinerja_meets_threshold",
    )
    def _compute_work_result_suggestion(self):
        for appraisal in self:
            company = appraisal.company_id or self.env.company
            appraisal.work_result_suggestion = rules.suggest_work_result(
                appraisal.work_result_line_ids.mapped("achievement"),
                above=company.kinerja_above_threshold,
                meets=company.kinerja_meets_threshold,
            )

    @api.depends("behavior_line_ids.rating")
    def _compute_behavior_suggestion(self):
        for appraisal in self:
            appraisal.behavior_suggestion = rules.suggest_behavior(
                appraisal.behavior_line_ids.mapped("rating")
            )

    @api.depends(
        "competency_line_ids.manager_level", "competency_line_ids.required_level"
    )
    def _compute_job_person_match(self):
        for appraisal in self:
            lines = appraisal.competency_line_ids
            jpm = rules.job_person_match(
                (line.manager_level, line.required_level) for line in lines
            )
            appraisal.job_person_match = jpm or 0.0
            appraisal.jpm_category = rules.jpm_category(jpm)
            appraisal.gap_count = len(lines.filtered(lambda line: line.gap < 0))

    @api.depends("work_result_rating", "behavior_rating")
    def _compute_predicate(self):
        for appraisal in self:
            appraisal.predicate = rules.predicate(
                appraisal.work_result_rating, appraisal.behavior_rating
            )

    def write(self, vals):
        if SUPERVISOR_FIELDS & set(vals) and not self.env.su:
            self._check_can_assess()
        if {"work_result_rating", "behavior_rating"} & set(vals):
            self._check_cycle_not_closed()
        return super().write(vals)

    def message_subscribe(self, partner_ids=None, subtype_ids=None):
        # Cycle activities do not make their assignee a follower: followers
        # get every chatter message of the appraisal, and subscribing user by
        # user cost ~30 s for a 10,000-employee cycle. The activity itself
        # reaches the assignee.
        if self.env.context.get("hkk_no_follow"):
            return True
        return super().message_subscribe(
            partner_ids=partner_ids, subtype_ids=subtype_ids
        )

    # Workflow actions (each works on many appraisals at once)
    def action_submit_self_assessment(self):
        """The employee hands the self-assessment to the supervisor."""
        wrong = self.filtered(lambda a: a.kinerja_state != "self")
        if wrong:
            raise UserError(
                self.env._(
                    "Only appraisals in self-assessment can be submitted: %(names)s",
                    names=", ".join(wrong.mapped("employee_id.name")),
                )
            )
        self._check_is_appraisee_or_hr()
        self.write({"kinerja_state": "supervisor"})

    def action_mark_done(self):
        """The supervisor closes the assessment; results are published."""
        self._check_can_assess()
        self._check_cycle_not_closed()
        incomplete = self.filtered(
            lambda a: (
                a.kinerja_state == "done"
                or not a.work_result_rating
                or not a.behavior_rating
                or any(not line.manager_level for line in a.competency_line_ids)
            )
        )
        if incomplete:
            raise UserError(
                self.env._(
                    "Rate the work results, the behaviour and every competency "
                    "before marking these appraisals done: %(names)s",
                    names=", ".join(incomplete.mapped("employee_id.name")),
                )
            )
        self.write(
            {
                "kinerja_state": "done",
                "state": "3_done",
                "employee_feedback_published": True,
                "manager_feedback_published": True,
            }
        )
        self._write_back_skills()

    def action_reopen(self, reason):
        """HR reopens done appraisals for correction; the reason is logged."""
        check_hr_exception(
            self.env,
            reason,
            self.env._("Only HR officers can reopen an appraisal."),
            self.env._("Give the reason for reopening."),
        )
        self._check_cycle_not_closed()
        for appraisal in self:
            appraisal.message_post(
                body=self.env._(
                    "Reopened by %(user)s: %(reason)s",
                    user=self.env.user.name,
                    reason=reason,
                )
            )
        self.write({"kinerja_state": "supervisor", "state": "2_pending"})

    # Business methods
    def _is_hr(self):
        return self.env.user.has_group(HR_GROUP)

    def _check_can_assess(self):
        """Supervisor fields are set by the supervision chain or HR, never by
        the appraisee."""
        if self.env.su or self._is_hr():
            return
        my_employees = self.env.user.employee_ids
        # ('id', 'child_of', ...) includes the user's own employee: remove it,
        # nobody assesses themself.
        below_me = (
            self.env["hr.employee"]
            .sudo()
            .search([("id", "child_of", my_employees.ids)])
            - my_employees
        )
        wrong = self.filtered(lambda a: a.sudo().employee_id not in below_me)
        if wrong:
            raise UserError(
                self.env._(
                    "Only the supervisor of %(names)s (or HR) can assess them.",
                    names=", ".join(wrong.sudo().mapped("employee_id.name")),
                )
            )

    def _check_is_appraisee_or_hr(self):
        if self.env.su or self._is_hr():
            return
        wrong = self.filtered(lambda a: a.sudo().employee_id.user_id != self.env.user)
        if wrong:
            raise UserError(
                self.env._(
                    "Only %(names)s can fill their own self-assessment.",
                    names=", ".join(wrong.sudo().mapped("employee_id.name")),
                )
            )

    def _check_cycle_not_closed(self):
        closed = self.filtered(lambda a: a.cycle_id.state == "closed")
        if closed:
            raise UserError(
                self.env._(
                    "The cycle %(cycle)s is closed: its appraisals cannot be "
                    "rated any more.",
                    cycle=closed[0].cycle_id.name,
                )
            )

    def _schedule_cycle_activities(self):
        """One activity for the employee (self-assessment) and one for the
        supervisor, created in one batch."""
        todo_type_id = self.env.ref("mail.mail_activity_data_todo").id
        model_id = self.env["ir.model"]._get_id("hr.appraisal")
        vals_list = []
        for appraisal in self:
            cycle = appraisal.cycle_id
            employee = appraisal.employee_id
            for user, deadline, summary in (
                (
                    employee.user_id,
                    cycle.date_self_deadline,
                    self.env._("Fill your self-assessment"),
                ),
                (
                    employee.parent_id.user_id,
                    cycle.date_supervisor_deadline,
                    self.env._("Assess %(name)s", name=employee.name),
                ),
            ):
                if user:
                    vals_list.append(
                        {
                            "res_model_id": model_id,
                            "res_id": appraisal.id,
                            "activity_type_id": todo_type_id,
                            "user_id": user.id,
                            "date_deadline": deadline or cycle.date_end,
                            "summary": summary,
                        }
                    )
        # quick_update: no assignment e-mail per activity (thousands at once);
        # hkk_no_follow: see message_subscribe
        self.env["mail.activity"].with_context(
            mail_activity_quick_update=True, hkk_no_follow=True
        ).create(vals_list)

    def _write_back_skills(self):
        """Write the supervisor's competency levels to the employees' skills,
        so hr_skills keeps the history of their evolution."""
        lines = self.competency_line_ids.filtered("manager_level")
        if not lines:
            return
        level_by_type = {
            (level.skill_type_id.id, level.competency_level): level
            for level in self.env["hr.skill.level"].search(
                [
                    ("skill_type_id", "in", lines.skill_id.skill_type_id.ids),
                    ("competency_level", ">", 0),
                ]
            )
        }
        EmployeeSkill = self.env["hr.employee.skill"].sudo()
        existing = {
            (es.employee_id.id, es.skill_id.id): es
            for es in EmployeeSkill.search(
                [
                    ("employee_id", "in", self.employee_id.ids),
                    ("skill_id", "in", lines.skill_id.ids),
                ]
            )
        }
        # Two appraisals of one employee may be done together (a monthly one
        # and the annual one): the later period's level is the one to keep.
        latest = {}
        for line in lines.sorted(
            lambda line: (
                line.appraisal_id.cycle_id.date_end or line.appraisal_id.date_close,
                line.appraisal_id.id,
            )
        ):
            level = level_by_type.get(
                (line.skill_id.skill_type_id.id, line.manager_level)
            )
            if level:
                key = (line.appraisal_id.employee_id.id, line.skill_id.id)
                latest[key] = (line.skill_id, level)
        to_create = []
        to_write = defaultdict(lambda: EmployeeSkill)
        for (employee_id, _skill_id), (skill, level) in latest.items():
            current = existing.get((employee_id, skill.id))
            if current and current.skill_level_id != level:
                to_write[level] |= current
            elif not current:
                to_create.append(
                    {
                        "employee_id": employee_id,
                        "skill_id": skill.id,
                        "skill_type_id": skill.skill_type_id.id,
                        "skill_level_id": level.id,
                    }
                )
        EmployeeSkill.create(to_create)
        for level, employee_skills in to_write.items():
            employee_skills.write({"skill_level_id": level.id})
