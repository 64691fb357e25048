from odoo import api, fields, models


class HrAppraisalFeedbackComment(models.Model):
    """The written comment of a 360 response, readable like its ratings: by
    its author, and by an HR admin after the logged action.

    The request's ``comment`` field reads and writes it through these record
    rules, so no path (read, export, grouping, ``array_agg``, onchange) puts a
    colleague's words next to their name.
    """

    _name = "hr.appraisal.feedback.comment"
    _description = "360 Feedback Comment"
    _order = "id"
    _rec_name = "feedback_id"

    feedback_id = fields.Many2one(
        "hr.appraisal.feedback", required=True, index=True, ondelete="cascade"
    )
    body = fields.Text()

    _sql_constraints = [
        ("feedback_unique", "UNIQUE(feedback_id)", "One comment per response."),
    ]

    @api.model
    def _comments_of(self, feedbacks):
        """{request id: comment} as far as the record rules let the user
        read them (one query)."""
        return {
            comment.feedback_id.id: comment.body
            for comment in self.search_fetch(
                [("feedback_id", "in", feedbacks.ids)], ["feedback_id", "body"]
            )
        }

    @api.model
    def _write_comments(self, values_by_feedback):
        """Store {request id: comment}; the caller has checked the author."""
        existing = self.sudo().search([("feedback_id", "in", list(values_by_feedback))])
        for comment in existing:
            comment.body = values_by_feedback[comment.feedback_id.id]
        missing = set(values_by_feedback) - set(existing.feedback_id.ids)
        self.sudo().create(
            [
                {"feedback_id": feedback_id, "body": values_by_feedback[feedback_id]}
                for feedback_id in missing
                if values_by_feedback[feedback_id]
            ]
        )
