from odoo import api, fields, models

from ..rules.service import golongan_selection
from ..rules.standard import FUNCTIONAL_LEVELS, POSITION_KINDS


class HrEmployeePublic(models.Model):
    _inherit = "hr.employee.public"

    # NIP, grade and position are printed on every civil-service document,
    # so colleagues may read them, like the job title.
    nip = fields.Char(readonly=True)
    asn_type = fields.Selection(
        [("pns", "PNS"), ("pppk", "PPPK"), ("non_asn", "Non-ASN")], readonly=True
    )
    golongan = fields.Selection(golongan_selection(), readonly=True)
    position_kind = fields.Selection(POSITION_KINDS, readonly=True)
    functional_level = fields.Selection(FUNCTIONAL_LEVELS, readonly=True)
    # The supervision scope, for colleagues without HR rights who read
    # employees through this model (the same answer as hr.employee's).
    in_my_supervision = fields.Boolean(
        string="In my supervision",
        compute="_compute_in_my_supervision",
        search="_search_in_my_supervision",
    )

    @api.depends_context("uid")
    def _compute_in_my_supervision(self):
        mine = (
            self.env["hr.employee"]
            .sudo()
            .with_context(active_test=False)
            .search([("id", "in", self.ids), ("in_my_supervision", "=", True)])
        )
        for employee in self:
            employee.in_my_supervision = employee.id in mine._ids

    def _search_in_my_supervision(self, operator, value):
        # hr.employee.public has the ids of hr.employee
        return self.env["hr.employee"]._search_in_my_supervision(operator, value)
