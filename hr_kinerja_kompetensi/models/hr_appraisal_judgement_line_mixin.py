from odoo import fields, models


class HrAppraisalJudgementLineMixin(models.AbstractModel):
    """What the judgement of an appraisal line shares: the appraisal's
    judgement it belongs to, and the appraisal and company its record rules
    ask (security/hr_appraisal_judgement_rules.xml). Each model adds its
    ``line_id`` (unique) and the values it keeps."""

    _name = "hr.appraisal.judgement.line.mixin"
    _description = "Judgement of an appraisal line"

    judgement_id = fields.Many2one(
        "hr.appraisal.judgement", required=True, index=True, ondelete="cascade"
    )
    appraisal_id = fields.Many2one(
        related="judgement_id.appraisal_id", store=True, index=True
    )
    company_id = fields.Many2one(related="judgement_id.company_id", store=True)
