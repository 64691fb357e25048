from odoo import api, fields, models


class HrAppraisalNote(models.Model):
    """A private note on an appraisal, readable by its author only.

    The appraisal's ``note`` field reads and writes the current user's own
    note here. A global record rule (author = user) decides who reads it, so
    no path of the ORM (read, export, onchange, grouping, mail) reaches
    somebody else's note: not the appraisee's, not HR's, not the atasan's.
    """

    _name = "hr.appraisal.note"
    _description = "Private Appraisal Note"
    _order = "id"
    _rec_name = "appraisal_id"

    appraisal_id = fields.Many2one(
        "hr.appraisal", required=True, index=True, ondelete="cascade"
    )
    author_id = fields.Many2one(
        "res.users",
        required=True,
        index=True,
        ondelete="cascade",
        default=lambda self: self.env.user,
    )
    body = fields.Html(sanitize_style=True)

    _sql_constraints = [
        (
            "appraisal_author_unique",
            "UNIQUE(appraisal_id, author_id)",
            "One private note per appraisal and author.",
        ),
    ]

    @api.model
    def _notes_of(self, appraisals):
        """{appraisal id: the current user's own note} (one query; the rule
        keeps other authors' notes out, superuser included by the filter)."""
        return {
            note.appraisal_id.id: note.body
            for note in self.search_fetch(
                [
                    ("appraisal_id", "in", appraisals.ids),
                    ("author_id", "=", self.env.uid),
                ],
                ["appraisal_id", "body"],
            )
        }

    @api.model
    def _write_notes(self, values_by_appraisal):
        """Store the current user's own notes {appraisal id: body}: update
        the existing ones, create the others (one search, one create)."""
        mine = self.sudo().search(
            [
                ("appraisal_id", "in", list(values_by_appraisal)),
                ("author_id", "=", self.env.uid),
            ]
        )
        for note in mine:
            note.body = values_by_appraisal[note.appraisal_id.id]
        missing = set(values_by_appraisal) - set(mine.appraisal_id.ids)
        self.sudo().create(
            [
                {
                    "appraisal_id": appraisal_id,
                    "author_id": self.env.uid,
                    "body": values_by_appraisal[appraisal_id],
                }
                for appraisal_id in missing
                if values_by_appraisal[appraisal_id]
            ]
        )
