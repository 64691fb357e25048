from odoo import fields, models
from odoo.exceptions import UserError

from ..models.hr_appraisal_confidential_mixin import HR_GROUP


class HrSkpCascade(models.TransientModel):
    """A supervisor cascades one of her work results to many subordinates
    at once: each gets a draft work result intervening in it, in her SKP of
    that year (created when missing), with the indicators to adjust."""

    _name = "hr.skp.cascade"
    _description = "Cascade a Work Result to Subordinates"

    result_id = fields.Many2one(
        "hr.skp.result",
        string="Work result to cascade",
        required=True,
        help="Your work result the subordinates' results will intervene in.",
    )
    year = fields.Integer(related="result_id.year")
    employee_ids = fields.Many2many(
        "hr.employee",
        string="Subordinates",
        domain=[("in_my_supervision", "=", True)],
        help="The employees who get a draft work result intervening in yours.",
    )
    name = fields.Char(
        string="Their work result",
        help="Name of the subordinates' work result; empty: the same as yours. "
        "Each can adjust theirs while the SKP is a draft.",
    )
    ekspektasi = fields.Text(
        string="Your expectation",
        help="What you expect of each subordinate for this result (ekspektasi "
        "pimpinan).",
    )
    copy_indicators = fields.Boolean(
        default=True,
        help="Give each subordinate's result the indicators of yours, targets "
        "included, to adjust.",
    )

    def action_apply(self):
        self.ensure_one()
        result = self.result_id
        result.check_access("read")
        own = result.sudo().employee_id.user_id == self.env.user
        if not (own or self.env.su or self.env.user.has_group(HR_GROUP)):
            raise UserError(self.env._("You can cascade only your own work results."))
        employees = self.employee_ids
        if not employees:
            raise UserError(self.env._("Choose the subordinates to cascade to."))
        below = employees.sudo().filtered_domain([("in_my_supervision", "=", True)])
        if not self.env.su and below != employees.sudo():
            raise UserError(
                self.env._(
                    "%(names)s are not in your supervision.",
                    names=", ".join((employees.sudo() - below).mapped("name")),
                )
            )
        self.env["hr.skp.result"]._cascade(
            result,
            employees,
            name=self.name,
            ekspektasi=self.ekspektasi,
            copy_indicators=self.copy_indicators,
        )
        return {"type": "ir.actions.act_window_close"}
