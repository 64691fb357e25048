from odoo import fields, models

AWARD_KINDS = [
    ("best_performer", "Monthly best performer"),
    ("satyalancana", "Satyalancana Karya Satya"),
    ("other", "Agency-defined"),
]


class HrAwardType(models.Model):
    _name = "hr.award.type"
    _description = "Award Type"
    _order = "sequence, id"

    name = fields.Char(
        required=True,
        translate=True,
        help="Name printed on the certificate, e.g. 'Pegawai Terbaik Bulan Ini'.",
    )
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    kind = fields.Selection(
        AWARD_KINDS,
        required=True,
        default="other",
        help="Monthly best performer and Satyalancana Karya Satya are proposed by "
        "the system; agency-defined awards are proposed by HR by hand.",
    )
    service_years = fields.Integer(
        help="For Satyalancana Karya Satya: years of continuous service from TMT "
        "CPNS that the award recognises (10, 20 or 30).",
    )
    description = fields.Text(
        translate=True,
        help="What the award recognises; printed on the certificate.",
    )
    company_id = fields.Many2one(
        "res.company",
        help="Leave empty to share the award type with every agency of the database.",
    )

    _sql_constraints = [
        (
            "service_years_satyalancana",
            "CHECK(kind != 'satyalancana' OR service_years IN (10, 20, 30))",
            "A Satyalancana Karya Satya recognises 10, 20 or 30 years of service.",
        ),
    ]
