from odoo import fields, models

OUTCOMES = [
    ("created", "Account created"),
    ("renewed", "First sign-in renewed"),
    ("has_user", "Skipped: has an account"),
    ("login_taken", "Skipped: NIP already a login"),
    ("duplicate_nip", "Skipped: NIP selected twice"),
    ("rights", "Skipped: account has more rights than staff"),
]
CHANNELS = [("email", "Invitation email"), ("code", "Printed code")]


class HrKinerjaAccountWizardLine(models.TransientModel):
    """What the accounts wizard did for one employee. The clear code of a
    printed first sign-in lives here only until the list is printed (then it
    is erased), readable by the officer who ran the wizard alone."""

    _name = "hr.kinerja.account.wizard.line"
    _description = "Staff Account Wizard Result"
    _order = "outcome, employee_name, id"

    wizard_id = fields.Many2one(
        "hr.kinerja.account.wizard", required=True, ondelete="cascade", index=True
    )
    employee_id = fields.Many2one("hr.employee", required=True, ondelete="cascade")
    employee_name = fields.Char(related="employee_id.name", store=True)
    nip = fields.Char(string="NIP", related="employee_id.nip")
    user_id = fields.Many2one("res.users", string="Account", ondelete="cascade")
    outcome = fields.Selection(OUTCOMES, required=True)
    channel = fields.Selection(CHANNELS, string="First sign-in")
    # Erased once printed; never shown on screen
    code = fields.Char()
