from werkzeug.urls import url_encode, url_join

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

    def _kinerja_signin_url(self):
        """Odoo's own invitation link (auth_signup, /web/signup with a signed
        token) for the staff account invitation email, valid for the days HR
        chose (context ``kinerja_signin_hours``) instead of auth_signup's
        global setting. The token dies once the person has signed in (its
        payload holds the last login date) or when the partner's signup type
        is reset."""
        self.ensure_one()
        partner = self.sudo().partner_id
        hours = self.env.context.get("kinerja_signin_hours") or (
            24 * self.sudo().company_id.kinerja_signin_validity_days
        )
        query = url_encode(
            {
                "db": self.env.cr.dbname,
                "token": partner._generate_signup_token(expiration=hours),
            }
        )
        return url_join(partner.get_base_url(), f"/web/signup?{query}")
