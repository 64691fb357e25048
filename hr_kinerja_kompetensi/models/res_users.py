from odoo import models


class ResUsers(models.Model):
    _inherit = "res.users"

    def _kinerja_set_lang_if_active(self, lang):
        """Demo data: the agency's staff work in Indonesian. Set only when the
        language is installed before the demo loads (``--load-language=id_ID``,
        as scripts/run.sh does), so that everything written for them while
        the demo loads (activities of the opened cycles...) is in their
        language, and an install without it keeps working."""
        if self.env["res.lang"]._lang_get(lang):
            self.write({"lang": lang})
        return True
