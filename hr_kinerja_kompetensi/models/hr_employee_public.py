from odoo import fields, models

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
