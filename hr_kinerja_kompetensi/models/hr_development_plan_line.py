from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..rules import development as rules

METHOD_SELECTION = [
    ("pelatihan", "Pelatihan (training)"),
    ("seminar", "Seminar"),
    ("workshop", "Workshop"),
    ("bimtek", "Bimtek (technical guidance)"),
    ("sosialisasi", "Sosialisasi (policy briefing)"),
    ("kursus", "Kursus (course)"),
    ("coaching", "Coaching"),
    ("mentoring", "Mentoring"),
    ("e_learning", "E-learning"),
    ("detasering", "Detasering (secondment)"),
    ("benchmarking", "Benchmarking"),
    ("belajar_mandiri", "Belajar mandiri (self-study)"),
    ("komunitas_belajar", "Komunitas belajar (learning community)"),
    ("magang", "Magang (internship)"),
]
METHOD_CATEGORY_SELECTION = [
    ("klasikal", "Klasikal"),
    ("non_klasikal", "Non-klasikal"),
]
PRIORITY_SELECTION = [("high", "High"), ("medium", "Medium"), ("low", "Low")]

# Fields of a line the plan's agreement freezes
_FROZEN_FIELDS = {
    "skill_id",
    "method",
    "planned_jp",
    "priority",
    "date_target",
    "plan_id",
}


class HrDevelopmentPlanLine(models.Model):
    _name = "hr.development.plan.line"
    _description = "Development Plan Line"
    _order = "plan_id, priority_rank, skill_id"
    _rec_name = "skill_id"
    _inherit = ["hr.kinerja.bounds.mixin"]
    _kinerja_bounds = {"planned_jp": (None, 1000)}

    plan_id = fields.Many2one(
        "hr.development.plan", required=True, ondelete="cascade", index=True
    )
    employee_id = fields.Many2one(related="plan_id.employee_id", store=True)
    year = fields.Integer(related="plan_id.year", store=True)
    department_id = fields.Many2one(related="plan_id.department_id", store=True)
    plan_state = fields.Selection(related="plan_id.state", string="Plan status")
    # What to develop, and why
    skill_id = fields.Many2one(
        "hr.skill",
        string="Competency",
        required=True,
        ondelete="restrict",
        domain="[('competency_family', '!=', False)]",
        help="The competency to develop.",
    )
    competency_family = fields.Selection(
        related="skill_id.competency_family", store=True
    )
    appraisal_id = fields.Many2one(
        "hr.appraisal",
        string="From appraisal",
        readonly=True,
        ondelete="set null",
        help="The done appraisal that found the gap.",
    )
    required_level = fields.Integer(
        readonly=True, help="Level the job's standard requires."
    )
    assessed_level = fields.Integer(
        readonly=True, help="The supervisor's assessment in the appraisal."
    )
    gap = fields.Integer(
        readonly=True,
        help="Assessed minus required level; negative = below standard.",
    )
    priority = fields.Selection(
        PRIORITY_SELECTION,
        required=True,
        default="low",
        help="From the gap: -2 or deeper is high, -1 medium; a recommendation "
        "without a gap is low. The supervisor may change it.",
    )
    priority_rank = fields.Integer(compute="_compute_priority_rank", store=True)
    recommendation = fields.Text(
        help="The supervisor's recommendation from the appraisal, or what was "
        "agreed for this competency."
    )
    # How, how much, by when
    method = fields.Selection(
        METHOD_SELECTION,
        required=True,
        default="pelatihan",
        help="Klasikal methods are learning in a class (training, seminar, "
        "workshop, bimtek, sosialisasi, course); non-klasikal ones happen at "
        "work or alone (coaching, mentoring, e-learning, secondment, "
        "benchmarking, self-study, learning community, internship).",
    )
    method_category = fields.Selection(
        METHOD_CATEGORY_SELECTION,
        string="Method kind",
        compute="_compute_method_category",
        store=True,
    )
    planned_jp = fields.Float(
        string="Planned JP",
        digits=(6, 1),
        help="Hours of learning (jam pelajaran, 45 minutes each) planned for "
        "this competency.",
    )
    realized_jp = fields.Float(
        string="Realized JP",
        compute="_compute_realized_jp",
        store=True,
        digits=(6, 1),
        help="JP of attended sessions that target this competency; a session "
        "targeting several competencies of the plan is shared evenly among "
        "them.",
    )
    date_target = fields.Date(
        string="Target date", help="When the development should be completed."
    )
    state = fields.Selection(
        [("todo", "To do"), ("in_progress", "In progress"), ("done", "Done")],
        string="Status",
        compute="_compute_state",
        store=True,
        readonly=False,
        help="Follows the realized JP (done once it reaches the planned JP); "
        "the supervisor may set it, e.g. after a coaching without JP.",
    )
    coaching_ids = fields.One2many(
        "hr.development.coaching", "plan_line_id", string="Coaching log"
    )
    coaching_count = fields.Integer(compute="_compute_coaching_count")

    _sql_constraints = [
        (
            "plan_skill_unique",
            "UNIQUE(plan_id, skill_id)",
            "A competency appears once per development plan.",
        ),
    ]

    @api.depends("priority")
    def _compute_priority_rank(self):
        rank = {key: index for index, (key, _label) in enumerate(PRIORITY_SELECTION)}
        for line in self:
            line.priority_rank = rank.get(line.priority, len(rank))

    @api.depends("method")
    def _compute_method_category(self):
        for line in self:
            line.method_category = rules.method_category(line.method)

    @api.depends(
        "skill_id",
        "plan_id.line_ids.skill_id",
        "plan_id.attendance_ids.jp_credited",
        "plan_id.attendance_ids.session_id.skill_ids",
    )
    def _compute_realized_jp(self):
        for line in self:
            plan = line.plan_id
            line_skills = plan.line_ids.skill_id.ids
            total = 0.0
            for attendance in plan.attendance_ids:
                if not attendance.jp_credited:
                    continue
                total += rules.allocate_jp(
                    attendance.jp_credited,
                    attendance.session_id.skill_ids.ids,
                    line_skills,
                ).get(line.skill_id.id, 0.0)
            line.realized_jp = total

    @api.depends("realized_jp", "planned_jp")
    def _compute_state(self):
        for line in self:
            if line.planned_jp and line.realized_jp >= line.planned_jp:
                line.state = "done"
            elif line.realized_jp:
                line.state = "in_progress"
            else:
                line.state = line.state if line.state == "done" else "todo"

    def _compute_coaching_count(self):
        counts = dict(
            self.env["hr.development.coaching"]._read_group(
                [("plan_line_id", "in", self.ids)], ["plan_line_id"], ["__count"]
            )
        )
        for line in self:
            line.coaching_count = counts.get(line, 0)

    @api.constrains("planned_jp")
    def _check_planned_jp(self):
        for line in self:
            if line.planned_jp < 0:
                raise ValidationError(
                    self.env._(
                        "%(competency)s: the planned JP cannot be negative "
                        "(got %(jp)s).",
                        competency=line.skill_id.name,
                        jp=line.planned_jp,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        lines.plan_id._check_draft_for_lines()
        return lines

    def write(self, vals):
        if _FROZEN_FIELDS & set(vals):
            self.plan_id._check_draft_for_lines()
        result = super().write(vals)
        if "plan_id" in vals:
            self.plan_id._check_draft_for_lines()
        return result

    def unlink(self):
        self.plan_id._check_draft_for_lines()
        return super().unlink()

    def action_open_coaching(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "hr_kinerja_kompetensi.hr_development_coaching_action"
        )
        action["domain"] = [("plan_line_id", "=", self.id)]
        action["context"] = {"default_plan_line_id": self.id}
        return action
