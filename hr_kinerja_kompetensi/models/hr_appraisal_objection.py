from odoo import api, fields, models
from odoo.exceptions import UserError

from .hr_appraisal import PREDICATE_SELECTION

OBJECTION_DECISION_DAYS = 7
# What the employee who files may still edit while the objection is open
FILER_FIELDS = {"reason", "predicate_requested"}


class HrAppraisalObjection(models.Model):
    """Objection (keberatan) of an employee against the published predicate,
    decided by the supervisor's supervisor (atasan PPK)."""

    _name = "hr.appraisal.objection"
    _description = "Appraisal Objection (Keberatan)"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date_filed desc, id desc"
    _rec_name = "appraisal_id"

    appraisal_id = fields.Many2one(
        "hr.appraisal",
        required=True,
        index=True,
        ondelete="cascade",
        help="The published appraisal whose predicate is contested.",
    )
    employee_id = fields.Many2one(
        related="appraisal_id.employee_id", store=True, index=True
    )
    company_id = fields.Many2one(related="appraisal_id.company_id", store=True)
    cycle_id = fields.Many2one(related="appraisal_id.cycle_id", store=True)
    department_id = fields.Many2one(
        related="appraisal_id.employee_id.department_id", store=True
    )
    decider_id = fields.Many2one(
        "hr.employee",
        string="Atasan PPK",
        compute="_compute_decider_id",
        store=True,
        precompute=True,
        index=True,
        help="The supervisor's supervisor, who decides the objection.",
    )
    date_filed = fields.Date(
        string="Filed on",
        default=fields.Date.context_today,
        readonly=True,
        required=True,
    )
    reason = fields.Text(
        required=True,
        tracking=True,
        help="Why the employee contests the predicate, with the facts that support it.",
    )
    predicate_requested = fields.Selection(
        PREDICATE_SELECTION,
        string="Predicate requested",
        help="The predicate the employee believes is right (optional).",
    )
    predicate_before = fields.Selection(
        PREDICATE_SELECTION,
        string="Contested predicate",
        readonly=True,
        help="The predicate at the time of filing.",
    )
    date_due = fields.Date(
        string="Decision due",
        compute="_compute_date_due",
        store=True,
        help="The atasan PPK decides within 7 working days of filing.",
    )
    is_overdue = fields.Boolean(
        string="Overdue",
        compute="_compute_is_overdue",
        search="_search_is_overdue",
    )
    # Decision
    state = fields.Selection(
        [
            ("submitted", "Awaiting decision"),
            ("confirmed", "Predicate confirmed"),
            ("changed", "Predicate changed"),
        ],
        default="submitted",
        required=True,
        index=True,
        tracking=True,
        readonly=True,
    )
    predicate_final = fields.Selection(
        PREDICATE_SELECTION, string="Final predicate", readonly=True
    )
    decision_reason = fields.Text(readonly=True, tracking=True)
    decided_by_id = fields.Many2one("res.users", string="Decided by", readonly=True)
    date_decided = fields.Date(string="Decided on", readonly=True)

    _sql_constraints = [
        (
            "appraisal_unique",
            "UNIQUE(appraisal_id)",
            "An appraisal can be objected to once.",
        ),
    ]

    @api.depends("appraisal_id.atasan_ppk_id")
    def _compute_decider_id(self):
        for objection in self:
            objection.decider_id = objection.appraisal_id.sudo().atasan_ppk_id

    @api.depends("date_filed", "company_id")
    def _compute_date_due(self):
        Leaves = self.env["resource.calendar.leaves"]
        for objection in self:
            company = objection.company_id or self.env.company
            objection.date_due = Leaves._kinerja_add_working_days(
                company, objection.date_filed, OBJECTION_DECISION_DAYS
            )

    @api.depends("state", "date_due")
    def _compute_is_overdue(self):
        today = fields.Date.context_today(self)
        for objection in self:
            objection.is_overdue = (
                objection.state == "submitted" and objection.date_due < today
            )

    def _search_is_overdue(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise NotImplementedError(operator)
        overdue = [
            ("state", "=", "submitted"),
            ("date_due", "<", fields.Date.context_today(self)),
        ]
        return overdue if (operator == "=") == value else ["!", "&", *overdue]

    @api.model_create_multi
    def create(self, vals_list):
        appraisals = self.env["hr.appraisal"].browse(
            [vals["appraisal_id"] for vals in vals_list if vals.get("appraisal_id")]
        )
        appraisals._check_can_object()
        for vals in vals_list:
            appraisal = appraisals.browse(vals.get("appraisal_id")).sudo()
            vals["predicate_before"] = appraisal.predicate
            vals.pop("state", None)
        objections = super().create(vals_list)
        objections._schedule_decision_activity()
        return objections

    def write(self, vals):
        if not self.env.su:
            if set(vals) - FILER_FIELDS:
                raise UserError(
                    self.env._(
                        "An objection is decided with the Decide button, not edited."
                    )
                )
            wrong = self.filtered(
                lambda o: (
                    o.state != "submitted" or o.employee_id.user_id != self.env.user
                )
            )
            if wrong:
                raise UserError(
                    self.env._(
                        "Only the employee who filed an objection edits it, while it "
                        "awaits a decision."
                    )
                )
        return super().write(vals)

    def action_open_decide(self):
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Decide the objection"),
            "res_model": "hr.appraisal.objection.decide",
            "view_mode": "form",
            "target": "new",
            "context": {"default_objection_ids": self.ids},
        }

    # Business methods
    def _decide(self, predicate, reason):
        """The atasan PPK confirms (``predicate`` empty or unchanged) or
        changes the predicate, with reasons."""
        if not (reason or "").strip():
            raise UserError(self.env._("Give the reasons for the decision."))
        not_mine = self.filtered(
            lambda o: not self.env.su and o.decider_id.user_id != self.env.user
        )
        if not_mine:
            raise UserError(
                self.env._(
                    "Only the supervisor's supervisor (atasan PPK) decides the "
                    "objection of %(names)s.",
                    names=", ".join(not_mine.mapped("employee_id.name")),
                )
            )
        decided = self.filtered(lambda o: o.state != "submitted")
        if decided:
            raise UserError(
                self.env._(
                    "These objections are already decided: %(names)s",
                    names=", ".join(decided.mapped("employee_id.name")),
                )
            )
        today = fields.Date.context_today(self)
        for objection in self:
            appraisal = objection.appraisal_id.sudo()
            current = appraisal.predicate
            final = predicate or current
            if final != current:
                appraisal.with_env(self.env)._change_predicate(
                    final, reason, "objection"
                )
            objection.sudo().write(
                {
                    "state": "changed" if final != current else "confirmed",
                    "predicate_final": final,
                    "decision_reason": reason,
                    "decided_by_id": self.env.uid,
                    "date_decided": today,
                }
            )
        self.env["mail.activity"].sudo().search(
            [("res_model", "=", self._name), ("res_id", "in", self.ids)]
        ).action_feedback(feedback=reason)

    def _schedule_decision_activity(self):
        todo = self.env.ref("mail.mail_activity_data_todo")
        model_id = self.env["ir.model"]._get_id(self._name)
        self.env["mail.activity"].sudo().with_context(
            mail_activity_quick_update=True
        ).create(
            [
                {
                    "res_model_id": model_id,
                    "res_id": objection.id,
                    "activity_type_id": todo.id,
                    "user_id": objection.decider_id.user_id.id,
                    "date_deadline": objection.date_due,
                    "summary": self.env._(
                        "Decide the objection of %(name)s",
                        name=objection.employee_id.name,
                    ),
                }
                for objection in self.sudo()
                if objection.decider_id.user_id
            ]
        )
