from odoo import api, models


class HrSkpDraftOnlyMixin(models.AbstractModel):
    """Lines of an SKP change only while the SKP is a draft: the approved
    plan is what the year is appraised against."""

    _name = "hr.skp.draft.only.mixin"
    _description = "Changed only while the SKP is a draft"

    def _draft_skps(self):
        raise NotImplementedError

    def _check_skp_draft(self):
        self._draft_skps()._check_draft(as_superuser=self.env.su)

    @api.model_create_multi
    def create(self, vals_list):
        records = super().create(vals_list)
        records._check_skp_draft()
        return records

    def write(self, vals):
        self._check_skp_draft()
        result = super().write(vals)
        self._check_skp_draft()  # moved to another SKP
        return result

    def unlink(self):
        self._check_skp_draft()
        return super().unlink()
