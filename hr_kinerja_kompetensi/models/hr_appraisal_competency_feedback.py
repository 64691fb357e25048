from odoo import api, fields, models

from ..rules import feedback as rules


class HrAppraisalCompetency(models.Model):
    """The released 360 aggregates next to the self and supervisor levels.

    Computed as the current user: the aggregates' record rules decide what
    they see (nothing before the release, nothing below the threshold).
    """

    _inherit = "hr.appraisal.competency"

    feedback_peer_median = fields.Float(
        string="Peer median (360)",
        compute="_compute_feedback_results",
        digits=(3, 1),
        help="Median of the peers' ratings, once released and with enough "
        "responses; empty otherwise.",
    )
    feedback_peer_result = fields.Char(
        string="Peers (360)", compute="_compute_feedback_results"
    )
    feedback_subordinate_result = fields.Char(
        string="Subordinates (360)", compute="_compute_feedback_results"
    )
    feedback_other_result = fields.Char(
        string="Others (360)", compute="_compute_feedback_results"
    )
    feedback_suggested_level = fields.Float(
        string="Suggested level (360)",
        compute="_compute_feedback_results",
        digits=(3, 2),
        help="Weighted mean of the released medians with the weights of the "
        "settings; empty when no weight is set. The supervisor decides.",
    )

    # What a user sees depends on who they are (record rules)
    @api.depends_context("uid")
    def _compute_feedback_results(self):
        aggregates = self.env["hr.appraisal.feedback.aggregate"].search(
            [
                ("appraisal_id", "in", self.appraisal_id.ids),
                ("skill_id", "in", self.skill_id.ids),
            ]
        )
        by_key = {
            (agg.appraisal_id.id, agg.skill_id.id, agg.role): agg for agg in aggregates
        }
        Aggregate = self.env["hr.appraisal.feedback.aggregate"]
        for line in self:
            key = (line.appraisal_id.id, line.skill_id.id)
            peer = by_key.get(key + ("peer",))
            line.feedback_peer_median = peer.median if peer and peer.enough else False
            line.feedback_peer_result = Aggregate._format(peer)
            line.feedback_subordinate_result = Aggregate._format(
                by_key.get(key + ("subordinate",))
            )
            line.feedback_other_result = Aggregate._format(by_key.get(key + ("other",)))
            values = {
                role: agg.median
                for role in rules.ROLES
                if (agg := by_key.get(key + (role,))) and agg.enough
            }
            company = line.appraisal_id.company_id or self.env.company
            line.feedback_suggested_level = (
                rules.weighted_suggestion(values, company._get_feedback_weights())
                or False
            )
