import datetime
from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..rules import awards as award_rules
from .hr_appraisal_confidential_mixin import HR_GROUP

# Days ahead the Satyalancana check looks for coming anniversaries.
SATYALANCANA_LOOKAHEAD_DAYS = 90


class HrEmployeeAward(models.Model):
    """Award register: one award (proposed, approved, awarded) of one
    employee."""

    _name = "hr.employee.award"
    _description = "Employee Award"
    _inherit = ["mail.thread", "mail.activity.mixin", "hr.kinerja.workflow.mixin"]
    _order = "date desc, id desc"

    name = fields.Char(
        string="Certificate number",
        copy=False,
        tracking=True,
        help="Number of the award decision or certificate, once awarded.",
    )
    employee_id = fields.Many2one(
        "hr.employee",
        required=True,
        index=True,
        ondelete="cascade",
        tracking=True,
        help="The civil servant who receives the award.",
    )
    company_id = fields.Many2one(
        "res.company",
        required=True,
        index=True,
        compute="_compute_from_employee",
        store=True,
        readonly=False,
        precompute=True,
    )
    department_id = fields.Many2one(
        "hr.department",
        string="Unit",
        index=True,
        compute="_compute_from_employee",
        store=True,
        readonly=False,
        precompute=True,
        help="The unit the employee belongs to for this award.",
    )
    award_type_id = fields.Many2one(
        "hr.award.type",
        string="Award type",
        required=True,
        index=True,
        tracking=True,
        help="What the award is (monthly best performer, Satyalancana Karya "
        "Satya, or an agency-defined award).",
    )
    kind = fields.Selection(related="award_type_id.kind", store=True)
    date = fields.Date(
        required=True,
        default=fields.Date.context_today,
        tracking=True,
        help="Date of the award. For the monthly best performer, the first day "
        "of the month it rewards; for Satyalancana, the service anniversary.",
    )
    reason = fields.Text(
        help="Why the employee receives the award; printed on the certificate."
    )
    ranking_note = fields.Text(
        string="Ranking",
        readonly=True,
        help="How the proposal was ranked: criteria in order and the values of "
        "the employee.",
    )
    rank = fields.Integer(readonly=True, help="Place in the unit's ranking.")
    state = fields.Selection(
        [
            ("proposed", "Proposed"),
            ("approved", "Approved"),
            ("awarded", "Awarded"),
            ("cancelled", "Cancelled"),
        ],
        default="proposed",
        required=True,
        index=True,
        tracking=True,
        copy=False,
    )

    _sql_constraints = [
        (
            "employee_type_date_unique",
            "UNIQUE(employee_id, award_type_id, date)",
            "This employee already has this award for this date.",
        ),
    ]

    @api.depends("employee_id")
    def _compute_from_employee(self):
        for award in self:
            employee = award.employee_id.sudo()
            award.company_id = employee.company_id or self.env.company
            award.department_id = employee.department_id

    @api.constrains("employee_id", "award_type_id")
    def _check_company(self):
        for award in self:
            company = award.award_type_id.company_id
            if company and company != award.company_id:
                raise ValidationError(
                    self.env._(
                        "The award type %(type)s belongs to another agency.",
                        type=award.award_type_id.name,
                    )
                )

    # Workflow (each action works on many awards at once)
    def action_approve(self):
        self._check_state_for("proposed", self.env._("approved"))
        self.sudo().write({"state": "approved"})

    def action_award(self):
        self._check_state_for("approved", self.env._("awarded"))
        self.sudo().write({"state": "awarded"})

    def action_cancel(self):
        self._check_state_for(("proposed", "approved"), self.env._("cancelled"))
        self.sudo().write({"state": "cancelled"})

    def action_reset_proposed(self):
        self._check_state_for("cancelled", self.env._("proposed again"))
        self.sudo().write({"state": "proposed"})

    def action_print_certificate(self):
        not_awarded = self.filtered(lambda a: a.state != "awarded")
        if not_awarded:
            raise UserError(
                self.env._(
                    "Only awarded awards have a certificate: %(names)s",
                    names=", ".join(not_awarded.mapped("employee_id.name")),
                )
            )
        return self.env.ref(
            "hr_kinerja_kompetensi.hr_employee_award_report_certificate"
        ).report_action(self)

    def _check_state_for(self, states, target):
        """HR takes the award steps, never on their own award."""
        if not (self.env.su or self.env.user.has_group(HR_GROUP)):
            raise UserError(self.env._("Only HR officers change an award's state."))
        self.check_access("write")
        own = self.sudo().filtered(lambda a: a.employee_id.user_id == self.env.user)
        if own and not self.env.su:
            raise UserError(
                self.env._(
                    "Nobody decides on their own award: ask another HR officer "
                    "(%(names)s).",
                    names=", ".join(own.mapped("employee_id.name")),
                )
            )
        states = (states,) if isinstance(states, str) else states
        wrong = self.filtered(lambda a: a.state not in states)
        if wrong:
            raise UserError(
                self.env._(
                    "These awards cannot be %(target)s in their current state: "
                    "%(names)s",
                    target=target,
                    names=", ".join(wrong.mapped("employee_id.name")),
                )
            )

    # Business methods: monthly best performer
    @api.model
    def _best_performer_values(self, appraisals):
        """{appraisal id: {criterion: number}} for the ranking (higher is
        better)."""
        values = {}
        # the results are stored in the judgements (read as superuser, as the
        # rest of the ranking: the wizard is HR's)
        judgements = {
            judgement.appraisal_id.id: judgement
            for judgement in appraisals.sudo().judgement_ids
        }
        Judgement = self.env["hr.appraisal.judgement"]
        for appraisal in appraisals.sudo():
            judgement = judgements.get(appraisal.id, Judgement)
            achievements = [
                value
                for value in appraisal.work_result_line_ids.mapped("achievement")
                if value
            ]
            values[appraisal.id] = {
                "predicate": award_rules.PREDICATE_SCORE.get(judgement.predicate),
                "work_result": (
                    round(sum(achievements) / len(achievements), 2)
                    if achievements
                    else None
                ),
                "jpm": judgement.job_person_match or None,
                # 0 until the 360 results are released with enough responses
                "feedback_360": judgement.feedback_score or None,
            }
        return values

    # Business methods: Satyalancana Karya Satya
    @api.model
    def _satyalancana_candidates(self, companies, date_to):
        """[(employee, award type, anniversary)] of PNS who reach 10, 20 or
        30 years of service by ``date_to``, are not excluded by a penalty or
        CLTN, and have no such award yet (not cancelled)."""
        AwardType = self.env["hr.award.type"].sudo()
        types = {}
        for award_type in AwardType.search(
            [
                ("kind", "=", "satyalancana"),
                ("company_id", "in", companies.ids + [False]),
            ],
            order="company_id, sequence",
        ):
            key = (award_type.company_id.id, award_type.service_years)
            types.setdefault(key, award_type)
        if not types:
            return []
        Employee = self.env["hr.employee"].sudo()
        employees = Employee.search(
            [
                ("company_id", "in", companies.ids),
                ("asn_type", "=", "pns"),
                ("tmt_cpns", "!=", False),
                ("tmt_cpns", "<=", date_to - datetime.timedelta(days=3650)),
            ]
        )
        penalties = self.env["hr.employee.penalty"]._penalties_by_employee(employees)
        existing = {
            (award.employee_id.id, award.award_type_id.id)
            for award in self.sudo().search_fetch(
                [
                    ("employee_id", "in", employees.ids),
                    ("kind", "=", "satyalancana"),
                    ("state", "!=", "cancelled"),
                ],
                ["employee_id", "award_type_id"],
            )
        }
        result = []
        for employee in employees:
            level = award_rules.satyalancana_level(
                employee.tmt_cpns, date_to, penalties[employee.id]
            )
            if not level:
                continue
            award_type = types.get((employee.company_id.id, level)) or types.get(
                (False, level)
            )
            if award_type and (employee.id, award_type.id) not in existing:
                result.append(
                    (
                        employee,
                        award_type,
                        award_rules.anniversary(employee.tmt_cpns, level),
                    )
                )
        return result

    @api.model
    def _cron_satyalancana(self):
        """Propose Satyalancana Karya Satya for employees who reach 10, 20 or
        30 years of service in the coming days, and tell HR."""
        today = fields.Date.context_today(self)
        date_to = today + datetime.timedelta(days=SATYALANCANA_LOOKAHEAD_DAYS)
        companies = self.env["res.company"].sudo().search([])
        candidates = self._satyalancana_candidates(companies, date_to)
        awards = (
            self.sudo()
            .with_context(tracking_disable=True, mail_create_nolog=True)
            .create(
                [
                    {
                        "employee_id": employee.id,
                        "award_type_id": award_type.id,
                        "date": anniversary,
                        "reason": self.env._(
                            "%(years)s years of continuous service since TMT CPNS "
                            "%(tmt)s, without a medium or heavy disciplinary "
                            "penalty or unpaid leave.",
                            years=award_type.service_years,
                            tmt=employee.tmt_cpns,
                        ),
                    }
                    for employee, award_type, anniversary in candidates
                ]
            )
        )
        awards._notify_hr(
            self.env._("New Satyalancana Karya Satya proposals to review")
        )
        return awards

    def _notify_hr(self, summary):
        """One to-do activity per HR officer per company on the first new
        proposal, instead of one per award."""
        if not self:
            return
        group = self.env.ref(HR_GROUP)
        todo = self.env.ref("mail.mail_activity_data_todo")
        model_id = self.env["ir.model"]._get_id(self._name)
        by_company = defaultdict(lambda: self.browse())
        for award in self:
            by_company[award.company_id] |= award
        vals_list = []
        for company, awards in by_company.items():
            users = group.users.filtered(
                lambda u, company=company: company in u.company_ids and not u.share
            )
            note = self.env._(
                "%(count)s proposal(s): %(names)s",
                count=len(awards),
                names=", ".join(awards[:30].mapped("employee_id.name")),
            )
            vals_list += [
                {
                    "res_model_id": model_id,
                    "res_id": awards[0].id,
                    "activity_type_id": todo.id,
                    "user_id": user.id,
                    "summary": summary,
                    "note": note,
                }
                for user in users
            ]
        self.env["mail.activity"].sudo().with_context(
            mail_activity_quick_update=True
        ).create(vals_list)

    # Business methods: data for exports
    @api.model
    def _awards_by_employee(self, employees, date_from, date_to, states=("awarded",)):
        """{employee id: awards} dated within the period (one query), for the
        Excel export and reports."""
        result = defaultdict(lambda: self.browse())
        for award in self.search(
            [
                ("employee_id", "in", employees.ids),
                ("date", ">=", date_from),
                ("date", "<=", date_to),
                ("state", "in", list(states)),
            ]
        ):
            result[award.employee_id.id] |= award
        return result
