from odoo import api, fields, models
from odoo.exceptions import ValidationError


class HrDevelopmentCoaching(models.Model):
    _name = "hr.development.coaching"
    _description = "Coaching and Mentoring Log"
    _order = "date desc, id desc"

    plan_line_id = fields.Many2one(
        "hr.development.plan.line",
        string="Plan line",
        required=True,
        ondelete="cascade",
        index=True,
        help="The competency of the development plan this meeting works on.",
    )
    plan_id = fields.Many2one(related="plan_line_id.plan_id", store=True, index=True)
    employee_id = fields.Many2one(
        related="plan_line_id.employee_id", store=True, index=True
    )
    skill_id = fields.Many2one(related="plan_line_id.skill_id", store=True)
    kind = fields.Selection(
        [("coaching", "Coaching"), ("mentoring", "Mentoring")],
        required=True,
        default="coaching",
        help="Coaching: the supervisor helps the employee find their own way to "
        "the goal. Mentoring: an experienced colleague shares how they do it.",
    )
    coach_id = fields.Many2one(
        "hr.employee",
        string="Coach / mentor",
        compute="_compute_coach_id",
        store=True,
        readonly=False,
        help="Who leads the meeting; the employee's supervisor by default.",
    )
    date = fields.Date(
        required=True,
        default=fields.Date.context_today,
        help="Date of the meeting.",
    )
    goal = fields.Char(
        required=True, help="What the employee should be able to do afterwards."
    )
    duration = fields.Float(
        string="Duration (hours)", help="How long the meeting lasted."
    )
    notes = fields.Text(help="What was discussed, agreed and observed.")
    next_step = fields.Char(help="What the employee does before the next meeting.")

    @api.depends("plan_line_id")
    def _compute_coach_id(self):
        for log in self:
            log.coach_id = log.coach_id or log.plan_line_id.employee_id.parent_id

    @api.constrains("duration")
    def _check_duration(self):
        for log in self:
            if log.duration < 0:
                raise ValidationError(
                    self.env._(
                        "%(goal)s: the duration cannot be negative.", goal=log.goal
                    )
                )
