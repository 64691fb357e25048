from odoo import fields, models

from ..rules.standard import DEFAULT_REQUIRED_LEVEL

_LEVEL_HELP = (
    "Required level (1-5) proposed for every managerial and socio-cultural "
    "competency when a job standard is filled for a job of this kind."
)


class ResCompany(models.Model):
    _inherit = "res.company"

    # Default required level of the job competency standard, per position kind
    # (structural) and per functional level. Names: skj_level_<key> where <key>
    # is a key of rules.standard.DEFAULT_REQUIRED_LEVEL.
    skj_level_jpt_utama = fields.Integer(
        default=DEFAULT_REQUIRED_LEVEL["jpt_utama"], help=_LEVEL_HELP
    )
    skj_level_jpt_madya = fields.Integer(
        default=DEFAULT_REQUIRED_LEVEL["jpt_madya"], help=_LEVEL_HELP
    )
    skj_level_jpt_pratama = fields.Integer(
        default=DEFAULT_REQUIRED_LEVEL["jpt_pratama"], help=_LEVEL_HELP
    )
    skj_level_administrator = fields.Integer(
        default=DEFAULT_REQUIRED_LEVEL["administrator"], help=_LEVEL_HELP
    )
    skj_level_pengawas = fields.Integer(
        default=DEFAULT_REQUIRED_LEVEL["pengawas"], help=_LEVEL_HELP
    )
    skj_level_pelaksana = fields.Integer(
        default=DEFAULT_REQUIRED_LEVEL["pelaksana"], help=_LEVEL_HELP
    )
    skj_level_ahli_utama = fields.Integer(
        default=DEFAULT_REQUIRED_LEVEL["ahli_utama"], help=_LEVEL_HELP
    )
    skj_level_ahli_madya = fields.Integer(
        default=DEFAULT_REQUIRED_LEVEL["ahli_madya"], help=_LEVEL_HELP
    )
    skj_level_ahli_muda = fields.Integer(
        default=DEFAULT_REQUIRED_LEVEL["ahli_muda"], help=_LEVEL_HELP
    )
    skj_level_ahli_pertama = fields.Integer(
        default=DEFAULT_REQUIRED_LEVEL["ahli_pertama"], help=_LEVEL_HELP
    )
    skj_level_penyelia = fields.Integer(
        default=DEFAULT_REQUIRED_LEVEL["penyelia"], help=_LEVEL_HELP
    )
    skj_level_mahir = fields.Integer(
        default=DEFAULT_REQUIRED_LEVEL["mahir"], help=_LEVEL_HELP
    )
    skj_level_terampil = fields.Integer(
        default=DEFAULT_REQUIRED_LEVEL["terampil"], help=_LEVEL_HELP
    )
    skj_level_pemula = fields.Integer(
        default=DEFAULT_REQUIRED_LEVEL["pemula"], help=_LEVEL_HELP
    )

    # Thresholds of the suggested work-result rating (average achievement %)
    kinerja_above_threshold = fields.Float(
        default=110.0,
        help="Average achievement of the work-result indicators from which the "
        "suggested rating is 'above expectations'.",
    )
    kinerja_meets_threshold = fields.Float(
        default=90.0,
        help="Average achievement from which the suggested rating is 'meets "
        "expectations'; below it the suggestion is 'below expectations'.",
    )

    _sql_constraints = [
        (
            f"skj_level_{key}_range",
            f"CHECK(skj_level_{key} BETWEEN 1 AND 5)",
            "A default required level is between 1 and 5.",
        )
        for key in DEFAULT_REQUIRED_LEVEL
    ] + [
        (
            "kinerja_thresholds_order",
            "CHECK(kinerja_meets_threshold > 0 "
            "AND kinerja_above_threshold > kinerja_meets_threshold)",
            "The 'above' threshold must be higher than the 'meets' threshold, "
            "and both positive.",
        )
    ]

    def _get_skj_level_table(self):
        """Return {position key: required level} from this company's settings."""
        self.ensure_one()
        return {key: self[f"skj_level_{key}"] for key in DEFAULT_REQUIRED_LEVEL}

    # Yearly competency-development targets in JP (PP 17/2020)
    kinerja_jp_target_pns = fields.Float(
        string="JP target PNS",
        default=20.0,
        help="Hours of competency development (JP) each PNS should reach per "
        "year; at least 20 by regulation.",
    )
    kinerja_jp_target_pppk = fields.Float(
        string="JP target PPPK",
        default=24.0,
        help="Hours of competency development (JP) each PPPK employee should "
        "reach per year; 24 by regulation.",
    )
