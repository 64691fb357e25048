from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    # Job competency standard defaults (see res.company)
    skj_level_jpt_utama = fields.Integer(
        related="company_id.skj_level_jpt_utama", readonly=False
    )
    skj_level_jpt_madya = fields.Integer(
        related="company_id.skj_level_jpt_madya", readonly=False
    )
    skj_level_jpt_pratama = fields.Integer(
        related="company_id.skj_level_jpt_pratama", readonly=False
    )
    skj_level_administrator = fields.Integer(
        related="company_id.skj_level_administrator", readonly=False
    )
    skj_level_pengawas = fields.Integer(
        related="company_id.skj_level_pengawas", readonly=False
    )
    skj_level_pelaksana = fields.Integer(
        related="company_id.skj_level_pelaksana", readonly=False
    )
    skj_level_ahli_utama = fields.Integer(
        related="company_id.skj_level_ahli_utama", readonly=False
    )
    skj_level_ahli_madya = fields.Integer(
        related="company_id.skj_level_ahli_madya", readonly=False
    )
    skj_level_ahli_muda = fields.Integer(
        related="company_id.skj_level_ahli_muda", readonly=False
    )
    skj_level_ahli_pertama = fields.Integer(
        related="company_id.skj_level_ahli_pertama", readonly=False
    )
    skj_level_penyelia = fields.Integer(
        related="company_id.skj_level_penyelia", readonly=False
    )
    skj_level_mahir = fields.Integer(
        related="company_id.skj_level_mahir", readonly=False
    )
    skj_level_terampil = fields.Integer(
        related="company_id.skj_level_terampil", readonly=False
    )
    skj_level_pemula = fields.Integer(
        related="company_id.skj_level_pemula", readonly=False
    )

    # Work-result suggestion thresholds
    kinerja_above_threshold = fields.Float(
        related="company_id.kinerja_above_threshold", readonly=False
    )
    kinerja_meets_threshold = fields.Float(
        related="company_id.kinerja_meets_threshold", readonly=False
    )

    # Yearly JP targets of the development plans
    kinerja_jp_target_pns = fields.Float(
        related="company_id.kinerja_jp_target_pns", readonly=False
    )
    kinerja_jp_target_pppk = fields.Float(
        related="company_id.kinerja_jp_target_pppk", readonly=False
    )

    # 360-degree feedback
    feedback_min_responses = fields.Integer(
        related="company_id.feedback_min_responses", readonly=False
    )
    feedback_peer_min = fields.Integer(
        related="company_id.feedback_peer_min", readonly=False
    )
    feedback_peer_max = fields.Integer(
        related="company_id.feedback_peer_max", readonly=False
    )
    feedback_subordinate_max = fields.Integer(
        related="company_id.feedback_subordinate_max", readonly=False
    )
    feedback_reminder_days = fields.Integer(
        related="company_id.feedback_reminder_days", readonly=False
    )
    feedback_weight_supervisor = fields.Float(
        related="company_id.feedback_weight_supervisor", readonly=False
    )
    feedback_weight_peer = fields.Float(
        related="company_id.feedback_weight_peer", readonly=False
    )
    feedback_weight_subordinate = fields.Float(
        related="company_id.feedback_weight_subordinate", readonly=False
    )
    feedback_weight_other = fields.Float(
        related="company_id.feedback_weight_other", readonly=False
    )
    feedback_weight_self = fields.Float(
        related="company_id.feedback_weight_self", readonly=False
    )
    # Staff accounts
    kinerja_signin_validity_days = fields.Integer(
        related="company_id.kinerja_signin_validity_days", readonly=False
    )
