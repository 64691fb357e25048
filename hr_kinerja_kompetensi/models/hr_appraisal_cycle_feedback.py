from odoo import fields, models
from odoo.exceptions import UserError

from .hr_appraisal_confidential_mixin import HR_GROUP


class HrAppraisalCycle(models.Model):
    """The cycle's 360-degree feedback phase."""

    _inherit = "hr.appraisal.cycle"

    feedback_deadline = fields.Date(
        help="Reviewers give their 360 feedback by this date. Closing the "
        "feedback phase expires what is still open and releases all results "
        "of the cycle together."
    )
    feedback_closed = fields.Boolean(
        string="Feedback phase closed", readonly=True, copy=False, tracking=True
    )
    feedback_release_date = fields.Datetime(
        string="Feedback released on", readonly=True, copy=False
    )
    feedback_count = fields.Integer(compute="_compute_feedback_stats")
    feedback_completion_rate = fields.Float(
        string="Feedback completion (%)", compute="_compute_feedback_stats"
    )

    def _compute_feedback_stats(self):
        stats = {
            cycle.id: (count, done)
            for cycle, count, done in self.env["hr.appraisal.feedback"]._read_group(
                [("cycle_id", "in", self.ids)],
                ["cycle_id"],
                ["__count", "completion:sum"],
            )
        }
        for cycle in self:
            count, done = stats.get(cycle._origin.id, (0, 0.0))
            cycle.feedback_count = count
            cycle.feedback_completion_rate = done / count if count else 0.0

    def action_request_feedback(self):
        """Request 360 feedback for every appraisal of the cycles (bulk)."""
        self._check_feedback_hr()
        self._check_state("open")
        self._check_feedback_phase_open()
        return self.env["hr.appraisal.feedback.request"]._request_for_appraisals(
            self.appraisal_ids
        )

    def action_close_feedback_phase(self):
        """Expire open requests and release all aggregates of the cycles."""
        self._check_feedback_hr()
        self._check_feedback_phase_open()
        feedbacks = (
            self.env["hr.appraisal.feedback"]
            .sudo()
            .search([("cycle_id", "in", self.ids), ("state", "=", "requested")])
        )
        feedbacks.write({"state": "expired"})
        feedbacks.activity_ids.unlink()
        appraisals = self.sudo().appraisal_ids
        self.env["hr.appraisal.feedback.aggregate"]._release_for(appraisals)
        self.write(
            {"feedback_closed": True, "feedback_release_date": fields.Datetime.now()}
        )
        appraisals._compute_feedback_score()
        for cycle in self:
            cycle.message_post(
                body=self.env._(
                    "Feedback phase closed by %(user)s: the 360 results are released.",
                    user=self.env.user.name,
                )
            )
        return True

    def action_view_feedback(self):
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "hr_kinerja_kompetensi.hr_appraisal_feedback_action_hr"
        )
        action["domain"] = [("cycle_id", "in", self.ids)]
        return action

    def _check_feedback_hr(self):
        if not (self.env.su or self.env.user.has_group(HR_GROUP)):
            raise UserError(
                self.env._("Only HR officers manage the feedback phase of a cycle.")
            )

    def _check_feedback_phase_open(self):
        closed = self.filtered(lambda c: c.feedback_closed or c.state == "closed")
        if closed:
            raise UserError(
                self.env._(
                    "The feedback phase of %(cycle)s is already closed.",
                    cycle=closed[0].name,
                )
            )
