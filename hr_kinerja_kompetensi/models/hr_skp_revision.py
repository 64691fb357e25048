from odoo import fields, models


class HrSkpRevision(models.Model):
    """What an approved SKP said before it went back to draft (a transfer,
    a new job): the year may be appraised against several plans."""

    _name = "hr.skp.revision"
    _description = "SKP Revision"
    _order = "skp_id, number desc"

    skp_id = fields.Many2one(
        "hr.skp",
        string="SKP",
        required=True,
        index=True,
        ondelete="cascade",
        readonly=True,
    )
    company_id = fields.Many2one(related="skp_id.company_id", store=True, index=True)
    number = fields.Integer(readonly=True, help="1 for the first revision.")
    reason = fields.Text(readonly=True, help="Why the approved SKP was changed.")
    approved_by = fields.Many2one(
        "res.users", readonly=True, help="Who had approved the revised version."
    )
    approved_date = fields.Datetime(readonly=True)
    content = fields.Text(
        readonly=True, help="The work results and indicators that were approved."
    )
