import logging

from odoo import http
from odoo.exceptions import UserError
from odoo.http import request

_logger = logging.getLogger(__name__)


class KinerjaFirstSignin(http.Controller):
    """The page where an employee without email uses the code HR printed:
    NIP + code + a new password, then they are signed in.

    Every refusal of the code says the same thing (wrong NIP, wrong code,
    expired, used, blocked), so that the page tells nobody which NIPs have a
    code. Wrong codes are counted on the NIP's code, which stops working
    after a few (see hr.kinerja.signin.code)."""

    @http.route(
        "/kinerja/first-sign-in",
        type="http",
        auth="public",
        methods=["GET", "POST"],
        website=True,
        sitemap=False,
    )
    def first_signin(self, **post):
        values = {"nip": post.get("nip", "")}
        if request.httprequest.method == "POST":
            error = self._redeem(
                post.get("nip", ""),
                post.get("code", ""),
                post.get("password", ""),
                post.get("confirm_password", ""),
            )
            if not error:
                return request.redirect("/odoo")
            values["error"] = error
        response = request.render("hr_kinerja_kompetensi.first_signin_page", values)
        response.headers["X-Frame-Options"] = "SAMEORIGIN"
        response.headers["Content-Security-Policy"] = "frame-ancestors 'self'"
        return response

    def _redeem(self, nip, code, password, confirm):
        """Set the password and sign in; returns the error to show, or None."""
        env = request.env
        record = env["hr.kinerja.signin.code"].sudo()._match(nip, code)
        if not record:
            return env._(
                "This NIP and code do not match a valid first sign-in code. "
                "Check both; a code works once, until the date on the slip, "
                "and stops after several wrong tries. Your HR officer can "
                "give you a new one."
            )
        if not password or password != confirm:
            return env._("The two passwords differ or are empty; type them again.")
        login = record.user_id.login
        try:
            with env.cr.savepoint():
                record._use(password)
        except UserError as error:
            # Odoo refused the password (policy); the code stays good
            return error.args[0]
        _logger.info("First sign-in code used by user #%s", record.user_id.id)
        # authenticate() opens its own cursor: the password must be committed
        env.cr.commit()
        request.session.authenticate(
            request.db, {"login": login, "password": password, "type": "password"}
        )
        return None
