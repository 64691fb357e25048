from odoo import api, fields, models
from odoo.tools import SQL

from .hr_appraisal import RATING_SELECTION
from .hr_appraisal_confidential_mixin import (
    judgement_compute,
    judgement_inverse,
    judgement_search,
)


class HrAppraisalBehavior(models.Model):
    _name = "hr.appraisal.behavior"
    _inherit = ["hr.appraisal.confidential.mixin"]
    _description = "Appraisal Behaviour Rating (BerAKHLAK value)"
    _order = "appraisal_id, sequence, id"
    _rec_name = "value_id"
    # The supervisor's rating is kept in hr.appraisal.behavior.judgement
    # (hr.appraisal.confidential.mixin): the record rules decide who reads it.
    _judgement_model = "hr.appraisal.behavior.judgement"
    _judgement_link = "line_id"
    _judgement_parent = "appraisal_id"
    _confidential_fields = ("rating",)

    appraisal_id = fields.Many2one(
        "hr.appraisal", required=True, ondelete="cascade", index=True
    )
    value_id = fields.Many2one(
        "hr.behavior.value", string="Core value", required=True, ondelete="restrict"
    )
    sequence = fields.Integer(related="value_id.sequence", store=True)
    indicators = fields.Text(related="value_id.indicators")
    expectation = fields.Text(
        string="Specific expectation",
        help="What the supervisor specifically expects of this person for this "
        "value during the period (optional).",
    )
    judgement_ids = fields.One2many(
        "hr.appraisal.behavior.judgement", "line_id", string="Rating kept"
    )
    visible_judgement_id = fields.Many2one(
        "hr.appraisal.behavior.judgement",
        compute="_compute_visible_judgement",
        compute_sudo=False,
        string="Rating you read",
    )
    rating = fields.Selection(
        RATING_SELECTION,
        compute=judgement_compute("rating"),
        inverse=judgement_inverse("rating"),
        search=judgement_search("rating"),
        compute_sudo=False,
        readonly=False,
        help="How the person lived this value compared with the expectation.",
    )

    _sql_constraints = [
        (
            "appraisal_value_unique",
            "UNIQUE(appraisal_id, value_id)",
            "A core value appears once per appraisal.",
        ),
    ]

    @api.model
    def _insert_unrated(self, appraisal_ids, values):
        """Insert one unrated line per core value of ``values`` for each
        appraisal, in one statement; return them.

        Same reason and contract as ``hr.appraisal.competency._insert_unrated``
        (~70,000 lines for a 10,000-employee cycle): ``sequence`` is read
        from the value's column, the rest is empty.
        """
        self.check_access("create")
        self.env.cr.execute(
            SQL(
                """
                INSERT INTO hr_appraisal_behavior (
                    appraisal_id, value_id, sequence,
                    create_uid, create_date, write_uid, write_date)
                SELECT appraisal.id, value.id, value.sequence,
                       %(uid)s, %(now)s, %(uid)s, %(now)s
                  FROM unnest(%(appraisals)s::int[]) AS appraisal(id)
                 CROSS JOIN hr_behavior_value value
                 WHERE value.id = ANY(%(values)s)
                 ORDER BY appraisal.id, value.sequence, value.id
                RETURNING hr_appraisal_behavior.id
                """,
                uid=self.env.uid,
                now=self.env.cr.now(),
                appraisals=list(appraisal_ids),
                values=values.ids,
            )
        )
        lines = self.browse(row[0] for row in self.env.cr.fetchall())
        self.env["hr.appraisal"].browse(set(appraisal_ids)).invalidate_recordset(
            ["behavior_line_ids"]
        )
        # what create() triggers (the appraisals' JPM, gap count...) but not
        # the recomputation of the stored values the INSERT has just given
        given = [self._fields[name] for name in ("sequence",)]
        with self.env.protecting(given, lines):
            lines.modified(self._fields, create=True)
        return lines

    def write(self, vals):
        self.appraisal_id._check_cycle_not_closed()
        if not self.env.su and {"rating", "expectation"} & set(vals):
            self.appraisal_id._check_can_assess()
        return super().write(vals)
