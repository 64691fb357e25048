from odoo import api, fields, models
from odoo.exceptions import UserError


class HrTrainingAttendance(models.Model):
    _name = "hr.training.attendance"
    _description = "Training Attendance"
    _order = "session_id, employee_id"
    _rec_name = "employee_id"

    session_id = fields.Many2one(
        "hr.training.session",
        required=True,
        ondelete="cascade",
        index=True,
        help="The training session the employee is invited to.",
    )
    employee_id = fields.Many2one(
        "hr.employee",
        required=True,
        ondelete="cascade",
        index=True,
        help="The employee invited to the session.",
    )
    department_id = fields.Many2one(related="employee_id.department_id", store=True)
    company_id = fields.Many2one(related="session_id.company_id", store=True)
    kind = fields.Selection(related="session_id.kind", store=True)
    date_start = fields.Date(related="session_id.date_start", store=True)
    session_state = fields.Selection(
        related="session_id.state", string="Session status"
    )
    attended = fields.Boolean(
        help="Tick when the employee took part: the session's JP then count on "
        "their development plan of that year.",
    )
    plan_id = fields.Many2one(
        "hr.development.plan",
        compute="_compute_plan_id",
        store=True,
        index=True,
        ondelete="set null",
        string="Development plan",
    )
    jp_credited = fields.Float(
        string="JP credited",
        compute="_compute_jp_credited",
        store=True,
        digits=(6, 1),
        help="The session's JP when attended (and the session not cancelled), "
        "else 0. One attendance per employee and session, so JP count once.",
    )

    _sql_constraints = [
        (
            "session_employee_unique",
            "UNIQUE(session_id, employee_id)",
            "An employee is listed once per session.",
        ),
    ]

    @api.depends("employee_id", "session_id.date_start")
    def _compute_plan_id(self):
        keys = {(a.employee_id.id, a.session_id.date_start.year) for a in self}
        plans = {}
        if keys:
            for plan in (
                self.env["hr.development.plan"]
                .sudo()
                .search(
                    [
                        ("employee_id", "in", [key[0] for key in keys]),
                        ("year", "in", [key[1] for key in keys]),
                    ]
                )
            ):
                plans[(plan.employee_id.id, plan.year)] = plan.id
        for attendance in self:
            key = (attendance.employee_id.id, attendance.session_id.date_start.year)
            attendance.plan_id = plans.get(key, False)

    @api.depends("attended", "session_id.jp_hours", "session_id.state")
    def _compute_jp_credited(self):
        for attendance in self:
            counts = attendance.attended and attendance.session_id.state in (
                "confirmed",
                "done",
            )
            attendance.jp_credited = attendance.session_id.jp_hours if counts else 0.0

    @api.model_create_multi
    def create(self, vals_list):
        attendances = super().create(vals_list)
        attendances._check_session_open()
        attendances.filtered("attended")._check_session_open(marking=True)
        attendances._ensure_plans()
        return attendances

    def write(self, vals):
        if "attended" in vals or "session_id" in vals:
            self._check_session_open(marking="attended" in vals)
        result = super().write(vals)
        if {"employee_id", "session_id"} & set(vals):
            self._check_session_open()
            self._ensure_plans()
        return result

    def action_mark_attended(self):
        self.filtered(lambda a: not a.attended).write({"attended": True})

    def action_mark_absent(self):
        self.filtered("attended").write({"attended": False})

    def _check_session_open(self, marking=False):
        """Nobody joins or is marked on a cancelled session; attendance is
        marked once the session is confirmed."""
        cancelled = self.session_id.filtered(lambda s: s.state == "cancelled")
        if cancelled:
            raise UserError(
                self.env._(
                    "The session %(session)s is cancelled: its attendance cannot "
                    "change.",
                    session=cancelled[0].name,
                )
            )
        if marking:
            draft = self.session_id.filtered(lambda s: s.state == "draft")
            if draft:
                raise UserError(
                    self.env._(
                        "Confirm the session %(session)s before marking attendance.",
                        session=draft[0].name,
                    )
                )

    def _ensure_plans(self):
        """Every attendee has a plan for the session's year, so the JP count."""
        self.env["hr.development.plan"]._ensure_plans(
            {(a.employee_id.id, a.session_id.date_start.year) for a in self}
        )
        self.env.add_to_compute(self._fields["plan_id"], self)
