import datetime
from collections import defaultdict

from odoo import Command, api, fields, models
from odoo.exceptions import UserError

from ..models.hr_appraisal_feedback import FEEDBACK_ROLES
from ..rules import feedback as rules


class HrAppraisalFeedbackRequest(models.TransientModel):
    """Propose reviewers for appraisals and send the 360 requests.

    Proposals: the supervisor, the employee's subordinates and peers of the
    same department (same position kind and level first), within the limits
    of the settings. The supervisor (or HR) unticks or adds reviewers, then
    sends: one request and one activity per reviewer, in one batch.
    """

    _name = "hr.appraisal.feedback.request"
    _description = "Request 360-degree feedback"

    appraisal_ids = fields.Many2many(
        "hr.appraisal",
        string="Appraisals",
        required=True,
        help="The appraisals to collect 360 feedback for.",
    )
    date_deadline = fields.Date(
        string="Deadline",
        required=True,
        default=lambda self: (
            fields.Date.context_today(self) + datetime.timedelta(days=14)
        ),
        help="Reviewers answer by this date; the requests then expire.",
    )
    include_self = fields.Boolean(
        string="Ask the employees themselves (self)",
        help="Also ask each appraisee for a 360 self-rating.",
    )
    line_ids = fields.One2many(
        "hr.appraisal.feedback.request.line",
        "request_id",
        string="Reviewers",
        compute="_compute_line_ids",
        store=True,
        readonly=False,
        help="Proposed reviewers. Remove those who should not be asked, add "
        "others with the role 'Other'.",
    )

    peer_shortage = fields.Text(
        compute="_compute_peer_shortage",
        help="Appraisals with fewer peers than the settings ask for: their "
        "peer results may stay below the anonymity threshold.",
    )

    @api.depends("appraisal_ids", "include_self")
    def _compute_line_ids(self):
        for wizard in self:
            proposals = self._propose(wizard.appraisal_ids, wizard.include_self)
            wizard.line_ids = [Command.clear()] + [
                Command.create(vals) for vals in proposals
            ]

    @api.depends("line_ids.role", "line_ids.appraisal_id")
    def _compute_peer_shortage(self):
        for wizard in self:
            peers = {}
            for line in wizard.line_ids.filtered(lambda line: line.role == "peer"):
                peers[line.appraisal_id.id] = peers.get(line.appraisal_id.id, 0) + 1
            short = [
                appraisal.employee_id.name
                for appraisal in wizard.appraisal_ids
                if peers.get(appraisal.id, 0)
                < (appraisal.company_id or self.env.company).feedback_peer_min
            ]
            wizard.peer_shortage = (
                self.env._(
                    "Fewer peers than the settings ask for: %(names)s",
                    names=", ".join(short),
                )
                if short
                else False
            )

    def action_send(self):
        self.ensure_one()
        self.appraisal_ids._check_can_assess()
        lines = self.line_ids
        if not lines:
            raise UserError(self.env._("Add at least one reviewer."))
        wrong = lines.filtered(lambda line: line.appraisal_id not in self.appraisal_ids)
        if wrong:
            raise UserError(
                self.env._("A reviewer is proposed for an appraisal not selected.")
            )
        self.env["hr.appraisal.feedback"].sudo()._request(
            [
                {
                    "appraisal_id": line.appraisal_id.id,
                    "reviewer_id": line.reviewer_id.id,
                    "role": line.role,
                    "date_deadline": self.date_deadline,
                }
                for line in lines
            ]
        )
        return {"type": "ir.actions.act_window_close"}

    # Business methods
    @api.model
    def _request_for_appraisals(self, appraisals, include_self=False, deadline=None):
        """Bulk: propose and request in one go (a whole cycle)."""
        appraisals._check_can_assess()
        today = fields.Date.context_today(self)
        proposals = self._propose(appraisals, include_self)
        default_deadline = today + datetime.timedelta(days=14)
        deadline_by_appraisal = {
            appraisal.id: deadline
            or appraisal.cycle_id.feedback_deadline
            or default_deadline
            for appraisal in appraisals.sudo()
        }
        for vals in proposals:
            vals["date_deadline"] = deadline_by_appraisal[vals["appraisal_id"]]
        return self.env["hr.appraisal.feedback"].sudo()._request(proposals)

    @api.model
    def _propose(self, appraisals, include_self=False):
        """[{appraisal_id, reviewer_id, role}] for the appraisals, skipping
        reviewers already asked. Reads everything in a few queries."""
        appraisals = appraisals.sudo()
        if not appraisals:
            return []
        Employee = self.env["hr.employee"].sudo()
        fnames = ["name", "department_id", "parent_id", "position_kind"]
        fnames += ["functional_level", "user_id", "company_id"]
        appraisees = appraisals.employee_id
        appraisees.fetch(fnames)
        colleagues = Employee.search_fetch(
            [
                ("department_id", "in", appraisees.department_id.ids),
                ("user_id", "!=", False),
            ],
            fnames,
        )
        subordinates = Employee.search_fetch(
            [("parent_id", "in", appraisees.ids), ("user_id", "!=", False)], fnames
        )
        by_department = defaultdict(list)
        for colleague in colleagues:
            by_department[colleague.department_id.id].append(colleague)
        subordinates_of = defaultdict(list)
        for subordinate in subordinates:
            subordinates_of[subordinate.parent_id.id].append(subordinate)
        asked = {
            (feedback.appraisal_id.id, feedback.reviewer_id.id)
            for feedback in self.env["hr.appraisal.feedback"]
            .sudo()
            .search_fetch(
                [("appraisal_id", "in", appraisals.ids)],
                ["appraisal_id", "reviewer_id"],
            )
        }
        proposals = []
        for appraisal in appraisals:
            employee = appraisal.employee_id
            company = appraisal.company_id or self.env.company
            chosen = []
            if include_self and employee.user_id:
                chosen.append((employee, "self"))
            # the supervisor's input is the PPK's (an acting one included)
            supervisor = appraisal.appraiser_id
            if supervisor and supervisor.user_id and supervisor.active:
                chosen.append((supervisor, "supervisor"))
            mine = sorted(subordinates_of[employee.id], key=lambda e: e.name or "")
            chosen += [
                (e, "subordinate") for e in mine[: company.feedback_subordinate_max]
            ]
            excluded = {employee.id, supervisor.id} | {e.id for e in mine}
            candidates = [
                (c, c.name, c.position_kind, c.functional_level)
                for c in by_department[employee.department_id.id]
                if c.id not in excluded
            ]
            peers = rules.rank_peers(
                candidates, employee.position_kind, employee.functional_level
            )
            chosen += [(e, "peer") for e in peers[: company.feedback_peer_max]]
            proposals += [
                {"appraisal_id": appraisal.id, "reviewer_id": reviewer.id, "role": role}
                for reviewer, role in chosen
                if (appraisal.id, reviewer.id) not in asked
            ]
        return proposals


class HrAppraisalFeedbackRequestLine(models.TransientModel):
    _name = "hr.appraisal.feedback.request.line"
    _description = "Proposed 360 reviewer"
    _order = "appraisal_id, role, id"

    request_id = fields.Many2one(
        "hr.appraisal.feedback.request", required=True, ondelete="cascade"
    )
    appraisal_id = fields.Many2one(
        "hr.appraisal",
        required=True,
        help="The appraisal this reviewer gives feedback on.",
    )
    reviewer_id = fields.Many2one(
        "hr.employee",
        required=True,
        domain="[('user_id', '!=', False)]",
        help="The colleague to ask. They need a user to answer.",
    )
    role = fields.Selection(
        FEEDBACK_ROLES,
        required=True,
        default="other",
        help="The reviewer's perspective on the appraisee.",
    )
