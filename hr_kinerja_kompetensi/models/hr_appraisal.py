from collections import defaultdict

from markupsafe import Markup, escape

from odoo import api, fields, models
from odoo.exceptions import UserError

from ..rules import appraisal as rules
from ..rules import working_days
from . import labels as label_defs
from .hr_appraisal_confidential_mixin import (
    HR_GROUP,
    check_hr_exception,
    judgement_compute,
    judgement_inverse,
    judgement_search,
)
from .lang_envs import LangEnvs

# Objection (keberatan): working days after publication to file one
OBJECTION_FILING_DAYS = 14

RATING_SELECTION = label_defs.selection(label_defs.RATINGS)
PREDICATE_SELECTION = label_defs.selection(label_defs.PREDICATES)
JPM_CATEGORIES = label_defs.selection(label_defs.JPM_CATEGORIES)
# Fields only the supervisor chain and HR may set.
SUPERVISOR_FIELDS = {
    "work_result_rating",
    "behavior_rating",
    "manager_feedback",
    "note",
}
# Fields that place the appraisal (whose, which cycle, when, who appraises):
# HR's, never on their own appraisal.
HR_FIELDS = {
    "cycle_id",
    "employee_id",
    "date_close",
    "manager_ids",
    "company_id",
    "appraisal_template_id",
    "job_id",
    "department_id",
    "active",
}
# All an appraisee writes on her own appraisal: the self-assessment (her
# competency levels go through the lines, which check each field again).
APPRAISEE_FIELDS = {"employee_feedback", "competency_line_ids", "color"}


class HrAppraisal(models.Model):
    _name = "hr.appraisal"
    _inherit = [
        "hr.appraisal",
        "hr.appraisal.confidential.mixin",
        "hr.kinerja.workflow.mixin",
        "hr.kinerja.supervision.mixin",
    ]

    # Fields only a workflow step changes (hr.kinerja.workflow.mixin): nobody
    # writes them directly, HR included (an appraisee publishing her own
    # appraisal, a supervisor backdating it). hr_appraisal_oca's own
    # ``state`` and publication flags are left to its buttons: they decide
    # nothing here, the appraisee cannot write them on her own appraisal,
    # and our steps set them as superuser.
    _kinerja_step_fields = (
        "kinerja_state",
        "date_published",
        "objection_deadline",
        "predicate_override",
        # computed from the supervision scope, never chosen by hand
        "appraiser_id",
        "acting_appraiser_id",
        "atasan_ppk_id",
    )
    # The supervisor's judgement is kept in hr.appraisal.judgement
    # (hr.appraisal.confidential.mixin), whose record rules let the appraisee
    # read it only once the appraisal is done (published).
    _judgement_model = "hr.appraisal.judgement"
    _judgement_link = "appraisal_id"
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
        "feedback_score",
        # set by calibration (HR field): an appraised HR officer must not
        # read her own before publication
        "predicate_override",
    )

    # Read only by their author, whoever else reaches the record (the attack
    # suite, tests/test_attack_suite.py, checks every field declared here)
    _author_only_fields = ("note",)
    # The private note is each author's own (hr.appraisal.note, behind a
    # global author-only rule): not stored here, so nobody searches, sorts
    # or groups by it, and every exit reads it through the rule.
    note = fields.Html(
        compute="_compute_note",
        inverse="_inverse_note",
        search="_search_note",
        compute_sudo=False,
        store=False,
        string="Private note",
        help="Your own note on this appraisal. Only you read it: not the "
        "employee, not HR, not another supervisor.",
    )

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
        label_defs.selection(label_defs.STEPS),
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
    judgement_ids = fields.One2many(
        "hr.appraisal.judgement", "appraisal_id", string="Supervisor's judgement"
    )
    visible_judgement_id = fields.Many2one(
        "hr.appraisal.judgement",
        compute="_compute_visible_judgement",
        compute_sudo=False,
        string="Judgement you read",
    )
    # Not tracked: the chatter would show the rating to the appraisee early.
    work_result_rating = fields.Selection(
        RATING_SELECTION,
        compute=judgement_compute("work_result_rating"),
        inverse=judgement_inverse("work_result_rating"),
        search=judgement_search("work_result_rating"),
        compute_sudo=False,
        readonly=False,
        help="The supervisor's rating of the work results for the period.",
    )
    # Work behaviour (perilaku kerja, BerAKHLAK)
    behavior_line_ids = fields.One2many(
        "hr.appraisal.behavior", "appraisal_id", string="Behaviour", copy=True
    )
    behavior_suggestion = fields.Selection(
        RATING_SELECTION,
        compute="_compute_behavior_suggestion",
        search=judgement_search("behavior_suggestion"),
        compute_sudo=False,
        string="Suggested behaviour rating",
        help="The rating most core values received (a tie gives 'meets'). Only "
        "a suggestion: the supervisor decides.",
    )
    behavior_rating = fields.Selection(
        RATING_SELECTION,
        compute=judgement_compute("behavior_rating"),
        inverse=judgement_inverse("behavior_rating"),
        search=judgement_search("behavior_rating"),
        compute_sudo=False,
        readonly=False,
        help="The supervisor's overall rating of the work behaviour (the seven "
        "BerAKHLAK core values).",
    )
    # hr_appraisal_oca's field, kept in the judgement like the ratings
    manager_feedback = fields.Html(
        string="Supervisor's feedback",
        compute=judgement_compute("manager_feedback"),
        inverse=judgement_inverse("manager_feedback"),
        search=judgement_search("manager_feedback"),
        compute_sudo=False,
        store=False,
        readonly=False,
        help="What the supervisor tells the employee about the period: what "
        "went well, what to improve. The employee reads it once the "
        "appraisal is done.",
    )
    # Competencies
    competency_line_ids = fields.One2many(
        "hr.appraisal.competency", "appraisal_id", string="Competencies", copy=True
    )
    job_person_match = fields.Float(
        string="JPM (%)",
        compute="_compute_job_person_match",
        search=judgement_search("job_person_match"),
        compute_sudo=False,
        digits=(5, 2),
        help="Job-Person Match: sum of min(assessed, required) over the sum of "
        "required levels. A surplus in one competency never hides a gap in "
        "another.",
    )
    jpm_category = fields.Selection(
        JPM_CATEGORIES,
        compute="_compute_job_person_match",
        search=judgement_search("jpm_category"),
        compute_sudo=False,
        string="JPM Category",
    )
    gap_count = fields.Integer(
        compute="_compute_job_person_match",
        search=judgement_search("gap_count"),
        compute_sudo=False,
        string="Competencies below standard",
    )
    # Result
    predicate = fields.Selection(
        PREDICATE_SELECTION,
        compute="_compute_predicate",
        search=judgement_search("predicate"),
        compute_sudo=False,
        help="From the predicate matrix of PermenPAN-RB 6/2022: work-result rating "
        "(rows) by behaviour rating (columns).",
    )

    # Record rules hide the requests of their own appraisal from the appraisee
    feedback_ids = fields.One2many(
        "hr.appraisal.feedback", "appraisal_id", string="360 Feedback Requests"
    )
    feedback_aggregate_ids = fields.One2many(
        "hr.appraisal.feedback.aggregate", "appraisal_id", string="360 Results"
    )
    feedback_score = fields.Float(
        string="360 score",
        compute=judgement_compute("feedback_score"),
        search=judgement_search("feedback_score"),
        compute_sudo=False,
        digits=(3, 2),
        help="Mean of the released 360 medians of the supervisor, peers, "
        "subordinates and others that reached the minimum number of "
        "responses (self-ratings excluded); 0 when nothing is released.",
    )

    # Final predicate: the matrix, unless calibration or an objection changed it
    predicate_override = fields.Selection(
        PREDICATE_SELECTION,
        string="Changed predicate",
        compute=judgement_compute("predicate_override"),
        inverse=judgement_inverse("predicate_override"),
        search=judgement_search("predicate_override"),
        compute_sudo=False,
        readonly=True,
        copy=False,
        groups=HR_GROUP,
        help="Predicate set in calibration or by an objection decision; it "
        "replaces the one of the matrix. The history is in the predicate log.",
    )
    predicate_log_ids = fields.One2many(
        "hr.appraisal.predicate.log",
        "appraisal_id",
        string="Predicate changes",
        groups=HR_GROUP,
    )
    # Publication and objection (keberatan)
    date_published = fields.Date(
        string="Published on",
        readonly=True,
        copy=False,
        index=True,
        help="Day the result was made visible to the employee (appraisal done).",
    )
    objection_deadline = fields.Date(
        compute="_compute_objection_deadline",
        store=True,
        help="Last day to file an objection: 14 working days after publication "
        "(weekends and the company's public holidays are skipped).",
    )
    objection_ids = fields.One2many(
        "hr.appraisal.objection", "appraisal_id", string="Objections"
    )
    # Buttons shown only to whom may press them (the methods check it again)
    can_submit_self_assessment = fields.Boolean(
        compute="_compute_can_submit_self_assessment"
    )
    can_skip_self_assessment = fields.Boolean(
        compute="_compute_can_skip_self_assessment"
    )
    # Shows the button to the appraisee (and HR) only; a missing atasan PPK
    # still shows it, so that the refusal explains what HR must fix.
    can_file_objection = fields.Boolean(compute="_compute_can_file_objection")
    cycle_state = fields.Selection(related="cycle_id.state", string="Cycle status")
    # Odoo lets the appraisee read the whole chatter of her appraisal, log
    # notes included: the form warns whoever else writes there before the
    # result is published.
    chatter_read_by_appraisee = fields.Boolean(
        compute="_compute_chatter_read_by_appraisee"
    )

    # Who appraises (DOMAIN.md "Who appraises"): the PPK is the acting
    # appraiser (Plt/Plh) in force when the period is assessed, otherwise the
    # direct supervisor; the atasan PPK is the PPK's own PPK. Stored, so that
    # a published appraisal keeps who signed it.
    appraiser_id = fields.Many2one(
        "hr.employee",
        string="PPK",
        compute="_compute_appraiser",
        store=True,
        index=True,
        help="Pejabat Penilai Kinerja: the direct supervisor, or the acting "
        "appraiser (Plt/Plh) HR assigned for the period.",
    )
    acting_appraiser_id = fields.Many2one(
        "hr.acting.appraiser",
        string="Acting assignment",
        compute="_compute_appraiser",
        store=True,
        index="btree_not_null",
        help="The Plt/Plh assignment that makes someone other than the direct "
        "supervisor the PPK.",
    )
    atasan_ppk_id = fields.Many2one(
        "hr.employee",
        string="Atasan PPK",
        compute="_compute_appraiser",
        store=True,
        help="The supervisor of the post the PPK holds (for a unit's Plt/Plh, the "
        "head's supervisor): decides objections.",
    )
    in_my_supervision = fields.Boolean(
        help="You appraise this employee: they are below you in the "
        "supervision chain, or you are their acting appraiser (Plt/Plh) today.",
    )

    _sql_constraints = [
        (
            "cycle_employee_unique",
            "UNIQUE(cycle_id, employee_id)",
            "An employee has one appraisal per cycle.",
        ),
    ]

    @api.depends(
        "employee_id.parent_id",
        "cycle_id.date_end",
        "cycle_id.date_supervisor_deadline",
    )
    def _compute_appraiser(self):
        # A published appraisal keeps who appraised it (the document is signed).
        todo = self.filtered(lambda a: a.kinerja_state != "done" or not a.appraiser_id)
        Acting = self.env["hr.acting.appraiser"]
        today = fields.Date.context_today(self)
        by_window = defaultdict(lambda: self.browse())
        for appraisal in todo:
            cycle = appraisal.cycle_id
            end = cycle.date_end or today
            by_window[(end, max(end, cycle.date_supervisor_deadline or end))] |= (
                appraisal
            )
        for (date_from, date_to), appraisals in by_window.items():
            acting = Acting._acting_for(appraisals.employee_id, date_from, date_to)
            for appraisal in appraisals:
                assignment = acting.get(appraisal.employee_id.id, Acting)
                appraisal.acting_appraiser_id = assignment
                appraisal.appraiser_id = (
                    assignment.appraiser_id or appraisal.employee_id.parent_id
                )
            # The atasan PPK is the supervisor of the post the PPK holds: a
            # unit's Plt/Plh stands in for its head, so the head's supervisor.
            post_of = {
                appraisal: (
                    appraisal.acting_appraiser_id.scope == "department"
                    and appraisal.acting_appraiser_id.department_id.manager_id
                )
                or appraisal.appraiser_id
                for appraisal in appraisals
            }
            posts = self.env["hr.employee"].union(*post_of.values())
            acting_above = Acting._acting_for(posts, date_from, date_to)
            for appraisal in appraisals:
                post = post_of[appraisal]
                above = acting_above.get(post.id)
                atasan = above.appraiser_id if above else post.parent_id
                if atasan == appraisal.employee_id:
                    atasan = post.parent_id
                appraisal.atasan_ppk_id = atasan
        for appraisal in self - todo:
            appraisal.appraiser_id = appraisal.appraiser_id
            appraisal.acting_appraiser_id = appraisal.acting_appraiser_id
            appraisal.atasan_ppk_id = appraisal.atasan_ppk_id

    @api.depends_context("uid")
    def _compute_note(self):
        notes = self.env["hr.appraisal.note"]._notes_of(self)
        for appraisal in self:
            appraisal.note = notes.get(appraisal.id, False)

    def _search_note(self, operator, value):
        raise UserError(
            self.env._("Private notes cannot be searched: each is its author's own.")
        )

    def _inverse_note(self):
        # write() has checked that the user assesses these appraisals
        self.env["hr.appraisal.note"]._write_notes(
            {appraisal.id: appraisal.note for appraisal in self if appraisal.id}
        )

    @api.model
    def _supervision_domain(self):
        """The appraisals of the employees in the user's supervision scope
        (never their own)."""
        return [("employee_id.in_my_supervision", "=", True)]

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

    # The results below are computed from what the user reads of the
    # judgement (an appraisee reads nothing of it before publication, so
    # nothing follows), and live in a form being edited. The judgement
    # stores the same results for analyses.
    @api.depends("behavior_line_ids.rating")
    @api.depends_context("uid")
    def _compute_behavior_suggestion(self):
        for appraisal in self:
            appraisal.behavior_suggestion = rules.suggest_behavior(
                appraisal.behavior_line_ids.mapped("rating")
            )

    @api.depends(
        "competency_line_ids.manager_level", "competency_line_ids.required_level"
    )
    @api.depends_context("uid")
    def _compute_job_person_match(self):
        for appraisal in self:
            lines = appraisal.competency_line_ids
            jpm = rules.job_person_match(
                (line.manager_level, line.required_level) for line in lines
            )
            appraisal.job_person_match = jpm or 0.0
            appraisal.jpm_category = rules.jpm_category(jpm)
            appraisal.gap_count = sum(
                1
                for line in lines
                if rules.gap(line.manager_level, line.required_level) < 0
            )

    @api.depends("work_result_rating", "behavior_rating", "predicate_override")
    @api.depends_context("uid")
    def _compute_predicate(self):
        for appraisal in self:
            appraisal.predicate = appraisal.predicate_override or rules.predicate(
                appraisal.work_result_rating, appraisal.behavior_rating
            )

    def write(self, vals):
        # the fields the user's role may not write at all are refused by
        # hr.kinerja.workflow.mixin's write (_check_write_allowed below)
        if SUPERVISOR_FIELDS & set(vals) and not self.env.su:
            self._check_can_assess()
        if {"work_result_rating", "behavior_rating"} & set(vals):
            self._check_cycle_not_closed()
        if vals.get("kinerja_state") == "done" and "date_published" not in vals:
            vals = dict(vals, date_published=fields.Date.context_today(self))
        result = super().write(vals)
        if vals.get("kinerja_state") == "done":
            annual = self.filtered(lambda a: a.period_type == "annual")
            if annual:
                self.env["hr.employee.talent"].sudo().search(
                    [("employee_id", "in", annual.employee_id.ids)]
                )._refresh_appraisal()
        return result

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

    def _check_write_allowed(self, vals):
        """Besides the step fields (the mixin), the fields the user's role on
        these appraisals does not own: HR_FIELDS are HR's, and on her own
        appraisal the appraisee writes only APPRAISEE_FIELDS."""
        allowed = super()._check_write_allowed(vals)
        fnames = set(vals)
        own = self._own()
        placing = fnames & HR_FIELDS
        if placing and (own or not self._is_hr()):
            raise UserError(
                self.env._(
                    "Only HR changes %(fields)s of an appraisal, and never on "
                    "their own appraisal.",
                    fields=self._field_labels(placing),
                )
            )
        beyond = fnames - APPRAISEE_FIELDS
        if own and beyond:
            raise UserError(
                self.env._(
                    "On your own appraisal you fill only the self-assessment; "
                    "%(fields)s are for your supervisor or HR to set.",
                    fields=self._field_labels(beyond),
                )
            )
        if own and "competency_line_ids" in vals:
            # update commands only: the lines themselves come from the job
            # standard, and each update is checked field by field by the line
            if any(
                not isinstance(command, list | tuple) or command[0] != 1
                for command in vals["competency_line_ids"]
            ):
                raise UserError(
                    self.env._(
                        "On your own appraisal you only fill your levels of the "
                        "competencies already listed."
                    )
                )
        return allowed

    def _field_labels(self, fnames):
        return ", ".join(
            sorted(self._fields[name]._description_string(self.env) for name in fnames)
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
        self.sudo().write({"kinerja_state": "supervisor"})

    def action_skip_self_assessment(self):
        """The supervisor goes on without the self-assessment once its
        deadline has passed: the self-assessment is an input to the
        supervisor's judgement, not a condition for it (PermenPAN-RB 6/2022),
        and an employee who does not hand it in must not block the cycle."""
        self._check_can_assess()
        today = fields.Date.context_today(self)
        wrong = self.filtered(
            lambda a: (
                a.kinerja_state != "self"
                or not a.cycle_id.date_self_deadline
                or today <= a.cycle_id.date_self_deadline
            )
        )
        if wrong:
            raise UserError(
                self.env._(
                    "The supervisor goes on without the self-assessment only "
                    "after its deadline, while it has not been handed in: "
                    "%(names)s",
                    names=", ".join(wrong.sudo().mapped("employee_id.name")),
                )
            )
        body = escape(
            self.env._(
                "Self-assessment not handed in by its deadline: %(user)s goes on "
                "with the assessment.",
                user=self.env.user.name,
            )
        )
        # one batch of notes (no notification), written as the current user
        self.sudo()._message_log_batch(
            bodies=dict.fromkeys(self.ids, body), author_id=self.env.user.partner_id.id
        )
        self.sudo().write({"kinerja_state": "supervisor"})

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
        self.sudo().write(
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
        own = self._own()
        if own:
            raise UserError(
                self.env._(
                    "Nobody reopens their own appraisal: ask another HR "
                    "officer (%(names)s).",
                    names=", ".join(own.sudo().mapped("employee_id.name")),
                )
            )
        # A predicate changed in calibration or by an objection would
        # otherwise outlive the correction: the re-rating would not change
        # the final predicate, silently. Reopening hands it back to the
        # matrix; the log keeps what it was.
        changed = self.sudo().filtered("predicate_override").with_env(self.env)
        changed_ids = set(changed.ids)
        cleared_note = self.env._(
            "The predicate changed in calibration or by an objection is "
            "cleared: the ratings decide it again (details in the predicate log)."
        )
        for appraisal in self:
            body = self.env._(
                "Reopened by %(user)s: %(reason)s",
                user=self.env.user.name,
                reason=reason,
            )
            if appraisal.id in changed_ids:
                body = Markup("%s<br/>%s") % (body, cleared_note)
            appraisal.message_post(body=body)
        if changed:
            changed._clear_predicate_override(reason)
        self.sudo().write({"kinerja_state": "supervisor", "state": "2_pending"})

    # Business methods
    def _is_hr(self):
        return self.env.user.has_group(HR_GROUP)

    def _assessable(self):
        """The appraisals the user may assess: those in their supervision
        scope (all of them for HR), never their own, HR included. While an
        acting appraiser is the PPK (a vacant post, a supervisor in a
        dispute), only that PPK assesses; the chain above keeps reading."""
        if not self or self.env.su:
            return self
        if self._is_hr():
            return self - self._own()
        mine = self.sudo().search([("id", "in", self.ids), *self._supervision_domain()])
        uid = self.env.uid
        return self.filtered(
            lambda a: (
                a.id in mine._ids
                and (
                    not a.sudo().acting_appraiser_id
                    or a.sudo().appraiser_id.user_id.id == uid
                )
            )
        )

    def _check_can_assess(self):
        """Supervisor fields are set by the supervision chain or HR, never by
        the appraisee."""
        wrong = self - self._assessable()
        if wrong:
            raise UserError(
                self.env._(
                    "Only the supervisor of %(names)s (or HR) can assess them.",
                    names=", ".join(wrong.sudo().mapped("employee_id.name")),
                )
            )

    def _own_or_hr(self):
        """The appraisals the user may self-assess: their own (all for HR)."""
        if self.env.su or self._is_hr():
            return self
        return self._own()

    def _check_is_appraisee_or_hr(self):
        wrong = self - self._own_or_hr()
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
        supervisor, created in one batch, each in its assignee's language
        (not the language of the officer who opens the cycle)."""
        todo_type_id = self.env.ref("mail.mail_activity_data_todo").id
        model_id = self.env["ir.model"]._get_id("hr.appraisal")
        envs = LangEnvs(self.env)
        vals_list = []
        for appraisal in self:
            cycle = appraisal.cycle_id
            employee = appraisal.employee_id
            todo = []
            if user := employee.user_id:
                summary = envs[user.lang]._("Fill your self-assessment")
                todo.append((user, cycle.date_self_deadline, summary))
            if user := appraisal.appraiser_id.user_id:
                summary = envs[user.lang]._("Assess %(name)s", name=employee.name)
                todo.append((user, cycle.date_supervisor_deadline, summary))
            vals_list += [
                {
                    "res_model_id": model_id,
                    "res_id": appraisal.id,
                    "activity_type_id": todo_type_id,
                    "user_id": user.id,
                    "date_deadline": deadline or cycle.date_end,
                    "summary": summary,
                }
                for user, deadline, summary in todo
            ]
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

    def _released_360_medians(self):
        """{appraisal id: [released 360 medians]} (self-ratings excluded)."""
        aggregates = (
            self.env["hr.appraisal.feedback.aggregate"]
            .sudo()
            .search_fetch(
                [
                    ("appraisal_id", "in", self.ids),
                    ("enough", "=", True),
                    ("role", "!=", "self"),
                ],
                ["appraisal_id", "median"],
            )
        )
        medians = {}
        for aggregate in aggregates:
            medians.setdefault(aggregate.appraisal_id.id, []).append(aggregate.median)
        return medians

    def action_request_feedback(self):
        """Open the wizard that proposes reviewers for these appraisals."""
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Request 360 feedback"),
            "res_model": "hr.appraisal.feedback.request",
            "view_mode": "form",
            "target": "new",
            "context": {"default_appraisal_ids": self.ids},
        }

    @api.depends("date_published", "company_id")
    def _compute_objection_deadline(self):
        published = self.filtered("date_published")
        (self - published).objection_deadline = False
        if not published:
            return
        Leaves = self.env["resource.calendar.leaves"]
        start = min(published.mapped("date_published"))
        end = working_days.holiday_span(
            max(published.mapped("date_published")), OBJECTION_FILING_DAYS
        )[1]
        companies = published.company_id | self.env.company
        holidays = Leaves._kinerja_public_holidays(companies, start, end)
        for appraisal in published:
            company = appraisal.company_id or self.env.company
            appraisal.objection_deadline = working_days.add_working_days(
                appraisal.date_published,
                OBJECTION_FILING_DAYS,
                holidays[company.id],
            )

    @api.depends_context("uid")
    @api.depends("kinerja_state", "employee_id.user_id")
    def _compute_chatter_read_by_appraisee(self):
        own_ids = set(self._own().ids)
        for appraisal in self:
            appraisal.chatter_read_by_appraisee = (
                appraisal.kinerja_state != "done"
                and appraisal.id not in own_ids
                and bool(appraisal.sudo().employee_id.user_id)
            )

    @api.depends_context("uid")
    @api.depends("kinerja_state", "employee_id.user_id")
    def _compute_can_submit_self_assessment(self):
        allowed = set(
            self.filtered(lambda a: a.kinerja_state == "self")._own_or_hr().ids
        )
        for appraisal in self:
            appraisal.can_submit_self_assessment = appraisal.id in allowed

    @api.depends_context("uid")
    @api.depends("kinerja_state", "cycle_id.date_self_deadline")
    def _compute_can_skip_self_assessment(self):
        today = fields.Date.context_today(self)
        # HR is offered "Submit self-assessment" instead
        late = self.filtered(
            lambda a: (
                a.kinerja_state == "self"
                and a.cycle_id.date_self_deadline
                and today > a.cycle_id.date_self_deadline
                and not a.can_submit_self_assessment
            )
        )
        allowed = set(late._assessable().ids)
        for appraisal in self:
            appraisal.can_skip_self_assessment = appraisal.id in allowed

    @api.depends_context("uid")
    @api.depends(
        "kinerja_state", "date_published", "objection_deadline", "objection_ids"
    )
    def _compute_can_file_objection(self):
        refused = self._objection_refusals(check_atasan=False)
        for appraisal in self:
            appraisal.can_file_objection = appraisal.id not in refused

    def action_open_calibration(self):
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Change the predicate"),
            "res_model": "hr.appraisal.calibrate",
            "view_mode": "form",
            "target": "new",
            "context": {"default_appraisal_ids": self.ids},
        }

    def action_file_objection(self):
        self._check_can_object()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("File an objection"),
            "res_model": "hr.appraisal.objection",
            "view_mode": "form",
            "target": "new",
            "context": {"default_appraisal_id": self[:1].id},
        }

    # Business methods
    def _calibrate(self, predicate, reason):
        """HR changes the predicate of appraisals of cycles in calibration."""
        if not (self.env.su or self.env.user.has_group(HR_GROUP)):
            raise UserError(self.env._("Only HR officers calibrate predicates."))
        own = self.browse() if self.env.su else self._own()
        if own:
            raise UserError(
                self.env._(
                    "Nobody calibrates their own predicate: ask another HR "
                    "officer (%(names)s).",
                    names=", ".join(own.sudo().mapped("employee_id.name")),
                )
            )
        wrong = self.filtered(lambda a: a.cycle_id.state != "calibration")
        if wrong:
            raise UserError(
                self.env._(
                    "Predicates are changed only while the cycle is in "
                    "calibration: %(names)s",
                    names=", ".join(wrong.mapped("employee_id.name")),
                )
            )
        unrated = self.filtered(lambda a: not a.predicate)
        if unrated:
            raise UserError(
                self.env._(
                    "These appraisals have no predicate yet (the supervisor has "
                    "not rated them): %(names)s",
                    names=", ".join(unrated.mapped("employee_id.name")),
                )
            )
        self._change_predicate(predicate, reason, "calibration")

    def _change_predicate(self, predicate, reason, source):
        """Set the final predicate; log before, after, who and why, and post
        it in the chatter (batch)."""
        if not (reason or "").strip():
            raise UserError(self.env._("Give the reason for changing the predicate."))
        if predicate not in rules.PREDICATES:
            raise UserError(self.env._("Choose the new predicate."))
        labels = dict(self._fields["predicate"]._description_selection(self.env))
        source_label = dict(
            self.env["hr.appraisal.predicate.log"]
            ._fields["source"]
            ._description_selection(self.env)
        )[source]
        by_before = defaultdict(list)
        for appraisal in self:
            by_before[appraisal.predicate].append(appraisal.id)
        self._set_predicate_override(predicate, reason, source, lambda a: predicate)
        bodies = {}
        for before, ids in by_before.items():
            body = self.env._(
                "%(origin)s: predicate changed from %(before)s to %(after)s by "
                "%(user)s. Reason: %(reason)s",
                origin=source_label,
                before=labels.get(before, "-"),
                after=labels[predicate],
                user=self.env.user.name,
                reason=reason,
            )
            # before publication the appraisee reads the chatter but not the
            # predicate: the values stay in the log (HR only) until then
            hidden_body = self.env._(
                "%(origin)s: predicate changed by %(user)s (details in the "
                "predicate log).",
                origin=source_label,
                user=self.env.user.name,
            )
            for appraisal in self.browse(ids):
                published = appraisal.kinerja_state == "done"
                bodies[appraisal.id] = escape(body if published else hidden_body)
        # one batch of notes (no notification), written as the current user
        self.sudo()._message_log_batch(
            bodies=bodies, author_id=self.env.user.partner_id.id
        )

    def _clear_predicate_override(self, reason):
        """Back to the predicate of the matrix, logged as a change."""
        self._set_predicate_override(
            False,
            reason,
            "reopen",
            lambda a: rules.predicate(a.work_result_rating, a.behavior_rating),
        )

    def _set_predicate_override(self, override, reason, source, after_of):
        """Set (or clear) the changed predicate, logging per appraisal the
        predicate before and ``after_of(appraisal)``, who and why."""
        self.env["hr.appraisal.predicate.log"].sudo().create(
            [
                {
                    "appraisal_id": appraisal.id,
                    "source": source,
                    "predicate_before": appraisal.predicate,
                    "predicate_after": after_of(appraisal),
                    "user_id": self.env.uid,
                    "reason": reason,
                }
                for appraisal in self.sudo()
            ]
        )
        self.sudo().write({"predicate_override": override})

    def _check_can_object(self):
        """The appraisee (or HR for them) objects to a published result
        within the deadline, when there is an atasan PPK to decide."""
        refusals = self._objection_refusals()
        if refusals:
            raise UserError(next(iter(refusals.values())))

    def _objection_refusals(self, check_atasan=True):
        """{appraisal id: why the current user cannot object to it now}."""
        is_hr = self.env.su or self.env.user.has_group(HR_GROUP)
        today = fields.Date.context_today(self)
        refusals = {}
        for appraisal in self.sudo():
            name = appraisal.employee_id.name
            if not is_hr and appraisal.employee_id.user_id != self.env.user:
                message = self.env._(
                    "Only %(name)s can object to their own result.", name=name
                )
            elif appraisal.kinerja_state != "done" or not appraisal.date_published:
                message = self.env._(
                    "The result of %(name)s is not published yet: there is "
                    "nothing to object to.",
                    name=name,
                )
            elif today > appraisal.objection_deadline:
                message = self.env._(
                    "The objection period of %(name)s ended on %(date)s (14 "
                    "working days after publication).",
                    name=name,
                    date=appraisal.objection_deadline,
                )
            elif appraisal.objection_ids:
                message = self.env._(
                    "%(name)s has already objected to this result.", name=name
                )
            elif check_atasan and not appraisal.atasan_ppk_id:
                message = self.env._(
                    "%(name)s's supervisor has no supervisor (atasan PPK) to "
                    "decide an objection: ask HR to set one.",
                    name=name,
                )
            else:
                continue
            refusals[appraisal.id] = message
        return refusals

    def action_generate_development_plan(self):
        """Create or complete the development plans of done appraisals."""
        self._check_can_assess()
        plans, skipped = self.env["hr.development.plan"]._generate_from_appraisals(self)
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "hr_kinerja_kompetensi.hr_development_plan_action"
        )
        action["domain"] = [("id", "in", plans.ids)]
        action["context"] = {}
        if len(plans) == 1:
            action.update(res_id=plans.id, view_mode="form", views=[(False, "form")])
        if not skipped:
            return action
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "warning",
                "sticky": True,
                "message": self.env._(
                    "Plans already agreed were left unchanged (set them back to "
                    "draft to add lines): %(names)s",
                    names=", ".join(skipped.mapped("name")),
                ),
                "next": action,
            },
        }
