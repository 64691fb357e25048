import logging

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.tools import consteq
from odoo.tools.misc import hmac

from ..rules import nip as nip_rules
from ..rules import signin_code

_logger = logging.getLogger(__name__)

# Wrong codes typed for one NIP before its code stops working (HR renews it)
MAX_FAILED_ATTEMPTS = 5
_HMAC_SCOPE = "hr_kinerja_kompetensi.signin_code"


class HrKinerjaSigninCode(models.Model):
    """The one-time code HR prints for a new account without an email.

    Only a keyed hash is stored (HMAC-SHA256 with the database secret, bound
    to the user): the clear code exists in the printed list alone. A code
    works once, until its expiry, for a user who has never signed in, and
    stops after MAX_FAILED_ATTEMPTS wrong tries. Nobody reads this model but
    the system (sudo): its access line grants nothing to any group.
    """

    _name = "hr.kinerja.signin.code"
    _description = "First Sign-in Code"
    _order = "id desc"
    _rec_name = "user_id"

    user_id = fields.Many2one(
        "res.users", required=True, ondelete="cascade", index=True, readonly=True
    )
    code_hash = fields.Char(required=True, readonly=True)
    date_expiry = fields.Datetime(required=True, readonly=True)
    date_used = fields.Datetime(readonly=True)
    failed_attempts = fields.Integer(readonly=True)

    _sql_constraints = [
        (
            "user_unique",
            "UNIQUE(user_id)",
            "A user has at most one first sign-in code.",
        ),
    ]

    @api.model
    def _hash(self, user_id, code):
        return hmac(
            self.env(su=True), _HMAC_SCOPE, (user_id, signin_code.normalize(code))
        )

    @api.model
    def _issue(self, users, days):
        """New codes for ``users``, replacing their earlier ones.

        Returns ``({user id: clear code}, expiry)``; the caller hands the
        clear codes out and keeps them nowhere."""
        expiry = fields.Datetime.now() + relativedelta(days=days)
        codes = {user.id: signin_code.generate() for user in users}
        self._revoke(users)
        self.sudo().create(
            [
                {
                    "user_id": user_id,
                    "code_hash": self._hash(user_id, code),
                    "date_expiry": expiry,
                }
                for user_id, code in codes.items()
            ]
        )
        return codes, expiry

    @api.model
    def _revoke(self, users):
        """The codes of ``users`` stop working (they get another first
        sign-in)."""
        self.sudo().search([("user_id", "in", users.ids)]).unlink()

    @api.model
    def _match(self, nip, code):
        """The pending code of the account whose login is ``nip``, when
        ``code`` is its code; else an empty recordset. A wrong code for a
        pending one counts as a failed attempt (kept: the caller answers
        without raising)."""
        login = nip_rules.normalize(nip)
        record = self.sudo().search([("user_id.login", "=", login)], limit=1)
        if not record._is_pending():
            return self.browse()
        if not signin_code.is_well_formed(code) or not consteq(
            record.code_hash, self._hash(record.user_id.id, code)
        ):
            record.failed_attempts += 1
            _logger.info(
                "Wrong first sign-in code for user #%s (%s of %s)",
                record.user_id.id,
                record.failed_attempts,
                MAX_FAILED_ATTEMPTS,
            )
            return self.browse()
        return record

    def _is_pending(self):
        """Unused, unexpired, not blocked, and its account never signed in
        (once someone signed in, a leaked slip must not reset the password)."""
        if not self:
            return False
        self.ensure_one()
        return bool(
            not self.date_used
            and self.date_expiry > fields.Datetime.now()
            and self.failed_attempts < MAX_FAILED_ATTEMPTS
            and self.user_id.active
            and not self.user_id.login_date
        )

    def _use(self, password):
        """Give the code's account its first password and spend the code.
        Raises UserError when Odoo refuses the password (then the code is
        still good)."""
        self.ensure_one()
        self.user_id._change_password(password)
        self.date_used = fields.Datetime.now()
        # an invitation link sent earlier must not work any more either
        self.user_id.partner_id.signup_type = False

    @api.autovacuum
    def _gc_spent_codes(self):
        """Used, expired and blocked codes serve nobody: drop their hashes."""
        self.sudo().search(
            [
                "|",
                "|",
                ("date_used", "!=", False),
                ("date_expiry", "<", fields.Datetime.now()),
                ("failed_attempts", ">=", MAX_FAILED_ATTEMPTS),
            ]
        ).unlink()
