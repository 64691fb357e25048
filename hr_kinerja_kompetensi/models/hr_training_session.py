from odoo import Command, api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..rules import development as rules
from .hr_development_plan_line import METHOD_CATEGORY_SELECTION, METHOD_SELECTION


class HrTrainingSession(models.Model):
    _name = "hr.training.session"
    _description = "Training Session"
    _inherit = ["mail.thread", "mail.activity.mixin", "hr.kinerja.bounds.mixin"]
    # the longest classical programmes (Latsar CPNS, PKA) stay well below
    _kinerja_bounds = {"jp_hours": (None, 1000)}
    _order = "date_start desc, id desc"

    name = fields.Char(
        required=True,
        tracking=True,
        help="Title of the session, e.g. 'Bimtek Asesmen Pembelajaran'.",
    )
    kind = fields.Selection(
        METHOD_SELECTION,
        required=True,
        default="pelatihan",
        tracking=True,
        help="The development method. Choose Sosialisasi for briefings on the "
        "performance-appraisal policy: attendees then count as briefed.",
    )
    method_category = fields.Selection(
        METHOD_CATEGORY_SELECTION,
        string="Method kind",
        compute="_compute_method_category",
        store=True,
    )
    date_start = fields.Date(
        required=True,
        default=fields.Date.context_today,
        tracking=True,
        help="First day of the session; its year decides which yearly plan "
        "the JP go to.",
    )
    date_end = fields.Date(
        required=True,
        default=fields.Date.context_today,
        tracking=True,
        help="Last day of the session.",
    )
    jp_hours = fields.Float(
        string="JP",
        digits=(6, 1),
        tracking=True,
        help="Hours of learning (jam pelajaran, 45 minutes each) credited to "
        "each attendee.",
    )
    skill_ids = fields.Many2many(
        "hr.skill",
        string="Targeted competencies",
        domain="[('competency_family', '!=', False)]",
        help="Competencies the session develops: the JP also count on the "
        "matching lines of the attendees' plans.",
    )
    organizer = fields.Char(
        string="Organiser",
        help="Who runs the session, e.g. BKPSDMD Batanghari, BPSDM Provinsi "
        "Jambi, LAN.",
    )
    location = fields.Char(help="Venue, or the platform for online sessions.")
    description = fields.Html(help="Programme, trainers, material.")
    department_id = fields.Many2one(
        "hr.department",
        string="For department",
        help="The unit the session is organised for, if any.",
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("confirmed", "Confirmed"),
            ("done", "Done"),
            ("cancelled", "Cancelled"),
        ],
        default="draft",
        required=True,
        tracking=True,
        index=True,
    )
    attendance_ids = fields.One2many(
        "hr.training.attendance", "session_id", string="Attendees"
    )
    attendee_count = fields.Integer(compute="_compute_counts", string="Invited")
    attended_count = fields.Integer(compute="_compute_counts", string="Attended")

    @api.depends("kind")
    def _compute_method_category(self):
        for session in self:
            session.method_category = rules.method_category(session.kind)

    @api.depends("attendance_ids.attended")
    def _compute_counts(self):
        for session in self:
            session.attendee_count = len(session.attendance_ids)
            session.attended_count = len(session.attendance_ids.filtered("attended"))

    @api.constrains("date_start", "date_end", "jp_hours")
    def _check_values(self):
        for session in self:
            if session.date_end < session.date_start:
                raise ValidationError(
                    self.env._(
                        "%(session)s: the session ends before it starts.",
                        session=session.name,
                    )
                )
            if session.jp_hours < 0:
                raise ValidationError(
                    self.env._(
                        "%(session)s: the JP cannot be negative (got %(jp)s).",
                        session=session.name,
                        jp=session.jp_hours,
                    )
                )

    def write(self, vals):
        result = super().write(vals)
        if "date_start" in vals:
            self.attendance_ids._ensure_plans()
        return result

    # Workflow actions (each works on many sessions at once)
    def action_confirm(self):
        self._check_state("draft")
        self.write({"state": "confirmed"})

    def action_done(self):
        self._check_state("confirmed")
        self.write({"state": "done"})

    def action_cancel(self):
        self._check_state("draft", "confirmed")
        self.write({"state": "cancelled"})

    def action_reset_draft(self):
        self._check_state("cancelled")
        self.write({"state": "draft"})

    def action_mark_all_attended(self):
        """Everyone invited attended (uncheck the absent ones afterwards)."""
        self.attendance_ids.action_mark_attended()

    def _check_state(self, *states):
        wrong = self.filtered(lambda s: s.state not in states)
        if wrong:
            raise UserError(
                self.env._(
                    "This step is not possible for the session(s) %(names)s in "
                    "their current state.",
                    names=", ".join(wrong.mapped("name")),
                )
            )

    @api.model
    def _prepare_from_needs(self, skill, employees, department=None):
        """Values of a draft session for one competency and its attendees."""
        return {
            "name": self.env._("Development of %(competency)s", competency=skill.name),
            "kind": "pelatihan",
            "skill_ids": [Command.set(skill.ids)],
            "department_id": department.id if department else False,
            "attendance_ids": [
                Command.create({"employee_id": employee.id}) for employee in employees
            ],
        }
