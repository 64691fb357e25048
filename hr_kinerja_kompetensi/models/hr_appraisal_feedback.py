import logging
from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL

from . import labels as label_defs
from .hr_appraisal_confidential_mixin import HR_GROUP
from .lang_envs import LangEnvs

_logger = logging.getLogger(__name__)

HR_ADMIN_GROUP = "hr_kinerja_kompetensi.group_kinerja_hr_admin"
# reviewers reminded per call of the daily scheduled action (it commits and
# calls again while some are left)
REMINDER_BATCH = 1000
FEEDBACK_ROLES = label_defs.selection(label_defs.FEEDBACK_ROLES)
# What a reviewer may change on their own request (the rest goes through
# actions or is HR's)
REVIEWER_FIELDS = {"comment", "line_ids", "decline_reason"}


class HrAppraisalFeedback(models.Model):
    """A request for 360-degree feedback on one appraisal, to one reviewer.

    Record rules: a reviewer reaches only their own requests; the supervision
    chain and HR see the requests of the appraisals below them (never of
    their own appraisal), so the appraisee never learns who reviewed them.
    The ratings (lines) are readable only by their author, and by an HR
    admin after the logged action ``action_audit_responses``.
    """

    _name = "hr.appraisal.feedback"
    _description = "360-degree Feedback Request"
    _inherit = ["mail.thread", "mail.activity.mixin", "hr.kinerja.workflow.mixin"]
    _kinerja_step_fields = ("state", "date_submitted", "reminder_sent")
    # Read only by their author (and an audited HR admin): see
    # tests/test_attack_suite.py
    _author_only_fields = ("comment",)
    _order = "date_deadline, id"
    _rec_name = "employee_id"

    # Request
    appraisal_id = fields.Many2one(
        "hr.appraisal",
        required=True,
        ondelete="cascade",
        index=True,
        help="The appraisal this feedback informs.",
    )
    employee_id = fields.Many2one(
        "hr.employee",
        string="Appraisee",
        related="appraisal_id.employee_id",
        store=True,
        index=True,
    )
    department_id = fields.Many2one(
        "hr.department",
        string="Appraisee's department",
        related="appraisal_id.employee_id.department_id",
        store=True,
    )
    cycle_id = fields.Many2one(
        "hr.appraisal.cycle", related="appraisal_id.cycle_id", store=True, index=True
    )
    company_id = fields.Many2one(related="appraisal_id.company_id", store=True)
    reviewer_id = fields.Many2one(
        "hr.employee",
        required=True,
        index=True,
        ondelete="restrict",
        help="The colleague asked for feedback. Never shown to the appraisee.",
    )
    reviewer_user_id = fields.Many2one(
        "res.users", related="reviewer_id.user_id", store=True, index=True
    )
    role = fields.Selection(
        FEEDBACK_ROLES,
        required=True,
        default="peer",
        help="The reviewer's perspective on the appraisee: their supervisor, a "
        "peer of the same level, a subordinate, the appraisee themself or "
        "another colleague.",
    )
    date_deadline = fields.Date(
        string="Deadline",
        required=True,
        help="The reviewer answers by this date; after it the request expires.",
    )
    state = fields.Selection(
        [
            ("requested", "Requested"),
            ("submitted", "Submitted"),
            ("declined", "Declined"),
            ("expired", "Expired"),
        ],
        default="requested",
        required=True,
        index=True,
        copy=False,
        readonly=True,
    )
    completion = fields.Float(
        string="Completion (%)",
        compute="_compute_completion",
        store=True,
        aggregator="avg",
        help="100 for a submitted response, 0 otherwise: averaged, it gives "
        "the completion rate.",
    )
    reminder_sent = fields.Boolean(copy=False, readonly=True)
    # Response
    line_ids = fields.One2many(
        "hr.appraisal.feedback.line",
        "feedback_id",
        string="Ratings",
        help="One rating (1-5) per competency of the appraisee's standard and "
        "per BerAKHLAK value. Leave a rating empty when you cannot judge it.",
    )
    # Kept in hr.appraisal.feedback.comment, behind the same record rules as
    # the ratings: not stored here, so nobody searches, sorts or groups by it.
    comment = fields.Text(
        compute="_compute_comment",
        inverse="_inverse_comment",
        search="_search_comment",
        compute_sudo=False,
        store=False,
        help="What the appraisee does well and what they could improve, with "
        "examples. Only you read it (and an HR admin, after a logged access); "
        "the appraisee never sees who wrote it.",
    )
    decline_reason = fields.Text(
        copy=False,
        help="Why you cannot give this feedback (e.g. you do not work with "
        "the person).",
    )
    date_submitted = fields.Datetime(readonly=True, copy=False)
    audit_ids = fields.One2many(
        "hr.appraisal.feedback.audit",
        "feedback_id",
        string="Access log",
        groups=HR_ADMIN_GROUP,
    )

    _sql_constraints = [
        (
            "appraisal_reviewer_unique",
            "UNIQUE(appraisal_id, reviewer_id)",
            "This colleague has already been asked for feedback on this appraisal.",
        ),
    ]

    @api.depends("state")
    def _compute_completion(self):
        for feedback in self:
            feedback.completion = 100.0 if feedback.state == "submitted" else 0.0

    @api.constrains("reviewer_id", "role", "appraisal_id")
    def _check_reviewer(self):
        for feedback in self.sudo():
            reviewer = feedback.reviewer_id
            appraisee = feedback.appraisal_id.employee_id
            if not reviewer.active:
                raise ValidationError(
                    self.env._(
                        "%(reviewer)s is archived and cannot be asked for feedback.",
                        reviewer=reviewer.name,
                    )
                )
            if (reviewer == appraisee) != (feedback.role == "self"):
                raise ValidationError(
                    self.env._(
                        "%(reviewer)s: nobody gives feedback on themself except "
                        "as 'Self', and 'Self' is the appraisee.",
                        reviewer=reviewer.name,
                    )
                )

    # CRUD
    @api.model_create_multi
    def create(self, vals_list):
        self._check_not_asked_yet(vals_list)
        feedbacks = super().create(vals_list)
        feedbacks._check_feedback_open()
        return feedbacks

    def write(self, vals):
        if not self.env.su and {"comment", "line_ids"} & set(vals):
            # the answer is the reviewer's own: HR does not write in it either
            self._check_is_reviewer()
        if not self.env.su and not self.env.user.has_group(HR_GROUP):
            if set(vals) - REVIEWER_FIELDS:
                raise UserError(
                    self.env._("Only HR can change a feedback request itself.")
                )
            self._check_is_reviewer()
            if self.filtered(lambda f: f.state != "requested"):
                raise UserError(
                    self.env._("This feedback has been closed and cannot change.")
                )
        return super().write(vals)

    @api.depends_context("uid")
    def _compute_comment(self):
        comments = self.env["hr.appraisal.feedback.comment"]._comments_of(self)
        for feedback in self:
            feedback.comment = comments.get(feedback.id, False)

    def _search_comment(self, operator, value):
        raise UserError(
            self.env._("360 comments cannot be searched: each is its author's own.")
        )

    def _inverse_comment(self):
        # write() has checked that the user is the reviewer (or HR/superuser)
        self.env["hr.appraisal.feedback.comment"]._write_comments(
            {feedback.id: feedback.comment for feedback in self if feedback.id}
        )

    def message_subscribe(self, partner_ids=None, subtype_ids=None):
        # The reviewer gets an activity, not a follower entry: see
        # hr.appraisal.message_subscribe
        if self.env.context.get("hkk_no_follow"):
            return True
        return super().message_subscribe(
            partner_ids=partner_ids, subtype_ids=subtype_ids
        )

    # Actions (each works on many requests at once)
    def action_start(self):
        """Prepare the questions (competencies and values) to rate."""
        self._check_is_reviewer()
        self._check_state("requested")
        self._ensure_lines()
        return True

    def action_submit(self):
        self._check_is_reviewer()
        self._check_state("requested")
        self._check_feedback_open()
        unrated = self.filtered(lambda f: not any(f.line_ids.mapped("rating")))
        if unrated:
            raise UserError(
                self.env._(
                    "Rate at least one competency or value before submitting the "
                    "feedback on %(names)s.",
                    names=", ".join(unrated.sudo().mapped("employee_id.name")),
                )
            )
        self.sudo().write(
            {"state": "submitted", "date_submitted": fields.Datetime.now()}
        )
        self.sudo().activity_ids.action_feedback(
            feedback=self.env._("Feedback submitted")
        )
        return True

    def action_decline(self, reason):
        if not (reason or "").strip():
            raise UserError(self.env._("Give the reason for declining."))
        self._check_is_reviewer()
        self._check_state("requested")
        self.sudo().write({"state": "declined", "decline_reason": reason})
        self.sudo().activity_ids.unlink()
        return True

    def action_open_decline_wizard(self):
        return {
            "type": "ir.actions.act_window",
            "res_model": "hr.appraisal.feedback.decline",
            "view_mode": "form",
            "target": "new",
            "context": {"active_model": self._name, "active_ids": self.ids},
        }

    def action_audit_responses(self):
        """HR admin: open the raw responses; the access is logged first."""
        if not self.env.user.has_group(HR_ADMIN_GROUP):
            raise UserError(
                self.env._("Only an HR admin can open the raw feedback responses.")
            )
        self.env["hr.appraisal.feedback.audit"].sudo().create(
            [{"feedback_id": feedback.id, "user_id": self.env.uid} for feedback in self]
        )
        _logger.info(
            "User %s opened the raw responses of feedback requests %s",
            self.env.uid,
            self.ids,
        )
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Raw feedback responses"),
            "res_model": "hr.appraisal.feedback.line",
            "view_mode": "list",
            "domain": [("feedback_id", "in", self.ids)],
            "context": {"group_by": "feedback_id"},
        }

    # Business methods
    @api.model
    def _check_not_asked_yet(self, vals_list):
        """A clear message before the UNIQUE(appraisal_id, reviewer_id)
        constraint of the database would refuse the batch."""
        pairs = [
            (vals.get("appraisal_id"), vals.get("reviewer_id")) for vals in vals_list
        ]
        seen = set()
        existing = self.sudo().search_fetch(
            [
                ("appraisal_id", "in", [pair[0] for pair in pairs]),
                ("reviewer_id", "in", [pair[1] for pair in pairs]),
            ],
            ["appraisal_id", "reviewer_id"],
        )
        seen = {(f.appraisal_id.id, f.reviewer_id.id) for f in existing}
        for pair in pairs:
            if pair in seen:
                appraisal = self.env["hr.appraisal"].sudo().browse(pair[0])
                reviewer = self.env["hr.employee"].sudo().browse(pair[1])
                raise ValidationError(
                    self.env._(
                        "%(reviewer)s has already been asked for feedback on "
                        "%(appraisee)s.",
                        reviewer=reviewer.name,
                        appraisee=appraisal.employee_id.name,
                    )
                )
            seen.add(pair)

    def _check_is_reviewer(self):
        if self.env.su:
            return
        wrong = self.filtered(lambda f: f.sudo().reviewer_user_id != self.env.user)
        if wrong:
            raise UserError(
                self.env._("Only the reviewer can answer or decline this feedback.")
            )

    def _check_state(self, *states):
        if self.filtered(lambda f: f.state not in states):
            raise UserError(
                self.env._(
                    "This step is not possible for feedback that is no longer "
                    "requested."
                )
            )

    def _check_feedback_open(self):
        closed = self.sudo().filtered(
            lambda f: f.cycle_id.state == "closed" or f.cycle_id.feedback_closed
        )
        if closed:
            raise UserError(
                self.env._(
                    "The feedback phase of %(cycle)s is closed: no feedback can be "
                    "requested or given any more.",
                    cycle=closed[0].cycle_id.name,
                )
            )

    def _ensure_lines(self):
        """Create the missing rating lines, in one batch."""
        feedbacks = self.sudo().filtered(lambda f: not f.line_ids)
        if not feedbacks:
            return
        values = self.env["hr.behavior.value"].sudo().search([])
        vals_list = []
        for feedback in feedbacks:
            vals_list += [
                {"feedback_id": feedback.id, "skill_id": line.skill_id.id}
                for line in feedback.appraisal_id.competency_line_ids
            ]
            vals_list += [
                {"feedback_id": feedback.id, "behavior_value_id": value.id}
                for value in values
            ]
        self.env["hr.appraisal.feedback.line"].sudo().create(vals_list)

    def _schedule_reviewer_activities(self):
        """One to-do activity per reviewer and request, in one batch."""
        todo_type_id = self.env.ref("mail.mail_activity_data_todo").id
        model_id = self.env["ir.model"]._get_id(self._name)
        feedbacks = self.sudo().filtered("reviewer_user_id")
        # in each reviewer's language, translated once per language
        envs = LangEnvs(self.env)
        summaries = {
            lang: envs[lang]._("Give 360 feedback")
            for lang in set(feedbacks.reviewer_user_id.mapped("lang"))
        }
        # The stored values mail.activity would compute after the insert are
        # given here (the ORM then keeps them): for a cycle's ~55,000
        # requests, computing them record by record and writing them back
        # with UPDATEs took ~10 s. Display names come from one batch.
        # (res_model is precomputed by mail itself: create() drops a given
        # value.)
        feedbacks.mapped("display_name")
        vals_list = [
            {
                "res_model_id": model_id,
                "res_id": feedback.id,
                "res_name": feedback.display_name,
                "activity_type_id": todo_type_id,
                "user_id": feedback.reviewer_user_id.id,
                "user_tz": feedback.reviewer_user_id.tz,
                "date_deadline": feedback.date_deadline,
                "date_done": False,
                "summary": summaries[feedback.reviewer_user_id.lang],
            }
            for feedback in feedbacks
        ]
        self.env["mail.activity"].sudo().with_context(
            mail_activity_quick_update=True, hkk_no_follow=True
        ).create(vals_list)

    @api.model
    def _request(self, vals_list):
        """Create requests (batch) with their reviewers' activities."""
        feedbacks = self._insert_requests(vals_list)
        feedbacks._schedule_reviewer_activities()
        return feedbacks

    # Stored values an inserted request gets from the INSERT itself
    _INSERTED_FIELDS = (
        "employee_id",
        "department_id",
        "cycle_id",
        "company_id",
        "reviewer_user_id",
        "state",
        "completion",
        "reminder_sent",
    )

    @api.model
    def _insert_requests(self, vals_list):
        """Insert new requests ({appraisal_id, reviewer_id, role,
        date_deadline}) in one statement; return them.

        A cycle asks ~55,000 reviewers for 10,000 employees. Through create()
        that took ~13 s, plus ~20 s more to compute the six stored related
        fields afterwards and UPDATE every row with them. A new request has
        no tracking, follower or message (the context create() ran with), so
        the INSERT takes the related values from the appraisal and the
        employees directly. The same checks as create() run: access, no
        reviewer asked twice, the Python constraints, an open feedback
        phase. ``test_inserted_requests_match_orm`` keeps this in step with
        the fields.
        """
        self.check_access("create")
        if not vals_list:
            return self.browse()
        self._check_not_asked_yet(vals_list)
        # the INSERT reads these columns: pending ORM values go first
        self.env["hr.appraisal"].flush_model(["employee_id", "cycle_id", "company_id"])
        self.env["hr.employee"].flush_model(["department_id", "user_id", "active"])
        self.env.cr.execute(
            SQL(
                """
                INSERT INTO hr_appraisal_feedback (
                    appraisal_id, reviewer_id, role, date_deadline,
                    employee_id, department_id, cycle_id, company_id,
                    reviewer_user_id, state, completion, reminder_sent,
                    create_uid, create_date, write_uid, write_date)
                SELECT row.appraisal_id, row.reviewer_id, row.role,
                       row.date_deadline, appraisal.employee_id,
                       appraisee.department_id, appraisal.cycle_id,
                       appraisal.company_id, reviewer.user_id, 'requested',
                       0.0, FALSE, %(uid)s, %(now)s, %(uid)s, %(now)s
                  FROM unnest(%(appraisals)s::int[], %(reviewers)s::int[],
                              %(roles)s::varchar[], %(deadlines)s::date[])
                       AS row(appraisal_id, reviewer_id, role, date_deadline)
                  JOIN hr_appraisal appraisal ON appraisal.id = row.appraisal_id
                  JOIN hr_employee appraisee ON appraisee.id = appraisal.employee_id
                  JOIN hr_employee reviewer ON reviewer.id = row.reviewer_id
                RETURNING hr_appraisal_feedback.id
                """,
                uid=self.env.uid,
                now=self.env.cr.now(),
                appraisals=[vals["appraisal_id"] for vals in vals_list],
                reviewers=[vals["reviewer_id"] for vals in vals_list],
                roles=[vals.get("role") or "peer" for vals in vals_list],
                deadlines=[vals["date_deadline"] for vals in vals_list],
            )
        )
        feedbacks = self.browse(row[0] for row in self.env.cr.fetchall())
        if len(feedbacks) != len(vals_list):
            raise ValidationError(
                self.env._(
                    "A feedback request names an appraisal or a reviewer that "
                    "does not exist (any more)."
                )
            )
        appraisals = self.env["hr.appraisal"].browse(
            {vals["appraisal_id"] for vals in vals_list}
        )
        appraisals.invalidate_recordset(["feedback_ids"])
        given = [self._fields[name] for name in self._INSERTED_FIELDS]
        with self.env.protecting(given, feedbacks):
            feedbacks.modified(self._fields, create=True)
        feedbacks._validate_fields(["reviewer_id", "role", "appraisal_id"])
        feedbacks._check_feedback_open()
        return feedbacks

    @api.model
    def _cron_remind_and_expire(self, batch_size=REMINDER_BATCH):
        """Remind reviewers before the deadline; expire overdue requests.

        At most ``batch_size`` reviewers are reminded per call and the rest is
        reported to the scheduler (``ir.cron._notify_progress``), which
        commits and calls again: a whole agency's deadline falls on the same
        day, and one transaction for ~10,000 notifications could outlive the
        cron's time limit, be rolled back and never send anything.
        """
        today = fields.Date.context_today(self)
        Feedback = self.sudo()
        overdue = Feedback.search(
            [("state", "=", "requested"), ("date_deadline", "<", today)]
        )
        if overdue:
            overdue.write({"state": "expired"})
            overdue.activity_ids.unlink()
        to_remind = Feedback.search(
            [
                ("state", "=", "requested"),
                ("reminder_sent", "=", False),
                ("reviewer_user_id", "!=", False),
            ]
        ).filtered(
            lambda f: (
                (f.date_deadline - today).days <= f.company_id.feedback_reminder_days
            )
        )
        by_user = defaultdict(list)
        for feedback in to_remind:
            by_user[feedback.reviewer_user_id].append(feedback.id)
        users = list(by_user)[:batch_size]
        envs = LangEnvs(self.env)  # the reviewer's language, not the scheduler's
        for user in users:
            feedbacks = Feedback.browse(by_user[user])
            lang_env = envs[user.lang]
            self.env["mail.thread"].sudo().message_notify(
                partner_ids=user.partner_id.ids,
                subject=lang_env._("Reminder: 360 feedback to give"),
                body=lang_env._(
                    "You have %(count)s feedback request(s) to answer, the first "
                    "due on %(date)s. Open Kinerja & Kompetensi > Feedback to give.",
                    count=len(feedbacks),
                    date=min(feedbacks.mapped("date_deadline")),
                ),
            )
        reminded = Feedback.browse([fid for user in users for fid in by_user[user]])
        reminded.write({"reminder_sent": True})
        self.env["ir.cron"]._notify_progress(
            done=len(users), remaining=len(by_user) - len(users)
        )
        return len(overdue), len(reminded)
