from odoo import api, fields, models

from ..rules.service import golongan_selection
from ..rules.standard import FUNCTIONAL_LEVELS, POSITION_KINDS


class HrEmployeePublic(models.Model):
    _name = "hr.employee.public"
    _inherit = ["hr.employee.public", "hr.kinerja.supervision.mixin"]
    _own_user_path = "user_id"

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
    # employees through this model: the same ids as hr.employee's.
    @api.model
    def _supervision_domain(self):
        return [("id", "in", self.env["hr.employee"]._supervised_query())]
